// Security headers for everything the server answers over http, the web build above all. The CSP is the web
// build's (common/csp.ts) with connect-src narrowed to this server and the configured ones, plus what a meta tag
// cannot carry (frame-ancestors).
import { contentSecurityPolicy } from '../common/csp';

/** A Host header we are willing to echo into a policy: host name or address, optional port. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * Headers for one response. `host` is the request's Host header: the page's own websocket origin (ws:// and wss://
 * on that host) is always allowed in connect-src; `connectSrc` adds other sync servers (e.g. wss://sync.example.org).
 */
export function securityHeaders(host: string | undefined, connectSrc: readonly string[] = []): Record<string, string> {
  const own = host && HOST.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
  const policy = contentSecurityPolicy({ connectSrc: [...own, ...connectSrc] });
  return {
    'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** A connect-src entry given on the command line: an origin with a ws/wss/http/https scheme, nothing else. */
export function isConnectSource(value: string): boolean {
  return /^(wss?|https?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.*-]+)(:(\d{1,5}|\*))?$/.test(value);
}
