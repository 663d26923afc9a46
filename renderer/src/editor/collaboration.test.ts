import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { getRelativeSelection, ProsemirrorBinding, ySyncPlugin, ySyncPluginKey, yUndoPlugin, yUndoPluginKey, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { bodyWritePathPlugin, collaboration, undoSavingSelectionInBlock } from './collaboration';
import { schemaExtensions } from '../schema/extensions';
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
    const listener = String(new ProsemirrorBinding(new Y.Doc().getXmlFragment('body')).beforeAllTransactions).replace(/\s+/g, ' ');
    expect(listener).toContain('if (this._invalidContentError === null && this.beforeTransactionSelection === null && this.prosemirrorView != null) this.beforeTransactionSelection = getRelativeSelection(this, this.view.state);');
  });

  it("replaces an undo state field whose upstream body is still what it mirrors (y-tiptap 3.3; on a mismatch, re-check collaboration.ts)", () => {
    const upstream = String((yUndoPlugin().spec.state as { apply: unknown }).apply).replace(/\s+/g, ' ');
    expect(upstream).toContain('const binding = getSyncPluginState(state).binding;');
    expect(upstream).toContain('const canMapSelection = binding && binding.invalidContentError === null;');
    expect(upstream).toContain('prevSel: canMapSelection ? getRelativeSelection(binding, oldState) : value.prevSel,');
    expect(upstream).toContain('hasUndoOps: value.undoManager.undoStack.length > 0,');
    expect(upstream).toContain('hasRedoOps: value.undoManager.redoStack.length > 0');
    expect(() => undoSavingSelectionInBlock([ySyncPlugin(new Y.Doc().getXmlFragment('body'))])).toThrow(/y-tiptap/);
  });

  it('refuses a binding without the write method it replaces (a y-tiptap upgrade must be checked)', () => {
    const state = EditorState.create({ schema, plugins: [bodyWritePathPlugin()] });
    expect(() => state.plugins[0]!.spec.view!({ state } as unknown as EditorView)).toThrow(/y-tiptap/);
  });
});

describe('the editor opens on the fragment’s content', () => {
  /** A fragment holding `texts` as paragraphs, written as the app writes bodies. */
  function fragmentWith(texts: string[]) {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('body');
    const doc = schema.nodes.doc!.create(null, texts.map((text, i) => schema.nodes.paragraph!.create({ bid: `b${i}` }, schema.text(text))));
    ydoc.transact(() => updateYBody(ydoc, fragment, doc, { mapping: new Map(), isOMark: new Map() }));
    return { ydoc, fragment };
  }

  /** The collaboration plugins given a view as ProseMirror would (no DOM here): their view() in order. */
  function mountPlugins(editor: Editor, first = true) {
    const state = EditorState.create({ doc: editor.state.doc, plugins: editor.extensionManager.plugins });
    const view = {
      state,
      dispatch(tr: Transaction) {
        view.state = view.state.apply(tr);
      },
      hasFocus: () => false,
    };
    const collaborationPlugins = state.plugins.filter((p) => /^(y-sync|bodyWritePath|collaborationCatchUp)\$/.test((p as unknown as { key: string }).key));
    expect(collaborationPlugins).toHaveLength(first ? 3 : 2); // the catch-up is for the first view only
    for (const plugin of collaborationPlugins) plugin.spec.view?.(view as unknown as EditorView);
    const binding = (ySyncPluginKey.getState(state) as { binding: ProsemirrorBinding }).binding;
    return { view, binding };
  }

  const contentOf = (fragment: Y.XmlFragment) => yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON();

  it('builds the first document from the fragment and starts the sync plugin from its mapping (no second render)', () => {
    const { fragment } = fragmentWith(['first block', 'second block']);
    const editor = new Editor({ extensions: [...schemaExtensions(), ...collaboration(fragment)], enablePasteRules: false, enableInputRules: false });
    expect(editor.state.doc.toJSON()).toEqual(contentOf(fragment));
    const firstDoc = editor.state.doc;
    const { view, binding } = mountPlugins(editor);
    expect(view.state.doc).toBe(firstDoc); // nothing re-rendered it
    expect(editor.options.content).toBe(''); // and the option does not keep the first document alive
    expect([...binding.mapping.values()]).toEqual([firstDoc.child(0), firstDoc.child(1)]);
    expect(binding.mapping.get(fragment.get(0) as Y.XmlElement)).toBe(firstDoc.child(0));
    editor.destroy();
  });

  it('the binding and the undo plugin save the selection as y-tiptap does, with relativeSelection', () => {
    const { ydoc, fragment } = fragmentWith(['first block', 'second block', 'third block']);
    const editor = new Editor({ extensions: [...schemaExtensions(), ...collaboration(fragment)], enablePasteRules: false, enableInputRules: false });
    const { view, binding } = mountPlugins(editor);
    // The binding's listener before each Yjs transaction: ours alone, in y-tiptap's place.
    const observers = (ydoc as unknown as { _observers: Map<string, Set<unknown>> })._observers;
    expect([...(observers.get('beforeAllTransactions') ?? [])]).toEqual([binding.beforeAllTransactions]);
    expect(String(binding.beforeAllTransactions)).toMatch(/relativeSelection\b/);
    ydoc.transact(() => {
      const saved = binding.beforeTransactionSelection!;
      const expected = getRelativeSelection(binding, view.state);
      expect(Y.compareRelativePositions(saved.anchor, expected.anchor)).toBe(true);
    });
    expect(binding.beforeTransactionSelection).toBeNull(); // y-tiptap's listener after them clears it
    const undo = view.state.plugins.find((p) => p.spec.key === yUndoPluginKey)!;
    expect(String((undo.spec.state as { apply: unknown }).apply)).toMatch(/relativeSelection\b/); // ours, not y-tiptap's
    for (const caret of [3, 20, 30]) {
      const before = view.state;
      view.dispatch(before.tr.setSelection(TextSelection.create(before.doc, caret)));
      const saved = (yUndoPluginKey.getState(view.state) as { prevSel: ReturnType<typeof getRelativeSelection> }).prevSel;
      const expected = getRelativeSelection(binding, before);
      expect(Y.compareRelativePositions(saved.anchor, expected.anchor)).toBe(true);
      expect(Y.compareRelativePositions(saved.head, expected.head)).toBe(true);
      expect(saved.absAnchor).toBe(expected.absAnchor);
    }
    editor.destroy();
  });

  it('renders again when the fragment changed before the view existed, and on a later view', () => {
    const { ydoc, fragment } = fragmentWith(['first block']);
    const editor = new Editor({ extensions: [...schemaExtensions(), ...collaboration(fragment)], enablePasteRules: false, enableInputRules: false });
    // A co-editor's paragraph arrives between the editor's creation and its view.
    const other = fragmentWith(['first block', 'from a co-editor']);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other.ydoc, Y.encodeStateVector(ydoc)));
    expect(editor.state.doc.childCount).toBe(1);
    const { view } = mountPlugins(editor);
    expect(view.state.doc.toJSON()).toEqual(contentOf(fragment));

    // A view created again (a remount) has no first document to start from: the sync plugin renders from Yjs.
    const again = mountPlugins(editor, false);
    expect(again.binding.mapping.size).toBe(fragment.length);
    expect(again.view.state.doc.toJSON()).toEqual(contentOf(fragment));
    editor.destroy();
  });

  it('opens an empty fragment as the sync plugin always did: on one empty paragraph, nothing written to Yjs', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('body');
    // The schema's empty document as JSON: the app gives no content, which Tiptap parses as HTML (no DOM here).
    const empty = schema.topNodeType.createAndFill()!.toJSON();
    const editor = new Editor({ extensions: [...schemaExtensions(), ...collaboration(fragment)], content: empty, enablePasteRules: false, enableInputRules: false });
    const { view } = mountPlugins(editor, false);
    expect(view.state.doc.toJSON()).toEqual(empty);
    expect(view.state.doc.check()).toBeUndefined();
    expect(fragment.length).toBe(0);
    editor.destroy();
  });
});
