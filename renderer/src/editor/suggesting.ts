// Suggesting mode (issue 12): while it is on, an editor's local edits (typing, deleting, pasting, formatting,
// splitting and joining paragraphs, changing a block's type) become tracked suggestions instead of changes, by
// @handlewithcare/prosemirror-suggest-changes' transaction transform. This file wires that library into Tiptap 3:
//   - its plugin (which holds the on/off state and skips over its zero-width spaces) is registered;
//   - Tiptap's extension `dispatchTransaction` hook transforms each local transaction before it is applied;
//   - transactions that come FROM Yjs (remote changes, Yjs UndoManager undo/redo: y-sync meta `isChangeOrigin`)
//     and transactions the library marks as `skip` (accept, reject, toggling) are never transformed;
//   - suggestion ids are minted per replica (model/suggestions/suggestionMeta.ts `mintSuggestionId`), and for each
//     new id a SuggestionMeta (who, when, source) is written into the document doc's `suggestions` map right after
//     the body change. Undo of a suggestion removes its marks; its meta entry stays, so a redo finds it again
//     (an entry whose id is in no mark is not listed anywhere).
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Plugin, Transaction } from '@tiptap/pm/state';
import { ReplaceStep, ReplaceAroundStep, AddMarkStep, AddNodeMarkStep, type Step } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import {
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  toggleSuggestChanges,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { suggestBlockTypeChange } from './blockTypeSuggestions';
import { suggestionMarkConflictsPlugin } from './suggestionMarkConflicts';
import { mayHoldSuggestions } from './suggestionDecorations';
import { mintSuggestionId, suggestionsMap, type SuggestionMeta, type SuggestionSource } from '../model/suggestions/suggestionMeta';

export { isSuggestChangesEnabled, suggestChangesKey };

export interface SuggestAuthor {
  id: string;
  name: string;
}

/** Transaction meta (key SUGGESTION_SOURCE) saying where a suggestion comes from, e.g. a comment's proposed wording. */
export const SUGGESTION_SOURCE = 'rapporteurSuggestionSource';
export interface SuggestionSourceMeta {
  source: SuggestionSource;
  threadId?: string;
  /** called with the ids minted for this transaction, once their meta entries are written */
  onIds?: (ids: string[]) => void;
}

/** Origin of the Yjs transactions that write meta entries (not the body's: the body UndoManager ignores them). */
export const SUGGESTION_META_ORIGIN = 'suggestionMeta';

/** Whether a transaction must pass untouched even in suggesting mode. */
export function isExemptFromSuggesting(tr: Transaction): boolean {
  const ySync = (tr.getMeta(ySyncPluginKey) ?? tr.getMeta('y-sync$') ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
  if (ySync.isChangeOrigin || ySync.isUndoRedoOperation) return true;
  if (tr.getMeta('history$') || tr.getMeta('collab$')) return true;
  const own = tr.getMeta(suggestChangesKey) as { skip?: unknown } | undefined;
  if (own && 'skip' in own) return true;
  return !tr.docChanged;
}

/** Every suggestion id a transaction's steps write (in marks of inserted content, added marks, node marks). */
function idsInSteps(steps: readonly Step[]): Set<string> {
  const ids = new Set<string>();
  const fromNode = (n: PMNode) => {
    for (const m of n.marks) if (m.attrs.id !== undefined && m.attrs.id !== null && isSuggestionMark(m.type.name)) ids.add(String(m.attrs.id));
  };
  for (const step of steps) {
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      step.slice.content.descendants((n) => void fromNode(n));
      step.slice.content.forEach((n) => fromNode(n));
    } else if (step instanceof AddMarkStep || step instanceof AddNodeMarkStep) {
      const m = step.mark;
      if (isSuggestionMark(m.type.name)) ids.add(String(m.attrs.id));
    }
  }
  return ids;
}

const isSuggestionMark = (name: string) => name === 'insertion' || name === 'deletion' || name === 'modification';

export interface SuggestingOptions {
  /** the document doc holding the `suggestions` map (null: no meta is written, e.g. a doc-less editor) */
  ydoc: Y.Doc | null;
  /** who is suggesting now (read at each transaction) */
  author: () => SuggestAuthor;
  now?: () => number;
}

/**
 * The suggesting transform for one editor: `(state, tr) => { tr, write }` where `tr` is what to apply and `write()`
 * records the meta entries of the ids it minted (call it after the body change is applied).
 */
export function createSuggestingTransform(opts: SuggestingOptions) {
  let counter = 0;
  return (state: EditorState, tr: Transaction): { tr: Transaction; write: () => void } => {
    if (!isSuggestChangesEnabled(state) || isExemptFromSuggesting(tr)) return { tr, write: () => {} };
    const author = opts.author();
    const minted: string[] = [];
    const generateId = () => {
      const id = opts.ydoc ? mintSuggestionId(opts.ydoc, author.id, counter++) : `${author.id.slice(0, 12)}-local-${(counter++).toString(36)}`;
      minted.push(id);
      return id;
    };
    const blockType = suggestBlockTypeChange(state, tr, generateId);
    let tracked: Transaction;
    if (blockType) tracked = blockType.tr;
    else try {
      tracked = transformToSuggestionTransaction(tr, state, generateId);
    } catch {
      // A change the library cannot express as a suggestion in this schema (a block's wrapping, e.g. into a list:
      // that is a node mark, which the Yjs binding does not carry, so the schema does not allow it on blocks). It
      // is not applied: in suggesting mode nothing changes the text directly. (A change of a paragraph's or
      // heading's type is handled above, as a node attribute: editor/blockTypeSuggestions.ts.)
      return { tr: state.tr.setMeta(suggestChangesKey, { skip: true }), write: () => {} };
    }
    const used = blockType ? new Set(blockType.ids) : idsInSteps(tracked.steps);
    const fresh = minted.filter((id) => used.has(id));
    const source = tr.getMeta(SUGGESTION_SOURCE) as SuggestionSourceMeta | undefined;
    const write = () => {
      if (opts.ydoc && fresh.length) {
        const map = suggestionsMap(opts.ydoc);
        const at = (opts.now ?? Date.now)();
        opts.ydoc.transact(() => {
          for (const id of fresh) {
            if (map.has(id)) continue;
            const meta: SuggestionMeta = { id, authorId: author.id, authorName: author.name, at, source: source?.source ?? 'editor' };
            if (source?.threadId) meta.threadId = source.threadId;
            map.set(id, meta);
          }
        }, SUGGESTION_META_ORIGIN);
      }
      source?.onIds?.(fresh);
    };
    return { tr: tracked, write };
  };
}

export const SUGGESTING_SHORTCUT = 'Ctrl+Alt+Shift+S';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggesting: {
      /** turns suggesting mode on or off */
      toggleSuggesting: () => ReturnType;
    };
  }
}

/**
 * The library's decorations (a block wholly inserted or deleted, a pilcrow where a deletion joins paragraphs) are
 * computed by walking the whole document at every update of the view, so at every keystroke. A document with no
 * suggestion has none: the walk runs only when the suggestion look plugin (suggestionDecorations.ts), which
 * counts suggestions proportionally to each change, says there may be some.
 */
function quietWithoutSuggestions(plugin: Plugin): Plugin {
  const decorations = plugin.props.decorations;
  if (decorations) plugin.props.decorations = (state) => (mayHoldSuggestions(state) ? decorations.call(plugin, state) : null);
  return plugin;
}

/** The Tiptap extension: the library's plugin, the transform on dispatch, and Ctrl+Alt+Shift+S. */
export const Suggesting = Extension.create<SuggestingOptions>({
  name: 'suggesting',
  addOptions() {
    return { ydoc: null, author: () => ({ id: 'local', name: '' }) };
  },
  addStorage() {
    return { transform: null as null | ReturnType<typeof createSuggestingTransform> };
  },
  addProseMirrorPlugins() {
    return [quietWithoutSuggestions(suggestChanges()), suggestionMarkConflictsPlugin()];
  },
  addCommands() {
    return {
      toggleSuggesting:
        () =>
        ({ state, dispatch }) =>
          toggleSuggestChanges(state, dispatch),
    };
  },
  addKeyboardShortcuts() {
    return { 'Ctrl-Alt-Shift-s': () => this.editor.commands.toggleSuggesting(), 'Ctrl-Alt-Shift-S': () => this.editor.commands.toggleSuggesting() };
  },
  dispatchTransaction({ transaction, next }) {
    const storage = this.storage as { transform: null | ReturnType<typeof createSuggestingTransform> };
    storage.transform ??= createSuggestingTransform(this.options);
    const { tr, write } = storage.transform(this.editor.state, transaction);
    next(tr);
    write();
  },
});
