// Compare benchmark (issue 12; npx tsx tests/bench/compare.ts, or npm run bench -- compare). One JSON line each.
//   The 25,000-word report (tests/bench/corpus.ts, block ids as the editor gives them) against itself with 300
//   scattered changes: word edits, paragraph splits and joins (the longer half keeps the id, as blockIdFixes
//   does), paragraphs moved to another section, paragraphs inserted and deleted.
//   compare_ms: compareBodies (block alignment, moves, word diff, section summary), median and p95 of 21 runs.
//   changes_since_ms: markChangesSince (the body with tracked changes for the Word export).
//   Floor measured in the same run: JSON.stringify of both bodies + a block id map of each (the least any comparison
//   of the two JSON bodies costs). (jsdiff's diffWordsWithSpace of the two whole plain texts, a word diff without
//   block structure, took 158 s once on this input: why the comparison aligns blocks first and diffs words only
//   inside the blocks that changed. It is not run here.) Figures are reported, never asserted (target <= 300 ms).
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { countWords, plainText } from '../../renderer/src/model/bodyJson';
import { compareBodies } from '../../renderer/src/model/versions/compare';
import { markChangesSince } from '../../renderer/src/model/versions/changesSince';
import { generateReport, rng } from './corpus';

const emit = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: 'compare', ...o })}\n`);

function time(fn: () => unknown, runs = 21, warmup = 3): { median: number; p95: number; min: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(times[Math.floor(times.length / 2)]), p95: r(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]), min: r(times[0]) };
}

const textOf = (n: PMNode): string => (n.type === 'text' ? (n.text ?? '') : (n.content ?? []).map(textOf).join(''));
const para = (bid: string, text: string): PMNode => ({ type: 'paragraph', attrs: { bid }, content: [{ type: 'text', text }] });

/**
 * The report with `n` scattered changes: a quarter structural (splits, joins, moves to another section, paragraphs
 * inserted and deleted, each on its own top-level paragraph), the rest word edits anywhere in the paragraphs left.
 */
function withChanges(old: PMNode, n: number, seed = 5): { body: PMNode; applied: Record<string, number> } {
  const r = rng(seed);
  let blocks = structuredClone(old.content ?? []);
  const applied = { wordEdits: 0, splits: 0, joins: 0, moves: 0, inserted: 0, deleted: 0 };
  let fresh = 0;
  const isPara = (b: PMNode | undefined) => !!b && b.type === 'paragraph' && textOf(b).split(' ').length > 12;
  const touched = new Set<PMNode>();
  const pick = (): number => {
    for (let tries = 0; tries < 2000; tries++) {
      const i = Math.floor(r() * blocks.length);
      if (isPara(blocks[i]) && !touched.has(blocks[i]) && !touched.has(blocks[i + 1]) && !touched.has(blocks[i - 1])) return i;
    }
    return -1;
  };
  const structural = Math.round(n / 4);
  for (let k = 0; k < structural; k++) {
    const roll = r();
    const i = pick();
    if (i < 0) break;
    const b = blocks[i];
    const words = textOf(b).split(' ');
    const bid = String(b.attrs!.bid);
    let fresh1: PMNode[] = [];
    if (roll < 0.35) {
      const at = Math.floor(words.length * (0.25 + r() * 0.5));
      const first = words.slice(0, at).join(' ');
      const second = words.slice(at).join(' ');
      const keepFirst = first.length >= second.length;
      fresh1 = [para(keepFirst ? bid : `new${fresh++}`, first), para(keepFirst ? `new${fresh++}` : bid, second)];
      blocks.splice(i, 1, ...fresh1);
      applied.splits++;
    } else if (roll < 0.6 && isPara(blocks[i + 1]) && !touched.has(blocks[i + 1])) {
      const a = textOf(b);
      const c = textOf(blocks[i + 1]);
      fresh1 = [para(a.length >= c.length ? bid : String(blocks[i + 1].attrs!.bid), `${a} ${c}`)];
      blocks.splice(i, 2, ...fresh1);
      applied.joins++;
    } else if (roll < 0.85) {
      const [moved] = blocks.splice(i, 1);
      const hs = blocks.map((x, j) => (x.type === 'heading' ? j : -1)).filter((j) => j >= 0);
      blocks.splice(hs[Math.floor(r() * hs.length)] + 1, 0, moved);
      fresh1 = [moved];
      applied.moves++;
    } else if (roll < 0.93) {
      fresh1 = [para(`ins${fresh++}`, 'A paragraph added after the consultation, on the funding of regional response teams.')];
      blocks.splice(i + 1, 0, ...fresh1);
      touched.add(b);
      applied.inserted++;
    } else {
      blocks.splice(i, 1);
      applied.deleted++;
    }
    for (const x of fresh1) touched.add(x);
  }
  // word edits: any paragraph not touched above, several per paragraph at different places
  const editable = blocks.filter((b) => isPara(b) && !touched.has(b));
  const edits = new Map<PMNode, number>();
  for (let k = applied.splits + applied.joins + applied.moves + applied.inserted + applied.deleted; k < n; k++) {
    const b = editable[Math.floor(r() * editable.length)];
    edits.set(b, (edits.get(b) ?? 0) + 1);
  }
  blocks = blocks.map((b) => {
    const count = edits.get(b);
    if (!count) return b;
    const words = textOf(b).split(' ');
    const stride = Math.floor(words.length / (count + 1));
    for (let e = count; e >= 1; e--) {
      const at = e * stride;
      if (r() < 0.5) words.splice(at, 1, 'revised');
      else words.splice(at, 0, 'notably', 'and');
      applied.wordEdits++;
    }
    return para(String(b.attrs!.bid), words.join(' '));
  });
  return { body: { type: 'doc', content: blocks }, applied };
}

const oldBody = generateReport(25000, 1);
const { body: newBody, applied } = withChanges(oldBody, 300);
const oldText = plainText(oldBody);
emit({ case: 'input', words: countWords(oldText), top_level_blocks: oldBody.content?.length, changes: Object.values(applied).reduce((a, b) => a + b, 0), applied });

const result = compareBodies(oldBody, newBody);
emit({ case: 'found', changes: result.changes.length, sections: result.sections.length, stats: result.stats });

const bidMap = (body: PMNode) => {
  const m = new Map<string, PMNode>();
  const walk = (n: PMNode) => {
    if (typeof n.attrs?.bid === 'string') m.set(n.attrs.bid, n);
    n.content?.forEach(walk);
  };
  walk(body);
  return m;
};
const floor = time(() => {
  JSON.stringify(oldBody);
  JSON.stringify(newBody);
  bidMap(oldBody);
  bidMap(newBody);
});
emit({ case: 'floor-stringify-and-id-maps', median_ms: floor.median, p95_ms: floor.p95 });
const cmp = time(() => compareBodies(oldBody, newBody));
emit({ case: 'compare-25k-300-changes', compare_ms: cmp.median, p95_ms: cmp.p95, min_ms: cmp.min, target_ms: 300, floor_ms: floor.median });
const by = { authorId: 'bench-author', authorName: 'Bench', at: Date.UTC(2026, 0, 1) };
const since = time(() => markChangesSince(oldBody, newBody, by));
const marked = markChangesSince(oldBody, newBody, by);
emit({ case: 'changes-since-25k-300-changes', changes_since_ms: since.median, p95_ms: since.p95, suggestions: marked.suggestions.length, compare_ms: cmp.median });
