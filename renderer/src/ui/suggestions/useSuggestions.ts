import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { listSuggestions, readSuggestionMetas, type ListedSuggestion } from '../../editor/suggestionActions';
import { suggestionsMap } from '../../model/suggestions/suggestionMeta';
import { SET_SUGGESTION_LOOK, type DescribeSuggestion } from '../../editor/suggestionDecorations';
import { colorFor } from '../../model/identity';
import { formatWhen } from '../comments/format';
import { t } from '../../i18n';
import { TYPING_PAUSE_MS } from '../editor/useEditorReading';
import { quiet } from '../../platform/quiet';

/**
 * The document's pending suggestions, read again when the text or the meta entries change: after typing pauses
 * (each read walks the whole document), and kept as shown when nothing in them changed (no re-render).
 */
export function useSuggestions(editor: Editor | null, doc: Y.Doc | null): ListedSuggestion[] {
  const [list, setList] = useState<ListedSuggestion[]>([]);
  useEffect(() => {
    if (!editor || !doc) return setList([]);
    const read = () => {
      if (editor.isDestroyed) return;
      const next = listSuggestions(editor.state.doc, readSuggestionMetas(doc));
      setList((shown) => (JSON.stringify(shown) === JSON.stringify(next) ? shown : next));
    };
    const paused = quiet(read);
    const later = () => paused.poke(TYPING_PAUSE_MS);
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged) later();
    };
    read();
    editor.on('transaction', onTransaction);
    const map = suggestionsMap(doc);
    map.observe(later);
    return () => {
      paused.cancel();
      editor.off('transaction', onTransaction);
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
    // Not from inside the Yjs transaction: one transaction may change both this map and the body (a merged update,
    // such as a scale-out server relays between instances), and a dispatch made before y-tiptap has read the body in
    // would have its sync plugin write the editor's older copy of the body back over the change. A microtask runs
    // once the transaction, the body's included, is read in.
    let queued = false;
    const later = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        push();
      });
    };
    map.observe(later);
    return () => map.unobserve(later);
  }, [editor, doc]);
}
