// The comment highlights read ahead of the comments doc (issue 13): the worker's code against fake-indexeddb, the
// scope rule it applies (a copy the reader may not read gives nothing, and is left for DocPersistence to drop), and
// the ranges it leads to, which must be those the loaded comments doc gives.
import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocName, documentDocName } from '../../../common/rooms';
import { appendJSONToBody } from '../model/bodyWrite';
import { docBody } from '../model/bodyJson';
import { buildBodyIndex } from '../model/comments/bodyIndex';
import { createAnchorAtBlocks } from '../model/comments/anchor';
import { addThread, readThreads, setResolved } from '../model/comments/commentsDoc';
import { matrixRows } from '../model/comments/matrix';
import { highlightSeeds, paragraphMarks, seedRanges, type HighlightSeed } from '../model/comments/highlightPreview';
import { contentStamp, sameBytes } from '../model/contentStamp';
import { checkLocalCopy, HIGHLIGHTS_KEY, openLocalCopy, readLocalCopy, SCOPE_KEY } from './localCopyScope';
import type { PreviewReply, PreviewRequest } from './commentsPreview';
import type { CachedHighlights } from './highlightCache';

const name = commentsDocName('ws1', 'd1');
const editor = { id: 'ed1', name: 'Rita', role: 'editor' as const };
const para = (bid: string, text: string) => ({ type: 'paragraph', attrs: { bid }, content: [{ type: 'text', text }] });

const body = new Y.Doc({ gc: false }); // as document docs are opened
appendJSONToBody(body, { type: 'doc', content: [para('a', 'Meaningful access needs affordable devices.'), para('b', 'Local content matters.')] });
const index = buildBodyIndex(docBody(body));
const comments = new Y.Doc();
const open = addThread(comments, { anchor: createAnchorAtBlocks(index, { bid: 'a', offset: 11 }, { bid: 'a', offset: 17 }), type: 'substantive', body: 'Define access.', purpose: 'stakeholder' }, editor);
const closed = addThread(comments, { anchor: createAnchorAtBlocks(index, { bid: 'b', offset: 0 }, { bid: 'b', offset: 5 }), type: 'editorial', body: 'Fixed.', purpose: 'stakeholder' }, editor);
setResolved(comments, closed, true, editor);
addThread(comments, { anchor: null, type: 'general', body: 'Nice work.', purpose: 'stakeholder' }, editor);

async function store(scope: string, docName = name, doc = comments): Promise<void> {
  const db = await openLocalCopy(docName);
  const [updates, custom] = idb.transact(db, ['updates', 'custom']);
  await idb.rtop(updates.clear());
  await idb.addAutoKey(updates, Y.encodeStateAsUpdate(doc) as unknown as ArrayBuffer);
  await idb.put(custom, scope, SCOPE_KEY);
  db.close();
}

// The worker module's global scope, here: it sets `onmessage` and answers with `postMessage`.
const replies: PreviewReply[] = [];
const workerScope: { onmessage?: (e: { data: PreviewRequest }) => Promise<void>; postMessage: (r: PreviewReply) => void } = { postMessage: (r) => replies.push(r) };
(globalThis as { self?: unknown }).self = workerScope;

/** Runs the worker module's message handler here, as the worker would, and returns its reply. */
async function askWorker(request: PreviewRequest): Promise<PreviewReply> {
  await import('./commentsPreviewWorker');
  replies.length = 0;
  await workerScope.onmessage!({ data: request });
  return replies[0]!;
}

afterAll(() => delete (globalThis as { self?: unknown }).self);

const bodyName = documentDocName('ws1', 'd1');
/** The two docs of a preview or a refresh: this comments doc read under `expected`, its body under 'full:ed1'. */
const docs = (expected: string | null, comments = name) => ({ name: comments, expected, body: bodyName, bodyExpected: 'full:ed1' });
/** A replica of `doc` (as another device would hold it), to change apart from the original. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
/** Types `text` at the start of body block `block`. */
const typeAtStart = (doc: Y.Doc, block: number, text: string) => ((docBody(doc).get(block) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text);

describe('comment highlights read ahead of the comments doc', () => {
  it('gives the open anchored threads, whose ranges are those of the loaded comments doc', async () => {
    await store('full:ed1');
    const reply = await askWorker({ type: 'preview', id: 7, ...docs('full:ed1') });
    expect(reply.id).toBe(7);
    expect(reply.preview!.placed).toBeNull();
    const seeds = reply.preview!.seeds!;
    expect(seeds.map((s: HighlightSeed) => s.id)).toEqual([open]);
    const rows = matrixRows(readThreads(comments), index, (id) => id).filter((r) => r.id === open);
    expect(seedRanges(index, seeds)).toEqual(rows.map((r) => ({ threadId: r.id, from: r.position, to: r.end })));
    expect(seedRanges(index, seeds)[0]).toEqual({ threadId: open, from: 12, to: 18 });
  });

  it('gives nothing from a copy of another scope, and leaves that copy for DocPersistence to drop', async () => {
    await store('full:ed1');
    expect(await askWorker({ type: 'preview', id: 8, ...docs('own-or-open:ana1') })).toEqual({ id: 8, preview: null });
    expect(await readLocalCopy(name, 'own-or-open:ana1')).toBeNull();
    expect((await readLocalCopy(name, 'full:ed1'))!.rows.length).toBe(1);
  });

  it('gives nothing for a doc with no local copy', async () => {
    expect(await askWorker({ type: 'preview', id: 9, ...docs(null, commentsDocName('ws1', 'new')) })).toEqual({ id: 9, preview: null });
  });
});

describe('highlights placed on the body for the next open (storage/highlightCache.ts)', () => {
  const preview = (expected: string | null = 'full:ed1') => askWorker({ type: 'preview', id: 1, ...docs(expected) }).then((r) => r.preview);
  const refresh = () => askWorker({ type: 'refresh', ...docs('full:ed1') });
  const stored = async () => {
    const db = await openLocalCopy(name);
    try {
      return await idb.get(idb.transact(db, ['custom'], 'readonly')[0], HIGHLIGHTS_KEY);
    } finally {
      db.close();
    }
  };

  it('are placed by the first preview, off the UI thread, for this very body, and kept: the next reads them without decoding', async () => {
    await store('full:ed1');
    await store('full:ed1', bodyName, body);
    const first = (await preview())!;
    expect(first.seeds!.map((s) => s.id)).toEqual([open]); // for a text view whose body is another one
    expect(sameBytes(first.placed!.body, contentStamp(body))).toBe(true); // the body the app loads is the one they were placed on
    expect(first.placed!.ranges).toEqual(seedRanges(index, highlightSeeds(comments)));
    expect(first.placed!.ranges).toEqual([{ threadId: open, from: 12, to: 18 }]);
    expect(first.placed!.paragraphs).toEqual(paragraphMarks(index));
    expect(first.placed!.paragraphs.map((p) => p.label)).toEqual(['1', '2']);
    expect(((await stored()) as unknown as CachedHighlights).ranges).toEqual(first.placed!.ranges); // kept for the next open
    const again = (await preview())!;
    expect(again.seeds).toBeNull(); // the comments doc was not read, let alone decoded
    expect(again.placed).toEqual(first.placed);
  });

  it('are placed again once the comments changed', async () => {
    await store('full:ed1');
    await store('full:ed1', bodyName, body);
    await refresh();
    const changed = replica(comments);
    setResolved(changed, open, true, editor);
    await store('full:ed1', name, changed);
    const next = (await preview())!;
    expect(next.seeds).toEqual([]);
    expect(next.placed!.ranges).toEqual([]);
    expect((await preview())!.seeds).toBeNull(); // and kept
  });

  it('are placed again once the stored body changed, on that body', async () => {
    await store('full:ed1');
    await store('full:ed1', bodyName, body);
    await refresh();
    const edited = replica(body);
    typeAtStart(edited, 0, 'Truly ');
    await store('full:ed1', bodyName, edited);
    const next = (await preview())!;
    expect(next.seeds!.map((s) => s.id)).toEqual([open]);
    expect(sameBytes(next.placed!.body, contentStamp(edited))).toBe(true);
    expect(sameBytes(next.placed!.body, contentStamp(body))).toBe(false); // a text view still on the old body resolves the seeds
    expect(next.placed!.ranges).toEqual([{ threadId: open, from: 18, to: 24 }]);
  });

  it('a changed body is placed again from the seeds kept with them: the unchanged comments copy is not read', async () => {
    await store('full:ed1');
    await store('full:ed1', bodyName, body);
    await refresh();
    expect(((await stored()) as unknown as CachedHighlights).seeds).toEqual(highlightSeeds(comments));
    // A probe: the comments row is overwritten in place (its key, hence the copy's last key, unchanged) with a doc
    // where the open thread is resolved. Read again, it would give no highlights.
    const probe = replica(comments);
    setResolved(probe, open, true, editor);
    const db = await openLocalCopy(name);
    const [updates] = idb.transact(db, ['updates']);
    const [key] = await idb.getAllKeys(updates);
    await idb.put(updates, Y.encodeStateAsUpdate(probe) as unknown as ArrayBuffer, key as number);
    db.close();
    const edited = replica(body);
    typeAtStart(edited, 0, 'Truly ');
    await store('full:ed1', bodyName, edited);
    // an open before any refresh: the kept seeds, placed on the changed body
    const opened = (await preview())!;
    expect(opened.seeds!.map((s) => s.id)).toEqual([open]);
    expect(sameBytes(opened.placed!.body, contentStamp(edited))).toBe(true);
    expect(opened.placed!.ranges).toEqual([{ threadId: open, from: 18, to: 24 }]);
    // the background refresh after a co-editor's change came by sync, and the open after it
    typeAtStart(edited, 1, 'So: ');
    await store('full:ed1', bodyName, edited);
    await refresh();
    const next = (await preview())!;
    expect(next.seeds).toBeNull(); // placed by the refresh, on this body
    expect(sameBytes(next.placed!.body, contentStamp(edited))).toBe(true);
    expect(next.placed!.ranges).toEqual([{ threadId: open, from: 18, to: 24 }]);
  });

  it('a body stamp changes with a deletion, which adds nothing to the state vector', () => {
    const edited = replica(body);
    const before = { stamp: contentStamp(edited), sv: Y.encodeStateVector(edited) };
    ((docBody(edited).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 11);
    expect(Y.encodeStateVector(edited)).toEqual(before.sv);
    expect(sameBytes(contentStamp(edited), before.stamp)).toBe(false);
    expect(sameBytes(contentStamp(body), before.stamp)).toBe(true);
  });

  it('are handed only to a reader of the scope they were placed under, and go with a copy that is dropped', async () => {
    await store('full:ed1');
    await store('full:ed1', bodyName, body);
    await refresh();
    expect(await preview('own-or-open:ana1')).toBeNull(); // the copy itself may not be read
    // readable, but the record was placed under another scope: placed again from the copy this reader may read
    expect((await preview(null))!.seeds).not.toBeNull();
    expect(await stored()).toBeDefined();
    const db = await openLocalCopy(name);
    expect((await checkLocalCopy(db, name, 'own-or-open:ana1')).dropped).toBe(true);
    db.close();
    expect(await stored()).toBeUndefined();
  });
});
