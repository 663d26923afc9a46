// The comment highlights read ahead of the comments doc (issue 13): the worker's code against fake-indexeddb, the
// scope rule it applies (a copy the reader may not read gives nothing, and is left for DocPersistence to drop), and
// the ranges it leads to, which must be those the loaded comments doc gives.
import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocName } from '../../../common/rooms';
import { appendJSONToBody } from '../model/bodyWrite';
import { docBody } from '../model/bodyJson';
import { buildBodyIndex } from '../model/comments/bodyIndex';
import { createAnchorAtBlocks } from '../model/comments/anchor';
import { addThread, readThreads, setResolved } from '../model/comments/commentsDoc';
import { matrixRows } from '../model/comments/matrix';
import { seedRanges, type HighlightSeed } from '../model/comments/highlightPreview';
import { openLocalCopy, readLocalCopy, SCOPE_KEY } from './localCopyScope';
import type { PreviewReply, PreviewRequest } from './commentsPreview';

const name = commentsDocName('ws1', 'd1');
const editor = { id: 'ed1', name: 'Rita', role: 'editor' as const };
const para = (bid: string, text: string) => ({ type: 'paragraph', attrs: { bid }, content: [{ type: 'text', text }] });

const body = new Y.Doc();
appendJSONToBody(body, { type: 'doc', content: [para('a', 'Meaningful access needs affordable devices.'), para('b', 'Local content matters.')] });
const index = buildBodyIndex(docBody(body));
const comments = new Y.Doc();
const open = addThread(comments, { anchor: createAnchorAtBlocks(index, { bid: 'a', offset: 11 }, { bid: 'a', offset: 17 }), type: 'substantive', body: 'Define access.', purpose: 'stakeholder' }, editor);
const closed = addThread(comments, { anchor: createAnchorAtBlocks(index, { bid: 'b', offset: 0 }, { bid: 'b', offset: 5 }), type: 'editorial', body: 'Fixed.', purpose: 'stakeholder' }, editor);
setResolved(comments, closed, true, editor);
addThread(comments, { anchor: null, type: 'general', body: 'Nice work.', purpose: 'stakeholder' }, editor);

async function store(scope: string): Promise<void> {
  const db = await openLocalCopy(name);
  const [updates, custom] = idb.transact(db, ['updates', 'custom']);
  await idb.rtop(updates.clear());
  await idb.addAutoKey(updates, Y.encodeStateAsUpdate(comments) as unknown as ArrayBuffer);
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

describe('comment highlights read ahead of the comments doc', () => {
  it('gives the open anchored threads, whose ranges are those of the loaded comments doc', async () => {
    await store('full:ed1');
    const reply = await askWorker({ id: 7, name, expected: 'full:ed1' });
    expect(reply.id).toBe(7);
    expect(reply.seeds!.map((s: HighlightSeed) => s.id)).toEqual([open]);
    const rows = matrixRows(readThreads(comments), index, (id) => id).filter((r) => r.id === open);
    expect(seedRanges(index, reply.seeds!)).toEqual(rows.map((r) => ({ threadId: r.id, from: r.position, to: r.end })));
    expect(seedRanges(index, reply.seeds!)[0]).toEqual({ threadId: open, from: 12, to: 18 });
  });

  it('gives nothing from a copy of another scope, and leaves that copy for DocPersistence to drop', async () => {
    await store('full:ed1');
    expect(await askWorker({ id: 8, name, expected: 'own-or-open:ana1' })).toEqual({ id: 8, seeds: null });
    expect(await readLocalCopy(name, 'own-or-open:ana1')).toBeNull();
    expect((await readLocalCopy(name, 'full:ed1'))!.length).toBe(1);
  });

  it('gives nothing for a doc with no local copy', async () => {
    expect(await askWorker({ id: 9, name: commentsDocName('ws1', 'new'), expected: null })).toEqual({ id: 9, seeds: null });
  });
});
