// Attribution and presence are the token's (issue 9): stock y-websocket clients and raw frames against an
// in-process server.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../common/closeCodes';
import { COMMENTS_ROOT, ThreadKey } from '../common/commentsSchema';
import { MessageType } from '../common/syncProtocol';
import { writeAwarenessUpdate, type AwarenessEntry } from './awarenessGuard';
import { silentLogger } from './log';
import { startServer, type RunningServer } from './server';
import { fetchDoc, makeToken, RawClient, roomUrl, sleep, TEST_SECRET, tempDir, waitFor } from './testHelpers';
import { signToken } from './token';

const dir = tempDir();
let server: RunningServer;
const editor = makeToken({ ws: 'ws1', role: 'editor', sub: 'ed1', name: 'Rapporteur' });
const exp = Math.floor(Date.now() / 1000) + 3600;
const ana = signToken({ ws: 'ws1', role: 'commenter', sub: 'ana1', name: 'Ana', exp, stakeholder: 'st-ana' }, TEST_SECRET);
const bob = makeToken({ ws: 'ws1', role: 'commenter', sub: 'bob1', name: 'Bob' });
const viewer = makeToken({ ws: 'ws1', role: 'viewer', sub: 'vi1', name: 'Vera' });

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, unloadDelayMs: 60_000 });
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

function stock(room: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(server.url, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  const closes: number[] = [];
  provider.on('connection-close', (e) => closes.push(e?.code ?? -1));
  return { provider, doc, closes };
}

/** Writes a thread as the stock client would, with the given identity fields. */
function writeThread(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const t = new Y.Map<unknown>();
    doc.getMap(COMMENTS_ROOT).set(id, t);
    t.set(ThreadKey.id, id);
    t.set(ThreadKey.purpose, 'stakeholder');
    t.set(ThreadKey.type, 'general');
    t.set(ThreadKey.body, 'A comment');
    t.set(ThreadKey.createdAt, Date.now());
    t.set(ThreadKey.history, new Y.Array());
    t.set(ThreadKey.replies, new Y.Array());
    for (const [k, v] of Object.entries(fields)) t.set(k, v);
  });
}

function metric(name: string): number {
  const line = server.metrics.render().split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Awareness);
  encoding.writeVarUint8Array(enc, writeAwarenessUpdate(entries));
  return encoding.toUint8Array(enc);
}

describe("a commenter's comments carry only their invite's identity", () => {
  it('refuses a commenter posting as another stakeholder (what "On behalf of" wrote)', async () => {
    const { provider, doc, closes } = stock('ws1/d1/comments', ana);
    try {
      await waitFor(() => provider.synced, 10_000, 'sync');
      writeThread(doc, 't-fake', {
        [ThreadKey.authorId]: 'ana1',
        [ThreadKey.authorName]: 'Ana',
        [ThreadKey.stakeholderId]: 'st-minister',
        [ThreadKey.attribution]: { name: 'Minister', organisation: 'Ministry', group: 'government', region: 'global' },
      });
      await waitFor(() => closes.length > 0, 10_000, 'close');
      expect(closes[0]).toBe(CloseCode.ForbiddenUpdate);
    } finally {
      provider.destroy();
    }
    expect((await fetchDoc(server.url, 'ws1/d1/comments', editor)).getMap(COMMENTS_ROOT).has('t-fake')).toBe(false);
  });

  it('refuses a typed attribution, another name, and a stakeholder id on an invite that names none', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      [ana, { [ThreadKey.authorId]: 'ana1', [ThreadKey.authorName]: 'Ana', [ThreadKey.attribution]: { name: 'Ana', organisation: 'Big NGO', group: 'civil-society', region: 'global' } }],
      [ana, { [ThreadKey.authorId]: 'ana1', [ThreadKey.authorName]: 'Secretariat (official)' }],
      [bob, { [ThreadKey.authorId]: 'bob1', [ThreadKey.authorName]: 'Bob', [ThreadKey.stakeholderId]: 'st-ana' }],
    ];
    for (const [token, fields] of cases) {
      const client = await RawClient.connect(roomUrl(server.url, 'ws1/d1/comments', token));
      await client.whenSynced();
      writeThread(client.doc, 't-bad', fields);
      expect(await client.whenClosed()).toBe(CloseCode.ForbiddenUpdate);
    }
  });

  it("accepts the invite's own stakeholder and the token name", async () => {
    const { provider, doc, closes } = stock('ws1/d1/comments', ana);
    try {
      await waitFor(() => provider.synced, 10_000, 'sync');
      writeThread(doc, 't-ana', {
        [ThreadKey.authorId]: 'ana1',
        [ThreadKey.authorName]: 'Ana',
        [ThreadKey.stakeholderId]: 'st-ana',
        [ThreadKey.attribution]: { name: 'Ana' },
      });
      await waitFor(async () => (await fetchDoc(server.url, 'ws1/d1/comments', editor)).getMap(COMMENTS_ROOT).has('t-ana'), 10_000, 'stored');
      expect(closes).toEqual([]);
    } finally {
      provider.destroy();
    }
  });
});

describe('presence is bound to the connection and the token', () => {
  it('keeps two stock clients connected while they echo each other’s presence', async () => {
    const a = stock('ws1/d2', editor);
    const b = stock('ws1/d2', viewer);
    try {
      a.provider.awareness.setLocalStateField('user', { name: 'Rapporteur', color: '#00f' });
      b.provider.awareness.setLocalStateField('user', { name: 'Vera', color: '#0f0' });
      await waitFor(() => a.provider.awareness.getStates().size === 2 && b.provider.awareness.getStates().size === 2, 10_000, 'presence');
      await sleep(300);
      expect([...a.closes, ...b.closes]).toEqual([]);
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
  });

  it("refuses a state claiming another user's name, and never shows it", async () => {
    const observer = stock('ws1/d3', editor);
    const impostor = stock('ws1/d3', bob);
    try {
      await waitFor(() => observer.provider.synced && impostor.provider.synced, 10_000, 'sync');
      impostor.provider.awareness.setLocalStateField('user', { name: 'Secretariat (official)', color: '#000' });
      await waitFor(() => impostor.closes.length > 0, 10_000, 'impostor closed');
      expect(impostor.closes[0]).toBe(CloseCode.ForbiddenUpdate);
      await sleep(100);
      const names = [...observer.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
      expect(names).not.toContain('Secretariat (official)');
    } finally {
      impostor.provider.destroy();
      observer.provider.destroy();
    }
  });

  it("drops updates for another connection's client id: no rename, recolour or removal", async () => {
    const observer = stock('ws1/d4', editor);
    const victimId = observer.doc.clientID;
    observer.provider.awareness.setLocalStateField('user', { name: 'Rapporteur', color: '#00f' });
    const attacker = await RawClient.connect(roomUrl(server.url, 'ws1/d4', viewer));
    const watcher = stock('ws1/d4', viewer);
    try {
      await waitFor(() => watcher.provider.awareness.getStates().has(victimId), 10_000, 'victim visible');
      // The attacker first claims its own id, then writes the victim's id: renamed, then removed.
      attacker.send(awarenessFrame([{ clientID: 4242, clock: 1, json: JSON.stringify({ user: { name: 'Vera' } }) }]));
      attacker.send(awarenessFrame([{ clientID: victimId, clock: 1000, json: JSON.stringify({ user: { name: 'Vera', color: '#f00' } }) }]));
      attacker.send(awarenessFrame([{ clientID: victimId, clock: 1001, json: 'null' }]));
      await sleep(300);
      expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({ user: { name: 'Rapporteur', color: '#00f' } });
      expect(attacker.closeCode).toBeNull();
      expect(server.metrics.awarenessDropped.get({ reason: 'other-client' })).toBeGreaterThanOrEqual(2);
    } finally {
      attacker.close();
      watcher.provider.destroy();
      observer.provider.destroy();
    }
  });

  it('caps an awareness flood: one state per connection, a rate limit, and memory back to baseline after disconnect', async () => {
    const observer = await RawClient.connect(roomUrl(server.url, 'ws1/d5', editor));
    await observer.whenSynced();
    const before = metric('rapporteur_awareness_clients');
    observer.send(awarenessFrame([{ clientID: observer.doc.clientID, clock: 1, json: JSON.stringify({ user: { name: 'Rapporteur' } }) }]));
    await waitFor(() => metric('rapporteur_awareness_clients') === before + 1, 5000, 'observer presence');
    const baseline = before + 1;
    let observed = 0;
    observer.ws.on('message', (data: Buffer) => (observed += data.byteLength));

    const flooder = await RawClient.connect(roomUrl(server.url, 'ws1/d5', viewer));
    await flooder.whenSynced();
    const state = JSON.stringify({ user: { name: 'Vera' }, pad: 'x'.repeat(100) });
    let next = 1_000_000;
    const messagesBefore = server.metrics.messagesIn.get();
    const rateBefore = server.metrics.awarenessDropped.get({ reason: 'rate' });
    const started = performance.now();
    for (let m = 0; m < 300; m++) {
      const entries: AwarenessEntry[] = [];
      for (let i = 0; i < 400; i++) entries.push({ clientID: next++, clock: 1, json: state });
      flooder.send(awarenessFrame(entries)); // 120,000 client ids in all, as in the report
    }
    await waitFor(() => server.metrics.messagesIn.get() >= messagesBefore + 300, 20_000, 'flood received');
    const seconds = (performance.now() - started) / 1000;
    await sleep(200);
    expect(flooder.closeCode).toBeNull();
    // The token bucket (burst 60, 30/s) let at most that many messages through; the rest were dropped unread.
    const allowed = 60 + Math.ceil(30 * seconds);
    expect(server.metrics.awarenessDropped.get({ reason: 'rate' }) - rateBefore).toBeGreaterThanOrEqual(300 - allowed);
    // One state (the flooder's own) at most, and the observer got a handful of small messages, not 54 MB.
    expect(metric('rapporteur_awareness_clients')).toBeLessThanOrEqual(baseline + 1);
    expect(observed).toBeLessThan(64 * 1024);
    flooder.close();
    await flooder.whenClosed();
    await waitFor(() => metric('rapporteur_awareness_clients') === baseline, 5000, 'memory back to baseline');
    observer.close();
  });

  it('holds no presence once everyone has left (rooms still loaded)', async () => {
    await waitFor(() => metric('rapporteur_awareness_clients') === 0, 5000, 'no awareness entries left');
    expect(metric('rapporteur_docs_loaded')).toBeGreaterThan(0);
  });

  it('refuses a state larger than the cap', async () => {
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/d6', viewer));
    await client.whenSynced();
    client.send(awarenessFrame([{ clientID: 7, clock: 1, json: JSON.stringify({ user: { name: 'Vera' }, blob: 'x'.repeat(9000) }) }]));
    expect(await client.whenClosed()).toBe(CloseCode.ForbiddenUpdate);
  });
});
