import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDate, t, tp } from '../../i18n';
import type { Thread } from '../../model/comments/threadTypes';
import { threadNumbers } from '../../model/comments/threadNumbers';
import type { MatrixRow } from '../../model/comments/matrix';
import { useComments } from './CommentsContext';
import { useCommentsUi } from './commentsUiStore';
import { CommentComposer, stakeholderRefusal } from './CommentComposer';
import { ThreadCard } from './ThreadCard';
import { LabeledField } from '../document/fields/LabeledField';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { useSuggestingEditor } from '../suggestions/suggestingEditorStore';

type Show = 'unresolved' | 'all' | 'resolved';
const PAGE = 40;

/** Reading order: threads on the text by position, then those on deleted text, not yet synced, on the whole document. */
export function readingOrder(threads: readonly Thread[], rowById: ReadonlyMap<string, MatrixRow>): Thread[] {
  const rank = (th: Thread) => {
    const r = rowById.get(th.id);
    if (!r || r.position === null) return Number.MAX_SAFE_INTEGER - (r?.status === 'general' ? 0 : 1);
    return r.position;
  };
  return [...threads].sort((a, b) => rank(a) - rank(b) || a.number - b.number);
}

/** The comments beside the text: the form for a new one, then the threads in reading order. */
export function CommentsPanel() {
  const data = useComments();
  const { threads, rowById, comments, doc, actor, canEdit, canComment, error } = data;
  const activeId = useCommentsUi((s) => s.activeThreadId);
  const focusTick = useCommentsUi((s) => s.focusTick);
  const composer = useCommentsUi((s) => s.composer);
  const { activate, reveal, setPanelOpen, openComposer } = useCommentsUi.getState();
  const [show, setShow] = useState<Show>('unresolved');
  const [limit, setLimit] = useState(PAGE);
  const listRef = useRef<HTMLOListElement>(null);
  const editor = useSuggestingEditor((s) => s.editor);

  const ordered = useMemo(() => readingOrder(threads, rowById), [threads, rowById]);
  const visible = useMemo(
    () => ordered.filter((th) => th.id === activeId || (show === 'all' ? true : show === 'resolved' ? th.resolved : !th.resolved)),
    [ordered, show, activeId],
  );
  const { numberOf, idOfNumber } = useMemo(() => threadNumbers(threads), [threads]);
  const onOpen = useCallback((id: string) => reveal(id), [reveal]);
  const onClose = useCallback(() => activate(null), [activate]);

  // Bring the active thread into the list (past the page limit if need be) and into view.
  const activeIndex = activeId ? visible.findIndex((th) => th.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= limit) setLimit(activeIndex + 1);
  }, [activeIndex, limit]);
  useEffect(() => {
    if (!activeId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-thread-card="${CSS.escape(activeId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [activeId, focusTick]);

  const unresolved = threads.filter((th) => !th.resolved).length;
  const refusal = stakeholderRefusal(data);

  return (
    <aside className="comments-panel" aria-label={t('comments.panel')}>
      <header className="comments-panel-header">
        <h2 className="comments-panel-title">
          {t('comments.panel')} <span className="count">{threads.length}</span>
        </h2>
        <button type="button" className="icon-button" aria-label={t('comments.panel.close')} onClick={() => setPanelOpen(false)}>
          ×
        </button>
      </header>
      {error ? (
        <p role="alert" className="error">
          {t('storage.error.open', { message: String(error) })}
        </p>
      ) : null}
      {!comments && !error && <p aria-busy="true">{t('common.loading')}</p>}
      <SuggestionsPanel editor={editor} doc={doc} canEdit={canEdit} />
      {data.phase && data.windowStatus !== null && <ConsultationNote refusal={refusal} />}
      {composer && <CommentComposer key={composer.anchor?.from ?? 'general'} />}
      {comments && (
        <>
          <div className="comments-panel-tools">
            <LabeledField label={t('comments.show')} className="field compact">
              {(fid) => (
              <select id={fid} value={show} onChange={(e) => (setShow(e.target.value as Show), setLimit(PAGE))}>
                <option value="unresolved">{t('comments.show.unresolved', { n: unresolved })}</option>
                <option value="all">{t('comments.show.all', { n: threads.length })}</option>
                <option value="resolved">{t('comments.show.resolved', { n: threads.length - unresolved })}</option>
              </select>
              )}
            </LabeledField>
            {canComment && !composer && (canEdit || !refusal) && (
              <button type="button" className="small-button" onClick={() => openComposer({ anchor: null })}>
                {t('comments.new.general')}
              </button>
            )}
          </div>
          {visible.length === 0 ? (
            <p className="muted comments-empty">{threads.length === 0 ? t('comments.none') : t('comments.noneShown')}</p>
          ) : (
            <ol className="thread-list" ref={listRef} aria-label={t('comments.list')}>
              {visible.slice(0, limit).map((th) => (
                <li key={th.id}>
                  <ThreadCard
                    thread={th}
                    row={rowById.get(th.id)}
                    active={th.id === activeId}
                    doc={doc}
                    comments={comments}
                    actor={actor}
                    canEdit={canEdit}
                    canComment={canComment}
                    numberOf={numberOf}
                    idOfNumber={idOfNumber}
                    onOpen={onOpen}
                    onClose={onClose}
                  />
                </li>
              ))}
            </ol>
          )}
          {visible.length > limit && (
            <button type="button" className="wide" onClick={() => setLimit((l) => l + PAGE * 4)}>
              {tp('comments.showMore', Math.min(PAGE * 4, visible.length - limit), { total: visible.length - limit })}
            </button>
          )}
        </>
      )}
    </aside>
  );
}

function ConsultationNote({ refusal }: { refusal: string | null }) {
  const { phase } = useComments();
  if (!phase) return null;
  if (!refusal) return <p className="consultation-note is-open">{t('comments.consultationOpen', { date: formatDate(phase.closesOn ?? '') })}</p>;
  return <p className="consultation-note">{refusal}</p>;
}
