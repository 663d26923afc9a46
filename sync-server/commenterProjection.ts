// What a commenter receives instead of a document's comments doc (common/roles.ts `reads.comments: 'own-or-open'`),
// and how what they write there reaches the source.
//
// Design: one server-maintained projection doc per (comments room, commenter `sub`), `pub.<ws>.<doc>.comments.<sub>`
// (common/rooms.ts). The client keeps its room path and local doc name; the server picks the doc by token, as for the
// workspace and viewers' projections (loadedRooms.ts `projectionOf`). It holds:
//   - the consultation settings (CONSULTATION_ROOT);
//   - the reader's own threads (authorId = their sub) with all their replies; other stakeholders' threads only in an
//     open review; never annotations (the editors' notes);
//   - dispositions and responses only once an editor published them (model/comments/publication.ts);
//   - attributions reduced to PUBLIC_STAKEHOLDER_FIELDS (no gender).
//
// Two directions, both key by key so that neither side's Yjs items are ever replaced wholesale:
//   - source -> projection (`mirrorCommenterComments`, run by loadedRooms.ts on every source change): makes each
//     visible thread's fields, replies (matched by reply id) and history (append) equal to the source's view of it.
//     A thread the commenter created keeps its items (their client's structs), so their later edits and offline
//     replies still land on a live map;
//   - projection -> source (`writeBackCommenterChange`, run by loadedRooms.ts `submitFrom` when a commenter's update
//     has passed sync-server/commenterPolicy.ts against the projection): the difference the update makes to the
//     projection (before vs after, never projection vs source, so a newer editor change not mirrored yet is not
//     overwritten) is written into the source as plain JSON in one server transaction: new threads whole, new
//     replies by id (a reply id already in the source is not added again), changed editable fields, history
//     entries appended. The source write is queued BEFORE the projection write, and the mirror waits for the
//     projection's queue, so the mirror then finds both sides equal and writes nothing: no echo, no duplicate.
//
// Alternative considered: per-commenter ROOMS (a room path per commenter that the client opens instead of
// `<ws>/<doc>/comments`). It needs the same carrying back, plus a client that knows which room its role reads and a
// local doc name per room; a role change (commenter promoted to editor) would then leave two local docs to merge.
// A per-token projection behind the same room keeps the client unchanged (it only drops a stale full copy, see
// renderer/src/storage/localCopyScope.ts) and keeps the rule on the server, where the data boundary must be.
import * as Y from 'yjs';
import { COMMENTS_ROOT, CONSULTATION_ROOT, ConsultationKey, EDITOR_ONLY_THREAD_KEYS, ReplyKey, ThreadKey } from '../common/commentsSchema';
import { PUBLIC_STAKEHOLDER_FIELDS } from '../common/roles';
import { mirrorFlat } from './workspaceProjection';

type Plain = Record<string, unknown>;
/** A Y.Array prefilled with plain values (history entries) or new reply maps. */
function arrayOf(values: unknown[]): Y.Array<unknown> {
  const arr = new Y.Array<unknown>();
  if (values.length) arr.push(values);
  return arr;
}

export interface CommentsReader {
  /** the token's `sub`: the author id of the reader's own threads and replies */
  sub: string;
}

/** JSON with object keys sorted, so two maps with the same content compare equal whatever their key order. */
export const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? (v.toJSON() as unknown) : v);
const same = (a: unknown, b: unknown) => canonical(plain(a)) === canonical(plain(b));

function publicAttribution(value: unknown): Plain | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Plain = {};
  for (const f of PUBLIC_STAKEHOLDER_FIELDS) if (f in value) out[f] = (value as Plain)[f];
  return out;
}

const PUBLISHED_ONLY: readonly string[] = [ThreadKey.disposition, ThreadKey.response];

/** The threads `reader` may see in `source`, each as its source map and the keys (with source values) it may see. */
export function visibleThreads(source: Y.Doc, reader: CommentsReader): Map<string, Map<string, unknown>> {
  const settings = source.getMap<unknown>(CONSULTATION_ROOT);
  const published = typeof settings.get(ConsultationKey.publishedAt) === 'number';
  const open = settings.get(ConsultationKey.reviewMode) === 'open';
  const out = new Map<string, Map<string, unknown>>();
  source.getMap<unknown>(COMMENTS_ROOT).forEach((thread, id) => {
    if (!(thread instanceof Y.Map)) return;
    const own = thread.get(ThreadKey.authorId) === reader.sub;
    const stakeholder = thread.get(ThreadKey.purpose) === 'stakeholder';
    if (!own && !(open && stakeholder)) return;
    const view = new Map<string, unknown>();
    thread.forEach((value, key) => {
      if (!published && PUBLISHED_ONLY.includes(key)) return;
      if (key === ThreadKey.attribution) {
        const pub = publicAttribution(value);
        if (pub) view.set(key, pub);
        return;
      }
      view.set(key, value);
    });
    out.set(id, view);
  });
  return out;
}

// ---- writing a wanted state into a Y.Map, key by key -------------------------------------------------------------

function syncHistory(target: Y.Array<unknown>, want: unknown[]): void {
  const have = target.toArray();
  const prefix = have.length <= want.length && have.every((h, i) => same(h, want[i]));
  if (prefix) {
    if (want.length > have.length) target.push(want.slice(have.length));
    return;
  }
  target.delete(0, target.length);
  if (want.length) target.push(want);
}

function newReplyMap(source: Y.Map<unknown> | Plain): Y.Map<unknown> {
  const entries = source instanceof Y.Map ? Array.from(source.entries()) : Object.entries(source);
  const m = new Y.Map<unknown>();
  for (const [key, value] of entries) {
    if (key === ReplyKey.history) m.set(key, arrayOf((plain(value) as unknown[] | undefined) ?? []));
    else m.set(key, plain(value));
  }
  return m;
}

function syncReply(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of Array.from(target.keys())) if (!source.has(key)) target.delete(key);
  source.forEach((value, key) => {
    if (key === ReplyKey.history) {
      const have = target.get(key);
      const want = (plain(value) as unknown[] | undefined) ?? [];
      if (have instanceof Y.Array) syncHistory(have, want);
      else target.set(key, arrayOf(want));
      return;
    }
    if (!same(target.get(key), value)) target.set(key, plain(value));
  });
}

const replyId = (r: unknown): unknown => (r instanceof Y.Map ? r.get(ReplyKey.id) : undefined);

function syncReplies(target: Y.Array<unknown>, source: Y.Array<unknown>): void {
  const wanted = source.toArray().filter((r): r is Y.Map<unknown> => r instanceof Y.Map && typeof r.get(ReplyKey.id) === 'string');
  const wantIds = new Set(wanted.map(replyId));
  // Not in the source, or a second copy of one id (two replicas both inserted it): removed, the first copy kept.
  for (let i = target.length - 1; i >= 0; i--) {
    const id = replyId(target.get(i));
    if (!wantIds.has(id) || target.toArray().findIndex((r) => replyId(r) === id) !== i) target.delete(i, 1);
  }
  let previous = -1;
  for (const reply of wanted) {
    const ids = target.toArray().map(replyId);
    const at = ids.indexOf(reply.get(ReplyKey.id));
    if (at >= 0) {
      syncReply(target.get(at) as Y.Map<unknown>, reply);
      previous = at;
    } else {
      target.insert(previous + 1, [newReplyMap(reply)]);
      previous += 1;
    }
  }
}

function syncThread(target: Y.Map<unknown>, view: Map<string, unknown>): void {
  for (const key of Array.from(target.keys())) if (!view.has(key)) target.delete(key);
  for (const [key, value] of view) {
    const have = target.get(key);
    if (key === ThreadKey.replies && value instanceof Y.Array) {
      if (have instanceof Y.Array) syncReplies(have, value);
      else target.set(key, arrayOf(value.toArray().filter((r): r is Y.Map<unknown> => r instanceof Y.Map).map(newReplyMap)));
    } else if (key === ThreadKey.history && value instanceof Y.Array) {
      if (have instanceof Y.Array) syncHistory(have, value.toArray());
      else target.set(key, arrayOf(value.toArray()));
    } else if (value instanceof Y.XmlFragment) {
      if (!(have instanceof Y.XmlFragment) || have.toString() !== value.toString()) target.set(key, value.clone());
    } else if (value instanceof Y.AbstractType) {
      if (!same(have, value)) target.set(key, value.clone());
    } else if (!same(have, value)) target.set(key, value);
  }
}

/** Brings the projection `target` in step with what `reader` may see of the comments doc `source`. */
export function mirrorCommenterComments(source: Y.Doc, target: Y.Doc, reader: CommentsReader): void {
  const want = visibleThreads(source, reader);
  target.transact(() => {
    mirrorFlat(target.getMap<unknown>(CONSULTATION_ROOT), source.getMap<unknown>(CONSULTATION_ROOT).toJSON() as Plain);
    const threads = target.getMap<unknown>(COMMENTS_ROOT);
    for (const id of Array.from(threads.keys())) if (!want.has(id)) threads.delete(id);
    for (const [id, view] of want) {
      const current = threads.get(id);
      if (current instanceof Y.Map) syncThread(current as Y.Map<unknown>, view);
      else {
        // Filled before it is inserted: the server keeps deleted content (gc off), so nothing is set and then removed.
        const fresh = new Y.Map<unknown>();
        for (const [key, value] of view) {
          if (key === ThreadKey.replies && value instanceof Y.Array)
            fresh.set(key, arrayOf(value.toArray().filter((r): r is Y.Map<unknown> => r instanceof Y.Map).map(newReplyMap)));
          else if (value instanceof Y.AbstractType) fresh.set(key, value.clone());
          else fresh.set(key, value);
        }
        threads.set(id, fresh);
      }
    }
  });
}

// ---- projection -> source ---------------------------------------------------------------------------------------

/** Thread keys a commenter's change may carry to the source (commenterPolicy.ts has refused anything else). */
const WRITABLE_THREAD_KEYS = Object.values(ThreadKey).filter((k) => !EDITOR_ONLY_THREAD_KEYS.includes(k)) as string[];

const asPlainArray = (v: unknown): unknown[] => {
  const p = plain(v);
  return Array.isArray(p) ? p : [];
};

/** Entries of `after` that `before` lacks, compared by content and counted (an offline entry may have been merged
 *  ahead of ones the server wrote meanwhile, so it is not always at the end). */
function addedEntries(before: unknown[], after: unknown[]): unknown[] {
  const left = new Map<string, number>();
  for (const b of before) left.set(canonical(b), (left.get(canonical(b)) ?? 0) + 1);
  return after.filter((a) => {
    const n = left.get(canonical(a)) ?? 0;
    if (n > 0) left.set(canonical(a), n - 1);
    return n === 0;
  });
}

function appendHistory(target: Y.Map<unknown>, key: string, before: unknown, after: unknown): void {
  const added = addedEntries(asPlainArray(before), asPlainArray(after));
  if (!added.length) return;
  let history = target.get(key);
  if (!(history instanceof Y.Array)) {
    history = new Y.Array<unknown>();
    target.set(key, history);
  }
  const arr = history as Y.Array<unknown>;
  const have = arr.toArray().map((h) => canonical(plain(h)));
  const fresh = added.filter((h) => !have.includes(canonical(h))); // the same write carried twice adds nothing
  if (fresh.length) arr.push(fresh);
}

function writeReplyChange(target: Y.Map<unknown>, before: Y.Map<unknown>, after: Y.Map<unknown>): void {
  after.forEach((value, key) => {
    if (same(before.get(key), value)) return;
    if (key === ReplyKey.history) appendHistory(target, key, before.get(key), value);
    else if (key === ReplyKey.body || key === ReplyKey.editedAt) target.set(key, plain(value));
  });
}

function writeRepliesChange(target: Y.Map<unknown>, before: unknown, after: unknown): void {
  if (!(after instanceof Y.Array)) return;
  let replies = target.get(ThreadKey.replies);
  if (!(replies instanceof Y.Array)) {
    replies = new Y.Array<unknown>();
    target.set(ThreadKey.replies, replies);
  }
  const out = replies as Y.Array<unknown>;
  const beforeById = new Map<unknown, Y.Map<unknown>>();
  if (before instanceof Y.Array) for (const r of before.toArray()) if (r instanceof Y.Map) beforeById.set(r.get(ReplyKey.id), r);
  let previousId: unknown = undefined;
  for (const r of after.toArray()) {
    if (!(r instanceof Y.Map) || typeof r.get(ReplyKey.id) !== 'string') continue;
    const id = r.get(ReplyKey.id);
    const ids = out.toArray().map(replyId);
    const at = ids.indexOf(id);
    const was = beforeById.get(id);
    if (at >= 0) {
      if (was) writeReplyChange(out.get(at) as Y.Map<unknown>, was, r);
    } else if (!was) {
      // New here: placed after the reply it followed in the projection, or at the end.
      const prev = previousId === undefined ? -1 : ids.indexOf(previousId);
      out.insert(prev >= 0 ? prev + 1 : out.length, [newReplyMap(r)]);
    }
    previousId = id;
  }
}

function newThreadMap(after: Y.Map<unknown>): Y.Map<unknown> {
  const t = new Y.Map<unknown>();
  after.forEach((value, key) => {
    if (!WRITABLE_THREAD_KEYS.includes(key)) return;
    if (key === ThreadKey.replies) {
      t.set(key, arrayOf(value instanceof Y.Array ? value.toArray().filter((r): r is Y.Map<unknown> => r instanceof Y.Map).map(newReplyMap) : []));
    } else if (key === ThreadKey.history) t.set(key, arrayOf(asPlainArray(value)));
    else if (!(value instanceof Y.AbstractType)) t.set(key, value);
  });
  return t;
}

/**
 * Why the commenter `reader`'s update (`before` -> `after` in their projection) may not be carried to `source`, or
 * null. The projection holds only what they may see, so commenterPolicy.ts cannot tell a new thread from one they
 * were not sent: a "new" thread whose id the source already has under another author is refused here.
 */
export function writeBackProblem(before: Y.Doc, after: Y.Doc, source: Y.Doc, reader: CommentsReader): string | null {
  const was = before.getMap<unknown>(COMMENTS_ROOT);
  const root = source.getMap<unknown>(COMMENTS_ROOT);
  let problem: string | null = null;
  after.getMap<unknown>(COMMENTS_ROOT).forEach((_thread, id) => {
    const existing = root.get(id);
    if (problem === null && !was.has(id) && existing instanceof Y.Map && existing.get(ThreadKey.authorId) !== reader.sub)
      problem = 'reuses the id of a thread the commenter was not sent';
  });
  return problem;
}

/**
 * Writes into `source` what the commenter's update changed in their projection (`before` -> `after`), as plain JSON.
 * Returns the ids of the threads written. Call writeBackProblem first.
 */
export function writeBackCommenterChange(before: Y.Doc, after: Y.Doc, source: Y.Doc): string[] {
  const was = before.getMap<unknown>(COMMENTS_ROOT);
  const now = after.getMap<unknown>(COMMENTS_ROOT);
  const root = source.getMap<unknown>(COMMENTS_ROOT);
  const written: string[] = [];
  source.transact(() => {
    now.forEach((thread, id) => {
      if (!(thread instanceof Y.Map)) return;
      const old = was.get(id);
      if (old instanceof Y.Map && canonical(old.toJSON()) === canonical(thread.toJSON())) return;
      let target = root.get(id);
      if (!(target instanceof Y.Map)) {
        if (old instanceof Y.Map) return; // an existing thread the source no longer has (an editor deleted it)
        root.set(id, newThreadMap(thread as Y.Map<unknown>));
        written.push(id);
        return;
      }
      target = target as Y.Map<unknown>;
      const base = old instanceof Y.Map ? (old as Y.Map<unknown>) : new Y.Map<unknown>();
      (thread as Y.Map<unknown>).forEach((value, key) => {
        if (!WRITABLE_THREAD_KEYS.includes(key) || same(base.get(key), value)) return;
        if (key === ThreadKey.replies) writeRepliesChange(target as Y.Map<unknown>, base.get(key), value);
        else if (key === ThreadKey.history) appendHistory(target as Y.Map<unknown>, key, base.get(key), value);
        else if (!(value instanceof Y.AbstractType) && old instanceof Y.Map) (target as Y.Map<unknown>).set(key, value);
      });
      written.push(id);
    });
  });
  return written;
}
