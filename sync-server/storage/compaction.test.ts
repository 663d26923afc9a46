import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactStored, newServerDoc, replayInto } from './compaction';
import { SqliteDocStore } from './sqliteDocStore.mjs';
import { tempDir } from '../testHelpers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('compaction', () => {
  it('folds many small updates into one state with the same content, history included', async () => {
    const dir = tempDir();
    const store = new SqliteDocStore(join(dir.path, 'db.sqlite'));
    cleanups.push(() => dir.remove(), () => store.close());
    const source = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const text = source.getText('body');
    for (let i = 0; i < 2000; i++) {
      if (i % 7 === 6) text.delete(Math.floor(text.length / 2), 1);
      else text.insert(text.length === 0 ? 0 : i % text.length, String.fromCharCode(97 + (i % 26)));
    }
    const snap = Y.snapshot(source);
    source.getMap('fields').set('date', '2025-01-01');
    await store.append(updates.map((update) => ({ docName: 'doc.ws.d', update })));

    const result = await compactStored(store, 'doc.ws.d');
    expect(result.updatesFolded).toBe(updates.length);
    expect(result.failed).toBe(0);
    const stored = await store.load('doc.ws.d');
    expect(stored.updates).toHaveLength(0);

    const restored = newServerDoc();
    replayInto(restored, stored);
    expect(restored.getText('body').toString()).toBe(text.toString());
    expect(restored.getMap('fields').get('date')).toBe('2025-01-01');
    // Deleted content stays, so a version taken earlier can still be rendered from the compacted doc.
    const old = Y.createDocFromSnapshot(restored, snap);
    expect(old.getText('body').toString()).toBe(Y.createDocFromSnapshot(source, snap).getText('body').toString());
  });

  it('is a no-op for an unknown doc', async () => {
    const dir = tempDir();
    const store = new SqliteDocStore(join(dir.path, 'db.sqlite'));
    cleanups.push(() => dir.remove(), () => store.close());
    expect((await compactStored(store, 'nothing')).updatesFolded).toBe(0);
    expect((await store.load('nothing')).state).toBeNull();
  });
});
