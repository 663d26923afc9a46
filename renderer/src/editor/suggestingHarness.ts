// A headless editor replica for tests and benches of suggesting mode: a ProseMirror state of the real schema with
// the suggest-changes plugin, bound to a Y.Doc the way the editor is (local changes written with updateYBody in a
// transaction whose origin is y-sync's key, which the per-user Y.UndoManager tracks; remote and undo changes read
// back from Yjs and applied as y-sync change-origin transactions, which the transform must leave alone).
import * as Y from 'yjs';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { enableSuggestChanges, disableSuggestChanges, suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import { updateYBody } from './updateYBody';
import { createSuggestingTransform, type SuggestAuthor } from './suggesting';
import { suggestionMarkConflictsPlugin } from './suggestionMarkConflicts';
import { BODY } from '../model/bodyJson';

export class SuggestingReplica {
  readonly ydoc: Y.Doc;
  readonly fragment: Y.XmlFragment;
  readonly undo: Y.UndoManager;
  state: EditorState;
  author: SuggestAuthor;
  private readonly transform: ReturnType<typeof createSuggestingTransform>;
  private readonly meta = { mapping: new Map(), isOMark: new Map() };

  constructor(
    readonly schema: Schema,
    author: SuggestAuthor,
    opts: { ydoc?: Y.Doc; now?: () => number } = {},
  ) {
    this.ydoc = opts.ydoc ?? new Y.Doc({ gc: false });
    this.fragment = this.ydoc.getXmlFragment(BODY);
    this.author = author;
    this.state = EditorState.create({ schema, doc: this.read(), plugins: [suggestChanges(), suggestionMarkConflictsPlugin()] });
    this.transform = createSuggestingTransform({ ydoc: this.ydoc, author: () => this.author, now: opts.now });
    this.undo = new Y.UndoManager(this.fragment, { trackedOrigins: new Set([ySyncPluginKey]), captureTimeout: 0 });
    // Anything written to the body by someone else (remote updates, undo/redo) is read back as the binding does.
    this.fragment.observeDeep((_e, tx) => {
      if (tx.origin !== ySyncPluginKey || tx.origin instanceof Y.UndoManager) this.pull();
    });
    this.undo.on('stack-item-popped', () => this.pull());
  }

  private read(): PMNode {
    return this.fragment.length ? yXmlFragmentToProseMirrorRootNode(this.fragment, this.schema) : this.schema.topNodeType.createAndFill()!;
  }

  /** Reads the body from Yjs into the editor state (a y-sync change-origin transaction). */
  pull(): void {
    const doc = this.read();
    if (doc.eq(this.state.doc)) return;
    const tr = this.state.tr.replaceWith(0, this.state.doc.content.size, doc.content).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    this.state = this.state.apply(tr);
  }

  /** The editor's dispatch: the suggesting transform, the state update, the Yjs write, the meta entries. */
  dispatch = (tr: Transaction): void => {
    const { tr: out, write } = this.transform(this.state, tr);
    this.state = this.state.apply(out);
    if (out.docChanged) this.ydoc.transact(() => updateYBody(this.ydoc, this.fragment, this.state.doc, this.meta), ySyncPluginKey);
    write();
  };

  setSuggesting(on: boolean): void {
    (on ? enableSuggestChanges : disableSuggestChanges)(this.state, this.dispatch);
  }

  /** Loads a document as the starting body (not a suggestion). */
  load(doc: PMNode): void {
    this.dispatch(this.state.tr.replaceWith(0, this.state.doc.content.size, doc.content));
  }
}

/** Two-way sync of two docs (every update delivered at once), with a switch to hold updates back. */
export function connect(a: Y.Doc, b: Y.Doc): { hold: () => void; flush: () => void } {
  let held = false;
  const REMOTE = Symbol('remote');
  const queue: Array<[Y.Doc, Uint8Array]> = [];
  const wire = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      if (held) queue.push([to, u]);
      else Y.applyUpdate(to, u, REMOTE);
    });
  wire(a, b);
  wire(b, a);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
  return {
    hold: () => void (held = true),
    flush: () => {
      held = false;
      for (const [to, u] of queue.splice(0)) Y.applyUpdate(to, u, REMOTE);
    },
  };
}
