import type { Role } from './roles';

/** What a signed invite token carries. The signature is checked by the server only; clients read claims for display. */
export interface TokenClaims {
  /** workspace id */
  ws: string;
  role: Role;
  /** display name */
  name: string;
  /** stable user id for this invite; the client uses it as its author id so the server can check ownership */
  sub: string;
  /** expiry, seconds since epoch */
  exp: number;
  /**
   * the registered stakeholder this invite was issued to (a registry id), if any. A commenter's threads then carry
   * this stakeholderId and no other; without it they carry none. The server enforces both.
   */
  stakeholder?: string;
}

/** Reads the claims of `<base64url(json)>.<base64url(hmac)>` without verifying it (client side, display only). */
export function readClaimsUnverified(token: string): TokenClaims | null {
  const [payload] = token.split('.');
  if (!payload) return null;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(b64), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    const claims = JSON.parse(json) as TokenClaims;
    return typeof claims.ws === 'string' && typeof claims.exp === 'number' ? claims : null;
  } catch {
    return null;
  }
}
