import { describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { rapporteurSchema } from '../schema/schema';
import { blockDecorationSet, topLevelStarts } from './blockDecorations';

const schema = rapporteurSchema();
const paragraph = (text: string, i: number) => ({ type: 'paragraph', attrs: { bid: `p${i}` }, content: [{ type: 'text', text }] });
const startDoc = (): PMNode => schema.nodeFromJSON({ type: 'doc', content: Array.from({ length: 20 }, (_, i) => paragraph(`Paragraph ${i} of the report.`, i)) });

/** A numbering node decoration on every other top-level block. */
function numbers(doc: PMNode): Decoration[] {
  const out: Decoration[] = [];
  let n = 0;
  doc.forEach((node, offset, index) => {
    if (index % 2 === 0) out.push(Decoration.node(offset, offset + node.nodeSize, { 'data-para': String(++n) }, { para: n }));
  });
  return out;
}

const summary = (set: DecorationSet) => set.find().map((d) => [d.from, d.to, (d.spec as { para: number }).para]);

const blockSetForChild = blockDecorationSet(startDoc(), numbers(startDoc())).forChild;

describe('block decoration sets', () => {
  it('hold the same decorations as a plain set, through any edit, and give no block anything inside it', () => {
    const gen = prng.create(7);
    for (let seed = 0; seed < 20; seed++) {
      let state = EditorState.create({ schema, doc: startDoc() });
      let block = blockDecorationSet(state.doc, numbers(state.doc));
      let plain = DecorationSet.create(state.doc, numbers(state.doc));
      for (let step = 0; step < 30; step++) {
        const tr = state.tr;
        const size = tr.doc.content.size;
        const at = prng.int32(gen, 1, size - 1);
        const roll = prng.int32(gen, 0, 3);
        if (roll === 0) tr.insertText('typed ', at);
        else if (roll === 1) tr.delete(at, Math.min(size - 1, at + prng.int32(gen, 1, 40)));
        else if (roll === 2) tr.split(tr.doc.resolve(at).depth > 0 ? at : 1);
        else tr.insert(0, schema.nodeFromJSON(paragraph('A new first paragraph.', 100 + step)));
        state = state.apply(tr);
        block = block.map(tr.mapping, tr.doc);
        plain = plain.map(tr.mapping, tr.doc);
        expect(summary(block)).toEqual(summary(plain));
        // still a block set after mapping: its forChild answers without scanning its decorations
        expect(block.forChild).toBe(blockSetForChild);
        state.doc.forEach((node, offset) => expect(block.forChild(offset, node)).toBe(DecorationSet.empty));
      }
    }
  });

  it('are the empty set when there is nothing to decorate, and find the top-level block starts', () => {
    const doc = startDoc();
    expect(blockDecorationSet(doc, [])).toBe(DecorationSet.empty);
    const starts = topLevelStarts(doc);
    expect(starts.size).toBe(20);
    doc.forEach((_node, offset) => expect(starts.has(offset)).toBe(true));
    expect(starts.has(1)).toBe(false);
  });
});
