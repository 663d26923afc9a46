import { describe, expect, it } from 'vitest';
import { readInvite } from './joinWorkspace';
import { desktopInviteLink, browserInviteLink } from '../../../common/invite';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = (claims: object) => `${b64(claims)}.c2lnbmF0dXJl`;

describe('readInvite', () => {
  const claims = { ws: 'ws1', role: 'commenter', name: 'Ana', sub: 'u1', exp: 2_000_000_000 };
  it('reads desktop and browser links alike', () => {
    for (const link of [desktopInviteLink({ server: 'ws://127.0.0.1:4321', token: token(claims) }), browserInviteLink('http://127.0.0.1:4321', { server: 'ws://127.0.0.1:4321', token: token(claims) })]) {
      const r = readInvite(link, 0);
      expect('error' in r).toBe(false);
      if (!('error' in r)) expect(r.claims).toMatchObject({ ws: 'ws1', role: 'commenter', name: 'Ana' });
    }
  });
  it('refuses garbage, bad servers and expired tokens with a reason', () => {
    expect(readInvite('hello')).toEqual({ error: 'join.error.invalid' });
    expect(readInvite(`rapporteur://join?server=http://x&token=${token(claims)}`)).toEqual({ error: 'join.error.invalid' });
    expect(readInvite(desktopInviteLink({ server: 'ws://h', token: token({ ...claims, exp: 1 }) }), 10_000)).toEqual({ error: 'join.error.expired' });
  });
});
