// Durability: what any client has received survives `kill -9`, and compacted storage restores the same doc.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from './log';
import { DB_FILE_NAME, startServer } from './server';
import { defined, fetchDoc, makeToken, RawClient, roomUrl, sleep, spawnServer, TEST_SECRET, tempDir, waitFor } from './testHelpers';

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const editor = makeToken({ ws: 'ws1', role: 'editor' });
const viewer = makeToken({ ws: 'ws1', role: 'viewer' });

describe('durability', () => {
  it('loses nothing any client had received when the server is killed with SIGKILL mid-stream', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const first = await spawnServer(['--port', '0', '--data', dir.path, '--max-conn-per-ip', '100']);
    cleanups.push(() => first.stop('SIGKILL'));

    const writer = await RawClient.connect(roomUrl(first.url, 'ws1/k', editor));
    const observers = await Promise.all([
      RawClient.connect(roomUrl(first.url, 'ws1/k', editor)),
      RawClient.connect(roomUrl(first.url, 'ws1/k', viewer)),
    ]);
    await writer.whenSynced();
    for (const o of observers) await o.whenSynced();
    // A second writer on another doc, so commits carry several docs at once.
    const writer2 = await RawClient.connect(roomUrl(first.url, 'ws1/k2', editor));
    await writer2.whenSynced();

    let writing = true;
    let written = 0;
    const stream = (async () => {
      while (writing) {
        const text = writer.doc.getText('body');
        text.insert(text.length, `${written};`);
        writer2.doc.getMap('fields').set(`k${written % 50}`, written);
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Beyond the default compaction threshold (500), so the kill also lands after compactions.
    await waitFor(() => observers[0].doc.getText('body').length > 4000, 30_000, 'edits to flow');
    first.proc.kill('SIGKILL');
    const codes = await Promise.all(observers.map((o) => o.whenClosed()));
    writing = false;
    await stream;
    expect(codes.every((c) => c === 1006)).toBe(true); // abnormal closure: the process died
    const received = observers.map((o) => ({ sv: Y.decodeStateVector(Y.encodeStateVector(o.doc)), text: o.doc.getText('body').toString() }));
    const seen = defined(received[0], 'an observer');
    expect(seen.text.length).toBeGreaterThan(4000);
    expect(written).toBeGreaterThan(seen.text.split(';').length - 1); // the stream was still going

    const second = await spawnServer(['--port', '0', '--data', dir.path]);
    cleanups.push(() => second.stop('SIGKILL'));
    const restored = await fetchDoc(second.url, 'ws1/k', editor);
    const restoredSv = Y.decodeStateVector(Y.encodeStateVector(restored));
    for (const r of received) {
      for (const [client, clock] of r.sv) expect(restoredSv.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      expect(restored.getText('body').toString().startsWith(r.text)).toBe(true);
    }
    writer.terminate();
    writer2.terminate();
  }, 60_000);

  it('restores the same content from compacted storage after a restart', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const options = { port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, compactEvery: 50 };
    const server = await startServer(options);
    const client = await RawClient.connect(roomUrl(server.url, 'ws1/c', editor));
    await client.whenSynced();
    for (let i = 0; i < 300; i++) {
      const text = client.doc.getText('body');
      if (i % 5 === 4) text.delete(0, 2);
      else text.insert(text.length, `w${i} `);
      client.doc.getArray('actions').push([{ i }]);
      if (i % 25 === 0) await sleep(1);
    }
    await waitFor(() => server.metrics.persistedUpdates.get() >= 600, 10_000, 'all updates to be stored');
    expect(server.metrics.compactions.get()).toBeGreaterThan(0);
    const expected = { text: client.doc.getText('body').toString(), actions: client.doc.getArray('actions').toJSON() };
    client.close();
    await server.close();

    const db = new Database(join(dir.path, DB_FILE_NAME), { readonly: true });
    const counts = {
      updates: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM updates WHERE doc = 'doc.ws1.c'").get()?.n,
      states: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM doc_states WHERE doc = 'doc.ws1.c'").get()?.n,
    };
    db.close();
    expect(counts).toEqual({ updates: 0, states: 1 }); // shutdown compacted everything into one state

    const again = await startServer(options);
    cleanups.push(() => again.close());
    const restored = await fetchDoc(again.url, 'ws1/c', editor);
    expect(restored.getText('body').toString()).toBe(expected.text);
    expect(restored.getArray('actions').toJSON()).toEqual(expected.actions);
  }, 60_000);
});
