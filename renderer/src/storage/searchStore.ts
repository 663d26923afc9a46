// The workspace search index on this device. It is derived data: loaded from the local catalog database (Dexie
// `prefs`, key `search:<workspaceId>`), or built from the catalog rows and comment entries when absent or of
// another version; read in two parts (everything but the documents' bodies first, so a query is answered at
// once, then the bodies); kept current by the search sink of the derived-data pipeline (open documents), the comment
// entries pipeline, one-off indexing and Maintenance › Rebuild index; saved back ten seconds after the last
// change, and caught up from the catalog after loading (a change not saved when the app stopped is not lost).
// Answering a query reads only this index (and, for snippets, the few rows shown): never a Y.Doc.
import { catalogKey, type CatalogRowWithText } from '../model/catalog';
import type { CommentEntry } from '../model/commentEntries';
import type { Stakeholder } from '../model/stakeholders';
import { entryFromCatalogRow, entryFromComment, entryFromStakeholder, commentEntryId, docEntryId } from '../model/search/searchEntries';
import { WorkspaceSearchIndex, type PersistedSearch } from '../model/search/workspaceSearch';
import { catalogDb, catalogRowsWithText, getPref, setPref } from './catalogDb';

const prefKey = (workspaceId: string) => `search:${workspaceId}`;
// Saving serialises the whole index (a large workspace's takes a noticeable moment): a while after the last
// change, and when a document closes, rather than after every settled edit.
const PERSIST_DELAY_MS = 10_000;
/** Body postings below this size (JSON characters) are merged while loading rather than after the first query. */
const MERGE_AT_ONCE_CHARS = 1_000_000;

export class SearchStore {
  private readonly indexes = new Map<string, Promise<WorkspaceSearchIndex>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(workspaceId: string) => void>();

  constructor(private readonly persistDelayMs = PERSIST_DELAY_MS) {}

  /** The index of a workspace, loaded (or built) once. */
  get(workspaceId: string): Promise<WorkspaceSearchIndex> {
    let p = this.indexes.get(workspaceId);
    if (!p) {
      p = this.load(workspaceId);
      this.indexes.set(workspaceId, p);
      p.catch(() => this.indexes.delete(workspaceId));
    }
    return p;
  }

  /** Called when an index changed (the search screen runs its query again). */
  subscribe(listener: (workspaceId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A document's catalog row changed (pipeline, one-off indexing). */
  async upsertRow(row: CatalogRowWithText): Promise<void> {
    const index = await this.get(row.workspaceId);
    if (index.upsert(entryFromCatalogRow(row))) this.changed(row.workspaceId);
  }

  /** A document's comment entries are now exactly these. */
  async syncComments(workspaceId: string, docId: string, entries: readonly CommentEntry[]): Promise<void> {
    const index = await this.get(workspaceId);
    if (index.sync(commentEntryId(docId, ''), entries.map(entryFromComment)) > 0) this.changed(workspaceId);
  }

  /** The registry (from the workspace doc) is now exactly these stakeholders. */
  async syncStakeholders(workspaceId: string, stakeholders: readonly Stakeholder[]): Promise<void> {
    const index = await this.get(workspaceId);
    if (index.sync('s:', stakeholders.map(entryFromStakeholder)) > 0) this.changed(workspaceId);
  }

  async removeDocument(workspaceId: string, docId: string): Promise<void> {
    const index = await this.get(workspaceId);
    let changed = index.remove(docEntryId(docId));
    changed = index.sync(commentEntryId(docId, ''), []) > 0 || changed;
    if (changed) this.changed(workspaceId);
  }

  /** Builds the index afresh from the catalog rows, the comment entries and the registry (Rebuild index). */
  async rebuild(workspaceId: string, stakeholders: readonly Stakeholder[]): Promise<WorkspaceSearchIndex> {
    const index = await this.buildFromCatalog(workspaceId);
    index.sync('s:', stakeholders.map(entryFromStakeholder));
    this.indexes.set(workspaceId, Promise.resolve(index));
    await this.persistNow(workspaceId);
    this.notify(workspaceId);
    return index;
  }

  /** Writes a pending change now (a document closes; tests). */
  async flush(workspaceId?: string): Promise<void> {
    const ids = workspaceId ? [workspaceId] : [...this.timers.keys()];
    await Promise.all(ids.filter((id) => this.timers.has(id)).map((id) => this.persistNow(id)));
  }

  private async load(workspaceId: string): Promise<WorkspaceSearchIndex> {
    const persisted = await getPref<PersistedSearch | null>(prefKey(workspaceId), null);
    let index: WorkspaceSearchIndex | null = null;
    try {
      index = persisted ? WorkspaceSearchIndex.loadPart(persisted) : null;
      // A small workspace's bodies are merged at once (a few ms): answers are whole from the first query.
      if (index && persisted && persisted.bodies.reduce((n, c) => n + c.length, 0) < MERGE_AT_ONCE_CHARS) index.complete();
    } catch (e) {
      console.error('Search index unreadable: rebuilding it', e);
    }
    if (!index) {
      index = await this.buildFromCatalog(workspaceId);
      this.schedulePersist(workspaceId);
      return index;
    }
    // Answer at once from the part read first (titles, people, themes, comments, the registry); merge the
    // documents' bodies in chunks after it (the search screen runs its query again then); then catch up with rows
    // written while it was not loaded. A change arriving meanwhile merges the rest first (upsert completes).
    const loaded = index;
    if (loaded.isComplete) {
      setTimeout(() => void this.reconcile(workspaceId, loaded).catch((e) => console.error('Search index not reconciled', e)), 0);
      return index;
    }
    setTimeout(
      () =>
        void loaded
          .completeAsync()
          .then(() => this.notify(workspaceId))
          .then(() => this.reconcile(workspaceId, loaded))
          .catch((e) => console.error('Search index not reconciled', e)),
      0,
    );
    return index;
  }

  private async buildFromCatalog(workspaceId: string): Promise<WorkspaceSearchIndex> {
    const [rows, comments] = await Promise.all([catalogRowsWithText(workspaceId), catalogDb.comments.where('workspaceId').equals(workspaceId).toArray()]);
    return WorkspaceSearchIndex.build([...rows.map(entryFromCatalogRow), ...comments.map(entryFromComment)]);
  }

  private async reconcile(workspaceId: string, index: WorkspaceSearchIndex): Promise<void> {
    const [rows, comments] = await Promise.all([catalogRowsWithText(workspaceId), catalogDb.comments.where('workspaceId').equals(workspaceId).toArray()]);
    const changed = index.sync('d:', rows.map(entryFromCatalogRow)) + index.sync('c:', comments.map(entryFromComment));
    if (changed > 0) this.changed(workspaceId);
  }

  private changed(workspaceId: string) {
    this.schedulePersist(workspaceId);
    this.notify(workspaceId);
  }

  private notify(workspaceId: string) {
    for (const l of this.listeners) l(workspaceId);
  }

  private schedulePersist(workspaceId: string) {
    const pending = this.timers.get(workspaceId);
    if (pending) clearTimeout(pending);
    this.timers.set(
      workspaceId,
      setTimeout(() => void this.persistNow(workspaceId).catch((e) => console.error('Search index not saved', e)), this.persistDelayMs),
    );
  }

  private async persistNow(workspaceId: string): Promise<void> {
    const timer = this.timers.get(workspaceId);
    if (timer) clearTimeout(timer);
    this.timers.delete(workspaceId);
    const index = await this.get(workspaceId);
    await setPref(prefKey(workspaceId), index.toPersisted());
  }
}

export const searchStore = new SearchStore();

/** The rows behind the hits shown (their texts make the snippets); a handful of reads, never a Y.Doc. */
export async function textsForHits(workspaceId: string, hits: ReadonlyArray<{ kind: string; docId: string; threadId: string }>): Promise<Map<string, string>> {
  const docKeys = [...new Set(hits.filter((h) => h.kind !== 'comment' && h.kind !== 'stakeholder').map((h) => catalogKey(workspaceId, h.docId)))];
  const commentKeys = hits.filter((h) => h.kind === 'comment').map((h) => `${workspaceId}/${h.docId}/${h.threadId}`);
  const [rows, comments] = await Promise.all([catalogDb.texts.bulkGet(docKeys), catalogDb.comments.bulkGet(commentKeys)]);
  const texts = new Map<string, string>();
  for (const r of rows) if (r) texts.set(docEntryId(r.docId), r.text);
  for (const c of comments) if (c) texts.set(commentEntryId(c.docId, c.threadId), entryFromComment(c).text);
  return texts;
}
