import { describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Plugin, type Transaction } from '@tiptap/pm/state';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { rapporteurSchema } from '../schema/schema';
import { writeBlockSuggestion } from '../schema/blockTypeSuggestion';
import { SET_SUGGESTION_LOOK, suggestionLookKey, suggestionLookPlugin, type DescribeSuggestion } from './suggestionDecorations';
import { Suggesting } from './suggesting';

const schema = rapporteurSchema();
const describeLook: DescribeSuggestion = (id, kind) => ({ color: `#${id.length}${kind.length}0`, title: `${kind} ${id}` });

const paragraph = (text: string, i: number) => ({ type: 'paragraph', attrs: { bid: `p${i}` }, content: [{ type: 'text', text }] });
const startDoc = (): PMNode =>
  schema.nodeFromJSON({ type: 'doc', content: Array.from({ length: 12 }, (_, i) => paragraph(`Paragraph number ${i} of the report, with some words.`, i)) });

/** The library's plugin, as the Suggesting extension wraps it (the first plugin it adds). */
const libraryPlugin = () => (Suggesting.config.addProseMirrorPlugins as () => Plugin[]).call({ options: Suggesting.options } as never)[0]!;

function stateWith(doc: PMNode, plugins: Plugin[] = [suggestionLookPlugin()]): EditorState {
  const state = EditorState.create({ doc, plugins });
  return state.apply(state.tr.setMeta(SET_SUGGESTION_LOOK, describeLook));
}

/** Every decoration of a set, in a comparable form. */
const listed = (set: DecorationSet | null | undefined) =>
  (set?.find() ?? [])
    .map((d: Decoration) => `${d.from}-${d.to} ${JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs)}`)
    .sort();

/** One random change: typing, deleting, marking text as a suggestion, a block-type suggestion, or (as y-prosemirror applies a remote change) the whole body replaced. */
function randomChange(gen: prng.PRNG, state: EditorState, step: number): Transaction {
  const tr = state.tr;
  const size = state.doc.content.size;
  const at = () => Math.min(size - 1, prng.uint32(gen, 1, size - 1));
  const textPos = (): number => {
    for (let tries = 0; tries < 20; tries++) {
      const pos = at();
      if (state.doc.resolve(pos).parent.isTextblock) return pos;
    }
    return 1;
  };
  const kind = prng.uint32(gen, 0, 6);
  if (kind === 0) tr.insertText(`typed${step} `, textPos());
  else if (kind === 1) {
    const from = textPos();
    const $from = state.doc.resolve(from);
    tr.delete(from, Math.min($from.end(), from + prng.uint32(gen, 1, 8)));
  } else if (kind === 2 || kind === 3) {
    const from = textPos();
    const $from = state.doc.resolve(from);
    const to = Math.min($from.end(), from + prng.uint32(gen, 1, 12));
    const mark = kind === 2 ? schema.marks.insertion! : schema.marks.deletion!;
    if (to > from) tr.addMark(from, to, mark.create({ id: `s${step}` }));
  } else if (kind === 4) {
    const $pos = state.doc.resolve(textPos());
    const block = $pos.before(1);
    const on = !state.doc.nodeAt(block)!.attrs.suggestion;
    tr.setNodeAttribute(block, 'suggestion', on ? writeBlockSuggestion({ id: `b${step}`, fromType: 'paragraph', fromAttrs: {} }) : null);
  } else if (kind === 5) tr.split(textPos());
  else {
    // a remote change: the whole body replaced by the same content with one paragraph changed
    const json = state.doc.toJSON() as { content: unknown[] };
    json.content[prng.uint32(gen, 0, json.content.length - 1)] = paragraph(`Remote text ${step}`, 1000 + step);
    tr.replaceWith(0, size, schema.nodeFromJSON(json).content);
  }
  return tr;
}

describe('suggestion decorations follow each change without walking the whole document', () => {
  it('after random local and remote changes, the decorations and the count equal a rebuild from scratch (30 seeds × 40 changes)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const gen = prng.create(seed);
      let state = stateWith(startDoc());
      for (let step = 0; step < 40; step++) {
        state = state.apply(randomChange(gen, state, step));
        const rebuilt = stateWith(state.doc);
        const got = suggestionLookKey.getState(state)!;
        const want = suggestionLookKey.getState(rebuilt)!;
        expect(got.marked, `seed ${seed}, change ${step}`).toBe(want.marked);
        expect(listed(got.set), `seed ${seed}, change ${step}`).toEqual(listed(want.set));
      }
    }
  });

  it('counts suggestions also before the look is set, and shows them once it is', () => {
    const doc = startDoc();
    const marked = EditorState.create({ doc, plugins: [suggestionLookPlugin()] });
    const withMark = marked.apply(marked.tr.addMark(3, 12, schema.marks.deletion!.create({ id: 'd1' })));
    expect(suggestionLookKey.getState(withMark)!.marked).toBe(1);
    expect(listed(suggestionLookKey.getState(withMark)!.set)).toEqual([]);
    const shown = withMark.apply(withMark.tr.setMeta(SET_SUGGESTION_LOOK, describeLook));
    expect(listed(suggestionLookKey.getState(shown)!.set)).toEqual([`3-12 ${JSON.stringify({ class: 'suggestion suggestion-del', style: '--author: #280', title: 'deletion d1', 'data-suggestion': 'd1' })}`]);
  });

  it("the library's decorations are skipped for a document with no suggestion, and drawn once there is one", () => {
    const library = libraryPlugin();
    let state = stateWith(startDoc(), [suggestionLookPlugin(), library]);
    const decorations = (s: EditorState) => library.props.decorations!.call(library, s) as DecorationSet | null;
    expect(decorations(state)).toBeNull();
    // a whole paragraph proposed for deletion: the library marks the block
    const second = state.doc.child(0).nodeSize;
    const end = second + state.doc.child(1).nodeSize - 1;
    state = state.apply(state.tr.addMark(second + 1, end, schema.marks.deletion!.create({ id: 'd2' })));
    expect(listed(decorations(state)).some((d) => d.includes('data-node-deletion'))).toBe(true);
    // rejected again (the mark removed): nothing to draw, and no walk
    state = state.apply(state.tr.removeMark(0, state.doc.content.size, schema.marks.deletion!));
    expect(suggestionLookKey.getState(state)!.marked).toBe(0);
    expect(decorations(state)).toBeNull();
  });
});
