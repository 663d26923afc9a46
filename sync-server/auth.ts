// Auth before upgrade: the request URL decides, from the token and the room path, whether a websocket may
// open. Missing/malformed/badly signed/expired token: 401. Token for another workspace: 403. No such room: 404.
import { docNameOf, parseRoomPath, type RoomRef } from '../common/rooms';
import { TOKEN_QUERY_PARAM } from '../common/syncProtocol';
import type { TokenClaims } from '../common/tokenClaims';
import { verifyToken } from './token';

export type UpgradeDecision =
  | { ok: true; ref: RoomRef; docName: string; claims: TokenClaims }
  | { ok: false; status: 401 | 403 | 404; reason: string };

export function authorizeUpgrade(requestUrl: string | undefined, secret: Uint8Array, nowSeconds = Date.now() / 1000): UpgradeDecision {
  let url: URL;
  try {
    url = new URL(requestUrl ?? '/', 'http://localhost');
  } catch {
    return { ok: false, status: 404, reason: 'bad url' };
  }
  // The token is checked first so that an unauthenticated client learns nothing about which rooms exist.
  const verified = verifyToken(url.searchParams.get(TOKEN_QUERY_PARAM), secret, nowSeconds);
  if (!verified.ok) return { ok: false, status: 401, reason: `token ${verified.reason}` };
  const ref = parseRoomPath(url.pathname);
  if (!ref) return { ok: false, status: 404, reason: 'no such room' };
  if (ref.workspaceId !== verified.claims.ws) return { ok: false, status: 403, reason: 'token is for another workspace' };
  return { ok: true, ref, docName: docNameOf(ref), claims: verified.claims };
}
