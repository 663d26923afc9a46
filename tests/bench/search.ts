// Search benchmark (npm run bench -- search): the workspace index (renderer/src/model/search, MiniSearch) in Node,
// over a generated workspace of 2,000 documents (about 3 million words) + 10,000 comment threads + the registry
// (searchCorpus.ts). One JSON line per figure, each beside a floor measured in the same run:
//   search_corpus            what was generated
//   search_build             index build time and its persisted size, in all and of the part read first (floor:
//                            JSON.stringify of the rows' texts)
//   search_incremental       re-indexing one document after one edit (an appended sentence), 50 edits
//   search_query             200 mixed queries (common, rare, prefix, typo, two words, accents, filtered): p50/p95
//                            of the query alone and with the snippets of the 20 first hits (floor: a plain
//                            String.includes scan of the same texts, lower-cased beforehand); agreement of the
//                            20 best hits with MiniSearch.search run with the former options (unfiltered queries,
//                            same ids in the same order)
//   search_cold_start        time to first results from the persisted index: parse + load of the part read first
//                            (everything but the documents' body postings) + first query; then the bodies merged,
//                            and the two together (floor: JSON.parse of the part read first)
// Targets (issue 11): p95 <= 30 ms per query, incremental <= 20 ms, cold start <= 500 ms. Reported, never asserted.
import { cpus, loadavg } from 'node:os';
import type MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { entryFromCatalogRow, entryFromComment, entryFromStakeholder } from '../../renderer/src/model/search/searchEntries';
import { WorkspaceSearchIndex } from '../../renderer/src/model/search/workspaceSearch';
import { snippet } from '../../renderer/src/model/search/snippet';
import { benchQueries, generateSearchCorpus } from './searchCorpus';
import { percentile, round } from './editorStats';

const TARGETS = { query_p95_ms: 30, incremental_ms: 20, cold_start_ms: 500 };
const emit = (obj: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(obj)}\n`);
const log = (msg: string) => process.stderr.write(`[search-bench] ${msg}\n`);
const stats = (values: number[]) => ({ p50_ms: round(percentile(values, 50), 2), p95_ms: round(percentile(values, 95), 2), max_ms: round(Math.max(...values), 2), runs: values.length });
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
};
/** Wall time and this process's CPU time (on a shared, loaded machine the CPU time is the steadier figure). */
const cpuTimes: number[] = [];
const timeCpu = <T>(fn: () => T): [T, number] => {
  const c = process.cpuUsage();
  const [v, ms] = time(fn);
  const d = process.cpuUsage(c);
  cpuTimes.push((d.user + d.system) / 1000);
  return [v, ms];
};
const lastCpu = () => cpuTimes[cpuTimes.length - 1];

log('generating the workspace');
const [corpus, genMs] = time(() => generateSearchCorpus());
emit({ bench: 'search_corpus', documents: corpus.rows.length, words: corpus.words, comments: corpus.comments.length, stakeholders: corpus.stakeholders.length, text_mb: round(corpus.rows.reduce((n, r) => n + r.text.length, 0) / 1e6, 1), generate_s: round(genMs / 1000, 1) });

const entries = [...corpus.rows.map(entryFromCatalogRow), ...corpus.comments.map(entryFromComment), ...corpus.stakeholders.map(entryFromStakeholder)];
log('building the index');
const builds: number[] = [];
let index = WorkspaceSearchIndex.empty();
const buildsCpu: number[] = [];
for (let run = 0; run < 2; run++) {
  const [ix, ms] = timeCpu(() => WorkspaceSearchIndex.build(entries));
  builds.push(ms);
  buildsCpu.push(lastCpu());
  index = ix;
}
// What the app stores (Dexie prefs): an object whose `index` is MiniSearch's JSON string; IndexedDB keeps the
// string as it is, so serialising costs one JSON.stringify of the index and loading one JSON.parse of it.
const [saved, serialiseMs] = timeCpu(() => index.toPersisted());
const serialiseCpu = lastCpu();
const persisted = saved.index;
const bodiesLength = saved.bodies.reduce((n, c) => n + c.length, 0);
const [, stringifyTextsMs] = time(() => JSON.stringify(corpus.rows.map((r) => r.text)));
emit({
  bench: 'search_build',
  entries: index.size,
  build_ms: round(percentile(builds, 50)),
  build_cpu_ms: round(percentile(buildsCpu, 50)),
  build_runs: builds.length,
  persisted_mb: round((persisted.length + bodiesLength + JSON.stringify(saved.meta).length) / 1e6, 1),
  persisted_first_mb: round((persisted.length + JSON.stringify(saved.meta).length) / 1e6, 1),
  persisted_bodies_mb: round(bodiesLength / 1e6, 1),
  body_chunks: saved.bodies.length,
  texts_mb: round(corpus.rows.reduce((n, r) => n + r.text.length, 0) / 1e6, 1),
  serialise_ms: round(serialiseMs),
  serialise_cpu_ms: round(serialiseCpu),
  floor_stringify_texts_ms: round(stringifyTextsMs),
  heap_mb: round(process.memoryUsage().heapUsed / 1e6),
});

log('incremental updates');
const edits: number[] = [];
const editsCpu: number[] = [];
for (let i = 0; i < 50; i++) {
  const row = corpus.rows[(i * 37) % corpus.rows.length];
  const edited = { ...row, text: `${row.text}\nParticipants added a note on lagoon restoration ${i}.`, updatedAt: row.updatedAt + 1 };
  const [changed, ms] = timeCpu(() => index.upsert(entryFromCatalogRow(edited)));
  if (!changed) throw new Error('an edit did not change the entry');
  edits.push(ms);
  editsCpu.push(lastCpu());
}
if (index.search('lagoon restoration').length < 50) throw new Error('edits not found');
emit({ bench: 'search_incremental', ...stats(edits), cpu: stats(editsCpu), target_ms: TARGETS.incremental_ms });

log('queries');
const queries = benchQueries(corpus);
const lowered = [...corpus.rows.map((r) => r.text), ...corpus.comments.map((c) => entryFromComment(c).text)].map((t) => t.toLowerCase());
const texts = new Map(entries.map((e) => [e.id, e.text]));
const registry = new Map(corpus.stakeholders.map((s) => [s.id, { group: s.group, region: s.region }]));
const ctx = { resolveStakeholder: (id: string) => registry.get(id) ?? null, limit: 100 };
for (const q of queries.slice(0, 20)) index.search(q.q, q.filters, ctx); // warm-up
const query: number[] = [];
const queryCpu: number[] = [];
const scanCpu: number[] = [];
const withSnippets: number[] = [];
const scan: number[] = [];
const byType = new Map<string, number[]>();
let empty = 0;
for (const q of queries) {
  const [hits, ms] = timeCpu(() => index.search(q.q, q.filters, ctx));
  query.push(ms);
  queryCpu.push(lastCpu());
  byType.set(q.type, [...(byType.get(q.type) ?? []), ms]);
  if (hits.length === 0) empty++;
  const [, snipMs] = time(() => hits.slice(0, 20).map((h) => snippet(texts.get(h.id) ?? h.people, h.terms)));
  withSnippets.push(ms + snipMs);
  const words = q.q.toLowerCase().split(/\s+/);
  const [, scanMs] = timeCpu(() => lowered.filter((t) => words.every((w) => t.includes(w))).length);
  scan.push(scanMs);
  scanCpu.push(lastCpu());
}
// The same queries through MiniSearch.search with the options the index used before its query plan (all words,
// prefix from 3 letters, fuzzy below 5 results): how often the 20 best hits are the same, in the same order.
// MiniSearch.search counts the postings of entries replaced by the edits above in idf until it sweeps them (the
// query plan does not): compared once they are swept.
const mini = (index as unknown as { mini: MiniSearch }).mini;
await mini.vacuum({ batchSize: 100_000, batchWait: 0 });
const former = (q: string) => {
  const base = { combineWith: 'AND', prefix: (t: string) => t.length >= 3, boost: { title: 3, people: 2, themesText: 1.5 } } as const;
  let r = mini.search(q, base);
  if (r.length < 5) {
    const seen = new Set(r.map((x) => x.id));
    r = [...r, ...mini.search(q, { ...base, fuzzy: (t: string) => (t.length >= 10 ? 2 : t.length >= 5 ? 1 : false), maxFuzzy: 2 }).filter((x) => !seen.has(x.id))];
  }
  return r.slice(0, 20).map((x) => String(x.id));
};
let compared = 0;
let sameTop20 = 0;
let sameTop20Set = 0;
for (const q of queries) {
  if (q.filters) continue;
  compared++;
  const a = index.search(q.q, {}, { ...ctx, limit: 20 }).map((h) => h.id);
  const b = former(q.q);
  if (a.join() === b.join()) sameTop20++;
  if ([...a].sort().join() === [...b].sort().join()) sameTop20Set++;
}
emit({
  bench: 'search_query',
  queries: queries.length,
  no_results: empty,
  ...stats(query),
  cpu: stats(queryCpu),
  with_snippets: stats(withSnippets),
  by_type_p95_ms: Object.fromEntries([...byType].map(([k, v]) => [k, round(percentile(v, 95), 2)])),
  floor_includes_scan: { ...stats(scan), cpu: stats(scanCpu) },
  agreement_with_minisearch_search: { unfiltered_queries: compared, same_top20_in_order: sameTop20, same_top20_set: sameTop20Set },
  target_p95_ms: TARGETS.query_p95_ms,
});

log('cold start');
const cold: number[] = [];
const coldCpu: number[] = [];
const bodies: number[] = [];
const bodiesCpu: number[] = [];
const full: number[] = [];
const fullCpu: number[] = [];
const parseOnly: number[] = [];
const parseCpu: number[] = [];
let firstHits = 0;
for (let run = 0; run < 3; run++) {
  const [, parseMs] = timeCpu(() => JSON.parse(persisted));
  parseOnly.push(parseMs);
  parseCpu.push(lastCpu());
  const copy = { ...saved, meta: { ...saved.meta } }; // as read back from IndexedDB
  const [loaded, ms] = timeCpu(() => {
    const ix = WorkspaceSearchIndex.loadPart(copy)!;
    firstHits += ix.search(queries[run].q, queries[run].filters, ctx).length;
    return ix;
  });
  cold.push(ms);
  coldCpu.push(lastCpu());
  const [, restMs] = timeCpu(() => loaded.complete());
  bodies.push(restMs);
  bodiesCpu.push(lastCpu());
  full.push(ms + restMs);
  fullCpu.push(coldCpu[coldCpu.length - 1] + lastCpu());
  if (loaded.search('développement', { kinds: ['contribution', 'meeting', 'draft'] }).length < 50) throw new Error('bodies not loaded back');
}
emit({
  bench: 'search_cold_start',
  ...stats(cold),
  cpu: stats(coldCpu),
  first_query_hits: firstHits,
  bodies_merged: { ...stats(bodies), cpu: stats(bodiesCpu) },
  full_load: { ...stats(full), cpu: stats(fullCpu) },
  floor_json_parse: { ...stats(parseOnly), cpu: stats(parseCpu) },
  target_ms: TARGETS.cold_start_ms,
  note: 'to first results: MiniSearch.loadJSON of the part read first (titles, people, themes, comments, registry) + the first query; the body postings are merged after (the IndexedDB read itself is not included)',
});
emit({ bench: 'search_machine', cpus: cpus().length, loadavg: loadavg().map((l) => round(l, 2)), node: process.version });
