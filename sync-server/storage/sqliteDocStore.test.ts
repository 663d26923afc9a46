import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocStore } from './docStore';
import { SqliteDocStore } from './sqliteDocStore.mjs';
import { defined, tempDir } from '../testHelpers';
import { WorkerDocStore } from './workerDocStore';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const implementations: Array<[string, (file: string) => DocStore]> = [
  ['SqliteDocStore', (file) => new SqliteDocStore(file)],
  ['WorkerDocStore', (file) => new WorkerDocStore(file)],
];

const bytes = (...b: number[]) => new Uint8Array(b);

describe.each(implementations)('%s', (_name, create) => {
  function open(): { store: DocStore; file: string } {
    const dir = tempDir();
    const file = join(dir.path, 'db.sqlite');
    const store = create(file);
    cleanups.push(() => dir.remove(), () => store.close());
    return { store, file };
  }

  it('appends in order per doc and survives reopening', async () => {
    const { store, file } = open();
    const seqs = await store.append([
      { docName: 'a', update: bytes(1) },
      { docName: 'b', update: bytes(2) },
      { docName: 'a', update: bytes(3) },
    ]);
    expect(seqs).toHaveLength(3);
    expect(defined(seqs[0])).toBeLessThan(defined(seqs[1]));
    await store.close();
    const reopened = create(file);
    cleanups.push(() => reopened.close());
    const a = await reopened.load('a');
    expect(a.updates.map((u) => Array.from(u))).toEqual([[1], [3]]);
    expect(a.state).toBeNull();
    expect(a.lastSeq).toBe(seqs[2]);
    expect((await reopened.load('missing')).updates).toEqual([]);
    expect(await reopened.stats()).toEqual({ docs: 2, updates: 3 });
  });

  it('compacts up to a sequence number and keeps later updates', async () => {
    const { store } = open();
    const [s1, s2] = await store.append([
      { docName: 'a', update: bytes(1) },
      { docName: 'a', update: bytes(2) },
    ]);
    const [s3] = await store.append([{ docName: 'a', update: bytes(3) }]);
    await store.compact('a', bytes(9, 9), defined(s2));
    const loaded = await store.load('a');
    expect(Array.from(loaded.state!)).toEqual([9, 9]);
    expect(loaded.updates.map((u) => Array.from(u))).toEqual([[3]]);
    expect(loaded.lastSeq).toBe(s3);
    expect(await store.pendingUpdates('a')).toBe(1);
    // An older compaction arriving late must not replace the newer one.
    await store.compact('a', bytes(7), defined(s1));
    expect(Array.from((await store.load('a')).state!)).toEqual([9, 9]);
  });

  it('never reuses a sequence number after compaction deleted the highest row', async () => {
    const { store } = open();
    const [s1] = await store.append([{ docName: 'a', update: bytes(1) }]);
    await store.compact('a', bytes(8), defined(s1));
    const [s2] = await store.append([{ docName: 'a', update: bytes(2) }]);
    expect(defined(s2)).toBeGreaterThan(defined(s1));
    expect((await store.load('a')).updates.map((u) => Array.from(u))).toEqual([[2]]);
  });

  it('discards single updates', async () => {
    const { store } = open();
    const [s1, s2] = await store.append([
      { docName: 'a', update: bytes(1) },
      { docName: 'a', update: bytes(2) },
    ]);
    await store.discard('a', [defined(s1)]);
    const loaded = await store.load('a');
    expect(loaded.updates.map((u) => Array.from(u))).toEqual([[2]]);
    expect(loaded.lastSeq).toBe(s2);
  });

});

describe('SqliteDocStore settings', () => {
  it('uses WAL with synchronous=FULL by default, NORMAL on request', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    for (const [mode, expected] of [['FULL', 2], ['NORMAL', 1]] as const) {
      const store = new SqliteDocStore(join(dir.path, `${mode}.sqlite`), mode);
      const db = (store as unknown as { db: { pragma(s: string, o: { simple: true }): unknown } }).db;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(expected);
      await store.close();
    }
  });

  it('a worker store reports a database it cannot open', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const store = new WorkerDocStore(join(dir.path, 'missing-dir', 'x', '\0bad.sqlite'));
    await expect(store.ready).rejects.toThrow();
    await store.close();
  });
});

describe('SqliteDocStore file', () => {
  it('creates the database owner-only', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const file = join(dir.path, 'data', 'db.sqlite');
    const store = new SqliteDocStore(file);
    await store.append([{ docName: 'a', update: new Uint8Array([1]) }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file + '-wal').mode & 0o777).toBe(0o600);
    await store.close();
  });
});
