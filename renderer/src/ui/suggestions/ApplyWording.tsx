// In a comment card: an editor applies the commenter's proposed wording to the anchored text in one click (a
// tracked suggestion in suggesting mode, a direct edit otherwise), which sets the disposition to accepted and links
// the comment to the change; afterwards the card says where the wording went ("Applied — see ¶ N").
import { useState } from 'react';
import type * as Y from 'yjs';
import { resolveAnchor } from '../../model/comments/anchor';
import type { Actor, Thread } from '../../model/comments/threadTypes';
import { readAppliedChange, recordAppliedChange } from '../../model/suggestions/appliedChange';
import { applyWording } from '../../editor/applyWording';
import { listSuggestions } from '../../editor/suggestionActions';
import { useComments } from '../comments/CommentsContext';
import { formatWhen } from '../comments/format';
import { modelMessage } from '../errors';
import { t } from '../../i18n';
import { useSuggestingEditor } from './suggestingEditorStore';
import { showSuggestion } from './SuggestionsPanel';

export function ApplyWording({ thread: th, comments, actor, canEdit }: { thread: Thread; comments: Y.Doc; actor: Actor; canEdit: boolean }) {
  const { index } = useComments();
  const editor = useSuggestingEditor((s) => s.editor);
  const [error, setError] = useState<string | null>(null);
  const applied = readAppliedChange(comments, th.id);

  if (applied) {
    const block = applied.blockId ? index?.blocks.find((b) => b.bid === applied.blockId) : undefined;
    const para = block?.para ?? null;
    const reveal = () => {
      if (!editor || editor.isDestroyed) return;
      const s = applied.suggestionId ? listSuggestions(editor.state.doc, null).find((x) => x.id === applied.suggestionId) : undefined;
      if (s) return showSuggestion(editor, s);
      if (block) {
        const dom = editor.view.nodeDOM(block.start);
        if (dom instanceof Element) dom.scrollIntoView({ block: 'center' });
      }
    };
    return (
      <p className="applied-change small" onClick={(e) => e.stopPropagation()}>
        <button type="button" className="link-button" onClick={reveal} title={t('suggest.appliedBy', { name: applied.byName, date: formatWhen(applied.at) })}>
          {para !== null ? t('suggest.applied', { n: String(para) }) : t('suggest.appliedNoPara')}
        </button>
      </p>
    );
  }
  if (!canEdit || !th.proposedWording || !th.anchor) return null;

  const apply = () => {
    setError(null);
    if (!editor || editor.isDestroyed || !index) return setError(t('suggest.applyError.noEditor'));
    if (index.size !== editor.state.doc.content.size) return setError(t('suggest.applyError.noEditor'));
    const r = resolveAnchor(index, th.anchor!);
    if (r.status !== 'ok') return setError(t('suggest.applyError.anchor'));
    try {
      const change = applyWording({ state: editor.state, dispatch: (tr) => editor.view.dispatch(tr) }, { from: r.from, to: r.to }, th.proposedWording, th.id);
      recordAppliedChange(comments, th.id, change, actor);
    } catch (e) {
      setError(modelMessage(e));
    }
  };
  return (
    <div className="apply-wording" onClick={(e) => e.stopPropagation()}>
      <button type="button" className="small-button primary" aria-label={t('suggest.applyLabel', { n: String(th.number) })} onClick={apply}>
        {t('suggest.apply')}
      </button>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
