import type { Node as PMNode } from '@tiptap/pm/model';

// What a transaction changed, found by comparing the document before and after it. The two share every node the
// change did not touch, so the comparison costs the depth of the change, not the size of the document, and it
// works the same for a local step and for a remote change (which y-prosemirror applies as one replacement of the
// whole body). The plugins that keep something per block (block ids, footnote numbers, suggestion decorations,
// merged suggestion marks) look only at this range.

export interface ChangedRange {
  /** where the two documents start to differ */
  from: number;
  /** where the change ends in the document before it */
  toBefore: number;
  /** where the change ends in the document after it */
  toAfter: number;
}

/** The changed range between `before` and `after`; null when their content is the same. */
export function changedRange(before: PMNode, after: PMNode): ChangedRange | null {
  const start = after.content.findDiffStart(before.content);
  if (start === null) return null;
  const end = after.content.findDiffEnd(before.content) ?? { a: after.content.size, b: before.content.size };
  // When the change repeats the content next to it, the common prefix and suffix overlap: shorten the prefix.
  return { from: Math.min(start, end.a, end.b), toBefore: end.b, toAfter: end.a };
}

/** `from`..`to` widened to whole top-level blocks. */
export function topLevelRange(doc: PMNode, from: number, to: number): { from: number; to: number } {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  return { from: $from.depth >= 1 ? $from.before(1) : from, to: $to.depth >= 1 ? $to.after(1) : to };
}
