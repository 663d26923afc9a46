import { describe, expect, it } from 'vitest';
import { readClaimsUnverified } from '../common/tokenClaims';
import { issueToken, signToken, verifyToken } from './token';

const secret = Buffer.from('0123456789abcdef0123456789abcdef');
const now = 1_800_000_000;

describe('tokens', () => {
  it('round-trips issued claims and gives each invite its own sub', () => {
    const a = issueToken({ workspaceId: 'ws1', role: 'commenter', name: 'Ana Müller', days: 30, now: now * 1000 }, secret);
    const b = issueToken({ workspaceId: 'ws1', role: 'commenter', name: 'Ana Müller', days: 30, now: now * 1000 }, secret);
    expect(a.claims.sub).not.toBe(b.claims.sub);
    expect(a.claims.exp).toBe(now + 30 * 86_400);
    expect(verifyToken(a.token, secret, now)).toEqual({ ok: true, claims: a.claims });
    // The client reads the same claims without the secret.
    expect(readClaimsUnverified(a.token)).toEqual(a.claims);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a wrong secret, a changed payload, a changed signature', () => {
    const { token } = issueToken({ workspaceId: 'ws1', role: 'viewer', name: 'V', days: 1, now: now * 1000 }, secret);
    expect(verifyToken(token, Buffer.from('another-secret-another-secret!!'), now)).toEqual({ ok: false, reason: 'signature' });
    const [payload = '', sig = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'editor' })).toString('base64url');
    expect(verifyToken(`${forged}.${sig}`, secret, now)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyToken(`${payload}.${sig.slice(0, -2)}`, secret, now)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses expired tokens', () => {
    const { token, claims } = issueToken({ workspaceId: 'ws1', role: 'editor', name: 'E', days: 1, now: now * 1000 }, secret);
    expect(verifyToken(token, secret, claims.exp - 1).ok).toBe(true);
    expect(verifyToken(token, secret, claims.exp)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses missing and malformed tokens, and signed claims of the wrong shape', () => {
    expect(verifyToken(null, secret)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyToken('', secret)).toEqual({ ok: false, reason: 'missing' });
    for (const bad of ['abc', 'a.b.c', '.sig', 'pay load.sig', 'x'.repeat(5000)]) expect(verifyToken(bad, secret).ok).toBe(false);
    const wrongRole = signToken({ ws: 'ws1', role: 'admin' as never, name: 'x', sub: 's', exp: now + 10 }, secret);
    expect(verifyToken(wrongRole, secret, now)).toEqual({ ok: false, reason: 'malformed' });
    const badWs = signToken({ ws: '../x', role: 'editor', name: 'x', sub: 's', exp: now + 10 }, secret);
    expect(verifyToken(badWs, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
