// Stable paragraph numbers and section numbers, the rule shared with the export (export/paragraphNumbers.ts):
//   walk the body in reading order; every `paragraph` counts (1, 2, 3...) unless it is inside a table or is empty
//   (no footnote and only whitespace text; hard breaks are whitespace). Headings never count as paragraphs.
//   Headings outside tables that are not empty number the sections: H1 = 1, 2...; H2 = 1.1...; H3 = 1.1.1, with
//   deeper levels reset by a shallower heading and missing parents shown as 0 (an H2 before any H1 is 0.1).
// Numbers are positions in reading order, keyed by each block's persistent `bid`: editing text inside paragraphs
// never changes them; adding, removing or emptying a paragraph shifts those after it.
import type { PMNode } from '../bodyJson';

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

export interface BlockNumber {
  bid: string | null;
  type: 'paragraph' | 'heading';
  /** paragraph number, null for headings and paragraphs that do not count */
  para: number | null;
  /** number of this heading, or of the nearest counted heading before this paragraph ('' before any) */
  section: string;
  inTable: boolean;
}

/** The numbering of every paragraph and heading of a ProseMirror JSON body, in reading order. */
export function numberBlocks(body: PMNode): BlockNumber[] {
  const out: BlockNumber[] = [];
  const sections = new SectionCounter();
  let para = 0;
  let section = '';
  const isEmpty = (node: PMNode) =>
    !(node.content ?? []).some((c) => c.type === 'footnote' || (c.type === 'text' && hasVisibleText(c.text ?? '')));
  const walk = (node: PMNode, inTable: boolean) => {
    const bid = typeof node.attrs?.bid === 'string' ? (node.attrs.bid as string) : null;
    if (node.type === 'paragraph') {
      const counts = !inTable && !isEmpty(node);
      out.push({ bid, type: 'paragraph', para: counts ? ++para : null, section, inTable });
      return;
    }
    if (node.type === 'heading') {
      if (!inTable && !isEmpty(node)) section = sections.next(Number(node.attrs?.level ?? 1));
      out.push({ bid, type: 'heading', para: null, section, inTable });
      return;
    }
    const table = inTable || node.type === 'table';
    node.content?.forEach((c) => walk(c, table));
  };
  walk(body, false);
  return out;
}

/** bid -> { para, section } for blocks that have an id. */
export function numbersByBid(blocks: readonly BlockNumber[]): Map<string, { para: number | null; section: string }> {
  const map = new Map<string, { para: number | null; section: string }>();
  for (const b of blocks) if (b.bid && !map.has(b.bid)) map.set(b.bid, { para: b.para, section: b.section });
  return map;
}
