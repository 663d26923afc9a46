// A commenter's own threads and replies, kept aside when a stale local copy of a comments doc is dropped
// (storage/localCopyScope.ts) and put back into the fresh copy once it has synced with the server's projection, where
// it lacks them (work written offline that never reached the server). Only what the commenter may write is kept:
// their own threads without editors' fields, their own replies; the server checks it again on the way in
// (sync-server/commenterPolicy.ts).
import * as Y from 'yjs';
import { COMMENTS_ROOT, EDITOR_ONLY_THREAD_KEYS, ReplyKey, ThreadKey } from '../../../../common/commentsSchema';

type Plain = Record<string, unknown>;

export interface OwnComments {
  /** own threads as plain JSON (replies: own ones only) */
  threads: Plain[];
  /** own replies on other users' threads */
  replies: Array<{ threadId: string; reply: Plain }>;
}

const ownReplies = (thread: Plain, sub: string): Plain[] =>
  (Array.isArray(thread[ThreadKey.replies]) ? (thread[ThreadKey.replies] as Plain[]) : []).filter(
    (r) => r && typeof r === 'object' && r[ReplyKey.authorId] === sub && typeof r[ReplyKey.id] === 'string',
  );

/** The threads and replies `sub` wrote in `doc`. */
export function collectOwnComments(doc: Y.Doc, sub: string): OwnComments {
  const out: OwnComments = { threads: [], replies: [] };
  doc.getMap<unknown>(COMMENTS_ROOT).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const thread = value.toJSON() as Plain;
    if (thread[ThreadKey.authorId] === sub) {
      const kept: Plain = {};
      for (const [k, v] of Object.entries(thread)) if (!EDITOR_ONLY_THREAD_KEYS.includes(k)) kept[k] = v;
      kept[ThreadKey.id] = id;
      kept[ThreadKey.replies] = ownReplies(thread, sub);
      out.threads.push(kept);
    } else for (const reply of ownReplies(thread, sub)) out.replies.push({ threadId: id, reply });
  });
  return out;
}

function replyMap(reply: Plain): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(reply)) {
    if (k === ReplyKey.history) {
      const h = new Y.Array<unknown>();
      if (Array.isArray(v) && v.length) h.push(v);
      m.set(k, h);
    } else m.set(k, v);
  }
  return m;
}

function addMissingReplies(thread: Y.Map<unknown>, replies: Plain[]): number {
  const arr = thread.get(ThreadKey.replies);
  if (!(arr instanceof Y.Array)) return 0;
  const have = new Set(arr.toArray().map((r) => (r instanceof Y.Map ? r.get(ReplyKey.id) : undefined)));
  const missing = replies.filter((r) => !have.has(r[ReplyKey.id]));
  if (missing.length) arr.push(missing.map(replyMap));
  return missing.length;
}

/** Puts back into `doc` what it lacks of `own`. Returns how many threads and replies were added. */
export function restoreOwnComments(doc: Y.Doc, own: OwnComments): number {
  const root = doc.getMap<unknown>(COMMENTS_ROOT);
  let added = 0;
  doc.transact(() => {
    for (const t of own.threads) {
      const id = t[ThreadKey.id];
      if (typeof id !== 'string') continue;
      const current = root.get(id);
      const replies = Array.isArray(t[ThreadKey.replies]) ? (t[ThreadKey.replies] as Plain[]) : [];
      if (current instanceof Y.Map) {
        added += addMissingReplies(current as Y.Map<unknown>, replies);
        continue;
      }
      const m = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(t)) {
        if (k === ThreadKey.replies) m.set(k, Y.Array.from(replies.map(replyMap)));
        else if (k === ThreadKey.history) {
          const h = new Y.Array<unknown>();
          if (Array.isArray(v) && v.length) h.push(v);
          m.set(k, h);
        } else m.set(k, v);
      }
      root.set(id, m);
      added += 1 + replies.length;
    }
    for (const { threadId, reply } of own.replies) {
      const thread = root.get(threadId);
      if (thread instanceof Y.Map) added += addMissingReplies(thread as Y.Map<unknown>, [reply]);
    }
  });
  return added;
}
