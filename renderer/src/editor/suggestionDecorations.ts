// Suggestions shown in colour (issue 12): every run of text under a suggestion mark gets a decoration with its
// author's colour (CSS variable --author) and a tooltip (author, time), from the describe function the UI sets
// (the editor layer does not format dates or names). Insertions are underlined, deletions struck through
// (ui/styles.css: .suggestion-ins, .suggestion-del, .suggestion-mod); a block whose type change is pending has a
// coloured left border (.suggestion-block).
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { BLOCK_SUGGESTION_ATTR, readBlockSuggestion } from '../schema/blockTypeSuggestion';

export interface SuggestionLook {
  color: string;
  title: string;
}
export type DescribeSuggestion = (id: string, kind: 'insertion' | 'deletion' | 'modification' | 'blockType') => SuggestionLook;

export const suggestionLookKey = new PluginKey<LookState>('suggestionLook');

const CLASS = { insertion: 'suggestion-ins', deletion: 'suggestion-del', modification: 'suggestion-mod' } as const;

function build(doc: PMNode, describe: DescribeSuggestion | null): DecorationSet {
  if (!describe) return DecorationSet.empty;
  const decos: Decoration[] = [];
  doc.descendants((node, pos) => {
    // A pending change of the block's type (schema/blockTypeSuggestion.ts): a coloured left border, with a tooltip.
    const pending = node.isTextblock ? readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR]) : null;
    if (pending) {
      const look = describe(pending.id, 'blockType');
      decos.push(Decoration.node(pos, pos + node.nodeSize, { class: 'suggestion suggestion-block', style: `--author: ${look.color}`, title: look.title, 'data-suggestion': pending.id }));
    }
    for (const mark of node.marks) {
      const kind = mark.type.name as keyof typeof CLASS;
      if (!(kind in CLASS)) continue;
      const look = describe(String(mark.attrs.id), kind);
      const attrs = { class: `suggestion ${CLASS[kind]}`, style: `--author: ${look.color}`, title: look.title, 'data-suggestion': String(mark.attrs.id) };
      decos.push(node.isInline ? Decoration.inline(pos, pos + node.nodeSize, attrs) : Decoration.node(pos, pos + node.nodeSize, attrs));
    }
    return true;
  });
  return DecorationSet.create(doc, decos);
}

/** Set (or replace) the describe function: dispatch a transaction with this meta. */
export const SET_SUGGESTION_LOOK = 'setSuggestionLook';

interface LookState {
  describe: DescribeSuggestion | null;
  set: DecorationSet;
}

export function suggestionLookPlugin(): Plugin<LookState> {
  return new Plugin<LookState>({
    key: suggestionLookKey,
    state: {
      init: (): LookState => ({ describe: null, set: DecorationSet.empty }),
      apply(tr, value, _old, state): LookState {
        const describe = (tr.getMeta(SET_SUGGESTION_LOOK) as DescribeSuggestion | undefined) ?? value.describe;
        if (describe === value.describe && !tr.docChanged) return value;
        return { describe, set: build(state.doc, describe) };
      },
    },
    props: { decorations: (state) => suggestionLookKey.getState(state)?.set ?? null },
  });
}

export const SuggestionLook = Extension.create({
  name: 'suggestionLook',
  addProseMirrorPlugins: () => [suggestionLookPlugin()],
});
