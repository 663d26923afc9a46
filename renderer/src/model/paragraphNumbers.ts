// The one home of the "para N" and section numbering, used by the app (comments body index, margin numbers, matrix)
// and by the export. The rule:
//   walk the body in reading order (depth first, children in order); every `paragraph` counts (1, 2, 3...) unless
//   it is inside a table, inside a list, or is empty (no footnote and only whitespace text; hard breaks are
//   whitespace). Headings never count as paragraphs; paragraphs in block quotes do. UN style: list items are not
//   paragraphs; the first paragraph of each list item outside tables is lettered by its place in its list: (a),
//   (b)... at the first list level, (i), (ii)... at the second, 1., 2.... deeper (the export writes the same
//   labels as Word numbering when paragraph numbers are on). Other paragraphs of a list item are unnumbered. Headings outside tables that are not
//   empty number the sections: H1 = 1, 2...; H2 = 1.1...; H3 = 1.1.1, with deeper levels reset by a shallower
//   heading and missing parents shown as 0 (an H2 before any H1 is 0.1).
// Numbers are positions in reading order, keyed by each block's persistent `bid`: editing text inside paragraphs
// never changes them; adding, removing or emptying a paragraph shifts those after it.
// Both walks (the JSON one here and the Y one in comments/bodyIndex.ts) feed the same BlockNumberer.
import type { PMNode } from './bodyJson';

/** Counts the sections; `next(level)` returns the number of a new heading at that level ("3.2"). */
export class SectionCounter {
  private counts: number[] = [];

  next(level: number): string {
    const l = Math.min(Math.max(1, Math.floor(level) || 1), 6);
    while (this.counts.length < l) this.counts.push(0);
    this.counts.length = l;
    this.counts[l - 1]++;
    return this.counts.join('.');
  }
}

const upperRoman = (n: number) => lowerRoman(n).toUpperCase();
const upperLetter = (n: number) => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** UN-style heading numbers (an export option): H1 "I.", H2 "A.", H3 "1.", deeper levels reset by a shallower one. */
export class HeadingLabeller {
  private counts: number[] = [];

  next(level: number): string {
    const l = Math.min(Math.max(1, Math.floor(level) || 1), 3);
    while (this.counts.length < l) this.counts.push(0);
    this.counts.length = l;
    const n = ++this.counts[l - 1];
    return l === 1 ? `${upperRoman(n)}.` : l === 2 ? `${upperLetter(n)}.` : `${n}.`;
  }
}

export const hasVisibleText = (text: string) => /\S/.test(text);

export interface Numbers {
  /** paragraph number, null for headings and paragraphs that do not count */
  para: number | null;
  /** a list item's label, "(a)", "(ii)", "3.", null for everything else */
  item?: string | null;
  /** number of this heading, or of the nearest counted heading before this block ('' before any) */
  section: string;
}

/** Where a text block sits in lists: `depth` 1 in a top-level list; `index` of its item; `first` block of the item. */
export interface ListPlace {
  depth: number;
  index: number;
  first: boolean;
}

export const LIST_NODES: ReadonlySet<string> = new Set(['bulletList', 'orderedList']);

const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

/** 1 -> "i", 4 -> "iv" */
export function lowerRoman(n: number): string {
  let out = '';
  for (const [v, r] of ROMAN)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}

/** 1 -> "a", 26 -> "z", 27 -> "aa" (Word's lowerLetter repeats the letter) */
export function lowerLetter(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The label of the `n`th item (1-based) of a list at `depth` (1 = top level), UN style. */
export function listItemLabel(depth: number, n: number): string {
  if (depth <= 1) return `(${lowerLetter(n)})`;
  if (depth === 2) return `(${lowerRoman(n)})`;
  return `${n}.`;
}

/** The rule, fed one text block at a time in reading order. */
export class BlockNumberer {
  private para = 0;
  private section = '';
  private sections = new SectionCounter();

  /** Numbers of the next text block; `visible`: it has a footnote or non-whitespace text; `list`: its place in lists. */
  next(type: string, level: number, inTable: boolean, visible: boolean, list: ListPlace | null = null): Numbers {
    const counts = !inTable && visible;
    if (type === 'paragraph') {
      if (list) return { para: null, section: this.section, item: !inTable && list.first ? listItemLabel(list.depth, list.index + 1) : null };
      return { para: counts ? ++this.para : null, section: this.section };
    }
    if (type === 'heading' && counts) this.section = this.sections.next(level);
    return { para: null, section: this.section };
  }
}

/** True when a paragraph (JSON) has no footnote and only whitespace text. */
export function isEmptyParagraph(node: PMNode): boolean {
  return !(node.content ?? []).some((c) => c.type === 'footnote' || (c.type === 'text' && hasVisibleText(c.text ?? '')));
}

/** The place in lists of a child of `parent` (at `childIndex`), given the parent's own place. */
export function childListPlace(parent: string, parentPlace: ListPlace | null, child: string, childIndex: number): ListPlace | null {
  if (LIST_NODES.has(child)) return { depth: (parentPlace?.depth ?? 0) + 1, index: 0, first: false };
  if (LIST_NODES.has(parent)) return { depth: parentPlace?.depth ?? 1, index: childIndex, first: false };
  if (parent === 'listItem' && parentPlace) return { ...parentPlace, first: childIndex === 0 };
  return parentPlace && { ...parentPlace, first: false };
}

export interface BlockNumber extends Numbers {
  node: PMNode;
  bid: string | null;
  type: 'paragraph' | 'heading';
  inTable: boolean;
}

/** The numbering of every paragraph and heading of a ProseMirror JSON body, in reading order. */
export function numberBlocks(body: PMNode): BlockNumber[] {
  const out: BlockNumber[] = [];
  const numberer = new BlockNumberer();
  const walk = (node: PMNode, inTable: boolean, list: ListPlace | null) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const bid = typeof node.attrs?.bid === 'string' ? (node.attrs.bid as string) : null;
      const n = numberer.next(node.type, Number(node.attrs?.level ?? 1), inTable, !isEmptyParagraph(node), list);
      out.push({ node, bid, type: node.type, ...n, inTable });
      return;
    }
    const table = inTable || node.type === 'table';
    node.content?.forEach((c, i) => walk(c, table, childListPlace(node.type, list, c.type, i)));
  };
  walk(body, false, null);
  return out;
}

/** bid -> { para, section } for blocks that have an id. */
export function numbersByBid(blocks: readonly BlockNumber[]): Map<string, Numbers> {
  const map = new Map<string, Numbers>();
  for (const b of blocks) if (b.bid && !map.has(b.bid)) map.set(b.bid, { para: b.para, section: b.section, item: b.item ?? null });
  return map;
}

/** Paragraph number of each counted paragraph node, keyed by node identity (the JSON object itself). */
export function paragraphNumbers(body: PMNode): Map<PMNode, number> {
  const numbers = new Map<PMNode, number>();
  for (const b of numberBlocks(body)) if (b.para !== null) numbers.set(b.node, b.para);
  return numbers;
}

/** The paragraph numbers keyed by block id (`bid`), for comment locations; paragraphs without an id are skipped. */
export function paragraphNumbersByBid(body: PMNode): Map<string, number> {
  const byBid = new Map<string, number>();
  for (const [bid, n] of numbersByBid(numberBlocks(body))) if (n.para !== null) byBid.set(bid, n.para);
  return byBid;
}
