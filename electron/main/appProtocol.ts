// Serves the built renderer (out/renderer) on app://rapporteur so the app gets a real, secure origin
// (IndexedDB, fetch, CSP 'self') instead of file://. Every response carries the strict CSP of common/csp.ts.
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../common/csp';
import { mimeTypeFor } from '../../common/mime';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/** The same policy the build puts in index.html's meta tag (common/csp.ts); the header makes it cover every response. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * Must run before app 'ready': gives app:// a standard, secure origin with fetch support, and V8's code cache
 * (off by default for custom schemes): a start after the first compiles the scripts from the cache, as a browser
 * does for a site it has seen, instead of parsing ~0.7 MB of JavaScript again (issue 13, the list's cold start).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Maps an app:// URL to a file under root, or null when the URL is for another host, is malformed,
 * or would escape root (../, encoded separators, NUL bytes).
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  return target.startsWith(base + sep) ? target : null;
}

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const textResponse = (status: number, body: string): Response =>
  new Response(body, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

/** The protocol handler itself; plain Request -> Response so it is testable without Electron. */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const filePath = resolveAppPath(root, request.url);
    if (!filePath) return textResponse(404, 'Not found');
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return textResponse(404, 'Not found');
      const headers = { ...baseHeaders(), 'Content-Type': mimeTypeFor(filePath), 'Content-Length': String(info.size) };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = await readFile(filePath);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { status: 200, headers });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}

/** Call after app 'ready'. */
export function installAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root));
}
