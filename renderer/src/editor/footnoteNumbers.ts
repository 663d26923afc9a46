import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { NOTE_NODE_TYPES } from '../schema/footnote';
import { changedRange } from '../schema/changedRange';

// Footnote numbers in the editor, as the export numbers them: every note-bearing atom (a footnote, and a citation,
// whose source the export writes as a footnote) takes the next number in reading order. The number is a node
// decoration (data-fn on the footnote's <sup>, shown by CSS), not a CSS counter running across the document, so
// the browser can skip laying out off-screen blocks (content-visibility) and the numbers stay right.
//
// Proportional to the change: a transaction that adds or removes no note (typing, formatting, most remote edits)
// only shifts the known positions past the changed range; the document is walked again only when a note appears or
// disappears in the range that changed.

export interface FootnoteNumbersState {
  /** positions of the note atoms, in reading order (number = index + 1) */
  positions: number[];
  set: DecorationSet;
}

export const footnoteNumbersKey = new PluginKey<FootnoteNumbersState>('footnoteNumbers');

const isNote = (node: PMNode) => NOTE_NODE_TYPES.includes(node.type.name);

/** Positions of every note atom in `doc`, in reading order. */
export function notePositions(doc: PMNode): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      // Notes are inline atoms: look only at the block's inline children.
      node.forEach((child, offset) => {
        if (isNote(child)) out.push(pos + 1 + offset);
      });
      return false;
    }
    if (isNote(node)) out.push(pos);
    return !node.isLeaf;
  });
  return out;
}

function decorations(doc: PMNode, positions: number[]): DecorationSet {
  const decos: Decoration[] = [];
  positions.forEach((pos, i) => {
    const node = doc.nodeAt(pos);
    if (node?.type.name === 'footnote') decos.push(Decoration.node(pos, pos + node.nodeSize, { 'data-fn': String(i + 1) }, { fn: i + 1 }));
  });
  return DecorationSet.create(doc, decos);
}

function hasNoteBetween(doc: PMNode, from: number, to: number): boolean {
  if (to <= from) return false;
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found) return false;
    if (isNote(node)) found = true;
    return !found && !node.isLeaf;
  });
  return found;
}

function full(doc: PMNode): FootnoteNumbersState {
  const positions = notePositions(doc);
  return { positions, set: decorations(doc, positions) };
}

function apply(tr: Transaction, value: FootnoteNumbersState, oldState: EditorState, state: EditorState): FootnoteNumbersState {
  if (!tr.docChanged) return value;
  const before = oldState.doc;
  const after = state.doc;
  const remote = !!tr.getMeta(ySyncPluginKey)?.isChangeOrigin;
  const change = changedRange(before, after);
  if (!change) return { positions: value.positions, set: remote ? decorations(after, value.positions) : value.set.map(tr.mapping, after) };
  const { from: start, toBefore: endBefore, toAfter: endAfter } = change;
  if (hasNoteBetween(before, start, endBefore) || hasNoteBetween(after, start, endAfter)) return full(after);
  const delta = endAfter - endBefore;
  const positions = delta === 0 ? value.positions : value.positions.map((p) => (p < start ? p : p + delta));
  // A change made here maps the set (cheap, keeps the untouched decorations); a remote change arrives as one
  // replacement of the whole body, which would drop every mapped decoration: rebuild from the known positions.
  return { positions, set: remote ? decorations(after, positions) : value.set.map(tr.mapping, after) };
}

export function footnoteNumbersPlugin(): Plugin<FootnoteNumbersState> {
  return new Plugin<FootnoteNumbersState>({
    key: footnoteNumbersKey,
    state: {
      init: (_config, state) => full(state.doc),
      apply,
    },
    props: {
      decorations: (state) => footnoteNumbersKey.getState(state)?.set,
    },
  });
}

export const FootnoteNumbers = Extension.create({
  name: 'footnoteNumbers',
  addProseMirrorPlugins() {
    return [footnoteNumbersPlugin()];
  },
});

/** The number the editor shows on the note at `pos` (null when there is no note there). */
export function footnoteNumberAt(state: EditorState, pos: number): number | null {
  const positions = footnoteNumbersKey.getState(state)?.positions ?? [];
  const i = positions.indexOf(pos);
  return i < 0 ? null : i + 1;
}
