// Stale full local copies are dropped (issue 9, part 2; renderer/src/storage/localCopyScope.ts): a commenter whose
// IndexedDB holds a full comments doc and a full workspace doc, from before the server sent projections, opens them
// through the app's OpenDocs and WorkspaceSync against a real server. The copies are emptied before they load,
// refilled from the projections, and the comment the commenter wrote offline in the old copy still reaches the
// editors, once.
import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COMMENTS_ROOT, ReplyKey, ThreadKey } from '../../common/commentsSchema';
import { commentsDocName, workspaceDocName } from '../../common/rooms';
import type { Role } from '../../common/roles';
import { OpenDocs } from '../../renderer/src/storage/openDocs';
import { expectedScope, keepsLocalCopy, SCOPE_KEY } from '../../renderer/src/storage/localCopyScope';
import { WorkspaceSync, type SyncSnapshot } from '../../renderer/src/sync/workspaceSync';
import { wsStakeholders } from '../../renderer/src/model/workspaceDoc';
import { silentLogger } from '../../sync-server/log';
import { startServer, type RunningServer } from '../../sync-server/server';
import { signToken } from '../../sync-server/token';
import { sleep, TEST_SECRET, tempDir, waitFor } from '../../sync-server/testHelpers';

const dir = tempDir();
let server: RunningServer;
const exp = Math.floor(Date.now() / 1000) + 3600;
const token = (role: Role, sub: string, name: string) => signToken({ ws: 'ws1', role, sub, name, exp }, TEST_SECRET);
const editor = token('editor', 'ed1', 'Rapporteur');
const ana = token('commenter', 'ana1', 'Ana');

function stock(tok: string, room: string, doc = new Y.Doc()) {
  return new WebsocketProvider(server.url, room, doc, { params: { token: tok }, WebSocketPolyfill: WebSocket as never, disableBc: true });
}

/** Writes `doc`'s state into the IndexedDB store `name` as y-indexeddb does, as an older app version left it. */
async function storeLocally(name: string, doc: Y.Doc): Promise<void> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, [['updates', { autoIncrement: true }], ['custom']]));
  await idb.addAutoKey(idb.transact(db, ['updates'])[0], Y.encodeStateAsUpdate(doc) as unknown as ArrayBuffer);
  db.close();
}

function thread(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const t = new Y.Map<unknown>();
    doc.getMap(COMMENTS_ROOT).set(id, t);
    t.set(ThreadKey.id, id);
    t.set(ThreadKey.purpose, 'stakeholder');
    t.set(ThreadKey.type, 'general');
    t.set(ThreadKey.createdAt, 1);
    t.set(ThreadKey.proposedWording, '');
    t.set(ThreadKey.history, new Y.Array());
    t.set(ThreadKey.replies, new Y.Array());
    for (const [k, v] of Object.entries(fields)) t.set(k, v);
  });
}

let edComments: Y.Doc;
let edProvider: WebsocketProvider;
let edWorkspace: WebsocketProvider;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, unloadDelayMs: 60_000 });
  edComments = new Y.Doc();
  edProvider = stock(editor, 'ws1/d1/comments', edComments);
  const ws = new Y.Doc();
  edWorkspace = stock(editor, 'ws1/_workspace', ws);
  await waitFor(() => edProvider.synced && edWorkspace.synced, 10_000, 'editor sync');
  thread(edComments, 't-note', { [ThreadKey.purpose]: 'annotation', [ThreadKey.authorId]: 'ed1', [ThreadKey.body]: 'Internal drafting note' });
  thread(edComments, 't-olga', { [ThreadKey.authorId]: 'ed1', [ThreadKey.attribution]: { name: 'Olga', gender: 'man' }, [ThreadKey.body]: 'Olga objects' });
  ws.transact(() => {
    const olga = new Y.Map<unknown>();
    wsStakeholders(ws).set('st-olga', olga);
    olga.set('id', 'st-olga');
    olga.set('name', 'Olga Other');
    olga.set('gender', 'man');
  });
  await sleep(300);
});

afterAll(async () => {
  edProvider.destroy();
  edWorkspace.destroy();
  await server.close();
  dir.remove();
});

describe('a stale full local copy', () => {
  it('is dropped before it loads; the projection and the offline comment written in the old copy arrive', async () => {
    // What an older app left in Ana's browser: the full docs, plus a comment she wrote offline (never sent).
    const oldComments = new Y.Doc();
    Y.applyUpdate(oldComments, Y.encodeStateAsUpdate(edComments));
    thread(oldComments, 't-ana', { [ThreadKey.authorId]: 'ana1', [ThreadKey.authorName]: 'Ana', [ThreadKey.attribution]: { name: 'Ana' }, [ThreadKey.body]: 'Written offline' });
    const reply = new Y.Map<unknown>();
    (oldComments.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-ana')?.get(ThreadKey.replies) as Y.Array<unknown>).push([reply]);
    for (const [k, v] of Object.entries({ [ReplyKey.id]: 'r-ana', [ReplyKey.authorId]: 'ana1', [ReplyKey.authorName]: 'Ana', [ReplyKey.body]: 'And a reply', [ReplyKey.createdAt]: 2 })) reply.set(k, v);
    reply.set(ReplyKey.history, new Y.Array());
    const oldWorkspace = new Y.Doc();
    Y.applyUpdate(oldWorkspace, Y.encodeStateAsUpdate(edWorkspace.doc));
    const commentsName = commentsDocName('ws1', 'd1');
    const wsName = workspaceDocName('ws1');
    await storeLocally(commentsName, oldComments);
    await storeLocally(wsName, oldWorkspace);

    const connection = { role: 'commenter' as const, token: ana };
    const registry = new OpenDocs(async (name) => expectedScope(name, connection));
    const comments = registry.acquire(commentsName, { gc: false });
    const workspace = registry.acquire(wsName);
    await Promise.all([comments.ready, workspace.ready]);
    // Emptied before loading: nothing of the old copy is in memory.
    expect(comments.doc.getMap(COMMENTS_ROOT).size).toBe(0);
    expect(wsStakeholders(workspace.doc).size).toBe(0);

    const sync = new WorkspaceSync('ws1', server.url, ana, { id: 'ana1', name: 'Ana', color: '#000' }, null, () => {}, registry, {
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    let snapshot: SyncSnapshot = sync.getSnapshot();
    sync.subscribe((s) => (snapshot = s));
    sync.start();
    try {
      await waitFor(() => edComments.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-ana')?.get(ThreadKey.body) === 'Written offline', 15_000, 'offline comment at the editor');
      await waitFor(() => ((edComments.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-ana')?.get(ThreadKey.replies) as Y.Array<unknown> | undefined)?.length ?? 0) === 1, 10_000, 'reply at the editor');
      await sleep(500);
      expect(snapshot.refusal).toBeUndefined();
      expect(snapshot.state).toBe('synced');
      // Ana's copy holds her own comment only, once; nothing of the editors'.
      expect(Array.from(comments.doc.getMap(COMMENTS_ROOT).keys())).toEqual(['t-ana']);
      const wire = Buffer.from(Y.encodeStateAsUpdate(comments.doc)).toString('latin1');
      for (const secret of ['Internal drafting note', 'Olga objects', 'gender']) expect(wire).not.toContain(secret);
      expect(Buffer.from(Y.encodeStateAsUpdate(workspace.doc)).toString('latin1')).not.toContain('Olga Other');
      expect(((edComments.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-ana')?.get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>).toArray()).map((r) => r.get(ReplyKey.body))).toEqual(['And a reply']);
    } finally {
      sync.stop();
      comments.release();
      workspace.release();
    }
    await sleep(100);

    // Opened again: the copy now records its scope and is kept.
    const again = new OpenDocs(async (name) => expectedScope(name, connection));
    const reopened = again.acquire(commentsName, { gc: false });
    await reopened.ready;
    try {
      expect(reopened.persistence.scope).toBe('own-or-open:ana1');
      expect(Array.from(reopened.doc.getMap(COMMENTS_ROOT).keys())).toEqual(['t-ana']);
    } finally {
      reopened.release();
    }
  }, 60_000);

  it('which copies are kept: documents always, a full copy for an editor, a projection copy only for the same reader', async () => {
    const editorConn = { role: 'editor' as const, token: editor };
    const anaConn = { role: 'commenter' as const, token: ana };
    expect(expectedScope('doc.ws1.d1', anaConn)).toBe('full:ana1');
    expect(expectedScope('doc.ws1.d1.comments', anaConn)).toBe('own-or-open:ana1');
    expect(expectedScope('ws.ws1', anaConn)).toBe('projection:ana1');
    expect(expectedScope('ws.ws1', { role: 'editor' })).toBeNull(); // no invite: not checked
    expect(keepsLocalCopy(undefined, expectedScope('doc.ws1.d1', anaConn))).toBe(true);
    expect(keepsLocalCopy(undefined, expectedScope('doc.ws1.d1.comments', editorConn))).toBe(true);
    expect(keepsLocalCopy(undefined, expectedScope('doc.ws1.d1.comments', anaConn))).toBe(false);
    // Promoted to editor: the projection copy is dropped, or its server-made copies would be sent as the editor's.
    expect(keepsLocalCopy('own-or-open:ana1', 'full:ana1')).toBe(false);
    expect(keepsLocalCopy('own-or-open:ana1', 'own-or-open:bob1')).toBe(false);

    // An editor's full copy from before scopes were recorded is kept, and its scope recorded.
    const name = commentsDocName('ws1', 'd-editor');
    const full = new Y.Doc();
    full.getMap(COMMENTS_ROOT).set('x', 'kept');
    await storeLocally(name, full);
    const registry = new OpenDocs(async (n) => expectedScope(n, editorConn));
    const h = registry.acquire(name);
    await h.ready;
    try {
      expect(h.doc.getMap(COMMENTS_ROOT).get('x')).toBe('kept');
      expect(h.persistence.scope).toBe('full:ed1');
    } finally {
      h.release();
    }
    await sleep(50);
    const db = await idb.openDB(name, () => {});
    expect(await idb.get(idb.transact(db, ['custom'], 'readonly')[0], SCOPE_KEY)).toBe('full:ed1');
    db.close();
  });
});
