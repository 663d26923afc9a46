// Where the renderer lives: app://rapporteur in production, the electron-vite dev server in development.
// Navigation guards, the permission handler and the IPC sender check all ask isTrustedUrl.

import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../common/appOrigin';

export { APP_HOST, APP_ORIGIN, APP_SCHEME };
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface TrustPolicy {
  /** Origin of the dev server (http://localhost:5173) when running under electron-vite dev; undefined when packaged. */
  devOrigin?: string;
}

/** The origin of ELECTRON_RENDERER_URL, or undefined when it is absent or not http(s). */
export function devOriginFrom(rendererUrl: string | undefined): string | undefined {
  if (!rendererUrl) return undefined;
  try {
    const url = new URL(rendererUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function isTrustedUrl(url: string, policy: TrustPolicy = {}): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // app: is not a "special" scheme to the WHATWG URL parser, so URL.origin is "null"; compare the parts instead.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST && !parsed.username && !parsed.password;
  return policy.devOrigin !== undefined && parsed.origin === policy.devOrigin;
}
