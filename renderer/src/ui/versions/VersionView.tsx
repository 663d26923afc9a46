import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { t, tp } from '../../i18n';
import { listVersions, openVersionById, versionsArray } from '../../model/consultation/snapshots';
import { numberThreads, readThreads } from '../../model/comments/commentsDoc';
import { useY } from '../hooks';
import { formatWhen, speakerName } from '../comments/format';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useHistoryUi } from './historyUi';
import { useOptionalComments } from '../comments/CommentsContext';

type Opened = { doc: Y.Doc; comments: Y.Doc | null } | { error: string } | null;

/** A version read-only: its text in a read-only editor and its comments as they were. Esc or Back leaves. */
export function VersionView({ doc, versionId, canEdit, lang }: { doc: Y.Doc; versionId: string; canEdit: boolean; lang?: string }) {
  const meta = useY(versionsArray(doc), () => listVersions(doc).find((v) => v.id === versionId) ?? null);
  const { view, openDialog } = useHistoryUi.getState();
  const [opened, setOpened] = useState<Opened>(null);
  // The editors' comments doc holds each version's comments; a commenter's or viewer's projection does not.
  const comments = useOptionalComments()?.comments ?? null;
  const back = useRef<HTMLButtonElement>(null);

  // Rebuilding a version of a long document takes a moment: let the "Opening…" line paint first.
  useEffect(() => {
    let live = true;
    let result: Opened = null;
    const timer = window.setTimeout(() => {
      try {
        const v = openVersionById(doc, versionId, comments);
        result = v ?? { error: t('versions.error.notFound') };
      } catch (err) {
        result = { error: t('versions.error.open', { message: err instanceof Error ? err.message : String(err) }) };
      }
      if (live) setOpened(result);
    }, 0);
    return () => {
      live = false;
      window.clearTimeout(timer);
      if (result && 'doc' in result) {
        result.doc.destroy();
        result.comments?.destroy();
      }
    };
  }, [doc, versionId, comments]);

  useEffect(() => back.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) view(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view]);

  const threads = useMemo(() => (opened && 'doc' in opened && opened.comments ? numberThreads(readThreads(opened.comments)) : []), [opened]);
  const name = meta?.name ?? '';

  return (
    <section className="version-view" aria-labelledby="version-view-title">
      <header className="version-view-header">
        <button type="button" ref={back} onClick={() => view(null)}>
          ← {t('versions.back')}
        </button>
        <h2 id="version-view-title">{t('versions.viewing', { name })}</h2>
        {meta && <p className="muted small">{t('versions.viewMeta', { name: meta.createdByName, when: formatWhen(meta.createdAt) })}</p>}
        {meta?.note && <p className="history-note">{meta.note}</p>}
        {canEdit && meta && (
          <button type="button" className="primary" onClick={() => openDialog({ type: 'restore', versionId })}>
            {t('versions.restoreLabel', { name })}
          </button>
        )}
      </header>
      {!opened && <p aria-busy="true">{t('versions.loading')}</p>}
      {opened && 'error' in opened && (
        <p role="alert" className="error">
          {opened.error}
        </p>
      )}
      {opened && 'doc' in opened && (
        <div className="version-view-layout">
          <div className="version-view-text">
            <RichTextEditor doc={opened.doc} editable={false} label={t('versions.bodyLabel', { name })} lang={lang} />
          </div>
          <aside className="comments-panel version-view-comments" aria-label={t('versions.commentsThen')}>
            <h3>{t('versions.commentsThen')}</h3>
            {threads.length === 0 ? (
              <p className="muted">{meta?.hasComments && !opened.comments ? t('versions.commentsEditorsOnly') : t('versions.noComments')}</p>
            ) : (
              <ol className="version-threads">
                {threads.map((th) => (
                  <li key={th.id}>
                    <p className="small">
                      <strong>#{th.number}</strong> {speakerName(th)} · <span className="muted">{formatWhen(th.createdAt)}</span>
                    </p>
                    <p>{th.body}</p>
                    {th.replies.length > 0 && <p className="muted small">{tp('versions.replies', th.replies.length)}</p>}
                  </li>
                ))}
              </ol>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}
