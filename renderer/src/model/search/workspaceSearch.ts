// The workspace's full-text index (MiniSearch): documents, comment threads and stakeholders in one index, with
// accent and case folding, prefix and fuzzy matching, filters by kind, theme, date range, stakeholder group and
// region. Plain values in and out; the storage layer persists it (toPersisted/load) and feeds it derived entries.
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from 'minisearch';
import { fold, tokenize } from './fold';
import { docEntryId, entryStamp, type SearchEntry, type SearchKind } from './searchEntries';

/** Bump when entries or options change shape: a persisted index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 2;

export interface SearchFilters {
  /** empty or absent: every kind */
  kinds?: readonly SearchKind[];
  theme?: string;
  /** inclusive ISO dates; entries without a date are left out when either is set */
  from?: string;
  to?: string;
  group?: string;
  region?: string;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  docId: string;
  threadId: string;
  stakeholderId: string;
  /** the entry's title (document title, stakeholder name); a comment's is its document's */
  title: string;
  /** who (a comment's attribution, a stakeholder's organisation) */
  people: string;
  number: number;
  date: string;
  themes: string[];
  group: string;
  region: string;
  score: number;
  /** folded index terms that matched, for snippets and for revealing the match */
  terms: string[];
}

export interface HitGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

/**
 * What is kept with each entry beside the index (everything but the text, which stays in the catalog) and its
 * content stamp. Kept here rather than as MiniSearch stored fields: MiniSearch copies stored fields into every
 * result, thousands of them for a common word, where filters and the few hits shown need a lookup each.
 */
export type EntryMeta = Omit<SearchEntry, 'id' | 'text'> & { stamp: string };
type Stored = EntryMeta;

export const SEARCH_OPTIONS: Options<SearchEntry> = {
  idField: 'id',
  fields: ['title', 'text', 'people', 'themesText'],
  extractField: (entry, field) => (field === 'themesText' ? entry.themes.join(' ') : (entry as unknown as Record<string, unknown>)[field]) as string,
  tokenize: (text) => tokenize(text),
  processTerm: (term) => {
    const f = fold(term);
    return f.length > 0 ? f : null;
  },
};

/** Every word must match; a word of 3 letters or more also matches as a prefix ("particip" → "participation"). */
const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 3,
  boost: { title: 3, people: 2, themesText: 1.5 },
};

/**
 * Typos are looked for only when the words as typed find little (fuzzy matching walks much of the vocabulary):
 * one edit for words of 5-9 letters, two from 10.
 */
const FUZZY_BELOW = 5;
const fuzzy = (term: string) => (term.length >= 10 ? 2 : term.length >= 5 ? 1 : false);

export interface PersistedSearch {
  version: number;
  /** entry id -> what is kept with it and its content stamp */
  meta: Record<string, EntryMeta>;
  /** MiniSearch's JSON */
  index: string;
}

export interface QueryContext {
  /** the registry, for a contribution's group and region (they follow the registry, not the document) */
  resolveStakeholder?: (id: string) => { group: string; region: string } | null;
  limit?: number;
}

export class WorkspaceSearchIndex {
  private constructor(
    private readonly mini: MiniSearch<SearchEntry>,
    private readonly meta: Map<string, EntryMeta>,
  ) {}

  static empty(): WorkspaceSearchIndex {
    return new WorkspaceSearchIndex(new MiniSearch(SEARCH_OPTIONS), new Map());
  }

  /** null when the persisted index is of another version (the caller rebuilds it). */
  static load(p: PersistedSearch): WorkspaceSearchIndex | null {
    if (p.version !== SEARCH_INDEX_VERSION) return null;
    return new WorkspaceSearchIndex(MiniSearch.loadJSON(p.index, SEARCH_OPTIONS), new Map(Object.entries(p.meta)));
  }

  /** The same, in batches that leave the main thread free between them (a large index takes a while). */
  static async loadAsync(p: PersistedSearch): Promise<WorkspaceSearchIndex | null> {
    if (p.version !== SEARCH_INDEX_VERSION) return null;
    return new WorkspaceSearchIndex(await MiniSearch.loadJSONAsync(p.index, SEARCH_OPTIONS), new Map(Object.entries(p.meta)));
  }

  static build(entries: Iterable<SearchEntry>): WorkspaceSearchIndex {
    const index = WorkspaceSearchIndex.empty();
    for (const e of entries) index.upsert(e);
    return index;
  }

  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.meta.has(id);
  }

  /** Adds or replaces an entry; false when it was already indexed as it is. */
  upsert(entry: SearchEntry): boolean {
    const stamp = entryStamp(entry);
    const old = this.meta.get(entry.id);
    if (old?.stamp === stamp) return false;
    if (old !== undefined) this.mini.replace(entry);
    else this.mini.add(entry);
    const { id, text, ...kept } = entry;
    void id;
    void text;
    this.meta.set(entry.id, { ...kept, stamp });
    return true;
  }

  remove(id: string): boolean {
    if (!this.meta.has(id)) return false;
    this.mini.discard(id);
    this.meta.delete(id);
    return true;
  }

  /**
   * Makes the entries whose id starts with `prefix` exactly `entries` (a document's comments, the registry, or
   * everything with prefix ''): adds and replaces what changed, removes what is gone. Returns how many changed.
   */
  sync(prefix: string, entries: readonly SearchEntry[]): number {
    let changed = 0;
    const keep = new Set<string>();
    for (const e of entries) {
      keep.add(e.id);
      if (this.upsert(e)) changed++;
    }
    for (const id of [...this.meta.keys()]) if (id.startsWith(prefix) && !keep.has(id) && this.remove(id)) changed++;
    return changed;
  }

  ids(prefix = ''): string[] {
    return [...this.meta.keys()].filter((id) => id.startsWith(prefix));
  }

  search(query: string, filters: SearchFilters = {}, ctx: QueryContext = {}): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const kinds = filters.kinds && filters.kinds.length > 0 ? new Set<string>(filters.kinds) : null;
    const theme = filters.theme ? fold(filters.theme) : '';
    const docStored = (docId: string) => this.meta.get(docEntryId(docId));
    const who = (r: Stored) => {
      if (r.group || r.region || !r.stakeholderId || !ctx.resolveStakeholder) return { group: r.group, region: r.region };
      return ctx.resolveStakeholder(r.stakeholderId) ?? { group: '', region: '' };
    };
    const filter = (r: SearchResult) => {
      const s = this.meta.get(r.id as string);
      if (!s) return false;
      if (kinds && !kinds.has(s.kind)) return false;
      if (theme) {
        const themes = s.kind === 'comment' ? (docStored(s.docId)?.themes ?? []) : s.themes;
        if (!themes.some((th) => fold(th) === theme)) return false;
      }
      if (filters.from && (!s.date || s.date < filters.from)) return false;
      if (filters.to && (!s.date || s.date > filters.to)) return false;
      if (filters.group || filters.region) {
        const w = who(s);
        if (filters.group && w.group !== filters.group) return false;
        if (filters.region && w.region !== filters.region) return false;
      }
      return true;
    };
    let results = this.mini.search(q, { ...QUERY_OPTIONS, filter });
    if (results.length < FUZZY_BELOW) {
      const seen = new Set(results.map((r) => r.id));
      results = [...results, ...this.mini.search(q, { ...QUERY_OPTIONS, fuzzy, maxFuzzy: 2, filter }).filter((r) => !seen.has(r.id))];
    }
    const limit = ctx.limit ?? 100;
    return results.slice(0, limit).map((r) => {
      const s = this.meta.get(r.id as string)!;
      const w = who(s);
      return {
        id: String(r.id),
        kind: s.kind,
        docId: s.docId,
        threadId: s.threadId,
        stakeholderId: s.stakeholderId,
        title: s.kind === 'comment' ? (docStored(s.docId)?.title ?? '') : s.title,
        people: s.people,
        number: s.number,
        date: s.date,
        themes: s.kind === 'comment' ? (docStored(s.docId)?.themes ?? []) : s.themes,
        group: w.group,
        region: w.region,
        score: r.score,
        terms: r.terms,
      };
    });
  }

  toPersisted(): PersistedSearch {
    return { version: SEARCH_INDEX_VERSION, meta: Object.fromEntries(this.meta), index: JSON.stringify(this.mini) };
  }
}

/** Hits grouped by kind, the group with the best hit first; hits keep their order (best first) inside a group. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const h of hits) {
    const list = groups.get(h.kind);
    if (list) list.push(h);
    else groups.set(h.kind, [h]);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}
