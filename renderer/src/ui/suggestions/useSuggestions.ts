import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { listSuggestions, readSuggestionMetas, type ListedSuggestion } from '../../editor/suggestionActions';
import { suggestionsMap } from '../../model/suggestions/suggestionMeta';
import { SET_SUGGESTION_LOOK, type DescribeSuggestion } from '../../editor/suggestionDecorations';
import { colorFor } from '../../model/identity';
import { formatWhen } from '../comments/format';
import { t } from '../../i18n';

/** The document's pending suggestions, re-read (debounced) when the text or the meta entries change. */
export function useSuggestions(editor: Editor | null, doc: Y.Doc | null): ListedSuggestion[] {
  const [list, setList] = useState<ListedSuggestion[]>([]);
  useEffect(() => {
    if (!editor || !doc) return setList([]);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      timer = null;
      if (!editor.isDestroyed) setList(listSuggestions(editor.state.doc, readSuggestionMetas(doc)));
    };
    const later = () => void (timer ??= setTimeout(read, 120));
    read();
    editor.on('update', later);
    editor.on('transaction', later);
    const map = suggestionsMap(doc);
    map.observe(later);
    return () => {
      if (timer) clearTimeout(timer);
      editor.off('update', later);
      editor.off('transaction', later);
      map.unobserve(later);
    };
  }, [editor, doc]);
  return list;
}

/** Gives the editor's suggestion decorations their colours and tooltips (author, time), kept in step with the metas. */
export function useSuggestionLook(editor: Editor | null, doc: Y.Doc | null): void {
  useEffect(() => {
    if (!editor || !doc) return;
    const map = suggestionsMap(doc);
    const push = () => {
      if (editor.isDestroyed) return;
      const describe: DescribeSuggestion = (id) => {
        const m = map.get(id);
        if (!m) return { color: '#6b7280', title: t('suggest.unknownAuthor') };
        return { color: colorFor(m.authorId), title: t('suggest.tooltip', { name: m.authorName || t('suggest.unknownAuthor'), date: formatWhen(m.at) }) };
      };
      editor.view.dispatch(editor.state.tr.setMeta(SET_SUGGESTION_LOOK, describe).setMeta('addToHistory', false));
    };
    push();
    map.observe(push);
    return () => map.unobserve(push);
  }, [editor, doc]);
}
