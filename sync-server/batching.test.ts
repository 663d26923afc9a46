// Batching in the server's hot path. LoadedRooms' handling of updates from other instances (applyRemote): forwarded
// to the room's peers as received, applied to the room's doc at the end of the callback that read them, in one Yjs
// transaction per room. Real SQLite store; the fan-out is replaced by a stand-in, as only what LoadedRooms does with
// what it receives is under test here (scaleOut.integration.test.ts runs the same path through real Redis and
// PostgreSQL). And a connection's writes: what one tick sends a client leaves in one socket write.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { documentDocName } from '../common/rooms';
import { Connection } from './connection';
import type { RedisFanout } from './fanout';
import { DEFAULT_LIMITS } from './limits';
import { LoadedRooms, type Peer } from './loadedRooms';
import { silentLogger } from './log';
import { Metrics } from './metrics';
import { SqliteDocStore } from './storage/sqliteDocStore.mjs';
import { tempDir } from './testHelpers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const WS = 'wsbatch';
const DOC = 'docbatch';
const name = documentDocName(WS, DOC);

async function loadedRoom() {
  const dir = tempDir();
  const store = new SqliteDocStore(join(dir.path, 'db.sqlite'));
  const fanout = { subscribe: async () => {}, unsubscribe: () => {}, publishUpdate: () => {}, publishState: () => {}, publishAwareness: () => {} };
  const rooms = new LoadedRooms(store, { compactEvery: 500, unloadDelayMs: 60_000 }, new Metrics(), silentLogger, fanout as unknown as RedisFanout);
  cleanups.push(() => dir.remove());
  cleanups.push(() => store.close());
  cleanups.push(() => rooms.closeAll());
  const room = await rooms.acquire(name, { kind: 'document', workspaceId: WS, docId: DOC });
  const sent: Uint8Array[] = [];
  const peer: Peer = { id: 1, send: (m) => sent.push(m), close: () => {} };
  rooms.join(room, peer);
  return { rooms, room, sent };
}

/** The update a y-sync "update" message (messageSync, messageYjsUpdate) carries. */
function updateOf(message: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(message);
  expect(decoding.readVarUint(d)).toBe(0);
  expect(decoding.readVarUint(d)).toBe(2);
  return decoding.readVarUint8Array(d);
}

/** Updates another replica makes, one per step. */
function replicaUpdates(steps: Array<(text: Y.Text) => void>): Uint8Array[] {
  const other = new Y.Doc();
  const updates: Uint8Array[] = [];
  other.on('update', (u: Uint8Array) => updates.push(u));
  for (const step of steps) step(other.getText('t'));
  return updates;
}

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('updates from other instances', () => {
  it('are forwarded to the peers as received, and applied in one transaction per room when the read is done', async () => {
    const { rooms, room, sent } = await loadedRoom();
    let transactions = 0;
    room.doc.on('afterTransaction', () => (transactions += 1));
    const [a, b, c] = replicaUpdates([(t) => t.insert(0, 'a'), (t) => t.insert(1, 'b'), (t) => t.insert(2, 'c')]);

    rooms.applyRemote(name, a!);
    rooms.applyRemote(name, b!);
    rooms.applyRemote(name, c!);
    expect(sent.map(updateOf)).toEqual([a, b, c]);
    expect(room.doc.getText('t').toString()).toBe(''); // not yet: at the end of the callback that read them

    await nextTick();
    expect(room.doc.getText('t').toString()).toBe('abc');
    expect(transactions).toBe(1);
  });

  it('an update that waits for a dependency is forwarded too, integrated once the dependency arrives, and a duplicate changes nothing', async () => {
    const { rooms, room, sent } = await loadedRoom();
    const [first, second] = replicaUpdates([(t) => t.insert(0, 'x'), (t) => t.insert(1, 'y')]);

    rooms.applyRemote(name, second!); // builds on `first`, not received yet
    await nextTick();
    expect(room.doc.getText('t').toString()).toBe('');
    expect(room.doc.store.pendingStructs).not.toBeNull();

    rooms.applyRemote(name, first!);
    rooms.applyRemote(name, first!); // the same update again (a resync racing the Redis message)
    await nextTick();
    expect(room.doc.getText('t').toString()).toBe('xy');
    expect(room.doc.store.pendingStructs).toBeNull();
    // A peer that received exactly what was forwarded holds the same document.
    const peerDoc = new Y.Doc();
    for (const m of sent) Y.applyUpdate(peerDoc, updateOf(m));
    expect(peerDoc.getText('t').toString()).toBe('xy');
  });
});

describe('a connection', () => {
  it("sends what one tick gives it in one socket write: corked at the first message, uncorked when the tick ends", async () => {
    const events: string[] = [];
    const ws = Object.assign(new EventEmitter(), {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: 0,
      send: (m: Uint8Array) => events.push(`send ${m.byteLength}`),
      terminate: () => {},
    });
    const socket = { cork: () => events.push('cork'), uncork: () => events.push('uncork') };
    const { rooms } = await loadedRoom();
    const conn = new Connection(
      ws as never,
      socket,
      { ws: WS, role: 'editor', name: 'E', sub: 'e', exp: Math.floor(Date.now() / 1000) + 3600 },
      { kind: 'document', workspaceId: WS, docId: DOC },
      name,
      '127.0.0.1',
      { rooms, metrics: new Metrics(), logger: silentLogger, maxBufferedBytes: DEFAULT_LIMITS.maxBufferedBytes, maxEarlyMessages: 10, maxHeldBytes: 1024, maxFrameBytes: DEFAULT_LIMITS.maxMessageBytes, awareness: DEFAULT_LIMITS.awareness },
      () => {},
    );
    cleanups.push(() => conn.terminate());
    for (const n of [1, 2, 3]) conn.send(new Uint8Array(n));
    expect(events).toEqual(['cork', 'send 1', 'send 2', 'send 3']);
    await nextTick();
    expect(events.at(-1)).toBe('uncork');
    conn.send(new Uint8Array(4)); // a later tick corks again
    expect(events.slice(-2)).toEqual(['cork', 'send 4']);
    await nextTick();
    expect(events.at(-1)).toBe('uncork');
  });
});
