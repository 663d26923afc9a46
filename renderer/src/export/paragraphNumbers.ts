import type { PMNode } from '../model/bodyJson';

// The "para N" numbering shared by the app's margin numbers and the export. The rule:
//   walk the body in reading order (depth first, children in order); every `paragraph` node counts, 1, 2, 3...,
//   unless it is inside a table or it is empty. Headings never count. Paragraphs inside list items and block
//   quotes do count. A paragraph is empty when it has no footnote and its text is only whitespace (hard
//   breaks are whitespace).

export function isEmptyParagraph(node: PMNode): boolean {
  for (const child of node.content ?? []) {
    if (child.type === 'footnote') return false;
    if (child.type === 'text' && /\S/.test(child.text ?? '')) return false;
  }
  return true;
}

/** Paragraph number of each counted paragraph node, keyed by node identity (the JSON object itself). */
export function paragraphNumbers(body: PMNode): Map<PMNode, number> {
  const numbers = new Map<PMNode, number>();
  const walk = (node: PMNode) => {
    if (node.type === 'table') return;
    if (node.type === 'paragraph') {
      if (!isEmptyParagraph(node)) numbers.set(node, numbers.size + 1);
      return;
    }
    node.content?.forEach(walk);
  };
  walk(body);
  return numbers;
}

/** The same numbers keyed by block id (`bid`), for comment locations; paragraphs without an id are skipped. */
export function paragraphNumbersByBid(body: PMNode): Map<string, number> {
  const byBid = new Map<string, number>();
  for (const [node, n] of paragraphNumbers(body)) {
    const bid = node.attrs?.bid;
    if (typeof bid === 'string' && !byBid.has(bid)) byBid.set(bid, n);
  }
  return byBid;
}
