// Reads and writes threads in a document's comments Y.Doc, in exactly the layout of common/commentsSchema.ts that
// the sync server checks commenters against: a new thread or reply carries every container it will ever need
// (replies, history), later edits only overwrite body/proposedWording/type/editedAt and append to history, and
// disposition, response and resolved are written by editors only. Role checks here fail early and readably;
// the server's checks are the real guard (sync-server/commenterPolicy.ts accepts every commenter write made here).
// Offline merges: concurrent replies and edits all survive (edits: last writer wins per field, every earlier body
// in history); two editors replacing the same response offline both keep their text, one after the other.
import * as Y from 'yjs';
import { COMMENTS_ROOT, ReplyKey, ThreadKey } from '../../../../common/commentsSchema';
import { newId } from '../../../../common/ids';
import { capabilitiesOf, mayEditComment } from '../../../../common/roles';
import type { Stakeholder } from '../stakeholders';
import { assertNoIssues, dispositionIssues, isDisposition, sameDisposition, type DispositionChoice } from './dispositions';
import { ModelError } from '../modelError';
import { fragmentPlainText } from './responseText';
import {
  isCommentType,
  isPurpose,
  type Actor,
  type Attribution,
  type CommentType,
  type DispositionRecord,
  type HistoryEntry,
  type Purpose,
  type Reply,
  type StoredAnchor,
  type Thread,
} from './threadTypes';

export const commentsRoot = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(COMMENTS_ROOT);

export interface NewThreadInput {
  /** null: a comment on the whole document */
  anchor: StoredAnchor | null;
  type: CommentType;
  body: string;
  proposedWording?: string;
  purpose: Purpose;
  /** entered by an editor on behalf of this registered stakeholder: its id is kept and its attribution copied */
  stakeholder?: Stakeholder;
  /** attribution for someone not in the registry, typed in by an editor */
  attribution?: Attribution;
  /** ISO date the submission arrived, for input entered late by an editor (editor-only key) */
  receivedOn?: string;
}

interface WriteOptions {
  now?: number;
  id?: string;
}

function refuseViewer(actor: Actor): void {
  if (!capabilitiesOf(actor.role).comment) throw new ModelError('comments.error.readOnly', 'You can read comments but not write them.');
}

export function requireEditor(actor: Actor): void {
  if (!capabilitiesOf(actor.role).editAnyComment) throw new ModelError('comments.error.editorsOnly', 'Only editors can do this.');
}

function requireBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new ModelError('comments.error.bodyRequired', 'A comment needs some text.');
  return trimmed;
}

export function getThreadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const t = commentsRoot(doc).get(threadId);
  if (!(t instanceof Y.Map)) throw new ModelError('comments.error.unknownThread', `There is no comment ${threadId}.`, { id: threadId });
  return t;
}

export function attributionOf(s: Stakeholder): Attribution {
  const a: Attribution = { name: s.name, organisation: s.organisation, group: s.group, region: s.region };
  if (s.gender) a.gender = s.gender;
  return a;
}

/**
 * A commenter's comment carries their invite's identity and nothing typed (the server refuses anything else,
 * sync-server/commenterPolicy.ts): the stakeholder the invite names, if any, and a snapshot of the token's name.
 * The rest of the attribution is read from the registry by stakeholderId.
 */
function commenterIdentity(input: NewThreadInput, actor: Actor): { stakeholderId?: string; attribution: { name: string } } {
  if (input.attribution || (input.stakeholder && input.stakeholder.id !== actor.stakeholderId))
    throw new ModelError('comments.error.commenterAttribution', 'Your comments are attributed to your invitation; only editors enter comments on behalf of others.');
  return { ...(actor.stakeholderId ? { stakeholderId: actor.stakeholderId } : {}), attribution: { name: actor.name } };
}

export function addThread(doc: Y.Doc, input: NewThreadInput, actor: Actor, opts: WriteOptions = {}): string {
  refuseViewer(actor);
  const own = capabilitiesOf(actor.role).comment && !capabilitiesOf(actor.role).commentOnBehalf ? commenterIdentity(input, actor) : null;
  const body = requireBody(input.body);
  if (!isCommentType(input.type)) throw new ModelError('comments.error.type', `Unknown comment type "${String(input.type)}".`);
  if (!isPurpose(input.purpose)) throw new ModelError('comments.error.purpose', `Unknown purpose "${String(input.purpose)}".`);
  if (input.purpose !== 'stakeholder' && !capabilitiesOf(actor.role).annotate)
    throw new ModelError('comments.error.commenterAnnotation', 'Commenters add stakeholder comments, not annotations.');
  if (input.receivedOn !== undefined && !capabilitiesOf(actor.role).enterLateComments) throw new ModelError('comments.error.editorsOnly', 'Only editors can do this.');
  if (input.receivedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.receivedOn))
    throw new ModelError('comments.error.receivedOn', 'The date received must be a date (yyyy-mm-dd).');
  if (input.anchor && (typeof input.anchor.from !== 'string' || typeof input.anchor.to !== 'string'))
    throw new ModelError('comments.error.anchor', 'The comment is not attached to any text.');
  const id = opts.id ?? newId();
  if (commentsRoot(doc).has(id)) throw new ModelError('comments.error.duplicateId', `A comment ${id} already exists.`);
  const t = new Y.Map<unknown>();
  doc.transact(() => {
    commentsRoot(doc).set(id, t);
    t.set(ThreadKey.id, id);
    if (input.anchor) t.set(ThreadKey.anchor, { from: input.anchor.from, to: input.anchor.to, quote: input.anchor.quote });
    t.set(ThreadKey.authorId, actor.id);
    t.set(ThreadKey.authorName, actor.name);
    if (own) {
      if (own.stakeholderId) t.set(ThreadKey.stakeholderId, own.stakeholderId);
      t.set(ThreadKey.attribution, own.attribution);
    } else if (input.stakeholder) {
      t.set(ThreadKey.stakeholderId, input.stakeholder.id);
      t.set(ThreadKey.attribution, attributionOf(input.stakeholder));
    } else if (input.attribution) t.set(ThreadKey.attribution, { ...input.attribution });
    t.set(ThreadKey.purpose, input.purpose);
    if (input.receivedOn) t.set(ThreadKey.receivedOn, input.receivedOn);
    t.set(ThreadKey.type, input.type);
    t.set(ThreadKey.body, body);
    t.set(ThreadKey.proposedWording, (input.proposedWording ?? '').trim());
    t.set(ThreadKey.createdAt, opts.now ?? Date.now());
    t.set(ThreadKey.history, new Y.Array());
    t.set(ThreadKey.replies, new Y.Array());
  });
  return id;
}

export function addReply(doc: Y.Doc, threadId: string, body: string, actor: Actor, opts: WriteOptions = {}): string {
  refuseViewer(actor);
  const text = requireBody(body);
  const replies = getThreadMap(doc, threadId).get(ThreadKey.replies);
  if (!(replies instanceof Y.Array)) throw new ModelError('comments.error.corrupt', 'This comment cannot take replies.');
  const id = opts.id ?? newId();
  const r = new Y.Map<unknown>();
  doc.transact(() => {
    replies.push([r]);
    r.set(ReplyKey.id, id);
    r.set(ReplyKey.authorId, actor.id);
    r.set(ReplyKey.authorName, actor.name);
    r.set(ReplyKey.body, text);
    r.set(ReplyKey.createdAt, opts.now ?? Date.now());
    r.set(ReplyKey.history, new Y.Array());
  });
  return id;
}

function requireOwnOrEditor(m: Y.Map<unknown>, actor: Actor): void {
  refuseViewer(actor);
  if (!mayEditComment(actor.role, m.get(ThreadKey.authorId), actor.id))
    throw new ModelError('comments.error.notYours', 'You can only edit your own comments.');
}

/** Changes a thread's own content; the previous values go to its history. Returns false when nothing changed. */
export function editThread(
  doc: Y.Doc,
  threadId: string,
  patch: { body?: string; proposedWording?: string; type?: CommentType },
  actor: Actor,
  now = Date.now(),
): boolean {
  const t = getThreadMap(doc, threadId);
  requireOwnOrEditor(t, actor);
  const body = patch.body === undefined ? undefined : requireBody(patch.body);
  const wording = patch.proposedWording?.trim();
  if (patch.type !== undefined && !isCommentType(patch.type)) throw new ModelError('comments.error.type', `Unknown comment type "${String(patch.type)}".`);
  const old = { body: String(t.get(ThreadKey.body) ?? ''), proposedWording: String(t.get(ThreadKey.proposedWording) ?? ''), type: t.get(ThreadKey.type) as CommentType };
  const changes: Array<[string, unknown]> = [];
  if (body !== undefined && body !== old.body) changes.push([ThreadKey.body, body]);
  if (wording !== undefined && wording !== old.proposedWording) changes.push([ThreadKey.proposedWording, wording]);
  if (patch.type !== undefined && patch.type !== old.type) changes.push([ThreadKey.type, patch.type]);
  if (!changes.length) return false;
  const history = t.get(ThreadKey.history) as Y.Array<HistoryEntry>;
  const entry: HistoryEntry = { body: old.body, editedAt: Number(t.get(ThreadKey.editedAt) ?? t.get(ThreadKey.createdAt) ?? 0), proposedWording: old.proposedWording };
  if (isCommentType(old.type)) entry.type = old.type;
  doc.transact(() => {
    history.push([entry]);
    for (const [k, v] of changes) t.set(k, v);
    t.set(ThreadKey.editedAt, now);
  });
  return true;
}

function getReplyMap(doc: Y.Doc, threadId: string, replyId: string): Y.Map<unknown> {
  const replies = getThreadMap(doc, threadId).get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>;
  const r = replies.toArray().find((m) => m.get(ReplyKey.id) === replyId);
  if (!r) throw new ModelError('comments.error.unknownReply', `There is no reply ${replyId}.`, { id: replyId });
  return r;
}

export function editReply(doc: Y.Doc, threadId: string, replyId: string, body: string, actor: Actor, now = Date.now()): boolean {
  const r = getReplyMap(doc, threadId, replyId);
  requireOwnOrEditor(r, actor);
  const text = requireBody(body);
  const old = String(r.get(ReplyKey.body) ?? '');
  if (text === old) return false;
  const history = r.get(ReplyKey.history) as Y.Array<HistoryEntry>;
  doc.transact(() => {
    history.push([{ body: old, editedAt: Number(r.get(ReplyKey.editedAt) ?? r.get(ReplyKey.createdAt) ?? 0) }]);
    r.set(ReplyKey.body, text);
    r.set(ReplyKey.editedAt, now);
  });
  return true;
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, actor: Actor): boolean {
  requireEditor(actor);
  const t = getThreadMap(doc, threadId);
  if ((t.get(ThreadKey.resolved) === true) === resolved) return false;
  t.set(ThreadKey.resolved, resolved);
  return true;
}

function readChoice(t: Y.Map<unknown>): DispositionChoice {
  const d = t.get(ThreadKey.disposition) as Partial<DispositionRecord> | undefined;
  if (!d || !isDisposition(d.value)) return { value: 'open' };
  return d.value === 'duplicate' && typeof d.duplicateOf === 'string' ? { value: 'duplicate', duplicateOf: d.duplicateOf } : { value: d.value };
}

/** The duplicateOf link of every thread, for the no-cycle rule. */
export function duplicateLinks(doc: Y.Doc): Map<string, string | undefined> {
  const links = new Map<string, string | undefined>();
  commentsRoot(doc).forEach((t, id) => links.set(id, readChoice(t).duplicateOf));
  return links;
}

export interface DispositionChange {
  threadId: string;
  choice: DispositionChoice;
}

/**
 * Sets several dispositions at once (validated together, so a batch cannot build a cycle), in one transaction.
 * Unchanged ones are skipped. Returns the ids actually changed. Throws on the first rule broken, writing nothing.
 */
export function setDispositions(doc: Y.Doc, changes: DispositionChange[], actor: Actor, now = Date.now()): string[] {
  requireEditor(actor);
  const links = duplicateLinks(doc);
  for (const c of changes) links.set(c.threadId, c.choice.value === 'duplicate' ? c.choice.duplicateOf : undefined);
  const todo: Array<[Y.Map<unknown>, DispositionChoice]> = [];
  for (const c of changes) {
    const t = getThreadMap(doc, c.threadId);
    const current = readChoice(t);
    if (sameDisposition(current, c.choice)) continue;
    const purpose = t.get(ThreadKey.purpose) === 'annotation' ? 'annotation' : 'stakeholder';
    assertNoIssues(dispositionIssues({ id: c.threadId, purpose, current }, c.choice, links, actor.role));
    todo.push([t, c.choice]);
  }
  if (todo.length)
    doc.transact(() => {
      for (const [t, choice] of todo) {
        const record: DispositionRecord = { value: choice.value, setBy: actor.id, setByName: actor.name, setAt: now };
        if (choice.value === 'duplicate') record.duplicateOf = choice.duplicateOf;
        t.set(ThreadKey.disposition, record);
      }
    });
  return todo.map(([t]) => String(t.get(ThreadKey.id)));
}

export function setDisposition(doc: Y.Doc, threadId: string, choice: DispositionChoice, actor: Actor, now = Date.now()): boolean {
  return setDispositions(doc, [{ threadId, choice }], actor, now).length > 0;
}

/** The response's Y.XmlFragment, or null when no response was ever written. */
export function responseFragment(doc: Y.Doc, threadId: string): Y.XmlFragment | null {
  const f = getThreadMap(doc, threadId).get(ThreadKey.response);
  return f instanceof Y.XmlFragment ? f : null;
}

export interface ReadOptions {
  /** live registry lookup (registry.resolveStakeholder bound to the workspace doc) */
  resolveStakeholder?: (id: string) => Stakeholder | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

/** History entries are returned as stored (shared with the Y.Doc, never to be mutated): copying them costs. */
function readHistory(v: unknown): HistoryEntry[] {
  return v instanceof Y.Array ? (v.toArray() as HistoryEntry[]) : [];
}

function readReply(r: Y.Map<unknown>): Reply {
  return {
    id: str(r.get(ReplyKey.id)),
    authorId: str(r.get(ReplyKey.authorId)),
    authorName: str(r.get(ReplyKey.authorName)),
    body: str(r.get(ReplyKey.body)),
    createdAt: Number(r.get(ReplyKey.createdAt) ?? 0),
    editedAt: numOrNull(r.get(ReplyKey.editedAt)),
    history: readHistory(r.get(ReplyKey.history)),
  };
}

function readAttribution(v: unknown): Attribution | null {
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  const out: Attribution = { name: str(a.name), organisation: str(a.organisation), group: str(a.group), region: str(a.region) };
  if (typeof a.gender === 'string' && a.gender) out.gender = a.gender;
  return out;
}

/** The stored object itself when well-formed: its identity lets anchor.ts cache the decoded positions. */
function readAnchor(v: unknown): StoredAnchor | null {
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  if (typeof a.from !== 'string' || typeof a.to !== 'string') return null;
  return typeof a.quote === 'string' ? (a as unknown as StoredAnchor) : { from: a.from, to: a.to, quote: '' };
}

/** What decides whether a thread's text is highlighted (highlightPreview.ts), read as readOne reads it. */
export function readAnchorState(t: Y.Map<unknown>): Pick<Thread, 'anchor' | 'resolved'> {
  return { anchor: readAnchor(t.get(ThreadKey.anchor)), resolved: t.get(ThreadKey.resolved) === true };
}

/** One thread as plain data, `number` left 0 (numbering needs all threads: see numberThreads). */
export function readOne(t: Y.Map<unknown>, id: string, opts: ReadOptions): Thread {
  const stakeholderId = typeof t.get(ThreadKey.stakeholderId) === 'string' ? (t.get(ThreadKey.stakeholderId) as string) : null;
  const live = stakeholderId && opts.resolveStakeholder ? opts.resolveStakeholder(stakeholderId) : null;
  const snapshot = readAttribution(t.get(ThreadKey.attribution));
  const d = t.get(ThreadKey.disposition) as Partial<DispositionRecord> | undefined;
  const disposition: Thread['disposition'] = { ...readChoice(t) };
  if (d && isDisposition(d.value)) {
    if (typeof d.setBy === 'string') disposition.setBy = d.setBy;
    if (typeof d.setByName === 'string') disposition.setByName = d.setByName;
    if (typeof d.setAt === 'number') disposition.setAt = d.setAt;
  }
  const response = t.get(ThreadKey.response);
  const type = t.get(ThreadKey.type);
  const replies = t.get(ThreadKey.replies);
  const { anchor, resolved } = readAnchorState(t);
  return {
    id,
    number: 0,
    anchor,
    authorId: str(t.get(ThreadKey.authorId)),
    authorName: str(t.get(ThreadKey.authorName)),
    stakeholderId,
    attribution: live ? attributionOf(live) : snapshot,
    attributionSource: live ? 'registry' : snapshot ? 'snapshot' : 'none',
    purpose: t.get(ThreadKey.purpose) === 'annotation' ? 'annotation' : 'stakeholder',
    receivedOn: typeof t.get(ThreadKey.receivedOn) === 'string' ? (t.get(ThreadKey.receivedOn) as string) : null,
    type: isCommentType(type) ? type : 'general',
    body: str(t.get(ThreadKey.body)),
    proposedWording: str(t.get(ThreadKey.proposedWording)),
    createdAt: Number(t.get(ThreadKey.createdAt) ?? 0),
    editedAt: numOrNull(t.get(ThreadKey.editedAt)),
    history: readHistory(t.get(ThreadKey.history)),
    replies: replies instanceof Y.Array ? (replies.toArray() as Y.Map<unknown>[]).map(readReply) : [],
    resolved,
    disposition,
    response: response instanceof Y.XmlFragment ? fragmentPlainText(response) : '',
  };
}

/** One registry lookup per stakeholder per read, however many comments they made. */
export function memoizeRegistry(opts: ReadOptions): ReadOptions {
  const resolve = opts.resolveStakeholder;
  if (!resolve) return opts;
  const cache = new Map<string, Stakeholder | null>();
  return {
    ...opts,
    resolveStakeholder: (id) => {
      if (!cache.has(id)) cache.set(id, resolve(id));
      return cache.get(id)!;
    },
  };
}

export const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every thread as plain data, numbered #1.. by (createdAt, id), in that order. */
export function readThreads(doc: Y.Doc, opts: ReadOptions = {}): Thread[] {
  opts = memoizeRegistry(opts);
  const threads: Thread[] = [];
  commentsRoot(doc).forEach((t, id) => {
    if (t instanceof Y.Map) threads.push(readOne(t, id, opts));
  });
  return numberThreads(threads);
}

/** Sorts by (createdAt, id) in place and numbers #1..; returns the same array. */
export function numberThreads(threads: Thread[]): Thread[] {
  threads.sort(byCreation);
  threads.forEach((t, i) => (t.number = i + 1));
  return threads;
}

export function readThread(doc: Y.Doc, threadId: string, opts: ReadOptions = {}): Thread | null {
  const t = commentsRoot(doc).get(threadId);
  if (!(t instanceof Y.Map)) return null;
  const thread = readOne(t, threadId, opts);
  let number = 1;
  commentsRoot(doc).forEach((other, id) => {
    if (other instanceof Y.Map && id !== threadId && byCreation({ createdAt: Number(other.get(ThreadKey.createdAt) ?? 0), id }, thread) < 0) number++;
  });
  thread.number = number;
  return thread;
}
