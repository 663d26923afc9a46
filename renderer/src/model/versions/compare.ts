// Compare two versions of a body (issue 12): block level first, then words inside the blocks that changed.
//
// Blocks are the text blocks (paragraphs and headings, at any depth: list items, quotes and table cells too), in
// reading order. They are aligned in this order:
//   1. by their persistent block id (`bid`, schema/blockId.ts);
//   2. by identical text, for blocks left over (documents whose blocks never got ids, pasted copies);
//   3. splits and joins: the editor keeps an id on the half of a split (or the part of a join) with most of the text
//      (`blockIdFixes`), so a split is a matched block whose old text is now spread over it and the unmatched new
//      blocks right beside it; a join is the same the other way round;
//   4. by text similarity, inside the gaps between blocks already aligned in order.
// Aligned pairs out of their relative order (not on the longest increasing run of old positions) were moved. Words
// are compared with jsdiff's `diffWordsWithSpace` (a Myers diff over words and spaces); inline atoms (footnotes,
// citations, hard breaks) are one token each, and a run whose text is equal but whose marks differ is a deletion
// plus an insertion, so the result always reads as the old body (same + del) and as the new one (same + ins).
//
// Output: one entry per block in the merged order (new blocks in order, each deleted block after the new block that
// follows its nearest surviving predecessor), with inline parts, badges, and a summary by section.
import { diffWordsWithSpace } from 'diff';
import type { PMNode } from '../bodyJson';
import { citationLabel } from '../../schema/citationLabel';
import { BlockNumberer, isEmptyParagraph } from '../paragraphNumbers';

export type PartKind = 'same' | 'ins' | 'del';
export type PMMark = { type: string; attrs?: Record<string, unknown> };

export interface InlinePart {
  kind: PartKind;
  /** the text; for an atom its display label; '' for a boundary */
  text: string;
  marks?: PMMark[];
  /** an inline atom (footnote, citation, hard break) as it is in its body */
  node?: PMNode;
  /** the end of this block is a paragraph break that was inserted (split) or deleted (join), or the block's own end
   * when the whole block is inserted or deleted */
  boundary?: true;
}

export type ChangeKind = 'unchanged' | 'edited' | 'inserted' | 'deleted' | 'moved' | 'movedAway' | 'split' | 'joined' | 'typeChanged';

export type Badge =
  | { type: 'split'; parts: number }
  | { type: 'joined'; parts: number }
  | { type: 'movedFrom'; section: string; title: string }
  | { type: 'movedTo'; section: string; title: string }
  | { type: 'headingLevel'; from: number; to: number }
  | { type: 'typeChanged'; from: BlockType; to: BlockType; level: number }
  | { type: 'rowAdded' }
  | { type: 'rowRemoved' };

export type BlockType = 'paragraph' | 'heading';

export interface BlockContext {
  /** enclosing lists, outermost first */
  lists: Array<'bulletList' | 'orderedList'>;
  quote: boolean;
  /** table, row and cell position (per side) when the block is in a table */
  table: { table: number; row: number; cell: number; header: boolean } | null;
}

export interface BlockChange {
  /** unique in the result, stable for one comparison */
  key: string;
  kind: ChangeKind;
  badges: Badge[];
  type: BlockType;
  level: number;
  context: BlockContext;
  /** the section (number and heading text) the block sits in, in the new body's numbering */
  section: string;
  sectionTitle: string;
  parts: InlinePart[];
  /** the block node this entry stands for (the new one, or the old one for deleted and moved-away blocks) */
  node: PMNode;
  oldIndex: number | null;
  newIndex: number | null;
  /** for a join: the old blocks joined, in order (the entry's parts carry a deleted boundary after each but the last) */
  joinedFrom?: PMNode[];
}

export interface SectionChange {
  section: string;
  title: string;
  /** blocks changed in this section (a moved block counts where it now is) */
  changed: number;
  /** index in `entries` of the first change of the section */
  first: number;
}

export interface CompareStats {
  edited: number;
  inserted: number;
  deleted: number;
  moved: number;
  split: number;
  joined: number;
  typeChanged: number;
  rowsAdded: number;
  rowsRemoved: number;
}

export interface CompareResult {
  entries: BlockChange[];
  sections: SectionChange[];
  stats: CompareStats;
  /** indexes in `entries` of the changes, in order (for next/previous) */
  changes: number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Flattening

const ATOM = '\uFFFC';

interface Run {
  start: number;
  end: number;
  /** JSON of the marks (text) or of the node (atom): equal keys mean equal rendering */
  key: string;
  marks?: PMMark[];
  node?: PMNode;
}

export interface LeafBlock {
  index: number;
  node: PMNode;
  bid: string | null;
  type: BlockType;
  level: number;
  /** number of the section (old or new numbering) and its heading's text */
  section: string;
  sectionTitle: string;
  text: string;
  runs: Run[];
  /** the block's words (lower case) and their count: computed when first needed (most blocks match by id) */
  bag?: { words: Map<string, number>; count: number };
  context: BlockContext;
  /** child indexes from the body to this block */
  path: number[];
}

function atomLabel(node: PMNode): string {
  if (node.type === 'hardBreak') return '↵';
  if (node.type === 'footnote') return `[${String(node.attrs?.text ?? '')}]`;
  if (node.type === 'citation') return citationLabel(String(node.attrs?.quote ?? ''));
  return `[${node.type}]`;
}

function flatten(node: PMNode): { text: string; runs: Run[] } {
  let text = '';
  const runs: Run[] = [];
  for (const child of node.content ?? []) {
    const start = text.length;
    if (child.type === 'text') {
      text += child.text ?? '';
      if (text.length > start) runs.push({ start, end: text.length, key: child.marks?.length ? JSON.stringify(child.marks) : '', marks: child.marks });
    } else {
      text += ATOM;
      runs.push({ start, end: start + 1, key: JSON.stringify(child), node: child });
    }
  }
  return { text, runs };
}

const WORD = /[\p{L}\p{N}]+/gu;

function bagOfBlock(b: LeafBlock): { words: Map<string, number>; count: number } {
  if (b.bag) return b.bag;
  const words = new Map<string, number>();
  let count = 0;
  for (const m of b.text.toLowerCase().matchAll(WORD)) {
    words.set(m[0], (words.get(m[0]) ?? 0) + 1);
    count++;
  }
  b.bag = { words, count };
  return b.bag;
}

const hasWords = (b: LeafBlock) => /[\p{L}\p{N}]/u.test(b.text);

/** Every paragraph and heading of a body in reading order, with its section, text and context. */
export function leafBlocks(body: PMNode): LeafBlock[] {
  const out: LeafBlock[] = [];
  const numberer = new BlockNumberer();
  let title = '';
  let tables = 0;
  const walk = (node: PMNode, path: number[], ctx: BlockContext) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const level = node.type === 'heading' ? Number(node.attrs?.level ?? 1) : 0;
      const { text, runs } = flatten(node);
      const visible = !isEmptyParagraph(node);
      const n = numberer.next(node.type, level, !!ctx.table, visible);
      if (node.type === 'heading' && !ctx.table && visible) title = text.replaceAll(ATOM, '').trim();
      const bid = typeof node.attrs?.bid === 'string' && node.attrs.bid ? (node.attrs.bid as string) : null;
      out.push({ index: out.length, node, bid, type: node.type, level, section: n.section, sectionTitle: n.section ? title : '', text, runs, context: ctx, path });
      return;
    }
    let next = ctx;
    if (node.type === 'bulletList' || node.type === 'orderedList') next = { ...ctx, lists: [...ctx.lists, node.type] };
    else if (node.type === 'blockquote') next = { ...ctx, quote: true };
    if (node.type === 'table') {
      const table = tables++;
      node.content?.forEach((row, r) =>
        row.content?.forEach((cell, c) => {
          const cellCtx: BlockContext = { ...ctx, table: { table, row: r, cell: c, header: cell.type === 'tableHeader' } };
          cell.content?.forEach((b, i) => walk(b, [...path, r, c, i], cellCtx));
        }),
      );
      return;
    }
    node.content?.forEach((c, i) => walk(c, [...path, i], next));
  };
  walk(body, [], { lists: [], quote: false, table: null });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Similarity

function common(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [w, c] of small) n += Math.min(c, big.get(w) ?? 0);
  return n;
}

/** Dice coefficient over words (1: same words). Two blocks without words are similar when their text is equal. */
function similarity(a: LeafBlock, b: LeafBlock): number {
  const x = bagOfBlock(a);
  const y = bagOfBlock(b);
  if (!x.count || !y.count) return a.text.trim() === b.text.trim() ? 1 : 0;
  return (2 * common(x.words, y.words)) / (x.count + y.count);
}

function bagOf(blocks: LeafBlock[]): { words: Map<string, number>; count: number } {
  const words = new Map<string, number>();
  let count = 0;
  for (const b of blocks) {
    const bag = bagOfBlock(b);
    for (const [w, c] of bag.words) words.set(w, (words.get(w) ?? 0) + c);
    count += bag.count;
  }
  return { words, count };
}

const dice = (a: { words: Map<string, number>; count: number }, b: { words: Map<string, number>; count: number }) =>
  a.count + b.count === 0 ? 0 : (2 * common(a.words, b.words)) / (a.count + b.count);

/** Share of `part`'s words found in `whole`. */
const containment = (part: LeafBlock, whole: LeafBlock) => {
  const p = bagOfBlock(part);
  return p.count ? common(p.words, bagOfBlock(whole).words) / p.count : 0;
};

/**
 * Widens the run [at, at] of `blocks` with free neighbours that hold part of `whole`'s text, while the run's words
 * match `whole` better (the new blocks a paragraph was split into, or the old blocks joined into one).
 */
function growRun(blocks: LeafBlock[], at: number, free: (i: number) => boolean, whole: LeafBlock): [number, number] {
  let lo = at;
  let hi = at;
  let score = similarity(whole, blocks[at]);
  const wholeBag = bagOfBlock(whole);
  for (let grew = true; grew; ) {
    grew = false;
    for (const cand of [hi + 1, lo - 1]) {
      if (cand < 0 || cand >= blocks.length || !free(cand) || containment(blocks[cand], whole) < 0.6) continue;
      const s = dice(wholeBag, bagOf(blocks.slice(Math.min(lo, cand), Math.max(hi, cand) + 1)));
      if (s > score) {
        score = s;
        if (cand > hi) hi = cand;
        else lo = cand;
        grew = true;
      }
    }
  }
  return [lo, hi];
}

// ---------------------------------------------------------------------------------------------------------------
// Alignment

export interface Alignment {
  old: LeafBlock[];
  neu: LeafBlock[];
  /** old index -> new index (one to one) */
  oldToNew: Int32Array;
  newToOld: Int32Array;
  /** new index -> the old blocks' indexes it was split from / joined from (keyed by the matched block) */
  splits: Map<number, number[]>;
  joins: Map<number, number[]>;
  /** new indexes that are extra parts of a split, old indexes that are extra parts of a join */
  splitPart: Int32Array;
  joinPart: Int32Array;
  /** matched pairs out of order (by new index) */
  moved: Set<number>;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export function alignBodies(oldBody: PMNode, newBody: PMNode): Alignment {
  const old = leafBlocks(oldBody);
  const neu = leafBlocks(newBody);
  const oldToNew = new Int32Array(old.length).fill(-1);
  const newToOld = new Int32Array(neu.length).fill(-1);
  const splitPart = new Int32Array(neu.length).fill(-1);
  const joinPart = new Int32Array(old.length).fill(-1);
  const splits = new Map<number, number[]>();
  const joins = new Map<number, number[]>();
  const match = (o: number, n: number) => {
    oldToNew[o] = n;
    newToOld[n] = o;
  };
  const freeNew = (n: number) => newToOld[n] < 0 && splitPart[n] < 0;
  const freeOld = (o: number) => oldToNew[o] < 0 && joinPart[o] < 0;

  // 1. ids
  const byBid = new Map<string, number>();
  for (const b of old) if (b.bid && !byBid.has(b.bid)) byBid.set(b.bid, b.index);
  for (const b of neu) {
    const o = b.bid ? byBid.get(b.bid) : undefined;
    if (o !== undefined && freeOld(o)) match(o, b.index);
  }
  // 2. identical text
  const byText = new Map<string, number[]>();
  for (const b of old) if (freeOld(b.index) && hasWords(b)) (byText.get(b.text) ?? byText.set(b.text, []).get(b.text)!).push(b.index);
  for (const b of neu) {
    if (!freeNew(b.index) || !hasWords(b)) continue;
    const queue = byText.get(b.text);
    const o = queue?.shift();
    if (o !== undefined && freeOld(o)) match(o, b.index);
  }

  // 3. splits and joins around aligned pairs
  const splitsAndJoins = () => {
    for (let n = 0; n < neu.length; n++) {
      const o = newToOld[n];
      if (o < 0 || splits.has(n) || joins.has(n)) continue;
      const ob = old[o];
      const nb = neu[n];
      // text of about the same length: neither split nor joined (lengths first, words only for the rest)
      if (nb.text.length >= ob.text.length * 0.97 && ob.text.length >= nb.text.length * 0.97) continue;
      // A split spreads the old text over this block and unmatched new blocks beside it; a join gathers old blocks.
      const split = bagOfBlock(nb).count < bagOfBlock(ob).count;
      const [lo, hi] = split ? growRun(neu, n, freeNew, ob) : growRun(old, o, freeOld, nb);
      if (hi === lo) continue;
      const parts: number[] = [];
      for (let i = lo; i <= hi; i++) {
        parts.push(i);
        if (split && i !== n) splitPart[i] = n;
        if (!split && i !== o) joinPart[i] = n;
      }
      (split ? splits : joins).set(n, parts);
    }
  };
  splitsAndJoins();

  // 4. similar text inside the gaps between pairs aligned in order
  const inOrder = () => {
    const pairs: number[] = [];
    for (let n = 0; n < neu.length; n++) if (newToOld[n] >= 0) pairs.push(n);
    const keep = longestIncreasing(pairs.map((n) => newToOld[n]));
    return pairs.filter((_, i) => keep.has(i));
  };
  let anchors = inOrder();
  let added = false;
  for (let a = 0; a <= anchors.length; a++) {
    const n0 = a === 0 ? -1 : anchors[a - 1];
    const n1 = a === anchors.length ? neu.length : anchors[a];
    const o0 = a === 0 ? -1 : newToOld[n0];
    const o1 = a === anchors.length ? old.length : newToOld[n1];
    let from = o0 + 1;
    for (let n = n0 + 1; n < n1; n++) {
      if (!freeNew(n) || !hasWords(neu[n])) continue;
      let best = -1;
      let bestScore = 0.5;
      for (let o = from; o < o1 && o - from < 50; o++) {
        if (!freeOld(o)) continue;
        const s = similarity(old[o], neu[n]);
        if (s > bestScore) {
          bestScore = s;
          best = o;
        }
      }
      if (best >= 0) {
        match(best, n);
        from = best + 1;
        added = true;
      }
    }
  }
  if (added) {
    splitsAndJoins();
    anchors = inOrder();
  }
  const ordered = new Set(anchors);
  const moved = new Set<number>();
  for (let n = 0; n < neu.length; n++) if (newToOld[n] >= 0 && !ordered.has(n)) moved.add(n);
  return { old, neu, oldToNew, newToOld, splits, joins, splitPart, joinPart, moved };
}

// ---------------------------------------------------------------------------------------------------------------
// Words

function slice(block: LeafBlock | { text: string; runs: Run[] }, from: number, to: number, kind: PartKind, out: InlinePart[]) {
  for (const r of block.runs) {
    if (r.end <= from || r.start >= to) continue;
    if (r.node) out.push({ kind, text: atomLabel(r.node), node: r.node });
    else out.push({ kind, text: block.text.slice(Math.max(from, r.start), Math.min(to, r.end)), ...(r.marks?.length ? { marks: r.marks } : {}) });
  }
}

function runAt(runs: Run[], pos: number, hint: number): number {
  let i = hint;
  while (i < runs.length && runs[i].end <= pos) i++;
  return i;
}

/** Same text at [oFrom, …) and [nFrom, …) for `len` characters: equal where the rendering keys agree. */
function sameSpan(old: { text: string; runs: Run[] }, neu: { text: string; runs: Run[] }, oFrom: number, nFrom: number, len: number, out: InlinePart[]) {
  let done = 0;
  let oi = 0;
  let ni = 0;
  while (done < len) {
    oi = runAt(old.runs, oFrom + done, oi);
    ni = runAt(neu.runs, nFrom + done, ni);
    const or = old.runs[oi];
    const nr = neu.runs[ni];
    const step = Math.min(len - done, or.end - (oFrom + done), nr.end - (nFrom + done));
    if (or.key === nr.key) slice(neu, nFrom + done, nFrom + done + step, 'same', out);
    else {
      slice(old, oFrom + done, oFrom + done + step, 'del', out);
      slice(neu, nFrom + done, nFrom + done + step, 'ins', out);
    }
    done += step;
  }
}

const sameMarks = (a?: PMMark[], b?: PMMark[]) => (a?.length ?? 0) === (b?.length ?? 0) && JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

function merge(parts: InlinePart[]): InlinePart[] {
  const out: InlinePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && !last.node && !p.node && !last.boundary && !p.boundary && last.kind === p.kind && sameMarks(last.marks, p.marks)) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * Reads as a person edits: a space left between two changes joins them, and each run of changes shows what was
 * deleted, then what was inserted ("a [-shortage][+severe lack] of", not "a [+severe][-shortage] [+lack ]of").
 * Each side keeps its own order, so same + del still reads the old text and same + ins the new one.
 */
function tidy(parts: InlinePart[]): InlinePart[] {
  const out: InlinePart[] = [];
  let dels: InlinePart[] = [];
  let inss: InlinePart[] = [];
  const flush = () => {
    // a space both sides end with is not a change ("[-shortage][+severe lack] of")
    dels = merge(dels);
    inss = merge(inss);
    const d = dels.at(-1);
    const n = inss.at(-1);
    const space = d && n && !d.node && !n.node && sameMarks(d.marks, n.marks) ? /\s+$/.exec(d.text)?.[0] : undefined;
    if (d && n && space && n.text.endsWith(space) && d.text.length > space.length && n.text.length > space.length) {
      dels[dels.length - 1] = { ...d, text: d.text.slice(0, -space.length) };
      inss[inss.length - 1] = { ...n, text: n.text.slice(0, -space.length) };
      out.push(...dels, ...inss, { ...n, kind: 'same', text: space });
    } else out.push(...dels, ...inss);
    dels = [];
    inss = [];
  };
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'del') dels.push(p);
    else if (p.kind === 'ins') inss.push(p);
    else if (!p.node && !/\S/.test(p.text) && (dels.length || inss.length) && parts[i + 1] && parts[i + 1].kind !== 'same') {
      dels.push({ ...p, kind: 'del' });
      inss.push({ ...p, kind: 'ins' });
    } else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}

/** Word-level parts turning `old` into `neu` (either may be a concatenation of blocks). */
export function diffInline(old: { text: string; runs: Run[] }, neu: { text: string; runs: Run[] }): InlinePart[] {
  const out: InlinePart[] = [];
  if (old.text === neu.text) {
    // the common case (a block nobody touched): its runs as they are
    if (old.runs.length === neu.runs.length && old.runs.every((r, i) => r.key === neu.runs[i].key && r.end === neu.runs[i].end)) {
      slice(neu, 0, neu.text.length, 'same', out);
      return out;
    }
    sameSpan(old, neu, 0, 0, old.text.length, out);
    return merge(out);
  }
  let oi = 0;
  let ni = 0;
  for (const c of diffWordsWithSpace(old.text, neu.text)) {
    const len = c.value.length;
    if (c.added) {
      slice(neu, ni, ni + len, 'ins', out);
      ni += len;
    } else if (c.removed) {
      slice(old, oi, oi + len, 'del', out);
      oi += len;
    } else {
      sameSpan(old, neu, oi, ni, len, out);
      oi += len;
      ni += len;
    }
  }
  return merge(tidy(merge(out)));
}

function concat(blocks: LeafBlock[]): { text: string; runs: Run[]; ends: number[] } {
  let text = '';
  const runs: Run[] = [];
  const ends: number[] = [];
  // blocks are separated by a line break that belongs to no run: the words on either side stay words, and the
  // break itself never becomes a part (ends count only the blocks' own text)
  let own = 0;
  blocks.forEach((b, i) => {
    if (i > 0) text += '\n';
    const off = text.length;
    for (const r of b.runs) runs.push({ ...r, start: r.start + off, end: r.end + off });
    text += b.text;
    own += b.text.length;
    ends.push(own);
  });
  return { text, runs, ends };
}

/**
 * Cuts parts at positions of one side (`side`: which text positions advance: 'new' for same/ins, 'old' for
 * same/del) so that each piece holds the parts of one block of a split (new side) or a join (old side).
 */
function cutAt(parts: InlinePart[], ends: number[], side: 'old' | 'new'): InlinePart[][] {
  const pieces: InlinePart[][] = ends.map(() => []);
  const last = ends.length - 1;
  // the other side's text at a boundary goes with the block that ends there
  const gapPiece = (pos: number) => {
    let k = 0;
    while (k < last && pos > ends[k]) k++;
    return k;
  };
  const charPiece = (pos: number) => {
    let k = 0;
    while (k < last && pos >= ends[k]) k++;
    return k;
  };
  const advances = (p: InlinePart) => p.kind === 'same' || p.kind === (side === 'new' ? 'ins' : 'del');
  let pos = 0;
  for (const p of parts) {
    if (!advances(p)) {
      pieces[gapPiece(pos)].push(p);
      continue;
    }
    if (p.node) {
      pieces[charPiece(pos)].push(p);
      pos += 1;
      continue;
    }
    let text = p.text;
    while (text.length) {
      const k = charPiece(pos);
      const take = k === last ? text.length : Math.max(1, Math.min(text.length, ends[k] - pos));
      pieces[k].push({ ...p, text: text.slice(0, take) });
      text = text.slice(take);
      pos += take;
    }
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------------------------
// The comparison

/** A whole block as inserted or deleted: its parts and a boundary at its end. */
export const wholeBlock = (b: LeafBlock, kind: 'ins' | 'del'): InlinePart[] => {
  const out: InlinePart[] = [];
  slice(b, 0, b.text.length, kind, out);
  return [...merge(out), { kind, text: '', boundary: true }];
};

export function compareBodies(oldBody: PMNode, newBody: PMNode): CompareResult {
  return compareAligned(alignBodies(oldBody, newBody));
}

export function compareAligned(al: Alignment): CompareResult {
  const { old, neu, oldToNew, newToOld, splits, joins, splitPart, joinPart, moved } = al;
  // where each old block that has no place in the new body goes: after the new block of its nearest predecessor
  // that kept its place (-1: before everything)
  const anchorOf = (o: number): number => {
    for (let i = o - 1; i >= 0; i--) {
      const n = oldToNew[i] >= 0 ? oldToNew[i] : joinPart[i];
      if (n >= 0 && !moved.has(n)) return splits.get(n)?.at(-1) ?? n;
    }
    return -1;
  };
  const after = new Map<number, number[]>();
  for (let o = 0; o < old.length; o++) {
    const n = oldToNew[o];
    const gone = n < 0 && joinPart[o] < 0;
    const away = n >= 0 && moved.has(n);
    if (!gone && !away) continue;
    const a = anchorOf(o);
    (after.get(a) ?? after.set(a, []).get(a)!).push(o);
  }

  const entries: BlockChange[] = [];
  const base = (b: LeafBlock, side: 'o' | 'n') => ({
    key: `${side}${b.index}`,
    type: b.type,
    level: b.level,
    context: b.context,
    section: b.section,
    sectionTitle: b.sectionTitle,
    node: b.node,
  });
  const pushOld = (o: number, section: { section: string; title: string }) => {
    const b = old[o];
    const n = oldToNew[o];
    if (n >= 0) {
      const to = neu[n];
      entries.push({ ...base(b, 'o'), section: section.section, sectionTitle: section.title, kind: 'movedAway', badges: [{ type: 'movedTo', section: to.section, title: to.sectionTitle }], parts: wholeBlock(b, 'del'), oldIndex: o, newIndex: n });
    } else entries.push({ ...base(b, 'o'), section: section.section, sectionTitle: section.title, kind: 'deleted', badges: [], parts: wholeBlock(b, 'del'), oldIndex: o, newIndex: null });
  };
  let current = { section: '', title: '' };
  for (const o of after.get(-1) ?? []) pushOld(o, current);

  for (let n = 0; n < neu.length; n++) {
    const nb = neu[n];
    current = { section: nb.section, title: nb.sectionTitle };
    if (splitPart[n] >= 0) {
      // emitted with its group
    } else if (splits.has(n)) {
      const group = splits.get(n)!;
      const ob = old[newToOld[n]];
      const joined = concat(group.map((i) => neu[i]));
      const pieces = cutAt(diffInline(ob, joined), joined.ends, 'new');
      group.forEach((i, k) => {
        const parts = merge(pieces[k]);
        if (k < group.length - 1) parts.push({ kind: 'ins', text: '', boundary: true });
        const badges: Badge[] = k === 0 ? [{ type: 'split', parts: group.length }] : [];
        if (i === n) badges.push(...typeBadges(ob, neu[i]));
        if (i === n && moved.has(n)) badges.push({ type: 'movedFrom', section: ob.section, title: ob.sectionTitle });
        entries.push({ ...base(neu[i], 'n'), kind: 'split', badges, parts, oldIndex: i === n ? ob.index : null, newIndex: i });
      });
    } else if (joins.has(n)) {
      const group = joins.get(n)!;
      const blocks = group.map((i) => old[i]);
      const joined = concat(blocks);
      const pieces = cutAt(diffInline(joined, nb), joined.ends, 'old');
      const parts: InlinePart[] = [];
      pieces.forEach((piece, k) => {
        parts.push(...merge(piece));
        if (k < pieces.length - 1) parts.push({ kind: 'del', text: '', boundary: true });
      });
      const ob = old[newToOld[n]];
      const badges: Badge[] = [{ type: 'joined', parts: group.length }, ...typeBadges(ob, nb)];
      if (moved.has(n)) badges.push({ type: 'movedFrom', section: ob.section, title: ob.sectionTitle });
      entries.push({ ...base(nb, 'n'), kind: 'joined', badges, parts, oldIndex: ob.index, newIndex: n, joinedFrom: blocks.map((b) => b.node) });
    } else if (newToOld[n] >= 0) {
      const ob = old[newToOld[n]];
      const parts = diffInline(ob, nb);
      const badges = typeBadges(ob, nb);
      const edited = parts.some((p) => p.kind !== 'same');
      let kind: ChangeKind = edited ? 'edited' : 'unchanged';
      if (badges.length) kind = 'typeChanged';
      if (moved.has(n)) {
        kind = 'moved';
        badges.unshift({ type: 'movedFrom', section: ob.section, title: ob.sectionTitle });
      }
      entries.push({ ...base(nb, 'n'), kind, badges, parts, oldIndex: ob.index, newIndex: n });
    } else {
      entries.push({ ...base(nb, 'n'), kind: 'inserted', badges: [], parts: wholeBlock(nb, 'ins'), oldIndex: null, newIndex: n });
    }
    for (const o of after.get(n) ?? []) pushOld(o, current);
  }

  rowBadges(entries, old, neu);
  const stats: CompareStats = { edited: 0, inserted: 0, deleted: 0, moved: 0, split: 0, joined: 0, typeChanged: 0, rowsAdded: 0, rowsRemoved: 0 };
  const sections: SectionChange[] = [];
  const bySection = new Map<string, SectionChange>();
  const changes: number[] = [];
  entries.forEach((e, i) => {
    if (e.kind === 'unchanged') return;
    changes.push(i);
    if (e.kind === 'movedAway') return;
    if (e.kind === 'split') {
      if (!e.badges.some((b) => b.type === 'split')) return;
      stats.split++;
    } else if (e.kind === 'typeChanged') stats.typeChanged++;
    else stats[e.kind]++;
    for (const b of e.badges) {
      if (b.type === 'rowAdded') stats.rowsAdded++;
      if (b.type === 'rowRemoved') stats.rowsRemoved++;
    }
    const key = `${e.section}\u0000${e.sectionTitle}`;
    let s = bySection.get(key);
    if (!s) {
      s = { section: e.section, title: e.sectionTitle, changed: 0, first: i };
      bySection.set(key, s);
      sections.push(s);
    }
    s.changed++;
  });
  return { entries, sections, stats, changes };
}

function typeBadges(ob: LeafBlock, nb: LeafBlock): Badge[] {
  if (ob.type !== nb.type) return [{ type: 'typeChanged', from: ob.type, to: nb.type, level: nb.level }];
  if (ob.type === 'heading' && ob.level !== nb.level) return [{ type: 'headingLevel', from: ob.level, to: nb.level }];
  return [];
}

/** A table row whose every block is new (or gone) was added (or removed): badge on its first block. */
function rowBadges(entries: BlockChange[], old: LeafBlock[], neu: LeafBlock[]) {
  const rowKey = (b: LeafBlock) => (b.context.table ? `${b.context.table.table}:${b.context.table.row}` : null);
  const mark = (blocks: LeafBlock[], side: 'new' | 'old') => {
    const rows = new Map<string, LeafBlock[]>();
    for (const b of blocks) {
      const k = rowKey(b);
      if (k) (rows.get(k) ?? rows.set(k, []).get(k)!).push(b);
    }
    const entryOf = new Map<number, BlockChange>();
    for (const e of entries) {
      const idx = side === 'new' ? (e.kind === 'movedAway' ? null : e.newIndex) : e.kind === 'deleted' ? e.oldIndex : null;
      if (idx !== null) entryOf.set(idx, e);
    }
    for (const row of rows.values()) {
      const es = row.map((b) => entryOf.get(b.index));
      const all = es.every((e) => e && (side === 'new' ? e.kind === 'inserted' : e.kind === 'deleted'));
      if (all && es[0]) es[0].badges.push(side === 'new' ? { type: 'rowAdded' } : { type: 'rowRemoved' });
    }
  };
  mark(neu, 'new');
  mark(old, 'old');
}
