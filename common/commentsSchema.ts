// Layout of a document's companion comments Y.Doc (`doc.<ws>.<doc>.comments`). Shared because the sync server
// inspects commenters' updates against it: a commenter may add threads and replies, and edit only their own.
//
//   root Y.Map COMMENTS_ROOT: threadId -> Y.Map (ThreadKey fields)
//     ThreadKey.replies: Y.Array<Y.Map> (ReplyKey fields)
//     ThreadKey.history / ReplyKey.history: Y.Array<{ body, editedAt }> (earlier bodies, append-only)
//     ThreadKey.response: Y.XmlFragment (rapporteur's answer, rich text)

export const COMMENTS_ROOT = 'comments';

export const ThreadKey = {
  id: 'id',
  /** { from: base64 Y.RelativePosition, to: base64 Y.RelativePosition, quote: string } */
  anchor: 'anchor',
  /** user id of whoever entered it (token `sub` or local identity id) */
  authorId: 'authorId',
  authorName: 'authorName',
  /** set when entered on behalf of a registered stakeholder */
  stakeholderId: 'stakeholderId',
  /** { name, organisation, group, region, gender? } copied at entry time so it stays readable */
  attribution: 'attribution',
  type: 'type',
  body: 'body',
  proposedWording: 'proposedWording',
  createdAt: 'createdAt',
  editedAt: 'editedAt',
  history: 'history',
  replies: 'replies',
  resolved: 'resolved',
  /** { value, duplicateOf? (thread id), setBy, setByName?, setAt } */
  disposition: 'disposition',
  response: 'response',
  /** 'stakeholder' for consultation comments, 'annotation' for editors' notes outside a consultation */
  purpose: 'purpose',
  /** ISO date a submission arrived (email, survey...), when an editor enters it after the consultation closed */
  receivedOn: 'receivedOn',
  /**
   * Issue 12: the change that implemented this comment, set by an editor who applies its proposed wording
   * { suggestionId (the body suggestion it became, model/suggestions/suggestionMeta.ts) | null when applied
   *   directly, blockId (the body block it landed in), at, by, byName }
   */
  appliedChange: 'appliedChange',
} as const;

export const ReplyKey = {
  id: 'id',
  authorId: 'authorId',
  authorName: 'authorName',
  body: 'body',
  createdAt: 'createdAt',
  editedAt: 'editedAt',
  history: 'history',
} as const;

/** Thread fields a commenter may set on their own thread (on creation all of them are allowed except these). */
export const EDITOR_ONLY_THREAD_KEYS: readonly string[] = [ThreadKey.disposition, ThreadKey.response, ThreadKey.resolved, ThreadKey.receivedOn, ThreadKey.appliedChange];

/**
 * root Y.Map CONSULTATION_ROOT of the comments doc: how the consultation of this document is shown to
 * non-editors, set by editors only (sync-server/commenterPolicy.ts refuses every other root to commenters).
 *   reviewMode: 'open' | 'private' (absent: private) — whether commenters read each other's comments
 *   publishedAt: ms since epoch — dispositions and responses published to commenters and viewers
 */
export const CONSULTATION_ROOT = 'consultation';
export const ConsultationKey = { reviewMode: 'reviewMode', publishedAt: 'publishedAt' } as const;
export const REVIEW_MODES = ['private', 'open'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];
