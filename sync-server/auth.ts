// Auth before upgrade: the request URL decides, from the token and the room path, whether a websocket may
// open. Missing/malformed/badly signed/expired token: 401. Token for another workspace: 403. No such room: 404.
// The token comes from the Sec-WebSocket-Protocol header (`rapporteur.token.<token>`, the app's way) or else from
// the `token` query parameter (the stock provider's way).
import { CloseCode } from '../common/closeCodes';
import { docNameOf, parseRoomPath, type RoomRef } from '../common/rooms';
import { SUBPROTOCOL, TOKEN_QUERY_PARAM, TOKEN_SUBPROTOCOL_PREFIX } from '../common/syncProtocol';
import type { TokenClaims } from '../common/tokenClaims';
import { verifyToken } from './token';

export type UpgradeDecision =
  | { ok: true; ref: RoomRef; docName: string; claims: TokenClaims }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/** The token offered as a subprotocol in a Sec-WebSocket-Protocol header, or null. */
export function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const p = part.trim();
    if (p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return p.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  }
  return null;
}

/** The subprotocol to echo: ours when offered, else the token one (a client that offered only that needs it back). */
export function selectProtocol(offered: ReadonlySet<string>): string | false {
  if (offered.has(SUBPROTOCOL)) return SUBPROTOCOL;
  for (const p of offered) if (p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return p;
  return false;
}

export function authorizeUpgrade(
  requestUrl: string | undefined,
  secret: Uint8Array,
  nowSeconds = Date.now() / 1000,
  protocolHeader?: string,
): UpgradeDecision {
  let url: URL;
  try {
    url = new URL(requestUrl ?? '/', 'http://localhost');
  } catch {
    return { ok: false, status: 404, reason: 'bad url' };
  }
  // The token is checked first so that an unauthenticated client learns nothing about which rooms exist.
  const token = tokenFromProtocols(protocolHeader) ?? url.searchParams.get(TOKEN_QUERY_PARAM);
  const verified = verifyToken(token, secret, nowSeconds);
  if (!verified.ok) return { ok: false, status: 401, reason: `token ${verified.reason}` };
  const ref = parseRoomPath(url.pathname);
  if (!ref) return { ok: false, status: 404, reason: 'no such room' };
  if (ref.workspaceId !== verified.claims.ws) return { ok: false, status: 403, reason: 'token is for another workspace' };
  return { ok: true, ref, docName: docNameOf(ref), claims: verified.claims };
}

/** Whether the client offered the app's subprotocol (so it understands our close codes; browsers see no HTTP status). */
export function offersAppSubprotocol(header: string | undefined): boolean {
  return !!header && header.split(',').some((p) => p.trim() === SUBPROTOCOL);
}

/** The close code that tells an app client why its invite was refused (401 or 403 before the upgrade). */
export function authCloseCode(reason: string): number {
  return reason === 'token expired' ? CloseCode.TokenExpired : CloseCode.InviteInvalid;
}
