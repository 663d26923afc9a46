import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { DocPersistence } from './docPersistence';

async function rowCount(name: string): Promise<number> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, [['updates', { autoIncrement: true }], ['custom']]));
  const [store] = idb.transact(db, ['updates'], 'readonly');
  const n = await idb.count(store);
  db.close();
  return n;
}

async function open(name: string) {
  const doc = new Y.Doc();
  const p = new DocPersistence(name, doc);
  await p.whenSynced;
  return { doc, p };
}

describe('DocPersistence', () => {
  it('stores edits and reloads them; opening without edits writes nothing', async () => {
    const name = `doc.test.${Math.random()}`;
    const a = await open(name);
    a.doc.getText('t').insert(0, 'hello');
    a.doc.getText('t').insert(5, ' world');
    await a.p.flushed();
    expect(a.p.state).toBe('saved');
    await a.p.destroy();
    const rows = await rowCount(name);
    for (let i = 0; i < 20; i++) {
      const again = await open(name);
      expect(again.doc.getText('t').toString()).toBe('hello world');
      await again.p.destroy();
    }
    expect(await rowCount(name)).toBe(rows);
  });

  it('reports saving while a write is in flight', async () => {
    const { doc, p } = await open(`doc.test.${Math.random()}`);
    const states: string[] = [];
    p.on('state', (s: string) => states.push(s));
    doc.getMap('m').set('k', 1);
    await p.flushed();
    expect(states).toEqual(['saving', 'saved']);
    await p.destroy();
  });
});

describe('DocPersistence while loading', () => {
  it('keeps changes that arrive before the stored state has loaded (e.g. from a sync provider)', async () => {
    const name = `doc.test.${Math.random()}`;
    const a = await open(name);
    a.doc.getText('t').insert(0, 'stored');
    await a.p.destroy();
    const doc = new Y.Doc();
    const p = new DocPersistence(name, doc);
    const remote = new Y.Doc();
    remote.getText('r').insert(0, 'remote');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote)); // before whenSynced
    await p.whenSynced;
    await p.flushed();
    await p.destroy();
    const again = await open(name);
    expect(again.doc.getText('t').toString()).toBe('stored');
    expect(again.doc.getText('r').toString()).toBe('remote');
    await again.p.destroy();
  });
});

describe('OpenDocs.flushAll (pagehide)', () => {
  it('hands every open doc’s buffered edits to IndexedDB at once, not after the frame', async () => {
    const { OpenDocs } = await import('./openDocs');
    const docs = new OpenDocs();
    const name = `doc.test.${Math.random()}`;
    const handle = docs.acquire(name);
    await handle.ready;
    const before = await rowCount(name);
    handle.doc.getText('t').insert(0, 'typed just before the window closed');
    // Without a frame (Node has none) the buffer waits 100 ms; flushAll writes it now, in the same task.
    expect(handle.persistence.state).toBe('saving');
    const saved = new Promise<void>((resolve) => handle.persistence.on('state', (s: string) => s === 'saved' && resolve()));
    const write = vi.spyOn(handle.persistence, 'flushBuffered');
    docs.flushAll();
    expect(write).toHaveBeenCalledTimes(1);
    write.mockRestore();
    await saved;
    expect(await rowCount(name)).toBe(before + 1);
    handle.release();
  });
});

describe('OpenDocs.flushedAll (the desktop window waits on it to close)', () => {
  it('resolves only once every open doc’s last edits are committed', async () => {
    const { OpenDocs } = await import('./openDocs');
    const docs = new OpenDocs();
    const names = [`doc.test.${Math.random()}`, `doc.test.${Math.random()}`];
    const handles = names.map((name) => docs.acquire(name));
    await Promise.all(handles.map((h) => h.ready));
    const before = await Promise.all(names.map(rowCount));
    handles.forEach((h, i) => h.doc.getText('t').insert(0, `last words ${i}`));
    expect(handles.map((h) => h.persistence.state)).toEqual(['saving', 'saving']);
    await docs.flushedAll();
    expect(handles.map((h) => h.persistence.state)).toEqual(['saved', 'saved']);
    expect(await Promise.all(names.map(rowCount))).toEqual(before.map((n) => n + 1));
    handles.forEach((h) => h.release());
  });
});
