import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { AllSelection, EditorState, NodeSelection, TextSelection, type Selection } from '@tiptap/pm/state';
import { getRelativeSelection, initProseMirrorDoc, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { updateYBody } from './updateYBody';
import { relativeSelection } from './relativeSelection';

vi.mock('@tiptap/y-tiptap', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@tiptap/y-tiptap')>();
  return { ...actual, getRelativeSelection: vi.fn(actual.getRelativeSelection) };
});

const schema = rapporteurSchema();
const text = (t: string, marks?: Array<{ type: string }>) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (bid: string, ...content: unknown[]) => ({ type: 'paragraph', attrs: { bid }, content });
const item = (bid: string, ...content: unknown[]) => ({ type: 'listItem', content: [p(bid, ...content)] });
const cell = (bid: string, t: string) => ({ type: 'tableCell', content: [t ? p(bid, text(t)) : p(bid)] });

/** Every kind of block and inline node the body holds, nested where the schema nests them. */
const VARIED = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, bid: 'h1' }, content: [text('Findings')] },
    p('p1', text('Plain '), text('bold', [{ type: 'bold' }]), text(' and a break'), { type: 'hardBreak' }, text('after it')),
    p('p2'),
    p('p3', text('A note'), { type: 'footnote', attrs: { content: 'The note.' } }, text(' then more'), { type: 'footnote', attrs: { content: 'Last.' } }),
    { type: 'bulletList', content: [item('l1', text('first')), { type: 'listItem', content: [p('l2', text('second')), { type: 'orderedList', content: [item('l3', text('nested')), item('l4')] }] }] },
    { type: 'blockquote', content: [p('q1', text('quoted')), p('q2', text('twice'))] },
    { type: 'table', content: [{ type: 'tableRow', content: [cell('t1', 'a'), cell('t2', 'bc')] }, { type: 'tableRow', content: [cell('t3', ''), cell('t4', 'def')] }] },
    p('p4', text('The end.')),
  ],
};

/** A body written to Yjs the way the editor writes it, read back as the editor opens it: fragment, doc, mapping. */
function bound(json: unknown) {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('body');
  ydoc.transact(() => updateYBody(ydoc, fragment, schema.nodeFromJSON(json), { mapping: new Map(), isOMark: new Map() }));
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  // What getRelativeSelection reads of a binding: its fragment and its mapping.
  const binding = { type: fragment, mapping, isOMark: new Map() } as unknown as ProsemirrorBinding;
  return { ydoc, fragment, doc, binding };
}

function expectSame(binding: ProsemirrorBinding, state: EditorState) {
  const ours = relativeSelection(binding, state);
  const theirs = getRelativeSelection(binding, state);
  const at = `${state.selection.toJSON().type} ${state.selection.anchor}-${state.selection.head}`;
  expect(Y.compareRelativePositions(ours.anchor, theirs.anchor), `anchor of ${at}`).toBe(true);
  expect(Y.compareRelativePositions(ours.head, theirs.head), `head of ${at}`).toBe(true);
  expect({ ...ours, anchor: null, head: null }, at).toEqual({ ...theirs, anchor: null, head: null });
}

const withSelection = (doc: PMNode, selection: (doc: PMNode) => Selection) => EditorState.create({ schema, doc, selection: selection(doc) });

describe('relativeSelection: the same value as y-tiptap’s getRelativeSelection', () => {
  it('for a caret at every position where text can be typed, in every kind of block', () => {
    const { doc, binding } = bound(VARIED);
    let checked = 0;
    for (let pos = 0; pos <= doc.content.size; pos++) {
      if (!doc.resolve(pos).parent.inlineContent) continue;
      expectSame(binding, withSelection(doc, (d) => TextSelection.create(d, pos)));
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('for ranges within a block and across blocks, either way round', () => {
    const { doc, binding } = bound(VARIED);
    const inline = [...Array(doc.content.size + 1).keys()].filter((pos) => doc.resolve(pos).parent.inlineContent);
    for (const [a, b] of [
      [inline[2]!, inline[5]!],
      [inline[5]!, inline[2]!],
      [inline[3]!, inline[inline.length - 2]!],
      [inline[inline.length - 1]!, inline[1]!],
    ]) {
      expectSame(binding, withSelection(doc, (d) => TextSelection.create(d, a, b)));
    }
  });

  it('for a node selection and the whole document (y-tiptap’s walk)', () => {
    const { doc, binding } = bound(VARIED);
    let footnote = -1;
    doc.descendants((node, pos) => {
      if (footnote < 0 && node.type.name === 'footnote') footnote = pos;
    });
    expectSame(binding, withSelection(doc, (d) => NodeSelection.create(d, footnote)));
    expectSame(binding, withSelection(doc, (d) => new AllSelection(d)));
  });

  it('after the blocks before the caret change (the block remembered from the last call is checked, not trusted)', () => {
    const { ydoc, fragment, doc, binding } = bound(VARIED);
    const last = doc.content.size - 3; // in the last paragraph
    expectSame(binding, withSelection(doc, (d) => TextSelection.create(d, last)));
    // A block inserted at the top: the last paragraph's index moves on by one, and its Yjs type with it.
    const meta = binding as unknown as { mapping: Map<unknown, unknown>; isOMark: Map<unknown, unknown> };
    const grown = schema.nodeFromJSON({ ...VARIED, content: [p('new', text('inserted')), ...VARIED.content] });
    ydoc.transact(() => updateYBody(ydoc, fragment, grown, meta as never));
    // The index remembered (7) now holds the table: a caret in its last cell.
    let inTable = -1;
    grown.child(7).descendants((node, pos) => {
      if (node.isText) inTable = grown.resolve(0).posAtIndex(7) + 1 + pos + 1;
    });
    expect(grown.resolve(inTable).node(1).type.name).toBe('table');
    expectSame(binding, withSelection(grown, (d) => TextSelection.create(d, inTable)));
    expectSame(binding, withSelection(grown, (d) => TextSelection.create(d, grown.content.size - 3)));
  });

  it('types in a block without y-tiptap’s walk from the top, and finds the block once', () => {
    const { fragment, doc, binding } = bound(VARIED);
    const find = vi.spyOn(fragment, 'get');
    vi.mocked(getRelativeSelection).mockClear();
    for (let caret = doc.content.size - 6; caret < doc.content.size - 1; caret++) relativeSelection(binding, withSelection(doc, (d) => TextSelection.create(d, caret)));
    expect(getRelativeSelection).not.toHaveBeenCalled();
    expect(find).toHaveBeenCalledTimes(1);
  });
});
