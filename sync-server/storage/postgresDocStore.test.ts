// PostgresDocStore against a real PostgreSQL (sync-server/testEngines.ts): the DocStore contract, and compaction
// by two stores (two instances) at once under the advisory lock.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeWithEngines, startPostgres, type TestPostgres } from '../testEngines';
import { newServerDoc, replayInto } from './compaction';
import { openPostgresDocStore, type PostgresDocStore } from './postgresDocStore';

function textOf(stored: Awaited<ReturnType<PostgresDocStore['load']>>): string {
  const doc = newServerDoc();
  replayInto(doc, stored);
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
}

/** A writer producing one update per call, each appending `<n>;` to text `t`. */
function writer(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  let n = 0;
  return {
    doc,
    next(): Uint8Array {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, `${clientId}.${n++};`);
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

describeWithEngines('PostgresDocStore (real PostgreSQL)', (bins) => {
  let pg: TestPostgres;
  const stores: PostgresDocStore[] = [];
  beforeAll(async () => {
    pg = await startPostgres(bins);
  }, 120_000);
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => {});
    pg?.destroy();
  });
  const open = async (opts?: Parameters<typeof openPostgresDocStore>[1]) => {
    const s = await openPostgresDocStore(pg.url, opts);
    stores.push(s);
    return s;
  };

  it('appends in order with growing sequence numbers, loads, compacts, discards', async () => {
    const store = await open();
    const w = writer(11);
    const seqs = await store.append([
      { docName: 'a', update: w.next() },
      { docName: 'b', update: writer(12).next() },
      { docName: 'a', update: w.next() },
    ]);
    expect(seqs).toHaveLength(3);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    const loaded = await store.load('a');
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.lastSeq).toBe(seqs[2]);
    expect(textOf(loaded)).toBe('11.0;11.1;');
    await store.compact('a', Y.encodeStateAsUpdate(w.doc), loaded.lastSeq);
    const compacted = await store.load('a');
    expect(compacted.updates).toHaveLength(0);
    expect(compacted.state).not.toBeNull();
    expect(textOf(compacted)).toBe('11.0;11.1;');
    const [more] = await store.append([{ docName: 'a', update: w.next() }]);
    expect(more).toBeGreaterThan(seqs[2] ?? Infinity);
    expect(await store.pendingUpdates('a')).toBe(1);
    await store.discard('a', [more ?? 0]);
    expect(await store.pendingUpdates('a')).toBe(0);
    expect(await store.stats()).toMatchObject({ docs: 2 });
    expect((await store.load('unknown')).lastSeq).toBe(0);
  });

  // Instance A reads for compaction and pauses; an update is committed; instance B compacts the same doc.
  // Under the advisory lock B waits for A and then folds the new update too; without it B finishes first and A's
  // write replaces B's state, losing the update (the control run shows the loss, so the lock is what prevents it).
  async function interleave(doc: string, unsafeWithoutLock: boolean): Promise<string> {
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    let pausedOnce = false;
    let reachedPause!: () => void;
    const reached = new Promise<void>((r) => (reachedPause = r));
    const a = await open({
      unsafeWithoutLock,
      compactionPause: async () => {
        if (pausedOnce) return;
        pausedOnce = true;
        reachedPause();
        await paused;
      },
    });
    const b = await open({ unsafeWithoutLock });
    const w = writer(21);
    await a.append([{ docName: doc, update: w.next() }, { docName: doc, update: w.next() }]);
    const compactA = a.compact(doc, new Uint8Array([0, 0]), 0);
    await reached;
    await b.append([{ docName: doc, update: w.next() }]); // committed during A's compaction
    const compactB = b.compact(doc, new Uint8Array([0, 0]), 0);
    await new Promise((r) => setTimeout(r, 300)); // B finishes now unless the lock holds it
    release();
    await Promise.all([compactA, compactB]);
    return textOf(await a.load(doc));
  }

  it('two instances compacting one document at once lose no update (advisory lock)', async () => {
    expect(await interleave('locked', false)).toBe('21.0;21.1;21.2;');
    // control: the same interleaving without the lock loses the update written during compaction
    expect(await interleave('unlocked', true)).toBe('21.0;21.1;');
  });

  it('keeps every update under concurrent appends and compactions from two stores', async () => {
    const [a, b] = [await open(), await open()];
    const writers = [writer(31), writer(32)];
    let stop = false;
    const compactions = [a, b].map(async (s) => {
      let n = 0;
      while (!stop) {
        await s.compact('busy', new Uint8Array([0, 0]), 0);
        n++;
      }
      return n;
    });
    for (let i = 0; i < 60; i++) await (i % 2 ? a : b).append([{ docName: 'busy', update: (writers[i % 2] ?? writers[0]!).next() }]);
    stop = true;
    const counts = await Promise.all(compactions);
    expect(counts.every((n) => n > 0)).toBe(true);
    const text = textOf(await a.load('busy'));
    for (const w of writers) for (let i = 0; i < 30; i++) expect(text).toContain(`${w.doc.clientID}.${i};`);
  });

  it('reports itself unhealthy while PostgreSQL is down and recovers', async () => {
    const store = await open({ healthProbeMs: 100, queryTimeoutMs: 1_000 });
    expect(store.healthy).toBe(true);
    pg.stop('fast');
    try {
      await expect(store.append([{ docName: 'h', update: writer(41).next() }])).rejects.toThrow();
      expect(store.healthy).toBe(false);
    } finally {
      pg.start();
    }
    const deadline = Date.now() + 10_000;
    while (!store.healthy && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(store.healthy).toBe(true);
    expect(await store.append([{ docName: 'h', update: writer(42).next() }])).toHaveLength(1);
  }, 60_000);
});
