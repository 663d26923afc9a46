// Which view of a room a local copy (one IndexedDB database per Y.Doc) holds, and dropping a copy that no longer
// matches (issue 9, "personal data goes to editors only").
//
// A commenter or viewer reads the workspace and comments rooms through server projections (common/roles.ts
// `reads`). A browser may still hold a FULL copy of those docs, received before the projections existed or when its
// role was larger: the registry with gender, other stakeholders' comments, annotations. Sync never removes it (Yjs
// only adds), so the copy is dropped when the doc is opened: each store records the scope it was filled under
// (`<read scope>:<token sub>`, e.g. `own-or-open:ana1`, in y-indexeddb's `custom` store), and a store whose recorded
// scope is not the one the current invite reads is emptied before it is loaded. The same holds the other way: a
// projection copy is dropped before an editor (a promoted commenter) syncs, or its server-made copies would be
// written into the full doc as the editor's changes. Documents (`full` for every role) and workspaces without an
// invite are never touched.
//
// Nothing of the reader's own is lost: before a comments copy is dropped, the reader's own threads and replies in it
// are kept aside (RESCUED_KEY), and put back once the projection has synced if it lacks them
// (model/comments/restoreOwn.ts, called by sync/workspaceSync.ts).
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { capabilitiesOf, type Role } from '../../../common/roles';
import { parseDocName } from '../../../common/rooms';
import { readClaimsUnverified } from '../../../common/tokenClaims';
import { collectOwnComments, type OwnComments } from '../model/comments/restoreOwn';

export const SCOPE_KEY = 'readScope';
export const RESCUED_KEY = 'rescuedOwnComments';
/** a comments copy's highlights as last placed on its document's body (storage/highlightCache.ts) */
export const HIGHLIGHTS_KEY = 'placedHighlights';
const UPDATES = 'updates';
const CUSTOM = 'custom';

export interface Connection {
  role?: Role | undefined;
  token?: string | undefined;
}

/** The scope a local copy of `name` must hold for this connection; null when nothing is checked (no invite). */
export function expectedScope(name: string, connection: Connection | undefined): string | null {
  const ref = parseDocName(name);
  if (!ref || !connection?.token || !connection.role) return null;
  const sub = readClaimsUnverified(connection.token)?.sub;
  if (!sub) return null;
  return `${capabilitiesOf(connection.role).reads[ref.kind]}:${sub}`;
}

/** Opens (creating if new) the y-indexeddb database of doc `name`: stores `updates` (auto keys) and `custom`. */
export const openLocalCopy = (name: string): Promise<IDBDatabase> => idb.openDB(name, (db) => idb.createStores(db, [[UPDATES, { autoIncrement: true }], [CUSTOM]]));

/** A local copy as read: its updates, and the key of the last (0: none). */
export interface StoredCopy {
  rows: Uint8Array[];
  /**
   * Every write to a copy adds a row under a new key (the key generator never goes back, not even when the store is
   * cleared), so an equal last key means the same stored content, as long as the database is not deleted.
   */
  last: number;
}

/**
 * The stored updates of doc `name` when its local copy may be read by a connection that expects `expected`, else
 * null. Reads only: a copy that must be dropped is left for DocPersistence to drop (and rescue from) when it opens.
 */
export async function readLocalCopy(name: string, expected: string | null): Promise<StoredCopy | null> {
  const db = await openLocalCopy(name);
  try {
    const [updates, custom] = idb.transact(db, [UPDATES, CUSTOM], 'readonly');
    const [stored, rows, keys] = await Promise.all([idb.get(custom, SCOPE_KEY), idb.getAll(updates), idb.getAllKeys(updates)]);
    return keepsLocalCopy(stored as string | undefined, expected) ? { rows: rows as Uint8Array[], last: lastKey(keys) } : null;
  } finally {
    db.close();
  }
}

const lastKey = (keys: IDBValidKey[]): number => (keys.length ? Number(keys[keys.length - 1]) : 0);

/**
 * Without reading the updates: the last update key of a local copy that `expected` may read (see StoredCopy), and
 * the value of `key` in its `custom` store. Null where the copy may not be read.
 */
export async function peekLocalCopy(name: string, expected: string | null, key?: string): Promise<{ last: number; value: unknown } | null> {
  const db = await openLocalCopy(name);
  try {
    const [updates, custom] = idb.transact(db, [UPDATES, CUSTOM], 'readonly');
    const [stored, value, cursor] = await Promise.all([idb.get(custom, SCOPE_KEY), key === undefined ? undefined : idb.get(custom, key), idb.rtop(updates.openKeyCursor(null, 'prev'))]);
    if (!keepsLocalCopy(stored as string | undefined, expected)) return null;
    return { last: cursor ? Number((cursor as IDBCursor).key) : 0, value };
  } finally {
    db.close();
  }
}

/** Whether a store that records `stored` may be kept for a connection that expects `expected`. */
export function keepsLocalCopy(stored: string | undefined, expected: string | null): boolean {
  if (expected === null || stored === expected) return true;
  // A store from before scopes were recorded held the full room: kept only where the full room is read.
  return stored === undefined && expected.startsWith('full:');
}

export interface ScopeCheckResult {
  /** the scope the store holds now (null: none recorded, no invite) */
  scope: string | null;
  /** whether the store was emptied */
  dropped: boolean;
}

/** Empties `db` (an open y-indexeddb database) when it holds another scope than `expected`; records `expected`. */
export async function checkLocalCopy(db: IDBDatabase, name: string, expected: string | null): Promise<ScopeCheckResult> {
  const [custom] = idb.transact(db, [CUSTOM], 'readonly');
  const stored = (await idb.get(custom, SCOPE_KEY)) as string | undefined;
  if (expected === null) return { scope: stored ?? null, dropped: false };
  if (keepsLocalCopy(stored, expected)) {
    if (stored !== expected) await idb.put(idb.transact(db, [CUSTOM])[0], expected, SCOPE_KEY);
    return { scope: expected, dropped: false };
  }
  const rescued = parseDocName(name)?.kind === 'comments' ? await ownCommentsIn(db, expected) : null;
  const [updates, custom2] = idb.transact(db, [UPDATES, CUSTOM]);
  await idb.rtop(updates.clear());
  await idb.del(custom2, HIGHLIGHTS_KEY);
  await idb.put(custom2, expected, SCOPE_KEY);
  if (rescued && (rescued.threads.length > 0 || rescued.replies.length > 0)) await idb.put(custom2, rescued as never, RESCUED_KEY);
  return { scope: expected, dropped: true };
}

/** The own threads and replies of the reader `scope` names in the stored updates of `db`. */
async function ownCommentsIn(db: IDBDatabase, scope: string): Promise<OwnComments | null> {
  const sub = scope.slice(scope.indexOf(':') + 1);
  if (!sub) return null;
  const [updates] = idb.transact(db, [UPDATES], 'readonly');
  const rows = (await idb.getAll(updates)) as Uint8Array[];
  if (rows.length === 0) return null;
  const scratch = new Y.Doc();
  try {
    Y.transact(scratch, () => rows.forEach((u) => Y.applyUpdate(scratch, u)));
    return collectOwnComments(scratch, sub);
  } catch {
    return null;
  } finally {
    scratch.destroy();
  }
}

/** Takes (reads and removes) what `checkLocalCopy` kept aside of a dropped comments copy. */
export async function takeRescued(db: IDBDatabase): Promise<OwnComments | null> {
  const [custom] = idb.transact(db, [CUSTOM]);
  const value = (await idb.get(custom, RESCUED_KEY)) as unknown as OwnComments | undefined;
  if (value === undefined) return null;
  await idb.del(idb.transact(db, [CUSTOM])[0], RESCUED_KEY);
  return value;
}
