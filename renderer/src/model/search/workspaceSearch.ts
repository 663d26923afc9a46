// The workspace's full-text index (MiniSearch): documents, comment threads and stakeholders in one index, with
// accent and case folding, prefix and fuzzy matching, filters by kind, theme, date range, stakeholder group and
// region. Plain values in and out; the storage layer persists it (toPersisted/load) and feeds it derived entries.
import MiniSearch, { type Options } from 'minisearch';
import { fold, tokenize } from './fold';
import { runPlan } from './queryPlan';
import { docEntryId, entryStamp, type SearchEntry, type SearchKind } from './searchEntries';

/** Bump when entries or options change shape: a persisted index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 3;

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

/**
 * Every word must match; a word of 3 letters or more also matches as a prefix ("particip" → "participation").
 * Run by queryPlan.ts over MiniSearch's index (rarest word first, filters before the other words, top-k only).
 */
const PLAN = {
  prefix: (term: string) => term.length >= 3,
  boost: { title: 3, text: 1, people: 2, themesText: 1.5 },
};

/** The query's words as the index holds them (tokenised and folded like the entries). */
function queryWords(query: string): string[] {
  return tokenize(query)
    .map((w) => fold(w))
    .filter((w) => w.length > 0);
}

/**
 * Typos are looked for only when the words as typed find little (fuzzy matching walks much of the vocabulary):
 * one edit for words of 5-9 letters, two from 10.
 */
const FUZZY_BELOW = 5;
const fuzzy = (term: string) => (term.length >= 10 ? 2 : term.length >= 5 ? 1 : false);

/**
 * The saved index, in two parts so that a query can be answered before the large part is read: `index` is
 * MiniSearch's JSON of everything but the documents' body postings (titles, people, themes, comments, the
 * registry, and every entry's ids and field lengths); `bodies` holds those postings, in chunks read after it.
 */
export interface PersistedSearch {
  version: number;
  /** entry id -> what is kept with it and its content stamp */
  meta: Record<string, EntryMeta>;
  /** MiniSearch's JSON without the documents' body postings */
  index: string;
  /** chunks, each the JSON of [term, [shortId, frequency, shortId, frequency, …]][] for the body field */
  bodies: string[];
}

/** Replaced or removed entries after which the index sweeps their postings. */
const STALE_SWEEP = 200;

/** Terms per chunk of body postings: each chunk is parsed and merged in one go (a few tens of ms). */
const BODY_CHUNK_TERMS = 4000;

interface MiniInternals {
  _idToShortId: Map<string, number>;
  _index: { get(term: string): Map<number, Map<number, number>> | undefined; set(term: string, v: Map<number, Map<number, number>>): void };
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
}

export interface QueryContext {
  /** the registry, for a contribution's group and region (they follow the registry, not the document) */
  resolveStakeholder?: (id: string) => { group: string; region: string } | null;
  limit?: number;
}

export class WorkspaceSearchIndex {
  /** body chunks not merged yet (an index loaded in part answers from titles, people, comments and the registry) */
  private pending: string[] = [];
  /**
   * Short ids of entries replaced or removed since the last sweep: MiniSearch discards them at once but leaves their
   * postings until it vacuums (or a MiniSearch.search meets them); the query plan leaves them out of idf.
   */
  private stale: number[] = [];

  private constructor(
    private readonly mini: MiniSearch<SearchEntry>,
    private readonly meta: Map<string, EntryMeta>,
  ) {}

  static empty(): WorkspaceSearchIndex {
    return new WorkspaceSearchIndex(new MiniSearch(SEARCH_OPTIONS), new Map());
  }

  /** null when the persisted index is of another version (the caller rebuilds it). */
  static load(p: PersistedSearch): WorkspaceSearchIndex | null {
    const index = WorkspaceSearchIndex.loadPart(p);
    index?.complete();
    return index;
  }

  /**
   * Everything but the documents' bodies: enough to answer at once (titles, people, themes, comments, the
   * registry). The bodies follow with complete() or completeAsync(); any change or save completes first.
   */
  static loadPart(p: PersistedSearch): WorkspaceSearchIndex | null {
    if (p.version !== SEARCH_INDEX_VERSION) return null;
    const index = new WorkspaceSearchIndex(MiniSearch.loadJSON(p.index, SEARCH_OPTIONS), new Map(Object.entries(p.meta)));
    index.pending = [...p.bodies];
    return index;
  }

  /** The same as load, the bodies merged in chunks that leave the main thread free between them. */
  static async loadAsync(p: PersistedSearch): Promise<WorkspaceSearchIndex | null> {
    const index = WorkspaceSearchIndex.loadPart(p);
    await index?.completeAsync();
    return index;
  }

  /** Whether the documents' bodies are searchable (false while a partly loaded index reads them). */
  get isComplete(): boolean {
    return this.pending.length === 0;
  }

  /** Merges the remaining body chunks now. */
  complete(): void {
    while (this.pending.length > 0) this.mergeBodies(this.pending.shift()!);
  }

  /** Merges the remaining body chunks, one per task. */
  async completeAsync(): Promise<void> {
    while (this.pending.length > 0) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      const chunk = this.pending.shift();
      if (chunk !== undefined) this.mergeBodies(chunk);
    }
  }

  private mergeBodies(chunk: string): void {
    const ix = this.mini as unknown as MiniInternals;
    const field = ix._fieldIds.text;
    for (const [term, flat] of JSON.parse(chunk) as Array<[string, number[]]>) {
      let data = ix._index.get(term);
      if (!data) {
        data = new Map();
        ix._index.set(term, data);
      }
      let postings = data.get(field);
      if (!postings) {
        postings = new Map();
        data.set(field, postings);
      }
      for (let i = 0; i < flat.length; i += 2) postings.set(flat[i], flat[i + 1]);
    }
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
    this.complete();
    const stamp = entryStamp(entry);
    const old = this.meta.get(entry.id);
    if (old?.stamp === stamp) return false;
    if (old !== undefined) {
      this.discarded(entry.id);
      this.mini.replace(entry);
    } else this.mini.add(entry);
    const { id, text, ...kept } = entry;
    void id;
    void text;
    this.meta.set(entry.id, { ...kept, stamp });
    return true;
  }

  private discarded(id: string): void {
    const short = (this.mini as unknown as MiniInternals)._idToShortId.get(id);
    if (this.mini.dirtCount === 0) this.stale = [];
    if (short !== undefined) this.stale.push(short);
    // Sweep now and then (MiniSearch vacuums in batches, between tasks): the list stays short.
    if (this.stale.length >= STALE_SWEEP && !this.mini.isVacuuming) void this.mini.vacuum().catch(() => undefined);
  }

  remove(id: string): boolean {
    this.complete();
    if (!this.meta.has(id)) return false;
    this.discarded(id);
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
    const accept = (id: string) => {
      const s = this.meta.get(id);
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
    const limit = ctx.limit ?? 100;
    const words = queryWords(q);
    if (this.mini.dirtCount === 0) this.stale = [];
    const stale = this.stale.length > 0 ? this.stale : undefined;
    const exact = runPlan(this.mini, words, { ...PLAN, accept, limit, stale });
    let results = exact.hits;
    if (exact.total < FUZZY_BELOW) {
      const seen = new Set(results.map((r) => r.id));
      const typos = runPlan(this.mini, words, { ...PLAN, fuzzy, accept, limit: limit + results.length, stale });
      results = [...results, ...typos.hits.filter((r) => !seen.has(r.id))];
    }
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
    this.complete();
    const js = this.mini.toJSON() as unknown as { index: Array<[string, Record<string, Record<string, number>>]>; fieldIds: Record<string, number>; dirtCount: number };
    const ix = this.mini as unknown as MiniInternals;
    const field = String(js.fieldIds.text);
    const bodies: Array<[string, number[]]> = [];
    const rest: typeof js.index = [];
    const stale = new Set(this.stale);
    for (const [term, data] of js.index) {
      // Postings of discarded entries are not saved (loaded back, nothing would say they are stale).
      if (stale.size > 0) {
        for (const f in data) {
          for (const short of stale) delete data[f][short];
          if (Object.keys(data[f]).length === 0) delete data[f];
        }
      }
      const postings = data[field];
      if (postings) {
        const flat: number[] = [];
        const kept: Record<string, number> = {};
        let keptAny = false;
        for (const short in postings) {
          const id = ix._documentIds.get(Number(short));
          if (id !== undefined && id.startsWith('d:')) flat.push(Number(short), postings[short]);
          else {
            kept[short] = postings[short];
            keptAny = true;
          }
        }
        if (flat.length > 0) bodies.push([term, flat]);
        if (keptAny) data[field] = kept;
        else delete data[field];
      }
      if (Object.keys(data).length > 0) rest.push([term, data]);
    }
    js.index = rest;
    js.dirtCount = 0;
    const chunks: string[] = [];
    for (let i = 0; i < bodies.length; i += BODY_CHUNK_TERMS) chunks.push(JSON.stringify(bodies.slice(i, i + BODY_CHUNK_TERMS)));
    return { version: SEARCH_INDEX_VERSION, meta: Object.fromEntries(this.meta), index: JSON.stringify(js), bodies: chunks };
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
