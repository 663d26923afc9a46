// Serves the renderer's web build (dist/web) to browsers: GET/HEAD only, paths resolved inside the root (no
// traversal, no symlinks out of it), content types by extension (common/mime.ts), `/` -> index.html. index.html and sw.js are
// revalidated on every load (a service worker update must be seen at once); hashed assets are immutable.
import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { mimeTypeFor } from '../common/mime';

export const MISSING_BUILD_TEXT = 'The web build was not found. Run `npm run build:web` first.\n';
const NO_CACHE = new Set(['index.html', 'sw.js']);
/** Vite names hashed assets `name-<hash>.ext`. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function cacheControlOf(relativePath: string): string {
  const base = relativePath.split('/').pop() ?? '';
  if (NO_CACHE.has(base) || base.endsWith('.html') || base.endsWith('.webmanifest')) return 'no-cache';
  if (HASHED.test(base)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * Maps a request path to a file path inside `root`, or null when it is not a plain path below the root
 * (encoded separators, NUL bytes, `..` segments, backslashes, or anything that would resolve outside).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const full = resolve(root, relative);
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

function sendText(res: ServerResponse, status: number, text: string, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : text);
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A request handler for `root`. It answers every request it gets (404 when nothing matches). */
export function createStaticHandler(rootDir: string): StaticHandler {
  const root = resolve(rootDir);
  let realRoot: string | null = null;

  return async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed\n', false);
      return;
    }
    const urlPath = (req.url ?? '/').replace(/[?#].*$/s, '');
    if (realRoot === null) {
      try {
        realRoot = await realpath(root);
      } catch {
        sendText(res, 404, MISSING_BUILD_TEXT, head);
        return;
      }
    }
    let file = resolveInside(realRoot, urlPath);
    if (!file) {
      sendText(res, 404, 'Not found\n', head);
      return;
    }
    let info: Stats;
    try {
      // realpath follows symlinks; the result must still be inside the root.
      file = await realpath(file);
      if (!file.startsWith(realRoot + sep)) throw new Error('outside root');
      info = await stat(file);
      if (info.isDirectory()) {
        file = await realpath(resolve(file, 'index.html'));
        if (!file.startsWith(realRoot + sep)) throw new Error('outside root');
        info = await stat(file);
      }
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      const isRoot = urlPath === '/' || urlPath === '';
      sendText(res, 404, isRoot ? MISSING_BUILD_TEXT : 'Not found\n', head);
      return;
    }
    const relative = file.slice(realRoot.length + 1).split(sep).join('/');
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': mimeTypeFor(file),
      'Cache-Control': cacheControlOf(relative),
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = info.size;
    res.writeHead(200, headers);
    if (head) {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}
