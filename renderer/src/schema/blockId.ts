import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newId } from '../../../common/ids';

// Every paragraph and heading carries a persistent id (`bid`), so paragraph numbers and comment locations stay
// stable while text above them changes. Ids are assigned by local edits only: a remote change (from Yjs) never
// triggers a write, so merely opening a document writes nothing.

export const BLOCK_ID_TYPES = ['paragraph', 'heading'];
export const BLOCK_ID_ATTR = 'bid';

export const BlockId = Extension.create({
  name: 'blockId',
  addGlobalAttributes() {
    return [
      {
        types: BLOCK_ID_TYPES,
        attributes: {
          [BLOCK_ID_ATTR]: {
            default: null,
            // Pasted or imported HTML never brings ids: fresh ones are assigned below.
            parseHTML: () => null,
            renderHTML: (attrs) => (attrs[BLOCK_ID_ATTR] ? { 'data-bid': attrs[BLOCK_ID_ATTR] } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('blockId'),
        appendTransaction(transactions, _old, state) {
          const local = transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
          if (!local) return null;
          const seen = new Set<string>();
          const tr = state.tr;
          state.doc.descendants((node, pos) => {
            if (!BLOCK_ID_TYPES.includes(node.type.name)) return true;
            const id = node.attrs[BLOCK_ID_ATTR] as string | null;
            if (!id || seen.has(id)) {
              const fresh = newId();
              tr.setNodeAttribute(pos, BLOCK_ID_ATTR, fresh);
              seen.add(fresh);
            } else seen.add(id);
            return true;
          });
          if (!tr.docChanged) return null;
          return tr.setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
