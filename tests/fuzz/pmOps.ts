import * as prng from 'lib0/prng';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { joinBackward, setBlockType, splitBlock, toggleMark } from '@tiptap/pm/commands';
import { liftListItem, splitListItem, wrapInList } from '@tiptap/pm/schema-list';
import type { Mappable } from '@tiptap/pm/transform';
import { BLOCK_ID_ATTR, blockIdFixes } from '../../renderer/src/schema/blockId';
import { addColumnAfter, addColumnBefore, addRowAfter, addRowBefore, deleteColumn, deleteRow } from '@tiptap/pm/tables';

// Random local edits on a ProseMirror EditorState of the real schema, the way a user makes them through the
// editor: commands from prosemirror-commands, -schema-list and -tables with a caret or a range selection.
// Each op returns the transaction, or null when it does not apply here (e.g. no table to edit).

export type OpName =
  | 'insertText'
  | 'deleteInBlock'
  | 'deleteAcrossBlocks'
  | 'mark'
  | 'split'
  | 'join'
  | 'heading'
  | 'wrapList'
  | 'liftList'
  | 'insertTable'
  | 'tableEdit';

export const OP_WEIGHTS: Array<[OpName, number]> = [
  ['insertText', 30],
  ['deleteInBlock', 12],
  ['deleteAcrossBlocks', 3],
  ['mark', 10],
  ['split', 8],
  ['join', 6],
  ['heading', 5],
  ['wrapList', 4],
  ['liftList', 2],
  ['insertTable', 2],
  ['tableEdit', 8],
];

let bidCounter = 0;
const freshBid = () => `f${(bidCounter++).toString(36)}`;
export const resetBlockIds = () => {
  bidCounter = 0;
};

/** Inline ranges of every textblock: [start, end] positions of its content. */
function textblocks(doc: PMNode): Array<{ start: number; end: number; node: PMNode }> {
  const out: Array<{ start: number; end: number; node: PMNode }> = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ start: pos + 1, end: pos + 1 + node.content.size, node });
      return false;
    }
    return true;
  });
  return out;
}

function run(state: EditorState, command: Command): Transaction | null {
  let out: Transaction | null = null;
  command(state, (tr) => (out = tr));
  return out;
}

const withSelection = (state: EditorState, from: number, to = from) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));

function randomWord(gen: prng.PRNG): string {
  const w = prng.word(gen, 1, 6);
  return prng.int31(gen, 0, 3) === 0 ? `${w} ` : w;
}

export function randomOpName(gen: prng.PRNG): OpName {
  const total = OP_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  let r = prng.int31(gen, 0, total - 1);
  for (const [name, w] of OP_WEIGHTS) {
    if (r < w) return name;
    r -= w;
  }
  return 'insertText';
}

/** Applies one random op of the given kind; null when it does not apply to this document. */
export function randomOp(name: OpName, state: EditorState, gen: prng.PRNG): Transaction | null {
  const schema = state.schema;
  const blocks = textblocks(state.doc);
  if (blocks.length === 0) return null;
  const block = prng.oneOf(gen, blocks);
  const pos = prng.int31(gen, block.start, block.end);
  switch (name) {
    case 'insertText':
      return state.tr.insertText(randomWord(gen), pos);
    case 'deleteInBlock': {
      if (block.end === block.start) return null;
      const from = prng.int31(gen, block.start, block.end - 1);
      const to = Math.min(block.end, from + prng.int31(gen, 1, 8));
      return state.tr.delete(from, to);
    }
    case 'deleteAcrossBlocks': {
      const other = prng.oneOf(gen, blocks);
      const a = Math.min(pos, prng.int31(gen, other.start, other.end));
      const b = Math.max(pos, prng.int31(gen, other.start, other.end));
      if (a === b) return null;
      // As the editor does for a range selection and Backspace.
      const s = withSelection(state, a, b);
      return s.tr.deleteSelection();
    }
    case 'mark': {
      if (block.end === block.start) return null;
      const from = prng.int31(gen, block.start, block.end - 1);
      const to = prng.int31(gen, from + 1, block.end);
      const which = prng.oneOf(gen, ['bold', 'italic', 'link'] as const);
      const attrs = which === 'link' ? { href: `https://example.org/${prng.word(gen, 1, 4)}` } : undefined;
      return run(withSelection(state, from, to), toggleMark(schema.marks[which], attrs));
    }
    case 'split': {
      const s = withSelection(state, pos);
      const inList = s.selection.$from.node(-1)?.type === schema.nodes.listItem;
      return run(s, inList ? splitListItem(schema.nodes.listItem) : splitBlock) ?? null;
    }
    case 'join':
      return run(withSelection(state, block.start), joinBackward);
    case 'heading': {
      const s = withSelection(state, pos);
      const type = block.node.type === schema.nodes.heading && prng.bool(gen) ? schema.nodes.paragraph : schema.nodes.heading;
      const attrs = type === schema.nodes.heading ? { level: prng.int31(gen, 1, 3), bid: block.node.attrs.bid } : { bid: block.node.attrs.bid };
      return run(s, setBlockType(type, attrs));
    }
    case 'wrapList': {
      const other = prng.oneOf(gen, blocks);
      const s = withSelection(state, Math.min(pos, other.start), Math.max(pos, other.start));
      return run(s, wrapInList(prng.bool(gen) ? schema.nodes.bulletList : schema.nodes.orderedList));
    }
    case 'liftList':
      return run(withSelection(state, pos), liftListItem(schema.nodes.listItem));
    case 'insertTable': {
      // Between two top-level blocks, as the toolbar's "insert table" ends up doing.
      const boundaries: number[] = [0];
      state.doc.forEach((node, offset) => boundaries.push(offset + node.nodeSize));
      const at = prng.oneOf(gen, boundaries);
      return state.tr.insert(at, makeTable(schema, prng.int31(gen, 1, 3), prng.int31(gen, 1, 3), gen));
    }
    case 'tableEdit': {
      const cells = blocks.filter((b) => {
        const $p = state.doc.resolve(b.start);
        for (let d = $p.depth; d > 0; d--) if ($p.node(d).type.spec.tableRole === 'cell' || $p.node(d).type.spec.tableRole === 'header_cell') return true;
        return false;
      });
      if (cells.length === 0) return null;
      const cell = prng.oneOf(gen, cells);
      const command = prng.oneOf(gen, [addRowAfter, addRowBefore, addColumnAfter, addColumnBefore, deleteRow, deleteColumn]);
      return run(withSelection(state, cell.start), command);
    }
  }
}

export function makeTable(schema: Schema, rows: number, cols: number, gen: prng.PRNG): PMNode {
  const { table, tableRow, tableCell, tableHeader, paragraph } = schema.nodes;
  const cell = (type: typeof tableCell) => type.create(null, paragraph.create({ bid: freshBid() }, prng.bool(gen) ? schema.text(prng.word(gen, 1, 5)) : null));
  const rowsOut = [tableRow.create(null, Array.from({ length: cols }, () => cell(tableHeader)))];
  for (let r = 1; r < rows + 1; r++) rowsOut.push(tableRow.create(null, Array.from({ length: cols }, () => cell(tableCell))));
  return table.create(null, rowsOut);
}

/** The common starting document: headings, paragraphs with marks, a list and a table. */
export function initialDoc(schema: Schema): PMNode {
  return schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1, bid: 'h1' }, content: [{ type: 'text', text: 'Introduction' }] },
      { type: 'paragraph', attrs: { bid: 'p1' }, content: [{ type: 'text', text: 'The rapporteur ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'summarises' }, { type: 'text', text: ' the meeting.' }] },
      { type: 'bulletList', content: [
        { type: 'listItem', content: [{ type: 'paragraph', attrs: { bid: 'l1' }, content: [{ type: 'text', text: 'first point' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', attrs: { bid: 'l2' }, content: [{ type: 'text', text: 'second point' }] }] },
      ] },
      { type: 'table', content: [
        { type: 'tableRow', content: [
          { type: 'tableHeader', content: [{ type: 'paragraph', attrs: { bid: 't1' }, content: [{ type: 'text', text: 'Group' }] }] },
          { type: 'tableHeader', content: [{ type: 'paragraph', attrs: { bid: 't2' }, content: [{ type: 'text', text: 'Position' }] }] },
        ] },
        { type: 'tableRow', content: [
          { type: 'tableCell', content: [{ type: 'paragraph', attrs: { bid: 't3' }, content: [{ type: 'text', text: 'Industry' }] }] },
          { type: 'tableCell', content: [{ type: 'paragraph', attrs: { bid: 't4' }, content: [{ type: 'text', text: 'Supports' }] }] },
        ] },
      ] },
      { type: 'paragraph', attrs: { bid: 'p2' }, content: [{ type: 'text', text: 'Closing remarks.' }] },
    ],
  });
}

/**
 * What the editor's BlockId plugin appends to a local change (schema/blockId.ts decides, ids come from a counter so
 * a seed replays exactly). `before`: the document before the change and the change's mapping.
 */
export function ensureBlockIds(state: EditorState, before?: { doc: PMNode; mapping: Mappable }): Transaction {
  const tr = state.tr.setMeta('addToHistory', false);
  for (const fix of blockIdFixes(state.doc, before)) tr.setNodeAttribute(fix.pos, BLOCK_ID_ATTR, fix.bid ?? freshBid());
  return tr;
}
