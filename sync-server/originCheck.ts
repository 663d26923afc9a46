// The websocket upgrade's Origin check. Browsers always send Origin; a page of another site must not open a
// socket with a token it found (or a cookie-less replay). Allowed: the server's own origin (Origin's host equals
// the Host header, as behind a reverse proxy that keeps Host), the desktop app (app://rapporteur) and configured
// origins. Requests without Origin come from non-browser clients (the stock provider in Node, the export CLI):
// they carry a token and are allowed.

import { APP_ORIGIN } from '../common/appOrigin';

const normalize = (origin: string) => origin.trim().replace(/\/+$/, '').toLowerCase();

/** A configured origin: scheme://host[:port], no path. */
export function isOrigin(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?\/?$/i.test(value.trim());
}

export type OriginCheck = (origin: string | undefined, host: string | undefined) => boolean;

export function createOriginCheck(configured: readonly string[]): OriginCheck {
  const allowed = new Set([APP_ORIGIN, ...configured].map(normalize));
  return (origin, host) => {
    if (origin === undefined) return true;
    const o = normalize(origin);
    if (allowed.has(o)) return true;
    if (!host) return false;
    const match = /^(https?):\/\/(.+)$/.exec(o);
    return match !== null && match[2] === host.toLowerCase();
  };
}
