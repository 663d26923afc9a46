// The one home of the "para N" and section numbering, used by the app (comments body index, margin numbers, matrix)
// and by the export. The rule:
//   walk the body in reading order (depth first, children in order); every `paragraph` counts (1, 2, 3...) unless
//   it is inside a table or is empty (no footnote and only whitespace text; hard breaks are whitespace). Headings
//   never count as paragraphs; paragraphs in list items and block quotes do. Headings outside tables that are not
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

export const hasVisibleText = (text: string) => /\S/.test(text);

export interface Numbers {
  /** paragraph number, null for headings and paragraphs that do not count */
  para: number | null;
  /** number of this heading, or of the nearest counted heading before this block ('' before any) */
  section: string;
}

/** The rule, fed one text block at a time in reading order. */
export class BlockNumberer {
  private para = 0;
  private section = '';
  private sections = new SectionCounter();

  /** Numbers of the next text block; `visible`: it has a footnote or non-whitespace text. */
  next(type: string, level: number, inTable: boolean, visible: boolean): Numbers {
    const counts = !inTable && visible;
    if (type === 'paragraph') return { para: counts ? ++this.para : null, section: this.section };
    if (type === 'heading' && counts) this.section = this.sections.next(level);
    return { para: null, section: this.section };
  }
}

/** True when a paragraph (JSON) has no footnote and only whitespace text. */
export function isEmptyParagraph(node: PMNode): boolean {
  return !(node.content ?? []).some((c) => c.type === 'footnote' || (c.type === 'text' && hasVisibleText(c.text ?? '')));
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
  const walk = (node: PMNode, inTable: boolean) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const bid = typeof node.attrs?.bid === 'string' ? (node.attrs.bid as string) : null;
      const n = numberer.next(node.type, Number(node.attrs?.level ?? 1), inTable, !isEmptyParagraph(node));
      out.push({ node, bid, type: node.type, ...n, inTable });
      return;
    }
    const table = inTable || node.type === 'table';
    node.content?.forEach((c) => walk(c, table));
  };
  walk(body, false);
  return out;
}

/** bid -> { para, section } for blocks that have an id. */
export function numbersByBid(blocks: readonly BlockNumber[]): Map<string, Numbers> {
  const map = new Map<string, Numbers>();
  for (const b of blocks) if (b.bid && !map.has(b.bid)) map.set(b.bid, { para: b.para, section: b.section });
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
