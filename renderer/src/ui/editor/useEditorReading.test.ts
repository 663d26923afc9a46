import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { rapporteurSchema } from '../../schema/schema';
import { isTyping } from './useEditorReading';

const schema = rapporteurSchema();
const state = EditorState.create({
  doc: schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { bid: 'a' }, content: [{ type: 'text', text: 'First paragraph.' }] },
      { type: 'paragraph', attrs: { bid: 'b' }, content: [{ type: 'text', text: 'Second paragraph.' }] },
    ],
  }),
});

describe('typing, as the screen around the editor tells it apart', () => {
  it('is text typed or deleted inside one paragraph', () => {
    expect(isTyping(state.tr.insertText('x', 3))).toBe(true);
    expect(isTyping(state.tr.delete(3, 4))).toBe(true);
    expect(isTyping(state.tr.insertText('new words', 2, 6))).toBe(true);
  });

  it('is not a split, a join, formatting, a block type, a change across paragraphs, or a moved caret', () => {
    expect(isTyping(state.tr.split(5))).toBe(false);
    expect(isTyping(state.tr.join(state.doc.child(0).nodeSize))).toBe(false);
    expect(isTyping(state.tr.addMark(1, 5, schema.marks.bold!.create()))).toBe(false);
    expect(isTyping(state.tr.setBlockType(1, 2, schema.nodes.heading!, { level: 1 }))).toBe(false);
    expect(isTyping(state.tr.delete(5, state.doc.child(0).nodeSize + 4))).toBe(false);
    expect(isTyping(state.tr.setSelection(TextSelection.create(state.doc, 4)))).toBe(false);
    expect(isTyping(state.tr.insert(3, schema.nodes.hardBreak!.create()))).toBe(false);
  });
});
