// The document list's catalog rows (word counts, text for the full-text filter). A workspace's start reads them
// beside the workspace doc's load (WorkspaceShell), not after it: the list then draws as soon as the doc is in,
// without a second IndexedDB round trip on the start's critical path. The list keeps them live from then on.
import { useEffect, useState } from 'react';
import { catalogDb } from '../../storage/catalogDb';
import type { CatalogRow } from '../../model/catalog';
import { useLiveQuery } from '../hooks';

const readRows = (workspaceId: string) => catalogDb.catalog.where('workspaceId').equals(workspaceId).toArray();

/** The read a workspace's start made, until the list takes it (or the next start replaces it). */
let early: { workspaceId: string; rows: Promise<CatalogRow[]>; value?: CatalogRow[] } | null = null;

/** Starts reading a workspace's catalog rows now, for the list's first draw. */
export function readCatalogRowsEarly(workspaceId: string): void {
  const entry: NonNullable<typeof early> = { workspaceId, rows: readRows(workspaceId) };
  entry.rows.then((rows) => (entry.value = rows)).catch(() => undefined); // the list's own live query reports errors
  early = entry;
}

/**
 * The workspace's catalog rows, live; undefined until the first read. The first value is the start's early read
 * when there is one; the live query that follows gives the same rows and later changes.
 */
export function useCatalogRows(workspaceId: string): CatalogRow[] | undefined {
  const [taken] = useState(() => {
    const e = early?.workspaceId === workspaceId ? early : null;
    early = null;
    return e;
  });
  const [first, setFirst] = useState(taken?.value);
  useEffect(() => {
    if (!taken || taken.value) return;
    let live = true;
    taken.rows.then((rows) => live && setFirst(rows)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [taken]);
  const rows = useLiveQuery(() => readRows(workspaceId), [workspaceId], undefined as CatalogRow[] | undefined, [] as CatalogRow[]);
  return rows ?? first;
}
