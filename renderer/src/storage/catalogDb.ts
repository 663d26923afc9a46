import Dexie, { type EntityTable } from 'dexie';
import type { CatalogRow } from '../model/catalog';
import type { Role } from '../../../common/roles';

// The local catalog: only what is local to this device or can be rebuilt from the Y.Docs at any time.
// Bumping CATALOG_VERSION triggers a rebuild of the catalog rows from the Y.Docs on next start.

export const CATALOG_VERSION = 1;

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
  prefs!: EntityTable<Preference, 'key'>;

  constructor(name = 'rapporteur-catalog') {
    super(name);
    this.version(CATALOG_VERSION).stores({
      workspaces: 'id, lastOpenedAt',
      catalog: 'key, workspaceId, kind, date, updatedAt, *themes',
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
