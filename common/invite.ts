// Invite links: `rapporteur://join?server=<ws url>&token=<token>` for the desktop app,
// `<http url>/#/join?server=...&token=...` for a browser. Both carry the same two values.

export const APP_PROTOCOL = 'rapporteur';

export interface Invite {
  server: string;
  token: string;
}

export function desktopInviteLink(invite: Invite): string {
  const q = new URLSearchParams({ server: invite.server, token: invite.token });
  return `${APP_PROTOCOL}://join?${q.toString()}`;
}

export function browserInviteLink(httpBase: string, invite: Invite): string {
  const q = new URLSearchParams({ server: invite.server, token: invite.token });
  return `${httpBase.replace(/\/+$/, '')}/#/join?${q.toString()}`;
}

/** Accepts either form of link (or a bare query string); null when it is not a valid invite. */
export function parseInvite(text: string): Invite | null {
  const trimmed = text.trim();
  const queryStart = trimmed.indexOf('?');
  if (queryStart < 0) return null;
  const q = new URLSearchParams(trimmed.slice(queryStart + 1));
  const server = q.get('server');
  const token = q.get('token');
  if (!server || !token) return null;
  if (!/^wss?:\/\/[^\s/]+/.test(server)) return null;
  if (!/^[A-Za-z0-9._-]+$/.test(token)) return null;
  return { server, token };
}
