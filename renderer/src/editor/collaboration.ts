import { Extension, type Content, type Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { initProseMirrorDoc, ySyncPluginKey, yUndoPluginKey, type ProsemirrorBinding, type ProsemirrorMapping } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { updateYBody } from './updateYBody';
import { rehomeMovedText } from './rehomeMovedText';
import { relativeSelection } from './relativeSelection';

// The Yjs binding of a rich-text fragment: @tiptap/extension-collaboration (y-tiptap's sync and undo plugins) with
// the write path swapped for ours. Collaboration builds y-tiptap's ProsemirrorBinding itself and offers no option
// for its write function, so the plugin below replaces that binding's `_prosemirrorChanged` (y-tiptap 3.3: the
// one place a local change is written to Yjs: skipped while the shared content is invalid or a snapshot is shown,
// else `updateYFragment` inside a transaction with the sync origin, then the selection saved) with the same body
// calling `updateYBody`. Reading Yjs into ProseMirror stays y-tiptap's (since 3.3 a remote change replaces only the
// top-level blocks it touched, rather than rebuilding every block of the document).
// The same plugin runs `rehomeMovedText` for the fragment while the editor is open: text another replica types into
// a paragraph this editor has just split or joined is moved to where that text went.
// The selection the binding saves before each Yjs transaction (where the caret goes back to after a remote change)
// and the one the undo plugin saves before each ProseMirror transaction (where an undo puts it), both on every
// keystroke, are saved with `relativeSelection`: the value y-tiptap's `getRelativeSelection` gives, found without
// walking the document from its top. (Before a local write the binding's mapping still holds the previous document,
// so the selection saved then takes y-tiptap's walk; the write saves it again at once, with the shortcut.)

/** Makes a y-tiptap binding write local changes with `updateYBody` (and save the selection with `relativeSelection`). */
export function writeWithUpdateYBody(binding: ProsemirrorBinding): void {
  if (typeof binding?._prosemirrorChanged !== 'function') throw new Error('y-tiptap binding has no _prosemirrorChanged: check the y-tiptap version');
  // y-tiptap 3.3's listener, the same body (its view registered it; a later initView or destroy uses this one).
  const listening = binding as unknown as { beforeAllTransactions: () => void };
  binding.doc.off('beforeAllTransactions', listening.beforeAllTransactions);
  listening.beforeAllTransactions = () => {
    if (binding.invalidContentError === null && binding.beforeTransactionSelection === null && binding.prosemirrorView != null) binding.beforeTransactionSelection = relativeSelection(binding, binding.prosemirrorView.state);
  };
  if (binding.prosemirrorView != null) binding.doc.on('beforeAllTransactions', listening.beforeAllTransactions);
  binding._prosemirrorChanged = function (this: ProsemirrorBinding, doc) {
    if (this.invalidContentError !== null) return;
    const state = this.prosemirrorView!.state;
    const sync = ySyncPluginKey.getState(state) as { snapshot?: unknown; prevSnapshot?: unknown } | undefined;
    if (sync?.snapshot != null || sync?.prevSnapshot != null) return;
    const internals = this as unknown as { hasSharedContent: boolean }; // private in y-tiptap's types
    this.doc.transact(() => {
      updateYBody(this.doc, this.type, doc, this);
      internals.hasSharedContent ||= this.type.length > 0;
      this.beforeTransactionSelection = relativeSelection(this, state);
    }, ySyncPluginKey);
  };
}

/** Finds the binding of y-tiptap's sync plugin in the editor state, swaps its write path and re-homes moved text. */
export function bodyWritePathPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('bodyWritePath'),
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding: ProsemirrorBinding } | undefined)?.binding as ProsemirrorBinding;
      writeWithUpdateYBody(binding);
      return { destroy: rehomeMovedText(binding.doc, binding.type, (tr) => tr.origin === ySyncPluginKey) };
    },
  });
}

interface UndoPluginState {
  undoManager: Y.UndoManager;
  prevSel: unknown;
  hasUndoOps: boolean;
  hasRedoOps: boolean;
}

/**
 * y-tiptap's undo plugin, its state field's `apply` (y-tiptap 3.3, line for line) saving the selection with
 * `relativeSelection`. Returns `plugins`.
 */
export function undoSavingSelectionInBlock<P extends Plugin | false>(plugins: P[]): P[] {
  const field = plugins.find((p): p is P & Plugin => !!p && p.spec.key === yUndoPluginKey)?.spec.state as { apply: unknown } | undefined;
  if (typeof field?.apply !== 'function') throw new Error('no y-tiptap undo plugin state: check the y-tiptap version');
  field.apply = (_tr: unknown, value: UndoPluginState, oldState: EditorState, state: EditorState): UndoPluginState => {
    const binding = (ySyncPluginKey.getState(state) as { binding: ProsemirrorBinding | null } | undefined)?.binding;
    return {
      ...value,
      prevSel: binding && binding.invalidContentError === null ? relativeSelection(binding, oldState) : value.prevSel,
      hasUndoOps: value.undoManager.undoStack.length > 0,
      hasRedoOps: value.undoManager.redoStack.length > 0,
    };
  };
  return plugins;
}

/** @tiptap/extension-link's meta that turns its autolink off for one transaction. */
const PREVENT_AUTOLINK = 'preventAutolink';

const BodyWritePath = Extension.create({
  name: 'bodyWritePath',
  addProseMirrorPlugins: () => [bodyWritePathPlugin()],
  // What Yjs brings (the document as it opens, a co-editor's change, an undo) was autolinked where it was typed:
  // linking it again here would add marks nobody typed, and tokenizing the text it brings took 7 ms of every open
  // of the 25,000-word report (all of its text arrives as one change). Links still form as this user types.
  dispatchTransaction({ transaction, next }) {
    if ((transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) transaction.setMeta(PREVENT_AUTOLINK, true);
    next(transaction);
  },
});


/**
 * Collaboration whose editor opens on the fragment's content. By default y-tiptap's sync plugin renders every block
 * of the fragment into an empty editor when its view is created (`_forceRerender`: one transaction replacing the
 * whole document, through every plugin and ProseMirror's update path; 27 ms of the 25,000-word report's open).
 * Here the first document is built before the view with y-tiptap's `initProseMirrorDoc`, and the sync plugin starts
 * from its mapping (y-tiptap's own option for this), so ProseMirror draws the blocks as it creates the view.
 * A change to the fragment between the two (a remote update before the view exists) falls back to the full render;
 * so do a view created again (a remount), whose document may be older than the fragment, and a fragment that is
 * not a valid document as it stands (an empty one).
 */
function collaborationFromContent(fragment: Y.XmlFragment) {
  /** Per editor (an extension list may be reused by an editor created again), until its first view. */
  const firstViews = new WeakMap<object, { mapping: ProsemirrorMapping; changed: () => boolean }>();
  return Collaboration.extend({
    onBeforeCreate(event) {
      this.parent?.(event);
      const { doc, mapping } = initProseMirrorDoc(fragment, this.editor.schema);
      // An empty fragment (a new response) or content the schema does not accept as a document: the sync plugin's
      // own render, whose replace fills in what the schema requires (an empty paragraph).
      if (!this.editor.schema.topNodeType.validContent(doc.content)) return;
      this.editor.options.content = doc as unknown as Content;
      let changed = false;
      const markChanged = () => {
        changed = true;
      };
      fragment.observeDeep(markChanged);
      firstViews.set(this.editor, { mapping, changed: () => (fragment.unobserveDeep(markChanged), changed) });
    },
    onDestroy() {
      firstViews.get(this.editor)?.changed(); // an editor destroyed before its view: stop watching the fragment
      this.parent?.();
    },
    addProseMirrorPlugins() {
      const first = firstViews.get(this.editor);
      firstViews.delete(this.editor);
      if (!first) return undoSavingSelectionInBlock(this.parent!());
      this.editor.options.content = ''; // the first document is in the state now; the option would keep it alive
      this.options.ySyncOptions = { ...this.options.ySyncOptions, mapping: first.mapping };
      const plugins = undoSavingSelectionInBlock(this.parent!());
      this.options.ySyncOptions = { ...this.options.ySyncOptions, mapping: undefined };
      const catchUp = new Plugin({
        key: new PluginKey('collaborationCatchUp'),
        view(view) {
          if (first.changed()) (ySyncPluginKey.getState(view.state) as { binding: ProsemirrorBinding }).binding._forceRerender();
          return {};
        },
      });
      return [...plugins, catchUp];
    },
  }).configure({ fragment });
}

/** The extensions that bind an editor to a Y.XmlFragment (with a per-user UndoManager). */
export function collaboration(fragment: Y.XmlFragment): Extensions {
  return [collaborationFromContent(fragment), BodyWritePath];
}
