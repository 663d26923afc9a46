import { describe, expect, it } from 'vitest';
import { desktopInviteLink } from '../../common/invite';
import { inviteEventFrom, inviteEventFromArgv } from './deepLink';

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
