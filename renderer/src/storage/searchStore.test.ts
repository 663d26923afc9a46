import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { catalogDb, listCommentEntries, putCatalogRow } from './catalogDb';
import { SearchStore, searchStore } from './searchStore';
import { CommentEntriesPipeline } from './derived/commentEntriesPipeline';
import { searchSink } from './derived/searchSink';
import { openDocs } from './openDocs';
import { rebuildAllIndexes } from './catalogIndexer';
import type { CatalogRowWithText } from '../model/catalog';
import type { CommentEntry } from '../model/commentEntries';
import { addReply, addThread } from '../model/comments/commentsDoc';
import { addStakeholder } from '../model/stakeholders';
import { createDocument } from '../model/templates';
import { appendJSONToBody } from '../model/bodyWrite';
import { initWorkspace } from '../model/workspaceDoc';
import { deriveDocument } from '../model/derive';
import { DEFAULT_HOUSE_STYLE } from '../model/houseStyle';
import { listDocumentMetas } from '../model/workspaceDoc';
import { commentsDocName, documentDocName, workspaceDocName } from '../../../common/rooms';
import { FIXTURE_EDITOR } from '../../../tests/fixtures/generateComments';

const t = (id: string) => id;
const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const row = (workspaceId: string, docId: string, text: string, over: Partial<CatalogRowWithText> = {}): CatalogRowWithText => ({
  key: `${workspaceId}/${docId}`, workspaceId, docId, title: `Doc ${docId}`, kind: 'contribution', themes: [], date: '2026-01-01', createdAt: 0, updatedAt: 1, wordCount: 1, text, ...over,
});
const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

afterEach(() => vi.useRealTimers());

describe('the comment entries pipeline of an open document', () => {
  it('writes nothing on open, then the document\'s entries after each settled change and on close', () => {
    vi.useFakeTimers();
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'W' });
    const comments = new Y.Doc();
    const threadId = addThread(comments, { anchor: null, type: 'general', body: 'First remark', proposedWording: '', purpose: 'annotation' }, FIXTURE_EDITOR);
    const writes: CommentEntry[][] = [];
    const pipeline = new CommentEntriesPipeline({ workspaceId: 'w', docId: 'd', comments, ws }, async (_w, _d, entries) => void writes.push(entries), 300);
    vi.advanceTimersByTime(5000);
    expect(writes).toEqual([]);
    addReply(comments, threadId, 'A reply about mangroves', FIXTURE_EDITOR);
    vi.advanceTimersByTime(100);
    addReply(comments, threadId, 'And estuaries', FIXTURE_EDITOR);
    vi.advanceTimersByTime(300);
    expect(writes).toHaveLength(1);
    expect(writes[0][0]).toMatchObject({ key: `w/d/${threadId}`, replies: ['A reply about mangroves', 'And estuaries'] });
    addThread(comments, { anchor: null, type: 'general', body: 'Second', proposedWording: '', purpose: 'annotation' }, FIXTURE_EDITOR);
    pipeline.destroy(); // closed before the change settled: written now
    expect(writes.map((w) => w.length)).toEqual([1, 2]);
  });
});

describe('the search store (Dexie)', () => {
  it('builds from the catalog, follows the sink, saves, and loads the saved index (catching up with rows written meanwhile)', async () => {
    const W = 'wsstore';
    await Promise.all([row(W, 'a', 'Rainwater harvesting in Sahel villages'), row(W, 'b', 'Microcredit for women cooperatives')].map(putCatalogRow));
    await catalogDb.comments.put({
      key: `${W}/a/t1`, workspaceId: W, docId: 'a', threadId: 't1', number: 1, purpose: 'stakeholder', stakeholderId: null, name: 'N', organisation: 'O', group: 'academia', region: 'global',
      authorId: 'x', createdAt: 1, body: 'What about baobab seedlings?', proposedWording: '', replies: [], disposition: '', response: '', quote: '',
    });
    const store = new SearchStore(10_000);
    const index = await store.get(W);
    expect(ids(index.search('sahel'))).toEqual(['d:a']);
    expect(ids(index.search('baobab'))).toEqual(['c:a/t1']);

    // The pipeline's sink re-indexes a changed row at once (the store saves it later, or when flushed).
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'W' });
    const doc = new Y.Doc();
    const { id } = createDocument(ws, () => doc, { kind: 'contribution', title: 'Seed banks', receivedOn: '2026-02-02' }, { t, createdBy: 'me' });
    appendJSONToBody(doc, paragraph('Community seed banks in the Andes'));
    const meta = listDocumentMetas(ws).find((m) => m.id === id)!;
    const derived = deriveDocument({ workspaceId: W, meta, doc, style: DEFAULT_HOUSE_STYLE, updatedAt: 5 });
    const sink = searchSink(store);
    sink.accept(derived, false);
    await new Promise((r) => setTimeout(r, 0));
    expect(ids(index.search('andes'))).toEqual([]); // unchanged since opening: nothing to do
    sink.accept(derived, true);
    await vi.waitFor(() => expect(ids(index.search('andes'))).toEqual([`d:${id}`]));
    await store.flush(W);
    const saved = await catalogDb.prefs.get(`search:${W}`);
    expect(saved).toBeDefined();

    // A row written while no index was loaded (another window, an import) is caught up after loading.
    await putCatalogRow(row(W, 'c', 'Solar irrigation pumps'));
    const reopened = new SearchStore(10_000);
    const loaded = await reopened.get(W);
    expect(ids(loaded.search('andes'))).toEqual([`d:${id}`]); // from the saved index
    await vi.waitFor(() => expect(ids(loaded.search('irrigation'))).toEqual(['d:c']));
  });

  it('Rebuild index derives every document\'s comment entries from its comments doc and rebuilds the search index', async () => {
    const W = 'wsrebuild';
    const wsHandle = openDocs.acquire(workspaceDocName(W));
    await wsHandle.ready;
    const ws = wsHandle.doc;
    initWorkspace(ws, { name: 'Rebuilt' });
    const s = addStakeholder(ws, { name: 'Ingrid Berg', organisation: 'Nordic Fjord Council', group: 'intergovernmental', region: 'western-european-other', themes: [] });
    const docHandle = openDocs.acquire(documentDocName(W, 'doc1'), { gc: false });
    await docHandle.ready;
    createDocument(ws, () => docHandle.doc, { kind: 'contribution', title: 'Fisheries', stakeholderId: s.id, receivedOn: '2026-03-03' }, { t, createdBy: 'me', id: 'doc1' });
    appendJSONToBody(docHandle.doc, paragraph('Quotas for herring fisheries'));
    const commentsHandle = openDocs.acquire(commentsDocName(W, 'doc1'));
    await commentsHandle.ready;
    addThread(commentsHandle.doc, { anchor: null, type: 'general', body: 'Mention the krill moratorium', proposedWording: '', purpose: 'stakeholder', stakeholder: s }, FIXTURE_EDITOR);
    await catalogDb.workspaces.put({ id: W, name: 'Rebuilt', lastOpenedAt: 1 });
    await catalogDb.comments.put({ key: `${W}/gone/t`, workspaceId: W, docId: 'gone', threadId: 't', number: 1, purpose: 'annotation', stakeholderId: null, name: '', organisation: '', group: '', region: '', authorId: '', createdAt: 0, body: 'stale', proposedWording: '', replies: [], disposition: '', response: '', quote: '' });
    docHandle.release();
    commentsHandle.release();

    const progress: Array<[number, number]> = [];
    await rebuildAllIndexes((done, total) => progress.push([done, total]));
    expect(progress).toContainEqual([1, 1]);
    const entries = await listCommentEntries(W);
    expect(entries.map((e) => [e.docId, e.body, e.organisation])).toEqual([['doc1', 'Mention the krill moratorium', 'Nordic Fjord Council']]);
    const index = await searchStore.get(W);
    expect(ids(index.search('krill'))).toEqual([expect.stringMatching(/^c:doc1\//)]);
    expect(ids(index.search('herring'))).toEqual(['d:doc1']);
    expect(ids(index.search('fjord council', { kinds: ['stakeholder'] }))).toEqual([`s:${s.id}`]);
    expect(index.search('fjord council').map((h) => h.kind).sort()).toEqual(['comment', 'stakeholder']); // the comment is attributed to them
    expect(ids(index.search('stale'))).toEqual([]);
    wsHandle.release();
  });
});
