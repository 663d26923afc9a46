// rapporteur://join?server=...&token=... links reach us three ways: argv of the first launch (Windows/Linux),
// argv of a second instance, and macOS 'open-url'. All of them become one 'join-invite' MenuEvent.
import type { MenuEvent } from '../../common/desktopApi';
import { APP_PROTOCOL, parseInvite } from '../../common/invite';

const PREFIX = `${APP_PROTOCOL}://`;

/** The join-invite event for a deep link, or null when the text is not a valid invite link. */
export function inviteEventFrom(link: string): MenuEvent | null {
  const trimmed = link.trim();
  if (!trimmed.toLowerCase().startsWith(`${PREFIX}join`) || trimmed.length > 8192) return null;
  return parseInvite(trimmed) ? { command: 'join-invite', payload: trimmed } : null;
}

/** The first valid invite link among command-line arguments (the OS appends it to argv). */
export function inviteEventFromArgv(argv: readonly string[]): MenuEvent | null {
  for (const arg of argv) {
    const event = inviteEventFrom(arg);
    if (event) return event;
  }
  return null;
}
