import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, getRelativeSelection, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

// y-tiptap's `getRelativeSelection`, for the selection as it is on every keystroke: the undo plugin saves it before
// each transaction, and the binding before and after each Yjs write (collaboration.ts). y-tiptap finds each end's
// Yjs place by walking the fragment's top-level blocks from the first, summing their sizes, and the two ends walk
// apart: six walks a keystroke. In the middle of the 100,000-word book that is 26 µs a selection in Node, and about
// 0.1 ms in the page as profiled (0.05 ms at 25,000 words). Here a position inside a textblock is found inside its
// top-level block alone, whose Yjs type is remembered from the keystroke before (typing stays in one block) and
// checked against the binding's mapping; y-tiptap's own walk then runs inside that block, so the value is the same
// (relativeSelection.test.ts compares the two at every position of a varied document): 0.1 µs. Any other position
// (a block's edge, a node selection, a block the mapping does not hold as it stands) takes y-tiptap's walk.

type RelativeSelection = ReturnType<typeof getRelativeSelection>;

/** per fragment: the top-level block found last, by index */
const lastBlock = new WeakMap<Y.XmlFragment, { index: number; type: Y.XmlElement }>();

/** The Yjs type of top-level block `index` of `state.doc` as the binding maps it, or null. */
function blockType(binding: ProsemirrorBinding, state: EditorState, index: number): Y.XmlElement | null {
  const block = state.doc.child(index);
  const last = lastBlock.get(binding.type);
  if (last?.index === index && binding.mapping.get(last.type) === block) return last.type;
  const type = binding.type.get(index);
  if (!(type instanceof Y.XmlElement) || binding.mapping.get(type) !== block) return null;
  lastBlock.set(binding.type, { index, type });
  return type;
}

/** The relative position of `pos`, or null where this shortcut does not apply. */
function insideBlock(binding: ProsemirrorBinding, state: EditorState, pos: number): Y.RelativePosition | null {
  const $pos = state.doc.resolve(pos);
  // At the very start of a top-level block's content y-tiptap's walk (called on the block) answers for the block,
  // where the walk from the top answers for its first child.
  if ($pos.depth < 1 || !$pos.parent.isTextblock || pos === $pos.start(1)) return null;
  const type = blockType(binding, state, $pos.index(0));
  return type && absolutePositionToRelativePosition(pos - $pos.start(1), type, binding.mapping);
}

/** y-tiptap's `getRelativeSelection(binding, state)`, the same value. */
export function relativeSelection(binding: ProsemirrorBinding, state: EditorState): RelativeSelection {
  const { selection } = state;
  const anchor = selection instanceof TextSelection ? insideBlock(binding, state, selection.anchor) : null;
  const head = anchor && (selection.head === selection.anchor ? anchor : insideBlock(binding, state, selection.head));
  if (!anchor || !head) return getRelativeSelection(binding, state);
  return { type: 'text', depth: undefined, anchor, head, absAnchor: selection.anchor, absHead: selection.head };
}
