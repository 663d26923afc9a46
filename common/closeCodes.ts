// Websocket close codes shared by the sync server and the client (4000-4999 is the application range).

export const CloseCode = {
  /** RFC 6455: message too big. */
  MessageTooBig: 1009,
  /** RFC 6455: policy violation (generic). */
  PolicyViolation: 1008,
  /** The update touched something the connection's role may not change. */
  ForbiddenUpdate: 4403,
  /** The message could not be decoded. */
  MalformedMessage: 4400,
  /** The token expired (while the connection was open, or before it: the app's clients learn it this way). */
  TokenExpired: 4401,
  /** The invite is not valid on this server (bad signature, e.g. the secret changed; another workspace). */
  InviteInvalid: 4410,
  /** The server is shutting down; reconnect later. */
  ServerShutdown: 4503,
  /** The server cannot commit (its database, e.g. PostgreSQL, is unreachable): nothing was stored; retry later. */
  StorageUnavailable: 4504,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Plain-language reason for the status bar; keys are i18n message ids. */
export function closeReasonKey(code: number): string | null {
  switch (code) {
    case CloseCode.ForbiddenUpdate:
      return 'sync.closed.forbidden';
    case CloseCode.MalformedMessage:
      return 'sync.closed.malformed';
    case CloseCode.TokenExpired:
      return 'sync.closed.expired';
    case CloseCode.InviteInvalid:
      return 'sync.closed.inviteInvalid';
    case CloseCode.MessageTooBig:
      return 'sync.closed.tooBig';
    case CloseCode.StorageUnavailable:
      return 'sync.closed.storage';
    default:
      return null;
  }
}
