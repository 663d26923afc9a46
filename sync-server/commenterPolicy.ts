// What a commenter may change in a comments doc (layout: common/commentsSchema.ts). The update is applied to a
// scratch copy of the doc; every item it inserts and every item it deletes is then located in the layout
// (thread, thread field, reply, reply field, history entry) and checked:
//   - new threads and replies: any known field except editor-only ones, and authorId must be the token's sub; a
//     reply has a string id (commenterProjection.ts carries replies to the source by id);
//   - attribution is the token's: authorName (when set) is the token's name; a thread's stakeholderId is absent
//     or the token's stakeholder; its attribution snapshot is absent or exactly { name: <token name> }.
//     Organisation, group, region and gender are never typed by a commenter: readers take them from the registry
//     entry named by stakeholderId (the server need not load the registry, and commenters need not read it);
//   - own existing thread / reply: only the editable keys (common/commentsPolicy.ts), overwritten, not removed;
//   - history arrays: append only (inserted at the end, nothing deleted, old entries untouched);
//   - nothing else: no deletions of threads or replies, no disposition/response/resolved, no other root types.
import * as Y from 'yjs';
import { COMMENTS_ROOT, EDITOR_ONLY_THREAD_KEYS, ReplyKey, ThreadKey } from '../common/commentsSchema';
import { COMMENTER_EDITABLE_REPLY_KEYS, COMMENTER_EDITABLE_THREAD_KEYS } from '../common/commentsPolicy';
import { inRanges, structRanges, updateIntegrated, type DecodedUpdate } from './updateEffect';

export type CommenterVerdict = { ok: true; pending: boolean } | { ok: false; reason: string };

/** Who the commenter is, from their verified token (TokenClaims fits). */
export interface CommenterIdentity {
  sub: string;
  name: string;
  /** registry id the invite was issued to */
  stakeholder?: string;
}

const THREAD_KEYS = new Set<string>(Object.values(ThreadKey));
const REPLY_KEYS = new Set<string>(Object.values(ReplyKey));
const MAX_DEPTH = 32;

type AnyType = Y.AbstractType<unknown>;

const typeOf = (item: Y.Item): AnyType | null =>
  item.content instanceof Y.ContentType ? (item.content.type as AnyType) : null;
const isMapItem = (item: Y.Item) => typeOf(item) instanceof Y.Map;
const isArrayItem = (item: Y.Item) => typeOf(item) instanceof Y.Array;
const authorOf = (item: Y.Item): unknown => (typeOf(item) as Y.Map<unknown>).get(ThreadKey.authorId);

/** A path of items, outermost first; never empty. */
type Chain = [Y.Item, ...Y.Item[]];

/** Why a new thread's or reply's identity fields are not the token's, or null when they are. */
function identityProblem(entry: Y.Map<unknown>, who: CommenterIdentity, isThread: boolean): string | null {
  const kind = isThread ? 'thread' : 'reply';
  if (entry.get(ThreadKey.authorId) !== who.sub) return `a new ${kind}'s authorId must be the token's sub`;
  const name = entry.get(ThreadKey.authorName);
  if (name !== undefined && name !== who.name) return `a new ${kind}'s authorName must be the token's name`;
  // Replies are carried from a commenter's projection to the source by id (commenterProjection.ts).
  if (!isThread) return typeof entry.get(ReplyKey.id) === 'string' ? null : 'a new reply needs an id';
  const stakeholderId = entry.get(ThreadKey.stakeholderId);
  if (stakeholderId !== undefined && stakeholderId !== who.stakeholder)
    return who.stakeholder ? "stakeholderId must be the invite's stakeholder" : 'this invite names no stakeholder';
  const attribution = entry.get(ThreadKey.attribution);
  if (attribution !== undefined && !isTokenAttribution(attribution, who.name))
    return "a commenter's attribution may only be their token name";
  return null;
}

function isTokenAttribution(value: unknown, name: string): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'name' && (value as { name?: unknown }).name === name;
}

/** The items from just below the root type down to `item`, and the root type's name. */
function locate(item: Y.Item): { chain: Chain; root: string } | null {
  const chain: Chain = [item];
  let parent = item.parent as AnyType | null;
  while (parent && parent._item !== null) {
    if (chain.length > MAX_DEPTH) return null;
    chain.unshift(parent._item);
    parent = parent._item.parent as AnyType | null;
  }
  if (!parent) return null;
  return { chain, root: Y.findRootTypeKey(parent) };
}

class Inspection {
  readonly newThreads: Y.Item[] = [];
  readonly newReplies: Y.Item[] = [];
  private readonly ranges: Map<number, Array<[number, number]>>;
  private readonly sub: string;

  constructor(
    private readonly tr: Y.Transaction,
    private readonly decoded: DecodedUpdate,
    private readonly who: CommenterIdentity,
  ) {
    this.sub = who.sub;
    this.ranges = structRanges(decoded);
  }

  /** Inserted by this update in this transaction (not merely unblocked from an earlier pending update). */
  isNew(item: Y.Item): boolean {
    return item.id.clock >= (this.tr.beforeState.get(item.id.client) ?? 0) && inRanges(this.ranges, item.id);
  }

  /** After an overwrite, the key's current entry must be a live item from this update (no plain removal). */
  private replaced(container: Y.Item, key: string): boolean {
    const current = (typeOf(container) as AnyType)._map.get(key);
    return current !== undefined && !current.deleted && this.isNew(current);
  }

  checkInsert(item: Y.Item): string | null {
    if (item.content instanceof Y.ContentDoc) return 'subdocuments are not allowed';
    const where = locate(item);
    if (!where || where.root !== COMMENTS_ROOT) return 'outside the comments map';
    const [thread, field, ...below] = where.chain;
    if (thread.parentSub === null) return 'comments root used as a list';
    const newThread = this.isNew(thread);
    if (!field) {
      if (!isMapItem(item)) return 'a thread must be a map';
      if (item.left !== null && !this.isNew(item.left)) return 'overwrites an existing thread';
      this.newThreads.push(item);
      return null;
    }
    if (!isMapItem(thread)) return 'thread is not a map';
    const key = field.parentSub;
    if (key === null || !THREAD_KEYS.has(key)) return `unknown thread field ${String(key)}`;
    if (EDITOR_ONLY_THREAD_KEYS.includes(key)) return `${key} is for editors only`;
    const own = newThread || authorOf(thread) === this.sub;
    if (key === ThreadKey.replies) {
      const [reply, ...inReply] = below;
      if (!reply) return newThread ? null : 'replaces the replies of a thread';
      if (!isArrayItem(field)) return 'replies is not a list';
      return this.checkReplyInsert([reply, ...inReply], item);
    }
    if (key === ThreadKey.history) {
      const [entry, ...inEntry] = below;
      if (!entry) return newThread ? null : 'replaces the history of a thread';
      if (!own) return "changes another user's thread";
      if (!isArrayItem(field)) return 'history is not a list';
      return this.checkHistoryInsert([entry, ...inEntry], item);
    }
    if (newThread) return null;
    if (!COMMENTER_EDITABLE_THREAD_KEYS.includes(key)) return `${key} of an existing thread cannot change`;
    if (!own) return "changes another user's thread";
    return null;
  }

  private checkReplyInsert([reply, field, ...below]: Chain, item: Y.Item): string | null {
    if (reply.parentSub !== null) return 'replies is not a list';
    if (!field) {
      if (!isMapItem(item)) return 'a reply must be a map';
      this.newReplies.push(item);
      return null;
    }
    if (!isMapItem(reply)) return 'reply is not a map';
    const key = field.parentSub;
    if (key === null || !REPLY_KEYS.has(key)) return `unknown reply field ${String(key)}`;
    if (this.isNew(reply)) return null;
    if (authorOf(reply) !== this.sub) return "changes another user's reply";
    if (key === ReplyKey.history) {
      const [entry, ...inEntry] = below;
      if (!entry) return 'replaces the history of a reply';
      if (!isArrayItem(field)) return 'history is not a list';
      return this.checkHistoryInsert([entry, ...inEntry], item);
    }
    return COMMENTER_EDITABLE_REPLY_KEYS.includes(key) ? null : `${key} of an existing reply cannot change`;
  }

  private checkHistoryInsert([entry, ...below]: Chain, item: Y.Item): string | null {
    if (entry.parentSub !== null) return 'history is not a list';
    if (below.length === 0) return item.rightOrigin === null ? null : 'history is append-only';
    return this.isNew(entry) ? null : 'history entries cannot change';
  }

  checkDelete(item: Y.Item): string | null {
    if (this.isNew(item)) return null; // created by this same update, already checked as an insert
    const where = locate(item);
    if (!where || where.root !== COMMENTS_ROOT) return 'deletes outside the comments map';
    const [thread, field, reply, replyField, ...below] = where.chain;
    if (!field) return 'deletes a thread';
    const key = field.parentSub;
    if (key === ThreadKey.replies) {
      if (!reply || !replyField) return 'deletes a reply';
      const rkey = replyField.parentSub;
      if (rkey === null || !COMMENTER_EDITABLE_REPLY_KEYS.includes(rkey)) return `deletes ${String(rkey)} of a reply`;
      if (authorOf(reply) !== this.sub) return "changes another user's reply";
      if (below.length === 0 && !this.replaced(reply, rkey)) return `removes ${rkey} of a reply`;
      return null;
    }
    if (key === null || !COMMENTER_EDITABLE_THREAD_KEYS.includes(key)) return `deletes ${String(key)} of a thread`;
    if (authorOf(thread) !== this.sub) return "changes another user's thread";
    if (!reply && !this.replaced(thread, key)) return `removes ${key} of a thread`;
    return null;
  }

  checkNewEntries(): string | null {
    for (const t of this.newThreads) {
      const problem = t.deleted ? null : identityProblem(typeOf(t) as Y.Map<unknown>, this.who, true);
      if (problem) return problem;
    }
    for (const r of this.newReplies) {
      const problem = r.deleted ? null : identityProblem(typeOf(r) as Y.Map<unknown>, this.who, false);
      if (problem) return problem;
    }
    return null;
  }

  run(doc: Y.Doc): string | null {
    for (const [client, after] of this.tr.afterState) {
      const before = this.tr.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const s = structs[i];
        if (!s || s.id.clock >= after) break;
        if (s instanceof Y.Item && inRanges(this.ranges, s.id)) {
          const reason = this.checkInsert(s);
          if (reason) return reason;
        }
      }
    }
    let reason: string | null = null;
    Y.iterateDeletedStructs(this.tr, this.tr.deleteSet, (s) => {
      if (reason === null && s instanceof Y.Item && Y.isDeleted(this.decoded.ds, s.id)) reason = this.checkDelete(s);
    });
    return reason ?? this.checkNewEntries();
  }
}

/**
 * Checks `update` (already decoded as `decoded`) from the commenter `who` (their token's claims), against `base`
 * plus updates accepted but not yet applied. `pending: true` means it passed so far but depends on structs the
 * server does not have yet (the client's sync step 2 is probably on its way); the caller holds it.
 */
export function checkCommenterUpdate(
  base: Y.Doc,
  unapplied: readonly Uint8Array[],
  update: Uint8Array,
  decoded: DecodedUpdate,
  who: CommenterIdentity,
): CommenterVerdict {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
    for (const u of unapplied) Y.applyUpdate(scratch, u);
    let reason: string | null = null;
    scratch.on('beforeObserverCalls', (tr: Y.Transaction) => {
      if (reason !== null) return;
      try {
        reason = new Inspection(tr, decoded, who).run(scratch);
      } catch (err) {
        reason = `could not inspect update: ${err instanceof Error ? err.message : String(err)}`;
      }
    });
    Y.applyUpdate(scratch, update);
    if (reason !== null) return { ok: false, reason };
    return { ok: true, pending: !updateIntegrated(scratch, decoded) };
  } finally {
    scratch.destroy();
  }
}
