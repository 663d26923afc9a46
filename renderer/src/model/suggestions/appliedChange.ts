// The link from a comment to the change that implemented it (issue 12): ThreadKey.appliedChange of the comments
// doc (editor-only, common/commentsSchema.ts). "Apply" of a commenter's proposed wording writes it together with
// the disposition "accepted", in one transaction, so the comment and its traceability never disagree.
import type * as Y from 'yjs';
import { ThreadKey } from '../../../../common/commentsSchema';
import { commentsRoot, setDisposition } from '../comments/commentsDoc';
import type { Actor } from '../comments/threadTypes';

export interface AppliedChange {
  /** the body suggestion it became, or null when applied directly */
  suggestionId: string | null;
  /** the body block it landed in */
  blockId: string | null;
  at: number;
  by: string;
  byName: string;
}

export function readAppliedChange(comments: Y.Doc, threadId: string): AppliedChange | null {
  const v = commentsRoot(comments).get(threadId)?.get(ThreadKey.appliedChange) as AppliedChange | undefined;
  return v && typeof v === 'object' ? v : null;
}

/** Marks the thread accepted and records where its wording went. Throws (writing nothing) for non-editors. */
export function recordAppliedChange(
  comments: Y.Doc,
  threadId: string,
  change: { suggestionId: string | null; blockId: string | null },
  actor: Actor,
  now = Date.now(),
): AppliedChange {
  const record: AppliedChange = { ...change, at: now, by: actor.id, byName: actor.name };
  comments.transact(() => {
    setDisposition(comments, threadId, { value: 'accepted' }, actor, now);
    commentsRoot(comments).get(threadId)!.set(ThreadKey.appliedChange, record);
  });
  return record;
}
