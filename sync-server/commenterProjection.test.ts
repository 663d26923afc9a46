// The two directions of a commenter's projection (commenterProjection.ts) on plain Y.Docs: what the mirror lets
// through, and that carrying a commenter's change back neither echoes, duplicates nor overwrites an editor's newer
// change.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENTS_ROOT, CONSULTATION_ROOT, ConsultationKey, ReplyKey, ThreadKey } from '../common/commentsSchema';
import { mirrorCommenterComments, writeBackCommenterChange, writeBackProblem } from './commenterProjection';

const ME = { sub: 'ana1' };
const threads = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(COMMENTS_ROOT);

function addThread(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const t = new Y.Map<unknown>();
    threads(doc).set(id, t);
    for (const [k, v] of Object.entries({ id, purpose: 'stakeholder', type: 'general', createdAt: 1, ...fields })) t.set(k, v);
    t.set(ThreadKey.history, new Y.Array());
    t.set(ThreadKey.replies, new Y.Array());
  });
}

function addReply(doc: Y.Doc, threadId: string, id: string, authorId: string, body: string): void {
  const r = new Y.Map<unknown>();
  (threads(doc).get(threadId)?.get(ThreadKey.replies) as Y.Array<unknown>).push([r]);
  for (const [k, v] of Object.entries({ [ReplyKey.id]: id, [ReplyKey.authorId]: authorId, [ReplyKey.body]: body, [ReplyKey.createdAt]: 2 })) r.set(k, v);
  r.set(ReplyKey.history, new Y.Array());
}

const copy = (doc: Y.Doc) => {
  const c = new Y.Doc({ gc: false });
  Y.applyUpdate(c, Y.encodeStateAsUpdate(doc));
  return c;
};

/** Runs `fn` and returns whether it changed `doc`. */
function changes(doc: Y.Doc, fn: () => void): boolean {
  let changed = false;
  const on = () => (changed = true);
  doc.on('update', on);
  fn();
  doc.off('update', on);
  return changed;
}

/** A source with an editor's comment on behalf of Olga, an annotation and Ana's own comment, and Ana's projection. */
function setup() {
  const source = new Y.Doc({ gc: false });
  addThread(source, 't-olga', { authorId: 'ed1', attribution: { name: 'Olga', organisation: 'Ministry', gender: 'man' }, body: 'Olga says', disposition: { value: 'accepted' } });
  addThread(source, 't-note', { purpose: 'annotation', authorId: 'ed1', body: 'note' });
  addThread(source, 't-ana', { authorId: 'ana1', attribution: { name: 'Ana' }, body: 'Ana says', disposition: { value: 'noted' } });
  const projection = new Y.Doc({ gc: false });
  mirrorCommenterComments(source, projection, ME);
  return { source, projection };
}

describe('mirrorCommenterComments', () => {
  it('lets through own threads only in a private consultation, others in an open review, never annotations, gender or unpublished dispositions', () => {
    const { source, projection } = setup();
    expect(Array.from(threads(projection).keys())).toEqual(['t-ana']);
    expect(threads(projection).get('t-ana')?.has(ThreadKey.disposition)).toBe(false);
    source.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'open');
    mirrorCommenterComments(source, projection, ME);
    expect(Array.from(threads(projection).keys()).sort()).toEqual(['t-ana', 't-olga']);
    expect(threads(projection).get('t-olga')?.get(ThreadKey.attribution)).toEqual({ name: 'Olga', organisation: 'Ministry' });
    source.getMap(CONSULTATION_ROOT).set(ConsultationKey.publishedAt, 5);
    mirrorCommenterComments(source, projection, ME);
    expect(threads(projection).get('t-olga')?.get(ThreadKey.disposition)).toEqual({ value: 'accepted' });
    expect(Buffer.from(Y.encodeStateAsUpdate(projection)).toString('latin1')).not.toContain('gender');
    // Unchanged source: the mirror writes nothing.
    expect(changes(projection, () => mirrorCommenterComments(source, projection, ME))).toBe(false);
  });

  it("keeps the commenter's own items: a thread they created is updated key by key, not replaced", () => {
    const { source, projection } = setup();
    const before = copy(projection);
    addThread(projection, 't-new', { authorId: 'ana1', attribution: { name: 'Ana' }, body: 'mine' });
    writeBackCommenterChange(before, projection, source);
    const mine = threads(projection).get('t-new');
    threads(source).get('t-new')?.set(ThreadKey.resolved, true); // an editor resolves it
    mirrorCommenterComments(source, projection, ME);
    expect(threads(projection).get('t-new')).toBe(mine);
    expect(mine?.get(ThreadKey.resolved)).toBe(true);
  });
});

describe('writeBackCommenterChange', () => {
  it('carries a new thread, a reply and an edit to the source; the mirror then finds nothing to write (no echo)', () => {
    const { source, projection } = setup();
    let before = copy(projection);
    addThread(projection, 't-new', { authorId: 'ana1', attribution: { name: 'Ana' }, body: 'mine' });
    addReply(projection, 't-ana', 'r1', 'ana1', 'a reply');
    writeBackCommenterChange(before, projection, source);
    before = copy(projection);
    const t = threads(projection).get('t-ana')!;
    projection.transact(() => {
      (t.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: 'Ana says', editedAt: 1 }]);
      t.set(ThreadKey.body, 'Ana says more');
      t.set(ThreadKey.editedAt, 9);
    });
    writeBackCommenterChange(before, projection, source);
    expect(threads(source).get('t-new')?.get(ThreadKey.body)).toBe('mine');
    expect(threads(source).get('t-ana')?.get(ThreadKey.body)).toBe('Ana says more');
    expect((threads(source).get('t-ana')?.get(ThreadKey.history) as Y.Array<unknown>).toArray()).toEqual([{ body: 'Ana says', editedAt: 1 }]);
    expect((threads(source).get('t-ana')?.get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>).toArray().map((r) => r.get(ReplyKey.body))).toEqual(['a reply']);
    // The source's own fields stay (the disposition the commenter was not sent).
    expect(threads(source).get('t-ana')?.get(ThreadKey.disposition)).toEqual({ value: 'noted' });
    expect(changes(projection, () => mirrorCommenterComments(source, projection, ME))).toBe(false);
  });

  it('carried twice (resent after a restart), adds nothing twice', () => {
    const { source, projection } = setup();
    const before = copy(projection);
    addReply(projection, 't-ana', 'r1', 'ana1', 'a reply');
    const t = threads(projection).get('t-ana')!;
    (t.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: 'Ana says', editedAt: 1 }]);
    writeBackCommenterChange(before, projection, source);
    writeBackCommenterChange(before, projection, source);
    expect((threads(source).get('t-ana')?.get(ThreadKey.replies) as Y.Array<unknown>).length).toBe(1);
    expect((threads(source).get('t-ana')?.get(ThreadKey.history) as Y.Array<unknown>).length).toBe(1);
  });

  it("writes only what the update changed: an editor's newer body, not mirrored yet, is not overwritten by a reply", () => {
    const { source, projection } = setup();
    threads(source).get('t-ana')?.set(ThreadKey.body, 'fixed by the editor');
    const before = copy(projection);
    addReply(projection, 't-ana', 'r1', 'ana1', 'a reply');
    writeBackCommenterChange(before, projection, source);
    expect(threads(source).get('t-ana')?.get(ThreadKey.body)).toBe('fixed by the editor');
  });

  it("carries an offline history entry merged ahead of one the server wrote meanwhile", () => {
    const { source, projection } = setup();
    // Ana edits offline; meanwhile an editor edits the same comment and the mirror brings that edit's history.
    const offline = copy(projection);
    offline.clientID = 1; // ordered ahead of the server's concurrent entry
    projection.clientID = 2 ** 31 - 1;
    const mine = threads(offline).get('t-ana')!;
    offline.transact(() => {
      (mine.get(ThreadKey.history) as Y.Array<unknown>).insert(0, [{ body: 'Ana says', editedAt: 1, by: 'ana' }]);
      mine.set(ThreadKey.body, 'Ana rewrites');
    });
    (threads(source).get('t-ana')?.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: 'Ana says', editedAt: 1, by: 'editor' }]);
    threads(source).get('t-ana')?.set(ThreadKey.body, 'Editor rewrites');
    mirrorCommenterComments(source, projection, ME);
    const before = copy(projection);
    Y.applyUpdate(projection, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(before)));
    writeBackCommenterChange(before, projection, source);
    const history = (threads(source).get('t-ana')?.get(ThreadKey.history) as Y.Array<{ by: string }>).toArray().map((h) => h.by);
    expect(history.sort()).toEqual(['ana', 'editor']);
  });

  it("refuses a 'new' thread under the id of one the commenter was not sent", () => {
    const { source, projection } = setup();
    const before = copy(projection);
    addThread(projection, 't-note', { authorId: 'ana1', body: 'taking over' });
    expect(writeBackProblem(before, projection, source, ME)).toMatch(/not sent/);
    const own = copy(before);
    addThread(own, 't-ana2', { authorId: 'ana1', body: 'fine' });
    expect(writeBackProblem(before, own, source, ME)).toBeNull();
  });
});
