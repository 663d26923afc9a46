import { Extension } from '@tiptap/core';

// A pending change of a block's type (issue 12: paragraph → heading, a heading's level), recorded in suggesting
// mode. @handlewithcare/prosemirror-suggest-changes records it as a node mark, but the Yjs binding never stores
// marks on blocks, so it would not sync. It is a NODE ATTRIBUTE here instead, which y-tiptap carries: the block
// already has its new type, and `suggestion` holds (as a JSON string: the editor's Yjs writer compares attribute
// values by identity) the suggestion's id and the type and attributes to restore on reject. Its author and time
// are in the document's `suggestions` meta map under the same id, as for the text suggestions.
// Accept drops the attribute; reject restores the old type and drops it (editor/blockTypeSuggestions.ts).

export const BLOCK_SUGGESTION_ATTR = 'suggestion';
export const BLOCK_SUGGESTION_TYPES = ['paragraph', 'heading'] as const;

export interface BlockTypeSuggestion {
  id: string;
  fromType: string;
  /** the block's attributes before the change, without `bid` and `suggestion` */
  fromAttrs: Record<string, unknown>;
}

/** The pending block-type suggestion an attribute value holds (null when none or unreadable). */
export function readBlockSuggestion(value: unknown): BlockTypeSuggestion | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const v = JSON.parse(value) as Partial<BlockTypeSuggestion>;
    if (typeof v.id !== 'string' || typeof v.fromType !== 'string') return null;
    return { id: v.id, fromType: v.fromType, fromAttrs: v.fromAttrs && typeof v.fromAttrs === 'object' ? v.fromAttrs : {} };
  } catch {
    return null;
  }
}

export const writeBlockSuggestion = (s: BlockTypeSuggestion): string => JSON.stringify({ id: s.id, fromType: s.fromType, fromAttrs: s.fromAttrs });

export const BlockTypeSuggestionAttr = Extension.create({
  name: 'blockTypeSuggestion',
  addGlobalAttributes() {
    return [
      {
        types: [...BLOCK_SUGGESTION_TYPES],
        attributes: {
          [BLOCK_SUGGESTION_ATTR]: {
            default: null,
            // A new paragraph made by Enter is not the pending type change of the one it was split from.
            keepOnSplit: false,
            // Pasted or imported HTML never brings a pending suggestion.
            parseHTML: () => null,
            // Only the id, for styling and for finding the block from the Suggestions panel.
            renderHTML: (attrs) => {
              const s = readBlockSuggestion(attrs[BLOCK_SUGGESTION_ATTR]);
              return s ? { 'data-block-suggestion': s.id } : {};
            },
          },
        },
      },
    ];
  },
});
