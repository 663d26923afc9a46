import Dexie, { type EntityTable } from 'dexie';
import type { CatalogRow } from '../model/catalog';
import type { CommentEntry } from '../model/commentEntries';
import type { Role } from '../../../common/roles';

// The local catalog: only what is local to this device or can be rebuilt from the Y.Docs at any time.
// Bumping CATALOG_VERSION triggers a rebuild of the catalog rows from the Y.Docs on next start.

// 2: comment entries (model/commentEntries.ts). 3: catalog rows gain `activity` (model/network/activity.ts) and
// `network` (model/network/networkRow.ts), so existing rows are re-derived once.
export const CATALOG_VERSION = 3;

export interface LocalWorkspace {
  id: string;
  /** cached from the workspace Y.Doc for the switcher */
  name: string;
  lastOpenedAt: number;
  /** connection settings (local to this device) */
  serverUrl?: string;
  token?: string;
  role?: Role;
  lastFullSyncAt?: number;
}

export interface Preference {
  key: string;
  value: unknown;
}

export class CatalogDb extends Dexie {
  workspaces!: EntityTable<LocalWorkspace, 'id'>;
  catalog!: EntityTable<CatalogRow, 'key'>;
  /** one row per comment thread (model/commentEntries.ts), derived from the comments docs */
  comments!: EntityTable<CommentEntry, 'key'>;
  prefs!: EntityTable<Preference, 'key'>;

  constructor(name = 'rapporteur-catalog') {
    super(name);
    this.version(1).stores({
      workspaces: 'id, lastOpenedAt',
      catalog: 'key, workspaceId, kind, date, updatedAt, *themes',
      prefs: 'key',
    });
    this.version(CATALOG_VERSION).stores({
      workspaces: 'id, lastOpenedAt',
      catalog: 'key, workspaceId, kind, date, updatedAt, *themes',
      comments: 'key, workspaceId, docId, stakeholderId, createdAt',
      prefs: 'key',
    });
  }
}

export const catalogDb = new CatalogDb();

export async function getPref<T>(key: string, fallback: T): Promise<T> {
  const row = await catalogDb.prefs.get(key);
  return row ? (row.value as T) : fallback;
}

export async function setPref(key: string, value: unknown): Promise<void> {
  await catalogDb.prefs.put({ key, value });
}

/** The comment rows of a workspace (derived; empty until its comments docs have been indexed). */
export function listCommentEntries(workspaceId: string): Promise<CommentEntry[]> {
  return catalogDb.comments.where('workspaceId').equals(workspaceId).toArray();
}
