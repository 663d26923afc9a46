// Suggestions benchmark (npm run bench -- suggestions): accept-all on the 25,000-word report (tests/bench/editorSeed.ts)
// carrying 300 scattered suggestions (insertions, deletions and replacements made in suggesting mode, as the editor
// makes them), in Node with the editor's own path: the library's applySuggestions transaction, the state update,
// the write to Yjs (editor/updateYBody.ts) and the removal of the 300 meta entries. Beside it, in the same run and
// the same way, a floor: the same number of plain mark removals (bold on the same 300 ranges) in one transaction
// written to Yjs. One JSON line per figure; targets are reported, never asserted.
//   suggestions_seed         what was seeded
//   accept_all_ms            accept all 300, end to end (target 500 ms), with its PM-only part
//   accept_all_floor_ms      300 plain mark removals in one transaction, end to end, with its PM-only part
//   reject_all_ms            reject all 300, end to end (for reference)
import * as Y from 'yjs';
import { TextSelection } from '@tiptap/pm/state';
import { applySuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import { cpus, loadavg } from 'node:os';
import { rapporteurSchema } from '../../renderer/src/schema/schema';
import { SuggestingReplica } from '../../renderer/src/editor/suggestingHarness';
import { acceptAll, listSuggestions, rejectAll } from '../../renderer/src/editor/suggestionActions';
import { buildEditorSeed } from './editorSeed';
import { round, summary } from './editorStats';

const RUNS = Math.max(5, Number(process.env.BENCH_SUGGESTIONS_RUNS ?? 9));
const SUGGESTIONS = 300;
const schema = rapporteurSchema();
const emit = (o: object) => console.log(JSON.stringify({ bench: 'suggestions', ...o }));

const seed = buildEditorSeed(25000);

/** Textblocks with enough text, spread evenly: `count` places [from, to] of 6 characters inside them. */
function places(doc: import('@tiptap/pm/model').Node, count: number): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  doc.descendants((n, pos) => {
    if (n.isTextblock) {
      if (n.content.size > 30 && n.childCount === 1) blocks.push([pos + 1, pos + 1 + n.content.size]);
      return false;
    }
    return true;
  });
  const step = blocks.length / count;
  return Array.from({ length: count }, (_, i) => {
    const [start] = blocks[Math.floor(i * step)];
    return [start + 10, start + 16];
  });
}

/** The report with 300 suggestions, made in suggesting mode in one transaction (300 ids), as one Yjs state. */
function seeded(): { state: Uint8Array; ranges: Array<[number, number]> } {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, seed.docUpdate);
  const r = new SuggestingReplica(schema, { id: 'bench-author', name: 'Bench' }, { ydoc: doc });
  const ranges = places(r.state.doc, SUGGESTIONS);
  r.setSuggesting(true);
  const tr = r.state.tr;
  // From the end backwards, so earlier positions stay valid: insertions, deletions and replacements in turn.
  ranges
    .map((range, i) => [range, i] as const)
    .reverse()
    .forEach(([[from, to], i]) => {
      if (i % 3 === 0) tr.insertText(' inserted', from);
      else if (i % 3 === 1) tr.delete(from, to);
      else tr.insertText('replaced', from, to);
    });
  tr.setSelection(TextSelection.create(tr.doc, 1));
  r.dispatch(tr);
  const n = listSuggestions(r.state.doc, null).length;
  if (n < SUGGESTIONS) throw new Error(`seeded ${n} suggestions, expected at least ${SUGGESTIONS}`);
  return { state: Y.encodeStateAsUpdate(doc), ranges };
}

const { state: withSuggestions, ranges } = seeded();

function replicaFrom(update: Uint8Array): SuggestingReplica {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update);
  return new SuggestingReplica(schema, { id: 'bench-editor', name: 'Editor' }, { ydoc: doc });
}

/** The floor's document: the plain report with bold on the same 300 ranges. */
const withBold = (() => {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, seed.docUpdate);
  const r = new SuggestingReplica(schema, { id: 'bench', name: 'Bench' }, { ydoc: doc });
  const tr = r.state.tr;
  for (const [from, to] of ranges) tr.addMark(from, to, schema.marks.bold!.create());
  r.dispatch(tr);
  return Y.encodeStateAsUpdate(doc);
})();

function time(setup: () => SuggestingReplica, act: (r: SuggestingReplica) => void, pmOnly: (r: SuggestingReplica) => void) {
  const total: number[] = [];
  const pm: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const r = setup();
    const t0 = performance.now();
    pmOnly(r);
    const t1 = performance.now();
    const r2 = setup();
    const t2 = performance.now();
    act(r2);
    const t3 = performance.now();
    if (i === 0) continue; // warm-up
    pm.push(t1 - t0);
    total.push(t3 - t2);
  }
  return { total: summary(total), pm: summary(pm) };
}

emit({ figure: 'suggestions_seed', words: seed.words, suggestions: listSuggestions(replicaFrom(withSuggestions).state.doc, null).length, runs: RUNS, cores: cpus().length, load: loadavg().map((x) => round(x, 2)) });

const accept = time(
  () => replicaFrom(withSuggestions),
  (r) => acceptAll(r, r.ydoc),
  (r) => void applySuggestions(r.state, (tr) => void r.state.apply(tr)),
);
const floor = time(
  () => replicaFrom(withBold),
  (r) => r.dispatch(ranges.reduce((tr, [from, to]) => tr.removeMark(from, to, schema.marks.bold!), r.state.tr)),
  (r) => void r.state.apply(ranges.reduce((tr, [from, to]) => tr.removeMark(from, to, schema.marks.bold!), r.state.tr)),
);
const reject = time(
  () => replicaFrom(withSuggestions),
  (r) => rejectAll(r, r.ydoc),
  () => {},
);

emit({ figure: 'accept_all_ms', ...accept.total, pm_only: accept.pm, target_ms: 500, floor_median_ms: floor.total.median_ms, ratio_to_floor: round(accept.total.median_ms / floor.total.median_ms, 2) });
emit({ figure: 'accept_all_floor_ms', what: '300 plain mark removals in one transaction, written to Yjs', ...floor.total, pm_only: floor.pm });
emit({ figure: 'reject_all_ms', ...reject.total });
