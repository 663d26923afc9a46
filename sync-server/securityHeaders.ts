// Security headers for everything the server answers over http, the web build above all. The CSP repeats the web
// build's meta CSP (renderer/index.html) and adds what a meta tag cannot carry (frame-ancestors) or should not
// (connect-src narrowed to this server and the configured ones). Kept in this one function so that the base
// policy can later come from common/ without touching the server.

/** Today's meta CSP of the web build without its connect-src, which is per server here. */
const BASE_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
];

/** A Host header we are willing to echo into a policy: host name or address, optional port. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * Headers for one response. `host` is the request's Host header: the page's own websocket origin (ws:// and wss://
 * on that host) is always allowed in connect-src; `connectSrc` adds other sync servers (e.g. wss://sync.example.org).
 */
export function securityHeaders(host: string | undefined, connectSrc: readonly string[] = []): Record<string, string> {
  const own = host && HOST.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
  const connect = ["connect-src 'self'", ...own, ...connectSrc].join(' ');
  return {
    'Content-Security-Policy': [...BASE_DIRECTIVES, connect, "frame-ancestors 'none'"].join('; '),
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** A connect-src entry given on the command line: an origin with a ws/wss/http/https scheme, nothing else. */
export function isConnectSource(value: string): boolean {
  return /^(wss?|https?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.*-]+)(:(\d{1,5}|\*))?$/.test(value);
}
