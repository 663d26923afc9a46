import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { rapporteurSchema } from './schema';
import { blockIdFixes, changedBlockIdFixes } from './blockId';

const schema = rapporteurSchema();
const doc = (...paragraphs: Array<[string | null, string]>) =>
  schema.nodes.doc!.create(null, paragraphs.map(([bid, text]) => schema.nodes.paragraph!.create({ bid }, text ? schema.text(text) : null)));

/** The ids after a change, with the fixes applied (a fresh id shows as '*'). */
function idsAfter(before: PMNode, change: (tr: Transaction) => void): Array<string | null> {
  const tr = EditorState.create({ schema, doc: before }).tr;
  change(tr);
  const all = blockIdFixes(tr.doc, { doc: before, mapping: tr.mapping });
  // The editor's plugin looks only at the blocks the change touched: it must find the same fixes.
  expect(changedBlockIdFixes(tr.doc, { doc: before, mapping: tr.mapping })).toEqual(all);
  const fixes = new Map(all.map((f) => [f.pos, f.bid ?? '*']));
  const out: Array<string | null> = [];
  tr.doc.forEach((node, pos) => out.push(fixes.has(pos) ? fixes.get(pos)! : (node.attrs.bid as string | null)));
  return out;
}

describe('block ids follow the bulk of their text', () => {
  const two = doc(['a', 'alpha beta'], ['b', 'gamma']);
  it('a split in the middle: the longer half keeps the id', () => {
    expect(idsAfter(two, (tr) => tr.split(1 + 7))).toEqual(['a', '*', 'b']); // "alpha b" | "eta"
    expect(idsAfter(two, (tr) => tr.split(1 + 3))).toEqual(['*', 'a', 'b']); // "alp" | "ha beta"
  });
  it('Enter at the start of a paragraph leaves the id on the text; at the end, on the text too', () => {
    expect(idsAfter(two, (tr) => tr.split(1))).toEqual(['*', 'a', 'b']);
    expect(idsAfter(two, (tr) => tr.split(1 + 10))).toEqual(['a', '*', 'b']);
  });
  it('a join takes the id of the block that gave it the most text', () => {
    expect(idsAfter(two, (tr) => tr.join(12))).toEqual(['a']);
    expect(idsAfter(doc(['a', 'alpha'], ['b', 'gamma delta']), (tr) => tr.join(7))).toEqual(['b']);
  });
  it('deleting from the start of one paragraph into the next keeps the id of the text that is left', () => {
    expect(idsAfter(doc(['a', 'alpha'], ['b', 'gamma'], ['c', 'zeta']), (tr) => tr.delete(1, 9))).toEqual(['b', 'c']); // "ma" stays
  });
  it('a paragraph without an id gets a fresh one; nothing broken, nothing to fix', () => {
    expect(idsAfter(two, (tr) => tr.insert(0, schema.nodes.paragraph!.create()))).toEqual(['*', 'a', 'b']);
    expect(blockIdFixes(two, { doc: two, mapping: EditorState.create({ schema, doc: two }).tr.mapping })).toEqual([]);
  });
  it('without the document before, the first of equal ids keeps it', () => {
    expect(blockIdFixes(doc(['a', 'x'], ['a', 'y'], [null, 'z'])).map((f) => f.bid)).toEqual([null, null]);
    expect(blockIdFixes(doc(['a', 'x'], ['a', 'y'])).map((f) => f.pos)).toEqual([3]);
  });
});
