// A workspace's catalog rows (word counts, text for the full-text filter, network fields), live, read once and
// shared by every part of the screen that shows them: the document list, the due list, the network screens. Each
// read of 500 rows costs the main thread tens of milliseconds of IndexedDB deserialisation, so one start read them
// three times before this.
//
// A start on the list reads them beside the workspace doc's load (WorkspaceShell: readCatalogRowsEarly), not after
// it, so the list draws as soon as the doc is in. The live query (Dexie liveQuery) subscribes once the first read
// is in, in idle time: its first result is the same rows, and those are kept as they are, so nothing re-renders.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';
import { catalogDb, catalogTexts } from '../../storage/catalogDb';
import type { CatalogRow } from '../../model/catalog';
import { whenIdle } from '../../platform/idle';

const readRows = (workspaceId: string) => catalogDb.catalog.where('workspaceId').equals(workspaceId).toArray();

interface Entry {
  rows: CatalogRow[] | undefined;
  listeners: Set<() => void>;
  users: number;
  stop: () => void;
}

const entries = new Map<string, Entry>();

/** Same rows, field by field (arrays and objects by value): a live result equal to what is shown is not news. */
export function sameRows(a: CatalogRow[], b: CatalogRow[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => {
    const other = b[i]! as unknown as Record<string, unknown>;
    const keys = Object.keys(row);
    if (keys.length !== Object.keys(other).length) return false;
    return keys.every((k) => {
      const x = (row as unknown as Record<string, unknown>)[k];
      const y = other[k];
      return x === y || (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && JSON.stringify(x) === JSON.stringify(y));
    });
  });
}

function open(workspaceId: string): Entry {
  let stopped = false;
  let unsubscribe = () => {};
  const entry: Entry = {
    rows: undefined,
    listeners: new Set(),
    users: 0,
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
  const show = (rows: CatalogRow[]) => {
    if (entry.rows && sameRows(entry.rows, rows)) return;
    entry.rows = rows;
    entry.listeners.forEach((l) => l());
  };
  const failed = (e: unknown) => {
    console.error(e);
    if (!entry.rows) show([]); // a list waiting for its first rows shows none rather than waiting forever
  };
  const subscribeLive = () => {
    if (stopped) return;
    const subscription = liveQuery(() => readRows(workspaceId)).subscribe({ next: show, error: failed });
    unsubscribe = () => subscription.unsubscribe();
  };
  readRows(workspaceId).then(show, failed).finally(() => whenIdle(subscribeLive, 1_000));
  entries.set(workspaceId, entry);
  return entry;
}

/**
 * Starts one user of a workspace's rows (told of each change by `listener`); returns its release. The first user
 * starts the read, the last release stops the live query.
 */
export function holdCatalogRows(workspaceId: string, listener?: () => void): () => void {
  const entry = entries.get(workspaceId) ?? open(workspaceId);
  entry.users++;
  if (listener) entry.listeners.add(listener);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (listener) entry.listeners.delete(listener);
    if (--entry.users > 0) return;
    entry.stop();
    if (entries.get(workspaceId) === entry) entries.delete(workspaceId);
  };
}

/** Starts reading a workspace's rows now, for the list's first draw; held for 10 s for the list to take over. */
export function readCatalogRowsEarly(workspaceId: string): void {
  setTimeout(holdCatalogRows(workspaceId), 10_000);
}

/** The rows held for a workspace now; undefined before the first read is in (or when nobody holds them). */
export const catalogRowsNow = (workspaceId: string): CatalogRow[] | undefined => entries.get(workspaceId)?.rows;

/** The workspace's catalog rows, live; undefined until the first read is in. */
export function useCatalogRows(workspaceId: string): CatalogRow[] | undefined {
  const subscribe = useCallback((notify: () => void) => holdCatalogRows(workspaceId, notify), [workspaceId]);
  return useSyncExternalStore(subscribe, () => catalogRowsNow(workspaceId));
}

/**
 * The workspace's documents' plain texts by docId, lower-cased once for matching (not at each filter keystroke),
 * read only while `wanted` (a full-text filter is in use; undefined until read), and again when `rows` (the
 * caller's live rows) change. Kept apart from the rows, which a list reads at every start.
 */
export function useCatalogTexts(workspaceId: string, wanted: boolean, rows: unknown): ReadonlyMap<string, string> | undefined {
  const [texts, setTexts] = useState<ReadonlyMap<string, string> | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return setTexts(undefined);
    let live = true;
    catalogTexts(workspaceId).then((t) => live && setTexts(new Map([...t].map(([docId, text]) => [docId, text.toLocaleLowerCase()]))), console.error);
    return () => {
      live = false;
    };
  }, [workspaceId, wanted, rows]);
  return texts;
}
