// Documents the background full sync brings are derived (issue 11; renderer/src/storage/syncedDerivation.ts): a
// co-facilitator's replica that never opens a document still gets its catalog row (with activity and network
// fields) and its comment entries, updated after a later remote edit, and a pass over a workspace in sync derives
// nothing. Replica A writes through stock providers; replica B runs only the app's WorkspaceSync against a real
// sync server, with its local copies and catalog in fake IndexedDB.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COMMENTS_ROOT, ThreadKey } from '../../common/commentsSchema';
import { commentsDocName, documentDocName, roomForDocName } from '../../common/rooms';
import { docBody } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { createDocument } from '../../renderer/src/model/templates';
import { wsStakeholders } from '../../renderer/src/model/workspaceDoc';
import { catalogDb, listCommentEntries } from '../../renderer/src/storage/catalogDb';
import { expectedScope } from '../../renderer/src/storage/localCopyScope';
import { OpenDocs } from '../../renderer/src/storage/openDocs';
import { syncedDerivation, type SyncedDerivation } from '../../renderer/src/storage/syncedDerivation';
import { WorkspaceSync } from '../../renderer/src/sync/workspaceSync';
import { silentLogger } from '../../sync-server/log';
import { startServer, type RunningServer } from '../../sync-server/server';
import { signToken } from '../../sync-server/token';
import { sleep, TEST_SECRET, tempDir, waitFor } from '../../sync-server/testHelpers';

const dir = tempDir();
let server: RunningServer;
const exp = Math.floor(Date.now() / 1000) + 3600;
const tokenA = signToken({ ws: 'ws1', role: 'editor', sub: 'ed-a', name: 'Amal', exp }, TEST_SECRET);
const tokenB = signToken({ ws: 'ws1', role: 'editor', sub: 'ed-b', name: 'Bo', exp }, TEST_SECRET);
const t = (id: string) => id.split('.').pop() ?? id;

const providers: WebsocketProvider[] = [];
function stock(room: string, doc: Y.Doc) {
  const p = new WebsocketProvider(server.url, room, doc, { params: { token: tokenA }, WebSocketPolyfill: WebSocket as never, disableBc: true });
  providers.push(p);
  return p;
}
const room = (name: string) => {
  const r = roomForDocName(name);
  if (!r) throw new Error(`no room for ${name}`);
  return r;
};

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

let aWs: Y.Doc;
let aBody: Y.Doc;
let aComments: Y.Doc;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, unloadDelayMs: 60_000 });
  aWs = new Y.Doc();
  aBody = new Y.Doc();
  aComments = new Y.Doc();
  const pw = stock('ws1/_workspace', aWs);
  const pb = stock(room(documentDocName('ws1', 'c1')), aBody);
  const pc = stock(room(commentsDocName('ws1', 'c1')), aComments);
  await waitFor(() => pw.synced && pb.synced && pc.synced, 10_000, 'replica A synced');
  aWs.transact(() => {
    const olga = new Y.Map<unknown>();
    wsStakeholders(aWs).set('st-olga', olga);
    olga.set('id', 'st-olga');
    olga.set('name', 'Olga Ortiz');
  });
  createDocument(
    aWs,
    () => aBody,
    { kind: 'contribution', title: 'Olga on capacity building', stakeholderId: 'st-olga', receivedOn: '2026-11-02', inReplyTo: 'q1' },
    { t, createdBy: 'ed-a', id: 'c1', body: { type: 'doc', content: [para('Regional CERTs need sustained funding.')] } },
  );
  aComments.transact(() => {
    const th = new Y.Map<unknown>();
    aComments.getMap(COMMENTS_ROOT).set('t1', th);
    const fields: Record<string, unknown> = {
      [ThreadKey.id]: 't1',
      [ThreadKey.purpose]: 'stakeholder',
      [ThreadKey.type]: 'general',
      [ThreadKey.createdAt]: 1,
      [ThreadKey.proposedWording]: '',
      [ThreadKey.authorId]: 'ed-a',
      [ThreadKey.stakeholderId]: 'st-olga',
      [ThreadKey.body]: 'Mentorship between CERTs works',
    };
    for (const [k, v] of Object.entries(fields)) th.set(k, v);
    th.set(ThreadKey.history, new Y.Array());
    th.set(ThreadKey.replies, new Y.Array());
  });
  await sleep(300); // the server has stored A's changes
});

afterAll(async () => {
  for (const p of providers) p.destroy();
  await server.close();
  dir.remove();
});

describe('a replica that only runs the background full sync', () => {
  it('derives catalog rows and comment entries of documents it never opened, once per change', async () => {
    const derived: string[] = [];
    const counting: SyncedDerivation = {
      async begin(workspaceId, ws) {
        const pass = await syncedDerivation.begin(workspaceId, ws);
        return {
          async derive(name, doc, what) {
            const wrote = await pass.derive(name, doc, what);
            if (wrote) derived.push(name);
            return wrote;
          },
        };
      },
    };
    const registry = new OpenDocs(async (name) => expectedScope(name, { role: 'editor', token: tokenB }));
    let passes = 0;
    const sync = new WorkspaceSync('ws1', server.url, tokenB, { id: 'ed-b', name: 'Bo', color: '#000' }, null, () => passes++, registry, {
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    }, counting);
    const bodyName = documentDocName('ws1', 'c1');
    const commentsName = commentsDocName('ws1', 'c1');
    sync.start();
    try {
      // The first pass (started by start()) syncs and derives the document and its comments.
      await waitFor(() => passes === 1, 20_000, 'first full sync');
      expect(registry.isOpen(bodyName)).toBe(false); // released after the pass: B never holds it open
      expect(derived.sort()).toEqual([bodyName, commentsName].sort());
      const row = await catalogDb.catalog.get('ws1/c1');
      expect(row).toMatchObject({ title: 'Olga on capacity building', kind: 'contribution', docId: 'c1' });
      expect((await catalogDb.texts.get('ws1/c1'))?.text).toContain('Regional CERTs need sustained funding.');
      expect(row?.activity).toMatchObject({ stakeholderId: 'st-olga', receivedOn: '2026-11-02' });
      expect(row?.activity?.extract).toContain('Regional CERTs');
      expect(row?.network).toEqual({ inReplyTo: 'q1' });
      const entries = await listCommentEntries('ws1');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ docId: 'c1', threadId: 't1', stakeholderId: 'st-olga', body: 'Mentorship between CERTs works' });
      expect(entries[0].name).toBe('Olga Ortiz');

      // In sync: a pass derives nothing and writes no row.
      derived.length = 0;
      await sync.fullSync();
      expect(passes).toBe(2);
      expect(derived).toEqual([]);
      expect((await catalogDb.catalog.get('ws1/c1'))?.updatedAt).toBe(row?.updatedAt);

      // A later remote edit (a new paragraph; a comment text changed) is derived on the next pass.
      appendJSONToBody(aBody, { type: 'doc', content: [para('Twinning programmes came up later.')] });
      (aComments.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t1') as Y.Map<unknown>).set(ThreadKey.body, 'Mentorship and twinning work');
      await sleep(300);
      await sync.fullSync();
      expect(passes).toBe(3);
      expect(derived.sort()).toEqual([bodyName, commentsName].sort());
      expect((await catalogDb.texts.get('ws1/c1'))?.text).toContain('Twinning programmes came up later.');
      expect((await listCommentEntries('ws1'))[0].body).toBe('Mentorship and twinning work');

      // A deletion alone (no new content, the state vector does not move) is a change too.
      derived.length = 0;
      const body = docBody(aBody);
      body.delete(body.length - 1, 1);
      await sleep(300);
      await sync.fullSync();
      expect(derived).toEqual([bodyName]);
      expect((await catalogDb.texts.get('ws1/c1'))?.text).not.toContain('Twinning');

      // A registry change (the stakeholder's name) re-derives the comment entries that name it.
      derived.length = 0;
      (wsStakeholders(aWs).get('st-olga') as Y.Map<unknown>).set('name', 'Olga Ortiz-Lee');
      await sleep(300);
      await sync.fullSync();
      expect(derived).toEqual([commentsName]);
      expect((await listCommentEntries('ws1'))[0].name).toBe('Olga Ortiz-Lee');

      // And in sync again: nothing.
      derived.length = 0;
      await sync.fullSync();
      expect(derived).toEqual([]);
    } finally {
      sync.stop();
    }
  }, 60_000);

  it('once the workspace is held here, loads a document it does not hold open only when the person pauses (platform/userPause.ts)', async () => {
    const registry = new OpenDocs(async (name) => expectedScope(name, { role: 'editor', token: tokenB }));
    const waiting: Array<() => void> = [];
    const pause = () => new Promise<void>((resolve) => waiting.push(resolve));
    const nothing: SyncedDerivation = { begin: async () => ({ derive: async () => false }) };
    let passes = 0;
    const sync = new WorkspaceSync('ws1', server.url, tokenB, { id: 'ed-b', name: 'Bo', color: '#000' }, null, () => passes++, registry, {
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    }, nothing, pause);
    const bodyName = documentDocName('ws1', 'c1');
    const commentsName = commentsDocName('ws1', 'c1');
    sync.start();
    try {
      // The first full sync on this device (started by start()) does not wait: the person waits for it.
      await waitFor(() => passes === 1, 20_000, 'the first full sync');
      expect(waiting).toHaveLength(0);

      // Later passes wait before each document (not for the workspace doc: it is open with the workspace).
      let pass = sync.fullSync();
      await waitFor(() => waiting.length === 2, 10_000, 'the pass waiting for a pause');
      await sleep(300);
      expect(registry.isOpen(bodyName)).toBe(false);
      expect(registry.isOpen(commentsName)).toBe(false);
      expect(passes).toBe(1);
      waiting.splice(0).forEach((go) => go());
      await pass;
      expect(passes).toBe(2);

      // A document the person has open is synced without waiting: loading it costs nothing more.
      const open = registry.acquire(bodyName);
      await open.ready;
      pass = sync.fullSync();
      await waitFor(() => waiting.length === 1, 10_000, 'the pass waiting for the comments doc alone');
      await sleep(300);
      expect(registry.isOpen(commentsName)).toBe(false);
      expect(passes).toBe(2);
      waiting.splice(0).forEach((go) => go());
      await pass;
      expect(passes).toBe(3);
      open.release();
    } finally {
      sync.stop();
    }
  }, 60_000);
});
