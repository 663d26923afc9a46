// Wire constants of the y-websocket protocol as our sync server speaks it. The client side is the stock
// y-websocket provider (which has its own copies) with our send path (renderer/src/sync/syncProvider.ts); that,
// the server and tests read them from here.
//
//   frame   = varUint(messageType) payload
//   Sync      payload = y-protocols/sync message (step 1: state vector, step 2 / update: Yjs update v1)
//   Awareness payload = varUint8Array(y-protocols/awareness update)
//   QueryAwareness    = no payload; the peer answers with an Awareness message of all known states

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Query parameter that carries the invite token on the websocket URL (`?token=...`). */
export const TOKEN_QUERY_PARAM = 'token';

/** The subprotocol the server selects when a client sends its token as a subprotocol (browsers need one echoed). */
export const SUBPROTOCOL = 'rapporteur';
/**
 * `rapporteur.token.<token>`: the token as a subprotocol (Sec-WebSocket-Protocol), so it stays out of URLs and
 * reverse-proxy access logs. Tokens are base64url and one '.', all valid subprotocol characters (RFC 6455 token).
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'rapporteur.token.';

/** What a client offers: the plain subprotocol (the one echoed) and the one carrying the token. */
export const tokenSubprotocols = (token: string): string[] => [SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + token];
