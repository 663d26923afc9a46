// Suggestions shown in colour (issue 12): every run of text under a suggestion mark gets a decoration with its
// author's colour (CSS variable --author) and a tooltip (author, time), from the describe function the UI sets
// (the editor layer does not format dates or names). Insertions are underlined, deletions struck through
// (ui/styles.css: .suggestion-ins, .suggestion-del, .suggestion-mod); a block whose type change is pending has a
// coloured left border (.suggestion-block).
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { BLOCK_SUGGESTION_ATTR, readBlockSuggestion } from '../schema/blockTypeSuggestion';
import { changedRange, topLevelRange } from '../schema/changedRange';

export interface SuggestionLook {
  color: string;
  title: string;
}
export type DescribeSuggestion = (id: string, kind: 'insertion' | 'deletion' | 'modification' | 'blockType') => SuggestionLook;

export const suggestionLookKey = new PluginKey<LookState>('suggestionLook');

const CLASS = { insertion: 'suggestion-ins', deletion: 'suggestion-del', modification: 'suggestion-mod' } as const;

interface Scan {
  decos: Decoration[];
  /** nodes under a suggestion (a suggestion mark, or a pending change of the block's type) */
  marked: number;
}

/** The suggestions in `from`..`to` of `doc`: their decorations (none without a describe function) and their count. */
function scan(doc: PMNode, describe: DescribeSuggestion | null, from = 0, to = doc.content.size): Scan {
  const out: Scan = { decos: [], marked: 0 };
  doc.nodesBetween(from, to, (node, pos) => {
    // A pending change of the block's type (schema/blockTypeSuggestion.ts): a coloured left border, with a tooltip.
    const pending = node.isTextblock ? readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR]) : null;
    if (pending) {
      out.marked++;
      const look = describe?.(pending.id, 'blockType');
      if (look) out.decos.push(Decoration.node(pos, pos + node.nodeSize, { class: 'suggestion suggestion-block', style: `--author: ${look.color}`, title: look.title, 'data-suggestion': pending.id }));
    }
    for (const mark of node.marks) {
      const kind = mark.type.name as keyof typeof CLASS;
      if (!(kind in CLASS)) continue;
      out.marked++;
      const look = describe?.(String(mark.attrs.id), kind);
      if (!look) continue;
      const attrs = { class: `suggestion ${CLASS[kind]}`, style: `--author: ${look.color}`, title: look.title, 'data-suggestion': String(mark.attrs.id) };
      out.decos.push(node.isInline ? Decoration.inline(pos, pos + node.nodeSize, attrs) : Decoration.node(pos, pos + node.nodeSize, attrs));
    }
    return true;
  });
  return out;
}

/** Set (or replace) the describe function: dispatch a transaction with this meta. */
export const SET_SUGGESTION_LOOK = 'setSuggestionLook';

interface LookState {
  describe: DescribeSuggestion | null;
  set: DecorationSet;
  /** how many nodes of the document are under a suggestion (0: the document has none) */
  marked: number;
}

function full(doc: PMNode, describe: DescribeSuggestion | null): LookState {
  const { decos, marked } = scan(doc, describe);
  return { describe, set: decos.length ? DecorationSet.create(doc, decos) : DecorationSet.empty, marked };
}

/**
 * After a change, only the top-level blocks it touched are looked at again (schema/changedRange.ts): their old
 * decorations go, the others shift past the change, and theirs are built anew. Typing in a long report no longer
 * walks all of it.
 */
function apply(tr: Transaction, value: LookState, oldState: EditorState, state: EditorState): LookState {
  const describe = (tr.getMeta(SET_SUGGESTION_LOOK) as DescribeSuggestion | undefined) ?? value.describe;
  if (describe !== value.describe) return full(state.doc, describe);
  if (!tr.docChanged) return value;
  const change = changedRange(oldState.doc, state.doc);
  if (!change) return value;
  const was = topLevelRange(oldState.doc, change.from, change.toBefore);
  const now = topLevelRange(state.doc, change.from, change.toAfter);
  const gone = scan(oldState.doc, null, was.from, was.to).marked;
  const added = scan(state.doc, describe, now.from, now.to);
  const marked = value.marked - gone + added.marked;
  if (value.set === DecorationSet.empty && added.decos.length === 0) return { ...value, marked };
  // The touched blocks replaced by their new version: their old decorations are dropped, the others shift.
  const replaced = new Mapping([new StepMap([was.from, was.to - was.from, now.to - now.from])]);
  const set = value.set.map(replaced, state.doc).add(state.doc, added.decos);
  return { describe, set, marked };
}

export function suggestionLookPlugin(): Plugin<LookState> {
  return new Plugin<LookState>({
    key: suggestionLookKey,
    state: { init: (_config, state) => full(state.doc, null), apply },
    props: { decorations: (state) => suggestionLookKey.getState(state)?.set ?? null },
  });
}

/** Whether the document may hold suggestions: false only when the look plugin counted none. */
export const mayHoldSuggestions = (state: EditorState): boolean => (suggestionLookKey.getState(state)?.marked ?? 1) > 0;

export const SuggestionLook = Extension.create({
  name: 'suggestionLook',
  addProseMirrorPlugins: () => [suggestionLookPlugin()],
});
