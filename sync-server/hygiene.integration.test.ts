// Limits and hygiene against an in-process server over real sockets: oversize frames, malformed and fuzzed
// frames, the per-IP cap, dead sockets, token expiry, idle unload.
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../common/closeCodes';
import { createLogger } from './log';
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from './wireMessages';
import { startServer, type RunningServer } from './server';
import { defined, encodeSyncStep2FromUpdate, fetchDoc, makeToken, RawClient, roomUrl, sleep, TEST_SECRET, tempDir, tryUpgrade, waitFor } from './testHelpers';

const dir = tempDir();
let server: RunningServer;
const events: Array<{ event: string; doc?: string }> = [];
const editor = makeToken({ ws: 'ws1', role: 'editor', sub: 'ed1' });
const MAX_MESSAGE = 64 * 1024;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    dataDir: dir.path,
    secret: TEST_SECRET,
    webDir: null,
    logger: createLogger((line) => events.push(JSON.parse(line) as { event: string; doc?: string }), 'debug'),
    maxMessageBytes: MAX_MESSAGE,
    maxConnPerIp: 8,
    pingIntervalMs: 150,
    unloadDelayMs: 200,
  });
  const seed = await RawClient.connect(roomUrl(server.url, 'ws1/fuzz', editor));
  await seed.whenSynced();
  seed.doc.transact(() => {
    seed.doc.getText('body').insert(0, 'The agreed wording of paragraph one.');
    seed.doc.getMap('fields').set('date', '2025-01-01');
    seed.doc.getArray('actions').push([{ who: 'A', what: 'draft' }]);
  });
  seed.doc.getText('body').delete(4, 7);
  await waitFor(async () => (await fetchDoc(server.url, 'ws1/fuzz', editor)).getText('body').toString() === seed.doc.getText('body').toString());
  seed.close();
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

const connections = () => Number(/^rapporteur_connections (\d+)$/m.exec(server.metrics.render())?.[1]);
const docsLoaded = () => Number(/^rapporteur_docs_loaded (\d+)$/m.exec(server.metrics.render())?.[1]);

describe('message limits', () => {
  it('closes a connection that sends a frame over the size limit with 1009, and only that one', async () => {
    const other = await RawClient.connect(roomUrl(server.url, 'ws1/big', editor));
    await other.whenSynced();
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/big', editor));
    await client.whenSynced();
    const big = new Y.Doc();
    big.getText('body').insert(0, 'x'.repeat(MAX_MESSAGE + 1000));
    client.send(encodeUpdate(Y.encodeStateAsUpdate(big)));
    expect(await client.whenClosed()).toBe(CloseCode.MessageTooBig);
    other.doc.getText('body').insert(0, 'still fine');
    await waitFor(async () => (await fetchDoc(server.url, 'ws1/big', editor)).getText('body').toString() === 'still fine');
    expect(other.closeCode).toBeNull();
    other.close();
  });

  it('closes a connection that sends a malformed frame with MalformedMessage; the doc and its other clients are unaffected', async () => {
    const other = await RawClient.connect(roomUrl(server.url, 'ws1/fuzz', editor));
    await other.whenSynced();
    const before = other.doc.getText('body').toString();
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/fuzz', editor));
    await client.whenSynced();
    const update = encodeUpdate(Y.encodeStateAsUpdate(client.doc));
    client.send(update.slice(0, update.length - 5)); // truncated
    expect(await client.whenClosed()).toBe(CloseCode.MalformedMessage);
    await sleep(50);
    expect(other.closeCode).toBeNull();
    expect((await fetchDoc(server.url, 'ws1/fuzz', editor)).getText('body').toString()).toBe(before);
    other.close();
  });
});

describe('fuzzing', () => {
  it('survives 1,000 random, bit-flipped and truncated frames with the doc unchanged', async () => {
    const reference = await fetchDoc(server.url, 'ws1/fuzz', editor);
    const cleanup: Array<() => void> = [];
    const referenceState = Y.encodeStateAsUpdate(reference);
    const persistedBefore = server.metrics.persistedUpdates.get();
    // A watcher stays connected throughout: bad frames must only ever close their own connection.
    const watcher = await RawClient.connect(roomUrl(server.url, 'ws1/fuzz', editor));
    cleanup.push(() => watcher.close());
    await watcher.whenSynced();
    try {

    // Valid frames to mutate, including edits the server has not seen (never sent unmutated).
    const replica = new Y.Doc();
    Y.applyUpdate(replica, referenceState);
    const edits: Uint8Array[] = [];
    replica.on('update', (u: Uint8Array) => edits.push(u));
    replica.getText('body').insert(3, 'inserted words ');
    replica.getText('body').delete(0, 3);
    replica.getMap('fields').set('format', 'hybrid');
    replica.getArray('actions').push([{ who: 'B', what: 'review' }]);
    const awareness = new awarenessProtocol.Awareness(replica);
    awareness.setLocalState({ user: { name: 'Fuzz', color: '#f00' } });
    const seeds = [
      encodeSyncStep1(reference),
      encodeSyncStep2FromUpdate(referenceState),
      ...edits.map(encodeUpdate),
      ...edits.map(encodeSyncStep2FromUpdate),
      encodeAwareness(awareness, [replica.clientID]),
      new Uint8Array([3]),
    ];
    awareness.destroy();

    let seed = 20250101;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const mutate = (): Uint8Array => {
      const base = defined(seeds[rand(seeds.length)], 'a seed');
      switch (rand(5)) {
        case 0:
          return Uint8Array.from({ length: rand(300) }, () => rand(256));
        case 1: {
          const out = base.slice();
          for (let k = 0, flips = 1 + rand(3); k < flips; k++) {
            const at = rand(out.length);
            out[at] = (out[at] ?? 0) ^ (1 << rand(8));
          }
          return out;
        }
        case 2:
          return base.slice(0, rand(base.length));
        case 3: {
          const out = Array.from(base);
          out.splice(rand(out.length), rand(4), ...Array.from({ length: rand(4) }, () => rand(256)));
          return Uint8Array.from(out);
        }
        default:
          return Uint8Array.from([rand(4), rand(3), ...Array.from({ length: rand(40) }, () => rand(256))]);
      }
    };
    /** A mutated frame that is still a valid, doc-changing update is a legitimate edit, not fuzz: skip it. */
    const wouldChangeDoc = (frame: Uint8Array): boolean => {
      try {
        const d = decoding.createDecoder(frame);
        if (decoding.readVarUint(d) !== 0) return false;
        const step = decoding.readVarUint(d);
        if (step !== 1 && step !== 2) return false;
        const update = decoding.readVarUint8Array(d);
        const clone = new Y.Doc();
        Y.applyUpdate(clone, referenceState);
        const snap = Y.snapshot(clone);
        Y.applyUpdate(clone, update);
        return !Y.equalSnapshots(snap, Y.snapshot(clone)) || clone.store.pendingStructs !== null || clone.store.pendingDs !== null;
      } catch {
        return false;
      }
    };

    interface Conn {
      ws: WebSocket;
      code: number | null;
      /** resolves at the next message or at close */
      next(): Promise<void>;
    }
    const open = async (): Promise<Conn> => {
      const ws = new WebSocket(roomUrl(server.url, 'ws1/fuzz', editor));
      let wake: (() => void) | null = null;
      const conn: Conn = {
        ws,
        code: null,
        next: () =>
          conn.code !== null
            ? Promise.resolve()
            : new Promise<void>((res, rej) => {
                const timer = setTimeout(() => rej(new Error('no answer from the server')), 5000);
                wake = () => {
                  clearTimeout(timer);
                  wake = null;
                  res();
                };
              }),
      };
      ws.on('message', () => wake?.());
      ws.on('close', (code) => {
        conn.code = code;
        wake?.();
      });
      ws.on('error', () => {});
      await new Promise<void>((res, rej) => {
        ws.once('open', () => res());
        ws.once('error', rej);
      });
      return conn;
    };
    const probe = encodeSyncStep1(new Y.Doc());
    let conn = await open();
    cleanup.push(() => conn.ws.close());
    let sent = 0;
    let skipped = 0;
    let closedBy = 0;
    const closeCodes = new Map<number, number>();
    while (sent < 1000) {
      const frame = mutate();
      if (wouldChangeDoc(frame)) {
        skipped += 1;
        continue;
      }
      if (conn.code !== null) conn = await open();
      const answered = conn.next();
      conn.ws.send(frame);
      conn.ws.send(probe);
      sent += 1;
      await answered;
      if (conn.code !== null) {
        closedBy += 1;
        closeCodes.set(conn.code, (closeCodes.get(conn.code) ?? 0) + 1);
      }
    }
    conn.ws.close();

    expect(sent).toBe(1000);
    // Mutations of valid edits often stay valid edits; those are skipped above, and must stay a minority.
    expect(skipped).toBeLessThan(sent / 2);
    expect(closedBy).toBeGreaterThan(100); // most fuzz is rejected...
    for (const code of closeCodes.keys()) expect([CloseCode.MalformedMessage, CloseCode.MessageTooBig]).toContain(code); // ...the right way
    const health = await fetch(`${server.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(watcher.closeCode).toBeNull();
    // Unchanged: nothing was stored, and a fresh client sees exactly the reference state.
    expect(server.metrics.persistedUpdates.get()).toBe(persistedBefore);
    const after = await fetchDoc(server.url, 'ws1/fuzz', editor);
    expect(Y.equalSnapshots(Y.snapshot(after), Y.snapshot(reference))).toBe(true);
    expect(after.getText('body').toString()).toBe(reference.getText('body').toString());
    expect(after.getMap('fields').toJSON()).toEqual(reference.getMap('fields').toJSON());
    expect(after.getArray('actions').toJSON()).toEqual(reference.getArray('actions').toJSON());
    expect(Buffer.from(Y.encodeStateAsUpdate(after)).equals(Buffer.from(referenceState))).toBe(true);
    } finally {
      cleanup.forEach((c) => c());
    }
  }, 60_000);
});

describe('connection hygiene', () => {
  it('caps connections per IP with 429 before the upgrade', async () => {
    await waitFor(() => connections() === 0, 5000, 'earlier connections to go');
    const clients = await Promise.all(Array.from({ length: 8 }, () => RawClient.connect(roomUrl(server.url, 'ws1/cap', editor))));
    expect(await tryUpgrade(roomUrl(server.url, 'ws1/cap', editor))).toEqual({ status: 429, opened: false });
    defined(clients[0]).close();
    await waitFor(() => connections() === 7);
    const again = await tryUpgrade(roomUrl(server.url, 'ws1/cap', editor));
    expect(again.opened).toBe(true);
    clients.forEach((c) => c.close());
  });

  it('terminates a socket that stops answering pings', async () => {
    await waitFor(() => connections() === 0, 5000, 'earlier connections to go');
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/dead', editor));
    await client.whenSynced();
    expect(connections()).toBe(1);
    // Stop reading: the client's ws never sees the pings, so it never answers them.
    (client.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await waitFor(() => connections() === 0, 5000, 'the dead socket to be terminated');
    client.terminate();
  });

  it('closes a connection with TokenExpired when its token runs out', async () => {
    const shortLived = makeToken({ ws: 'ws1', role: 'editor', exp: Math.floor(Date.now() / 1000) + 2 });
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/exp', shortLived));
    await client.whenSynced();
    expect(await client.whenClosed(5000)).toBe(CloseCode.TokenExpired);
  });

  it('unloads an idle doc after its last client leaves, compacted, and reloads it on demand', async () => {
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/idle', editor));
    await client.whenSynced();
    for (let i = 0; i < 20; i++) client.doc.getText('body').insert(0, `${i};`);
    const expected = client.doc.getText('body').toString();
    await waitFor(async () => (await fetchDoc(server.url, 'ws1/idle', editor)).getText('body').toString() === expected);
    client.close();
    await waitFor(() => events.some((e) => e.event === 'doc_unloaded' && e.doc === 'doc.ws1.idle'), 5000, 'the idle doc to unload');
    expect(docsLoaded()).toBeLessThanOrEqual(1);
    expect(server.metrics.compactions.get()).toBeGreaterThan(0);
    expect((await fetchDoc(server.url, 'ws1/idle', editor)).getText('body').toString()).toBe(expected);
  });
});
