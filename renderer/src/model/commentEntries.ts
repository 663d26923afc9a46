// What the workspace-wide features (search, digest, expert finder, profiles, Due) know about a document's comments
// without opening its comments doc: one plain row per thread, derived from the comments Y.Doc by the derived-data
// pipeline and kept in the local catalog (Dexie `comments` table, rebuildable). Pure: Y.Doc in, plain rows out.
import type * as Y from 'yjs';
import { readThreads, type ReadOptions } from './comments/commentsDoc';
import type { Purpose } from './comments/threadTypes';

export interface CommentEntry {
  /** `${workspaceId}/${docId}/${threadId}` */
  key: string;
  workspaceId: string;
  docId: string;
  threadId: string;
  /** #N as shown in the comments panel and matrix */
  number: number;
  purpose: Purpose;
  /** the registry entry the comment speaks for, when known */
  stakeholderId: string | null;
  /** public attribution at the time of derivation ('' when unknown) */
  name: string;
  organisation: string;
  group: string;
  region: string;
  authorId: string;
  createdAt: number;
  /** the comment text, its proposed wording, and its replies, for search */
  body: string;
  proposedWording: string;
  replies: string[];
  /** disposition value ('' when none) and the response text */
  disposition: string;
  response: string;
  /** the quoted passage the comment is anchored to ('' for a comment on the whole document) */
  quote: string;
}

export const commentEntryKey = (workspaceId: string, docId: string, threadId: string) => `${workspaceId}/${docId}/${threadId}`;

/** One entry per thread of a comments doc, numbered as everywhere else. */
export function deriveCommentEntries(workspaceId: string, docId: string, commentsDoc: Y.Doc, opts: ReadOptions = {}): CommentEntry[] {
  return readThreads(commentsDoc, opts).map((t) => ({
    key: commentEntryKey(workspaceId, docId, t.id),
    workspaceId,
    docId,
    threadId: t.id,
    number: t.number,
    purpose: t.purpose,
    stakeholderId: t.stakeholderId,
    name: t.attribution?.name ?? t.authorName,
    organisation: t.attribution?.organisation ?? '',
    group: t.attribution?.group ?? '',
    region: t.attribution?.region ?? '',
    authorId: t.authorId,
    createdAt: t.createdAt,
    body: t.body,
    proposedWording: t.proposedWording,
    replies: t.replies.map((r) => r.body),
    disposition: t.disposition.value ?? '',
    response: t.response,
    quote: t.anchor?.quote ?? '',
  }));
}
