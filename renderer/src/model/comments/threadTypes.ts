// Plain views of the comments Y.Doc (layout: common/commentsSchema.ts), as read by readThreads.
import type { DispositionValue } from './dispositions';
import { isOneOf } from '../kinds';
import type { Role } from '../../../../common/roles';

export const COMMENT_TYPES = ['general', 'substantive', 'editorial'] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];
export const isCommentType = (v: unknown): v is CommentType => isOneOf(COMMENT_TYPES, v);

/** 'stakeholder': input to the consultation; 'annotation': an editor's note, allowed in any phase. */
export const PURPOSES = ['stakeholder', 'annotation'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const isPurpose = (v: unknown): v is Purpose => isOneOf(PURPOSES, v);

/** Who a comment speaks for. Group, region and gender hold the codes of kinds.ts when known ('' otherwise). */
export interface Attribution {
  name: string;
  organisation: string;
  group: string;
  region: string;
  gender?: string;
}

/** ThreadKey.anchor: two encoded Y.RelativePositions into the document body, and the text they enclosed. */
export interface StoredAnchor {
  from: string;
  to: string;
  quote: string;
}

/** An earlier version of a comment: the values it had, and when they were written. */
export interface HistoryEntry {
  body: string;
  editedAt: number;
  proposedWording?: string;
  type?: CommentType;
}

/** ThreadKey.disposition. setByName is an additive convenience (the id alone is not readable offline). */
export interface DispositionRecord {
  value: DispositionValue;
  duplicateOf?: string;
  setBy: string;
  setByName?: string;
  setAt: number;
}

export interface Reply {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: number;
  editedAt: number | null;
  history: readonly HistoryEntry[];
}

export interface Thread {
  id: string;
  /** #N: rank by (createdAt, id), 1-based. Deterministic on every replica once they hold the same threads. */
  number: number;
  /** null for a comment on the whole document; shared with the Y.Doc: read only */
  anchor: Readonly<StoredAnchor> | null;
  authorId: string;
  authorName: string;
  stakeholderId: string | null;
  /** live from the registry when the stakeholder resolves there, else the snapshot taken at entry */
  attribution: Attribution | null;
  attributionSource: 'registry' | 'snapshot' | 'none';
  purpose: Purpose;
  /** when a submission entered late by an editor arrived (ISO date) */
  receivedOn: string | null;
  type: CommentType;
  body: string;
  proposedWording: string;
  createdAt: number;
  editedAt: number | null;
  /** earlier versions, oldest first; shared with the Y.Doc: read only */
  history: readonly HistoryEntry[];
  replies: Reply[];
  resolved: boolean;
  /** value 'open' with no setBy when never set */
  disposition: { value: DispositionValue; duplicateOf?: string; setBy?: string; setByName?: string; setAt?: number };
  /** plain text of the rich-text response ('' when none) */
  response: string;
}

/** Who is writing: the local identity (or token sub) and the role the workspace gives them. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** a commenter's invite may name the registered stakeholder it was issued to (token claim `stakeholder`) */
  stakeholderId?: string;
}
