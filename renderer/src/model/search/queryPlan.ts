// The workspace search's query plan, run over MiniSearch's own index (its radix tree of terms and postings) instead
// of MiniSearch.search, which scores every entry that any expanded term matches, builds a result object (with a
// `match` map of every derived term) for each, filters after scoring and sorts them all. Here:
//   - every query word becomes its postings lists (the word, its prefix completions, its fuzzy neighbours, per field);
//   - the word with the fewest postings is scored first, the filters cut its entries, and every further word only
//     adds to the entries still alive: by probing their ids in its lists when they are few, by scanning otherwise;
//   - scores live in a typed array indexed by MiniSearch's short ids; only the top `limit` are sorted, and only they
//     get the list of matched terms (for snippets).
// Scores are MiniSearch's (BM25 with its k/b/d, prefix and fuzzy weights, field boosts, x the number of query words
// matched), so results rank as before. MiniSearch's fields read here are internal: the version is pinned in
// package.json and the tests load, query and update an index through this plan.
import type MiniSearch from 'minisearch';

type FieldPostings = Map<number, number>; // short id -> term frequency
type TermData = Map<number, FieldPostings>; // field id -> postings

interface RadixIndex {
  get(term: string): TermData | undefined;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
}

interface Internals {
  _index: RadixIndex;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
}

// MiniSearch 7.2's defaults (defaultBM25params, defaultSearchOptions.weights).
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

export interface PlanOptions {
  /** field name -> boost (every field searched is listed) */
  boost: Record<string, number>;
  /** whether a word also matches as a prefix */
  prefix: (word: string) => boolean;
  /** edit distance allowed for a word, false or 0 for none */
  fuzzy?: (word: string) => number | false;
  /** the filters, by entry id; called once per entry matching the rarest word */
  accept?: (id: string) => boolean;
  limit: number;
  /** short ids of entries replaced or removed whose postings MiniSearch has not swept yet: not counted in idf */
  stale?: readonly number[];
}

export interface PlannedHit {
  id: string;
  score: number;
  /** index terms that matched (the word itself, completions, fuzzy neighbours) */
  terms: string[];
}

interface Expansion {
  term: string;
  data: TermData;
}

interface List {
  postings: FieldPostings;
  fieldId: number;
  /** weight x field boost x idf */
  coef: number;
  avg: number;
}

interface Word {
  expansions: Expansion[];
  lists: List[];
  cost: number;
}

function expand(ix: Internals, word: string, opts: PlanOptions): Word {
  const expansions: Array<Expansion & { weight: number }> = [];
  const exact = ix._index.get(word);
  if (exact) expansions.push({ term: word, data: exact, weight: 1 });
  const seen = new Set<string>([word]);
  if (opts.prefix(word)) {
    for (const [term, data] of ix._index.atPrefix(word)) {
      if (term === word) continue;
      seen.add(term);
      expansions.push({ term, data, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)) });
    }
  }
  const distance = opts.fuzzy?.(word) || 0;
  if (distance > 0) {
    for (const [term, [data, d]] of ix._index.fuzzyGet(word, distance)) {
      if (!d || seen.has(term)) continue;
      expansions.push({ term, data, weight: (FUZZY_WEIGHT * term.length) / (term.length + d) });
    }
  }
  const lists: List[] = [];
  let cost = 0;
  const n = ix._documentCount;
  for (const e of expansions) {
    for (const field of Object.keys(opts.boost)) {
      const fieldId = ix._fieldIds[field];
      const postings = e.data.get(fieldId);
      if (!postings || postings.size === 0) continue;
      let df = postings.size;
      if (opts.stale) for (const id of opts.stale) if (postings.has(id)) df--;
      if (df <= 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      lists.push({ postings, fieldId, coef: e.weight * opts.boost[field] * idf, avg: ix._avgFieldLength[fieldId] });
      cost += df;
    }
  }
  return { expansions, lists, cost };
}

/** Every word must match (AND). Returns how many entries matched and the best `limit` of them, best first. */
export function runPlan(mini: MiniSearch<never> | MiniSearch<unknown>, words: readonly string[], opts: PlanOptions): { total: number; hits: PlannedHit[] } {
  const ix = mini as unknown as Internals;
  const unique = [...new Set(words)];
  if (unique.length === 0) return { total: 0, hits: [] };
  const planned = unique.map((w) => expand(ix, w, opts)).sort((a, b) => a.cost - b.cost);
  if (planned[0].cost === 0) return { total: 0, hits: [] };
  const size = ix._nextId + 1;
  const scores = new Float64Array(size);
  const mark = new Uint16Array(size);
  const { k, b, d } = BM25;
  const fieldLength = ix._fieldLength;
  const add = (l: List, doc: number, tf: number) => {
    const len = fieldLength.get(doc)?.[l.fieldId] ?? 0;
    scores[doc] += l.coef * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / l.avg)));
  };

  // The rarest word: every entry it matches, cut by the filters.
  let alive: number[] = [];
  for (const l of planned[0].lists) {
    for (const [doc, tf] of l.postings) {
      if (mark[doc] !== 1) {
        mark[doc] = 1;
        alive.push(doc);
      }
      add(l, doc, tf);
    }
  }
  alive = alive.filter((doc) => {
    const id = ix._documentIds.get(doc);
    const ok = id !== undefined && (!opts.accept || opts.accept(id));
    if (!ok) mark[doc] = 0;
    return ok;
  });

  // Each further word: only the entries still alive.
  for (let round = 1; round < planned.length && alive.length > 0; round++) {
    const { lists, cost } = planned[round];
    const next = round + 1;
    if (alive.length * lists.length < cost) {
      for (const doc of alive) {
        for (const l of lists) {
          const tf = l.postings.get(doc);
          if (tf === undefined) continue;
          add(l, doc, tf);
          mark[doc] = next;
        }
      }
    } else {
      for (const l of lists) {
        for (const [doc, tf] of l.postings) {
          const m = mark[doc];
          if (m !== round && m !== next) continue;
          add(l, doc, tf);
          mark[doc] = next;
        }
      }
    }
    alive = alive.filter((doc) => mark[doc] === next);
  }

  // The best `limit`: a threshold from the sorted scores, then only those above it sorted.
  const total = alive.length;
  let top = alive;
  if (total > opts.limit) {
    const sorted = Float64Array.from(alive, (doc) => scores[doc]).sort();
    const threshold = sorted[total - opts.limit];
    top = alive.filter((doc) => scores[doc] >= threshold);
  }
  top.sort((x, y) => scores[y] - scores[x] || x - y);
  const quality = unique.length;
  const hits = top.slice(0, opts.limit).map((doc) => {
    const terms: string[] = [];
    for (const w of planned) {
      for (const e of w.expansions) {
        for (const postings of e.data.values()) {
          if (postings.has(doc)) {
            terms.push(e.term);
            break;
          }
        }
      }
    }
    return { id: ix._documentIds.get(doc)!, score: scores[doc] * quality, terms: [...new Set(terms)] };
  });
  return { total, hits };
}
