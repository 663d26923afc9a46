import Dexie, { type EntityTable } from 'dexie';
import type { CatalogRow, CatalogRowWithText } from '../model/catalog';
import type { CommentEntry } from '../model/commentEntries';
import type { Role } from '../../../common/roles';

// The local catalog: only what is local to this device or can be rebuilt from the Y.Docs at any time.
// Bumping CATALOG_VERSION triggers a rebuild of the catalog rows from the Y.Docs on next start.

// 2: comment entries (model/commentEntries.ts). 3: catalog rows gain `activity` (model/network/activity.ts) and
// `network` (model/network/networkRow.ts), so existing rows are re-derived once.
export const CATALOG_VERSION = 3;

// The Dexie schema's own version. 4: the documents' plain texts move out of the catalog rows into `texts`, in place
// (nothing re-derived): a list read every document's text with its rows, 5 MB for 500 meeting summaries.
const SCHEMA_VERSION = 4;

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

/** A document's plain text (CatalogRowWithText.text), kept apart from its catalog row: read by search alone. */
export interface CatalogText {
  /** the catalog row's key */
  key: string;
  workspaceId: string;
  docId: string;
  text: string;
}

export interface Preference {
  key: string;
  value: unknown;
}

export class CatalogDb extends Dexie {
  workspaces!: EntityTable<LocalWorkspace, 'id'>;
  catalog!: EntityTable<CatalogRow, 'key'>;
  /** the catalog rows' plain texts, by the same key */
  texts!: EntityTable<CatalogText, 'key'>;
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
    this.version(3).stores({
      workspaces: 'id, lastOpenedAt',
      catalog: 'key, workspaceId, kind, date, updatedAt, *themes',
      comments: 'key, workspaceId, docId, stakeholderId, createdAt',
      prefs: 'key',
    });
    this.version(SCHEMA_VERSION)
      .stores({ texts: 'key, workspaceId' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('catalog').toArray()) as CatalogRowWithText[];
        await tx.table('texts').bulkPut(rows.map((r) => ({ key: r.key, workspaceId: r.workspaceId, docId: r.docId, text: r.text ?? '' })));
        await tx.table('catalog').toCollection().modify((r: Partial<CatalogRowWithText>) => void delete r.text);
      });
  }
}

export const catalogDb = new CatalogDb();

/** Writes a derived catalog row: the row, and its text apart, in one transaction. */
export function putCatalogRow({ text, ...row }: CatalogRowWithText): Promise<unknown> {
  return catalogDb.transaction('rw', catalogDb.catalog, catalogDb.texts, () => Promise.all([catalogDb.catalog.put(row), catalogDb.texts.put({ key: row.key, workspaceId: row.workspaceId, docId: row.docId, text })]));
}

/** A stored catalog row with its text (a row stored without one reads as text ''). */
export async function getCatalogRow(key: string): Promise<CatalogRowWithText | undefined> {
  const [row, text] = await Promise.all([catalogDb.catalog.get(key), catalogDb.texts.get(key)]);
  return row && { ...row, text: text?.text ?? '' };
}

/** A workspace's catalog rows with their texts, for its search index. */
export async function catalogRowsWithText(workspaceId: string): Promise<CatalogRowWithText[]> {
  const [rows, texts] = await Promise.all([catalogDb.catalog.where('workspaceId').equals(workspaceId).toArray(), catalogTexts(workspaceId)]);
  return rows.map((r) => ({ ...r, text: texts.get(r.docId) ?? '' }));
}

/** A workspace's documents' plain texts, by docId. */
export async function catalogTexts(workspaceId: string): Promise<Map<string, string>> {
  const texts = await catalogDb.texts.where('workspaceId').equals(workspaceId).toArray();
  return new Map(texts.map((t) => [t.docId, t.text]));
}

/** Deletes a workspace's catalog rows (and texts) of documents not in `keep` (catalog keys). */
export function deleteCatalogRowsExcept(workspaceId: string, keep: ReadonlySet<string>): Promise<unknown> {
  const gone = (r: { key: string }) => !keep.has(r.key);
  return catalogDb.transaction('rw', catalogDb.catalog, catalogDb.texts, () =>
    Promise.all([catalogDb.catalog.where('workspaceId').equals(workspaceId).filter(gone).delete(), catalogDb.texts.where('workspaceId').equals(workspaceId).filter(gone).delete()]),
  );
}

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
