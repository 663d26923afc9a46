// Invite tokens: `<base64url(JSON claims)>.<base64url(HMAC-SHA256(payload, secret))>`, where `payload` is the
// first part as sent. Only the server can sign or verify; clients read the claims unverified for display.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ID_PATTERN } from '../common/rooms';
import { isRole, type Role } from '../common/roles';
import type { TokenClaims } from '../common/tokenClaims';

const B64URL = /^[A-Za-z0-9_-]+$/;
/** Tokens are short; anything longer is refused before any decoding work. */
export const MAX_TOKEN_LENGTH = 4096;
export const MAX_NAME_LENGTH = 200;

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' };

function mac(payload: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signToken(claims: TokenClaims, secret: Uint8Array): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

function validClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.ws === 'string' &&
    ID_PATTERN.test(c.ws) &&
    isRole(c.role) &&
    typeof c.name === 'string' &&
    c.name.length <= MAX_NAME_LENGTH &&
    typeof c.sub === 'string' &&
    ID_PATTERN.test(c.sub) &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp) &&
    (c.stakeholder === undefined || (typeof c.stakeholder === 'string' && ID_PATTERN.test(c.stakeholder)))
  );
}

/** Checks the signature in constant time, then the claims' shape, then expiry. */
export function verifyToken(token: string | null | undefined, secret: Uint8Array, nowSeconds = Date.now() / 1000): VerifyResult {
  if (!token) return { ok: false, reason: 'missing' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
  const payload = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  if (!B64URL.test(payload) || !B64URL.test(signature)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload, secret);
  // timingSafeEqual needs equal lengths; comparing against a same-length buffer keeps the timing flat.
  const sameLength = given.length === expected.length;
  if (!timingSafeEqual(sameLength ? given : Buffer.alloc(expected.length), expected) || !sameLength) {
    return { ok: false, reason: 'signature' };
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!validClaims(claims)) return { ok: false, reason: 'malformed' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

export interface IssueOptions {
  workspaceId: string;
  role: Role;
  name: string;
  days: number;
  /** registry id of the stakeholder the invite is issued to */
  stakeholder?: string;
  now?: number;
}

/** A fresh random `sub` per invite: the user id the client writes as `authorId` and the server checks. */
export function issueToken(options: IssueOptions, secret: Uint8Array): { token: string; claims: TokenClaims } {
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: TokenClaims = {
    ws: options.workspaceId,
    role: options.role,
    name: options.name,
    sub: randomBytes(12).toString('base64url'),
    exp: nowSeconds + Math.round(options.days * 86_400),
    ...(options.stakeholder ? { stakeholder: options.stakeholder } : {}),
  };
  return { token: signToken(claims, secret), claims };
}
