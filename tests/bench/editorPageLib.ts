import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../../renderer/src/schema/schema';
import { BODY } from '../../renderer/src/model/bodyJson';
import { Editor } from '@tiptap/core';
import { schemaExtensions } from '../../renderer/src/schema/extensions';

// Code the editor bench runs inside the page (bundled by editor.ts into an ES module served from the same
// origin as the web build, so the app's CSP `script-src 'self'` admits it). The app exposes nothing for the
// bench: this module brings its own copy of the same yjs, y-indexeddb and y-tiptap versions from node_modules.
// Every function opens and closes its own IndexedDB connection, so it never blocks the app's.

export { Y };

const STORES: Array<[string, IDBObjectStoreParameters?]> = [['updates', { autoIncrement: true }], ['custom']];

/** Writes a Y.Doc's store as y-indexeddb lays it out: database `name`, stores `updates` (autoIncrement) and `custom`. */
export async function seedDocDb(name: string, updates: Uint8Array[]): Promise<void> {
  await idb.deleteDB(name);
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  const [store] = idb.transact(db, ['updates']);
  for (const u of updates) await idb.addAutoKey(store, u as unknown as ArrayBuffer);
  db.close();
}

export interface StoreSize {
  rows: number;
  bytes: number;
  customRows: number;
}

/** Rows and total byte length of the values in a doc database's `updates` store (and the `custom` row count). */
export async function storeSize(name: string): Promise<StoreSize> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  const [updates, custom] = idb.transact(db, ['updates', 'custom'], 'readonly');
  const values = (await idb.getAll(updates)) as Uint8Array[];
  const customRows = await idb.count(custom);
  db.close();
  return { rows: values.length, bytes: values.reduce((n, v) => n + v.byteLength, 0), customRows };
}

/** Adds (or replaces) the app's local catalog row for a workspace, in Dexie's database, as createWorkspace does. */
export async function putWorkspaceRow(row: { id: string; name: string; lastOpenedAt: number; serverUrl?: string; token?: string; role?: string }): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('rapporteur-catalog');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  if (!db.objectStoreNames.contains('workspaces')) {
    db.close();
    throw new Error('rapporteur-catalog has no workspaces table: load the app once before seeding');
  }
  const tx = db.transaction('workspaces', 'readwrite');
  tx.objectStore('workspaces').put(row);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** The IndexedDB part of opening a doc: open the database and read every row of `updates`. */
export async function idbReadMs(name: string): Promise<number> {
  const t0 = performance.now();
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  const [updates] = idb.transact(db, ['updates'], 'readonly');
  await idb.getAll(updates);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/** Reads a doc's updates from IndexedDB (to hand the exact stored bytes to the decode measurement). */
export async function readUpdates(name: string): Promise<Uint8Array[]> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  const [updates] = idb.transact(db, ['updates'], 'readonly');
  const values = (await idb.getAll(updates)) as Uint8Array[];
  db.close();
  return values.map((v) => new Uint8Array(v));
}

/** Times Y.applyUpdate of the stored updates into a fresh Y.Doc (gc off, as the app opens documents). */
export function decodeMs(updates: Uint8Array[]): number {
  const doc = new Y.Doc({ gc: false });
  const t0 = performance.now();
  Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const ms = performance.now() - t0;
  doc.destroy();
  return ms;
}

/** Times building the ProseMirror document from the decoded body (what the editor's sync plugin does first). */
export function yToPmMs(updates: Uint8Array[]): { ms: number; nodes: number } {
  const doc = new Y.Doc({ gc: false });
  updates.forEach((u) => Y.applyUpdate(doc, u));
  const t0 = performance.now();
  const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY), rapporteurSchema());
  const ms = performance.now() - t0;
  let nodes = 0;
  pm.descendants(() => {
    nodes++;
    return true;
  });
  doc.destroy();
  return { ms, nodes };
}

/**
 * Opens a doc `times` times with the stock IndexeddbPersistence and closes it again, editing nothing.
 * `preload`: updates applied to the in-memory doc before persistence attaches (a doc that arrived from the sync
 * server first); without it each open starts from an empty Y.Doc, as a plain local open does.
 */
export async function stockOpens(name: string, times: number, preload?: Uint8Array[]): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const doc = new Y.Doc({ gc: false });
    preload?.forEach((u) => Y.applyUpdate(doc, u));
    const t0 = performance.now();
    const persistence = new IndexeddbPersistence(name, doc);
    await persistence.whenSynced;
    ms.push(performance.now() - t0);
    await persistence.destroy(); // db.close() lets the open-time write commit first
    doc.destroy();
  }
  return ms;
}

/**
 * The bare-editor floor: the same stored document in a plain Tiptap editor with the app's schema and extensions
 * list (schema/extensions.ts) and nothing else: no collaboration, no decorations, no React. Reads IndexedDB,
 * decodes, converts to ProseMirror and mounts into `mount`; `ready` when the editor is mounted (synchronous in
 * Tiptap 3), `painted` after the next frame. Times from the call.
 */
export async function bareOpen(name: string, mount: HTMLElement): Promise<{ ready: number; painted: number }> {
  const t0 = performance.now();
  const updates = await readUpdates(name);
  const doc = new Y.Doc({ gc: false });
  Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const pm = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY), rapporteurSchema());
  const editor = new Editor({
    element: mount,
    extensions: schemaExtensions(),
    content: pm.toJSON(),
    editorProps: { attributes: { class: 'prose', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' } },
  });
  (window as unknown as { __bareEditor: Editor }).__bareEditor = editor;
  const ready = performance.now() - t0;
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ ready, painted: performance.now() - t0 });
      channel.port2.postMessage(null);
    }),
  );
}

/** Deletes a row of the app's `prefs` table (e.g. `catalogVersion`, so the next start rebuilds the catalog). */
export async function deletePref(key: string): Promise<void> {
  const db = await openCatalog();
  const tx = db.transaction('prefs', 'readwrite');
  tx.objectStore('prefs').delete(key);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

function openCatalog(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('rapporteur-catalog');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The workspace-list floor: open the app's catalog database and read a workspace's catalog rows by the
 * `workspaceId` index (what the document list's Dexie live query reads). Times from the call.
 */
export async function catalogRowsRead(workspaceId: string): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const db = await openCatalog();
  const req = db.transaction('catalog', 'readonly').objectStore('catalog').index('workspaceId').getAll(workspaceId);
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as unknown[]);
    req.onerror = () => reject(req.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return { ms, rows: rows.length };
}

/**
 * A key of a doc store's `custom` store (e.g. the comments doc's placed highlights, storage/highlightCache.ts):
 * whether it is there, after deleting it when `remove`.
 */
export async function customKey(name: string, key: string, remove = false): Promise<boolean> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  try {
    if (remove) await idb.del(idb.transact(db, ['custom'])[0], key);
    return (await idb.get(idb.transact(db, ['custom'], 'readonly')[0], key)) !== undefined;
  } finally {
    db.close();
  }
}

/**
 * A co-editor's small change to a stored body, as a sync writes it while the document is closed: one word typed at
 * the start of the first paragraph, appended as an update row of its own.
 */
export async function appendBodyEdit(name: string): Promise<void> {
  const doc = new Y.Doc({ gc: false });
  (await readUpdates(name)).forEach((u) => Y.applyUpdate(doc, u));
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment(BODY).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph');
  const text = paragraph?.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (!text) throw new Error(`${name}: no paragraph text to edit`);
  text.insert(0, 'Indeed ');
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  await idb.addAutoKey(idb.transact(db, ['updates'])[0], Y.encodeStateAsUpdate(doc, before) as unknown as ArrayBuffer);
  db.close();
  doc.destroy();
}

/** Whether the placed highlights of comments doc `name` (its `custom` `key`) stand on the stored body `body` as it is now. */
export async function placedOnStoredBody(name: string, key: string, body: string): Promise<boolean> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  const record = (await idb.get(idb.transact(db, ['custom'], 'readonly')[0], key)) as { body?: number } | undefined;
  db.close();
  const bodyDb = await idb.openDB(body, (d) => idb.createStores(d, STORES));
  const keys = await idb.getAllKeys(idb.transact(bodyDb, ['updates'], 'readonly')[0]);
  bodyDb.close();
  return record?.body === Number(keys[keys.length - 1]);
}
