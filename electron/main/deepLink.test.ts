import { describe, expect, it } from 'vitest';
import { desktopInviteLink } from '../../common/invite';
import { MAX_LINK_LENGTH, MAX_TOKEN_LENGTH, checkDeepLink, deepLinkFromArgv, inviteEventFrom, inviteEventFromArgv, refusalMessage } from './deepLink';

const link = desktopInviteLink({ server: 'wss://sync.example.org', token: 'abc.DEF-123_x' });

describe('inviteEventFrom', () => {
  it('turns a valid invite link into a join-invite event carrying the link', () => {
    expect(inviteEventFrom(link)).toEqual({ command: 'join-invite', payload: link });
    expect(inviteEventFrom(`  ${link}\n`)).toEqual({ command: 'join-invite', payload: link });
  });

  it('ignores other schemes, other paths and invalid invites', () => {
    for (const text of [
      link.replace('rapporteur://', 'https://'),
      'rapporteur://open?server=wss://x&token=t',
      'rapporteur://join?server=http://x&token=t',
      'rapporteur://join?server=wss://x&token=bad token',
      'rapporteur://join',
      '--flag',
      '',
    ]) {
      expect(inviteEventFrom(text), text).toBeNull();
    }
  });
});

describe('inviteEventFromArgv', () => {
  it('finds the link among the arguments the OS passed', () => {
    expect(inviteEventFromArgv(['/opt/Rapporteur/rapporteur', '--no-sandbox', link])).toEqual({ command: 'join-invite', payload: link });
    expect(inviteEventFromArgv(['/usr/bin/electron', 'out/main/index.js'])).toBeNull();
  });
});

describe('checkDeepLink refuses hostile links with a reason', () => {
  const server = encodeURIComponent('wss://sync.example.org');
  const cases: Array<[string, string, RegExp]> = [
    ['a path after join', `rapporteur://join/../../etc/passwd?server=${server}&token=t`, /path/],
    ['a path that URL parsing would fold away', `rapporteur://join/..?server=${server}&token=t`, /path/],
    ['an encoded path', `rapporteur://join/%2e%2e%2fsecret?server=${server}&token=t`, /path/],
    ['a different host', `rapporteur://evil.example.org/join?server=${server}&token=t`, /not something the app does/],
    ['a host that starts like join', `rapporteur://join.evil.example.org?server=${server}&token=t`, /not something the app does/],
    ['user info before the host', `rapporteur://join@evil.example.org?server=${server}&token=t`, /user name/],
    ['a port', `rapporteur://join:8080?server=${server}&token=t`, /port/],
    ['an overlong token', `rapporteur://join?server=${server}&token=${'a'.repeat(MAX_TOKEN_LENGTH + 1)}`, /token is 2049 characters/],
    ['an overlong link', `rapporteur://join?server=${server}&token=t&x=${'a'.repeat(MAX_LINK_LENGTH)}`, /at most 4096/],
    ['an extra parameter', `rapporteur://join?server=${server}&token=t&redirect=https://evil`, /unexpected parameter "redirect"/],
    ['two tokens', `rapporteur://join?server=${server}&token=t&token=u`, /2 token parameters/],
    ['a non-websocket server', `rapporteur://join?server=${encodeURIComponent('file:///etc/passwd')}&token=t`, /ws:\/\/ or wss:\/\//],
    ['credentials in the server', `rapporteur://join?server=${encodeURIComponent('wss://u:p@sync.example.org')}&token=t`, /user name or password/],
    ['a fragment', `rapporteur://join?server=${server}&token=t#x`, /fragment/],
    ['another action', 'rapporteur://open?server=wss://x&token=t', /not something the app does/],
  ];
  for (const [name, text, reason] of cases) {
    it(name, () => {
      const check = checkDeepLink(text);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.reason).toMatch(reason);
      expect(inviteEventFrom(text)).toBeNull();
    });
  }

  it('accepts the valid link, with or without a slash after join', () => {
    expect(checkDeepLink(link)).toEqual({ ok: true, event: { command: 'join-invite', payload: link } });
    const slashed = link.replace('://join?', '://join/?');
    expect(checkDeepLink(slashed)).toEqual({ ok: true, event: { command: 'join-invite', payload: slashed } });
  });

  it('finds the link in argv and reports a refusal instead of ignoring it', () => {
    expect(deepLinkFromArgv(['/opt/Rapporteur/rapporteur', '--no-sandbox'])).toBeNull();
    const hostile = `rapporteur://evil.example.org/join?server=${server}&token=t`;
    expect(deepLinkFromArgv(['/opt/Rapporteur/rapporteur', hostile])).toMatchObject({ link: hostile, check: { ok: false } });
    expect(deepLinkFromArgv(['/opt/Rapporteur/rapporteur', link])).toEqual({ link, check: { ok: true, event: { command: 'join-invite', payload: link } } });
    expect(refusalMessage(hostile, 'why')).toBe(`Rapporteur refused the link "${hostile}": why.`);
    expect(refusalMessage(`rapporteur://join?token=${'a'.repeat(500)}`, 'why').length).toBeLessThan(140);
  });
});
