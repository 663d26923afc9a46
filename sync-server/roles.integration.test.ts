// Role enforcement end to end: real websocket clients against a real deployment: one in-process server on
// SQLite, and (testDeployments.ts) two instances on PostgreSQL + Redis, where writers connect to one instance and
// readers to the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../common/closeCodes';
import { COMMENTS_ROOT, CONSULTATION_ROOT, ConsultationKey, ThreadKey } from '../common/commentsSchema';
import { encodeUpdate } from './wireMessages';
import { testDeployments, type Deployment } from './testDeployments';
import { encodeSyncStep2FromUpdate, fetchDoc, makeToken, RawClient, roomUrl, sleep, waitFor } from './testHelpers';

const editor = makeToken({ ws: 'ws1', role: 'editor', sub: 'ed1' });
const viewer = makeToken({ ws: 'ws1', role: 'viewer', sub: 'vi1' });
const commenter = makeToken({ ws: 'ws1', role: 'commenter', sub: 'co1' });

describe.each(testDeployments())('roles on $name', (kind) => {
  let d: Deployment;

  beforeAll(async () => {
    d = await kind.start();
    // Seed: a body, and a comments doc with one editor thread.
    const seed = await RawClient.connect(roomUrl(d.writeUrl, 'ws1/d1', editor));
    await seed.whenSynced();
    seed.doc.getText('body').insert(0, 'Agreed text.');
    const seedComments = await RawClient.connect(roomUrl(d.writeUrl, 'ws1/d1/comments', editor));
    await seedComments.whenSynced();
    const t = new Y.Map<unknown>();
    t.set(ThreadKey.id, 't-ed');
    t.set(ThreadKey.authorId, 'ed1');
    t.set(ThreadKey.purpose, 'stakeholder');
    t.set(ThreadKey.body, 'editor note');
    t.set(ThreadKey.replies, new Y.Array());
    t.set(ThreadKey.history, new Y.Array());
    seedComments.doc.getMap(COMMENTS_ROOT).set('t-ed', t);
    // An open review: commenters receive (and may reply to) other stakeholders' comments such as t-ed.
    seedComments.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'open');
    await waitFor(async () => (await fetchDoc(d.readUrl, 'ws1/d1/comments', editor)).getMap(COMMENTS_ROOT).has('t-ed'));
    await waitFor(async () => (await fetchDoc(d.readUrl, 'ws1/d1', editor)).getText('body').toString() === 'Agreed text.');
    seed.close();
    seedComments.close();
  }, 120_000);

  afterAll(async () => {
    await d?.close();
  });

  async function refusedAfter(room: string, token: string, change: (doc: Y.Doc) => void): Promise<number> {
    const client = await RawClient.connect(roomUrl(d.writeUrl, room, token));
    await client.whenSynced();
    change(client.doc);
    return client.whenClosed();
  }

  it("refuses a viewer's edit with ForbiddenUpdate and keeps the server state", async () => {
    const before = d.metrics.refusedUpdates.get({ role: 'viewer' });
    const code = await refusedAfter('ws1/d1', viewer, (doc) => doc.getText('body').insert(0, 'VIEWER WAS HERE '));
    expect(code).toBe(CloseCode.ForbiddenUpdate);
    expect(d.metrics.refusedUpdates.get({ role: 'viewer' })).toBe(before + 1);
    await sleep(50);
    expect((await fetchDoc(d.readUrl, 'ws1/d1', editor)).getText('body').toString()).toBe('Agreed text.');
  });

  it('lets a viewer connect and stay connected with the stock provider (its sync step 2 brings nothing)', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(d.readUrl, 'ws1/d1', doc, {
      params: { token: viewer },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    });
    const closes: number[] = [];
    provider.on('connection-close', (e) => closes.push(e?.code ?? -1));
    try {
      await waitFor(() => provider.synced, 10_000, 'viewer sync');
      expect(doc.getText('body').toString()).toBe('Agreed text.');
      await sleep(300);
      expect(closes).toEqual([]);
      expect(provider.wsconnected).toBe(true);
    } finally {
      provider.destroy();
    }
  });

  it("refuses a commenter's body edit", async () => {
    const code = await refusedAfter('ws1/d1', commenter, (doc) => doc.getText('body').delete(0, 6));
    expect(code).toBe(CloseCode.ForbiddenUpdate);
    expect((await fetchDoc(d.readUrl, 'ws1/d1', editor)).getText('body').toString()).toBe('Agreed text.');
  });

  it("refuses a viewer's comment", async () => {
    const code = await refusedAfter('ws1/d1/comments', viewer, (doc) => {
      const t = new Y.Map<unknown>();
      t.set(ThreadKey.authorId, 'vi1');
      doc.getMap(COMMENTS_ROOT).set('t-vi', t);
    });
    expect(code).toBe(CloseCode.ForbiddenUpdate);
  });

  it("accepts a commenter's own comment and broadcasts it to an editor", async () => {
    const watcher = await RawClient.connect(roomUrl(d.readUrl, 'ws1/d1/comments', editor));
    await watcher.whenSynced();
    const client = await RawClient.connect(roomUrl(d.writeUrl, 'ws1/d1/comments', commenter));
    await client.whenSynced();
    const t = new Y.Map<unknown>();
    t.set(ThreadKey.id, 't-co');
    t.set(ThreadKey.authorId, 'co1');
    t.set(ThreadKey.body, 'Please reconsider paragraph 2.');
    t.set(ThreadKey.replies, new Y.Array());
    t.set(ThreadKey.history, new Y.Array());
    client.doc.getMap(COMMENTS_ROOT).set('t-co', t);
    // and a reply to the editor's thread
    const reply = new Y.Map<unknown>();
    reply.set('id', 'r-co');
    reply.set('authorId', 'co1');
    reply.set('body', 'Seconded.');
    ((client.doc.getMap(COMMENTS_ROOT).get('t-ed') as Y.Map<unknown>).get(ThreadKey.replies) as Y.Array<unknown>).push([reply]);
    await waitFor(() => (watcher.doc.getMap(COMMENTS_ROOT).get('t-co') as Y.Map<unknown> | undefined)?.get(ThreadKey.body) === 'Please reconsider paragraph 2.');
    await waitFor(() => ((watcher.doc.getMap(COMMENTS_ROOT).get('t-ed') as Y.Map<unknown>).get(ThreadKey.replies) as Y.Array<unknown>).length === 1);
    expect(client.closeCode).toBeNull();
    client.close();
    watcher.close();
  });

  it("refuses a commenter editing someone else's thread, or setting a disposition on their own", async () => {
    const other = await refusedAfter('ws1/d1/comments', commenter, (doc) =>
      (doc.getMap(COMMENTS_ROOT).get('t-ed') as Y.Map<unknown>).set(ThreadKey.body, 'rewritten by commenter'),
    );
    expect(other).toBe(CloseCode.ForbiddenUpdate);
    const disposition = await refusedAfter('ws1/d1/comments', commenter, (doc) =>
      (doc.getMap(COMMENTS_ROOT).get('t-co') as Y.Map<unknown>).set(ThreadKey.disposition, { value: 'accepted', setBy: 'co1', setAt: 1 }),
    );
    expect(disposition).toBe(CloseCode.ForbiddenUpdate);
    const state = (await fetchDoc(d.readUrl, 'ws1/d1/comments', editor)).getMap(COMMENTS_ROOT);
    expect((state.get('t-ed') as Y.Map<unknown>).get(ThreadKey.body)).toBe('editor note');
    expect((state.get('t-co') as Y.Map<unknown>).has(ThreadKey.disposition)).toBe(false);
  });

  it("holds a commenter's edit that arrives before the structs it builds on, then accepts both", async () => {
    // Offline, the commenter wrote a thread (first) and then edited it (second); on reconnect the edit is sent
    // as an update before the sync step 2 that carries the thread.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(await fetchDoc(d.readUrl, 'ws1/d1/comments', editor)));
    const sv0 = Y.encodeStateVector(offline);
    const t = new Y.Map<unknown>();
    t.set(ThreadKey.id, 't-off');
    t.set(ThreadKey.authorId, 'co1');
    t.set(ThreadKey.body, 'draft');
    t.set(ThreadKey.history, new Y.Array());
    offline.getMap(COMMENTS_ROOT).set('t-off', t);
    const first = Y.encodeStateAsUpdate(offline, sv0);
    const sv1 = Y.encodeStateVector(offline);
    const thread = offline.getMap(COMMENTS_ROOT).get('t-off') as Y.Map<unknown>;
    (thread.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: 'draft', editedAt: 1 }]);
    thread.set(ThreadKey.body, 'final wording');
    const second = Y.encodeStateAsUpdate(offline, sv1);

    const client = await RawClient.connect(roomUrl(d.writeUrl, 'ws1/d1/comments', commenter));
    await client.whenSynced();
    client.send(encodeUpdate(second));
    await sleep(50);
    client.send(encodeSyncStep2FromUpdate(first));
    await waitFor(async () => {
      const threads = (await fetchDoc(d.readUrl, 'ws1/d1/comments', editor)).getMap(COMMENTS_ROOT);
      return (threads.get('t-off') as Y.Map<unknown> | undefined)?.get(ThreadKey.body) === 'final wording';
    });
    expect(client.closeCode).toBeNull();
    client.close();
  });

  it('does not let refused updates reach storage', async () => {
    await refusedAfter('ws1/d1', viewer, (doc) => doc.getText('body').insert(0, 'x'));
    await sleep(50);
    // Read the storage directly, outside the servers.
    const doc = await d.stored('ws1/d1');
    expect(doc.getText('body').toString()).toBe('Agreed text.');
    const threads = (await d.stored('ws1/d1/comments')).getMap(COMMENTS_ROOT);
    expect(Array.from(threads.keys()).sort()).toEqual(['t-co', 't-ed', 't-off']);
    expect((threads.get('t-ed') as Y.Map<unknown>).get(ThreadKey.body)).toBe('editor note');
  });
});
