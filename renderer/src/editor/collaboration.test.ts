import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ProsemirrorBinding, ySyncPlugin, ySyncPluginKey, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { bodyWritePathPlugin } from './collaboration';
import { updateYBody } from './updateYBody';

const schema = rapporteurSchema();

describe('the editor writes local changes with updateYBody', () => {
  it("the write-path plugin swaps the sync plugin's binding, which then keeps a split paragraph's element on its text", () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('body');
    const start = schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create({ bid: 'a' }, schema.text('alpha beta'))]);
    ydoc.transact(() => updateYBody(ydoc, fragment, start, { mapping: new Map(), isOMark: new Map() }));
    const original = fragment.get(0);

    const state = EditorState.create({ schema, doc: start, plugins: [ySyncPlugin(fragment), bodyWritePathPlugin()] });
    const binding = (ySyncPluginKey.getState(state) as { binding: ProsemirrorBinding }).binding;
    expect(binding._prosemirrorChanged).toBe(ProsemirrorBinding.prototype._prosemirrorChanged);
    const view = { state } as unknown as EditorView;
    state.plugins[1]!.spec.view!(view);
    expect(binding._prosemirrorChanged).not.toBe(ProsemirrorBinding.prototype._prosemirrorChanged);

    // Enter at the start of the paragraph, the block-id plugin's fix included: the text keeps id "a".
    const tr = state.tr.split(1);
    tr.setNodeAttribute(0, 'bid', 'fresh').setNodeAttribute(2, 'bid', 'a');
    binding.prosemirrorView = { state: state.apply(tr) } as unknown as EditorView;
    binding._prosemirrorChanged(tr.doc);
    expect(yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON()).toEqual(tr.doc.toJSON());
    expect(fragment.get(1)).toBe(original);
    expect(binding.beforeTransactionSelection).toBeTruthy();
  });

  it("replaces a method whose upstream body is still what it mirrors (y-tiptap 3.3; on a mismatch, re-check collaboration.ts)", () => {
    const upstream = ProsemirrorBinding.prototype._prosemirrorChanged.toString().replace(/\s+/g, ' ');
    expect(upstream).toContain('if (this._invalidContentError !== null) return;');
    expect(upstream).toContain('if (syncState.snapshot != null || syncState.prevSnapshot != null) return;');
    expect(upstream).toContain('updateYFragment(this.doc, this.type, doc, this);');
    expect(upstream).toContain('this.hasSharedContent || (this.hasSharedContent = this.type.length > 0);');
    expect(upstream).toContain('this.beforeTransactionSelection = getRelativeSelection(this, this.view.state);');
  });

  it('refuses a binding without the write method it replaces (a y-tiptap upgrade must be checked)', () => {
    const state = EditorState.create({ schema, plugins: [bodyWritePathPlugin()] });
    expect(() => state.plugins[0]!.spec.view!({ state } as unknown as EditorView)).toThrow(/y-tiptap/);
  });
});
