import type { Node as PMNode } from '@tiptap/pm/model';
import type { Mapping } from '@tiptap/pm/transform';
import { type Decoration, DecorationSet } from '@tiptap/pm/view';

// Node decorations of a document's top-level blocks (the paragraph numbers), as a decoration set that tells
// ProseMirror it holds nothing inside any block. ProseMirror's DecorationSet.forChild scans every decoration a set
// keeps at the top level for each block it draws, looking for inline ones reaching into that block: with one node
// decoration per numbered paragraph, each view update (a keystroke) cost blocks x numbered paragraphs. At 100,000
// words that was 2.3 ms of every keystroke, and it grows with the square of the document.

class BlockDecorationSet extends DecorationSet {
  /** Nothing in this set is inside a block: what a block's own node decoration is, ProseMirror reads from `locals`. */
  override forChild(): DecorationSet {
    return DecorationSet.empty;
  }

  override map(mapping: Mapping, doc: PMNode, options?: { onRemove?: (spec: unknown) => void }): DecorationSet {
    return asBlockSet(super.map(mapping, doc, options));
  }
}

const asBlockSet = (set: DecorationSet): DecorationSet =>
  set === DecorationSet.empty || set instanceof BlockDecorationSet ? set : (Object.setPrototypeOf(set, BlockDecorationSet.prototype) as DecorationSet);

/**
 * A decoration set of node decorations of `doc`'s top-level blocks only (each from a block's start to its end).
 * Anything else belongs in an ordinary DecorationSet: this one would hide it from the blocks' contents.
 */
export function blockDecorationSet(doc: PMNode, decorations: Decoration[]): DecorationSet {
  return asBlockSet(DecorationSet.create(doc, decorations));
}

/** The start positions of `doc`'s top-level blocks. */
export function topLevelStarts(doc: PMNode): Set<number> {
  const starts = new Set<number>();
  doc.forEach((_node, offset) => starts.add(offset));
  return starts;
}
