// rapporteur://join?server=...&token=... links reach us three ways: argv of the first launch (Windows/Linux),
// argv of a second instance, and macOS 'open-url'. A valid one becomes one 'join-invite' MenuEvent; anything
// else that claims our scheme is refused with a reason the user is shown (links come from other programs and
// web pages, so they are hostile until checked).
import type { MenuEvent } from '../../common/desktopApi';
import { APP_PROTOCOL, parseInvite } from '../../common/invite';

const PREFIX = `${APP_PROTOCOL}://`;
export const MAX_LINK_LENGTH = 4096;
/** Signed invite tokens are a few hundred characters; anything far longer is not one of ours. */
export const MAX_TOKEN_LENGTH = 2048;
const ALLOWED_PARAMS = new Set(['server', 'token']);

export type DeepLinkCheck = { ok: true; event: MenuEvent } | { ok: false; reason: string };

const refuse = (reason: string): DeepLinkCheck => ({ ok: false, reason });

/** Whether an argument claims our scheme (and so must be either accepted or refused with a reason). */
export const isAppLink = (text: string): boolean => text.trim().toLowerCase().startsWith(`${APP_PROTOCOL}:`);

/** Checks a rapporteur:// link: exactly `rapporteur://join?server=<ws(s) url>&token=<token>`, nothing more. */
export function checkDeepLink(link: string): DeepLinkCheck {
  const trimmed = link.trim();
  if (trimmed.length > MAX_LINK_LENGTH) return refuse(`the link is ${trimmed.length} characters long; invite links are at most ${MAX_LINK_LENGTH}`);
  if (!trimmed.toLowerCase().startsWith(PREFIX)) return refuse(`it is not a ${PREFIX} link`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse('it is not a valid address');
  }
  if (url.username || url.password || url.port) return refuse('it carries a user name, password or port, which invite links never do');
  const action = url.hostname.toLowerCase();
  if (action !== 'join') return refuse(`"${url.hostname || '(empty)'}" is not something the app does; invite links start with ${PREFIX}join`);
  // Checked on the raw text: URL parsing would resolve "join/.." back to "join/".
  if (!/^rapporteur:\/\/join\/?\?/i.test(trimmed)) return refuse('it has a path after "join"; invite links have none');
  if (url.hash) return refuse('it has a #fragment; invite links have none');
  const names = [...url.searchParams.keys()];
  const unexpected = names.find((name) => !ALLOWED_PARAMS.has(name));
  if (unexpected !== undefined) return refuse(`it has an unexpected parameter "${unexpected.slice(0, 40)}"`);
  for (const name of ALLOWED_PARAMS) {
    const count = names.filter((n) => n === name).length;
    if (count !== 1) return refuse(count === 0 ? `it has no ${name}` : `it has ${count} ${name} parameters`);
  }
  const token = url.searchParams.get('token') ?? '';
  if (token.length > MAX_TOKEN_LENGTH) return refuse(`its token is ${token.length} characters long; invite tokens are at most ${MAX_TOKEN_LENGTH}`);
  const server = url.searchParams.get('server') ?? '';
  let serverUrl: URL | undefined;
  try {
    serverUrl = new URL(server);
  } catch {
    serverUrl = undefined;
  }
  if (!serverUrl || (serverUrl.protocol !== 'ws:' && serverUrl.protocol !== 'wss:') || !serverUrl.hostname) {
    return refuse('its server is not a ws:// or wss:// address');
  }
  if (serverUrl.username || serverUrl.password) return refuse('its server address carries a user name or password');
  if (!parseInvite(trimmed)) return refuse('its token contains characters invite tokens never have');
  return { ok: true, event: { command: 'join-invite', payload: trimmed } };
}

/** The join-invite event for a deep link, or null when the text is not a valid invite link. */
export function inviteEventFrom(link: string): MenuEvent | null {
  const check = checkDeepLink(link);
  return check.ok ? check.event : null;
}

/** The first argument that claims our scheme (the OS appends the link to argv), checked; null when there is none. */
export function deepLinkFromArgv(argv: readonly string[]): { link: string; check: DeepLinkCheck } | null {
  const link = argv.find(isAppLink);
  return link === undefined ? null : { link, check: checkDeepLink(link) };
}

/** The first valid invite link among command-line arguments. */
export function inviteEventFromArgv(argv: readonly string[]): MenuEvent | null {
  for (const arg of argv) {
    const event = inviteEventFrom(arg);
    if (event) return event;
  }
  return null;
}

/** What the user is told about a refused link: the start of the link (never all of a huge one) and why. */
export function refusalMessage(link: string, reason: string): string {
  const trimmed = link.trim();
  const shown = trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed;
  return `Rapporteur refused the link "${shown}": ${reason}.`;
}
