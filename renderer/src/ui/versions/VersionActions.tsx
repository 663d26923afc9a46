import { useEffect } from 'react';
import { t } from '../../i18n';
import { useCommentsUi } from '../comments/commentsUiStore';
import { useHistoryUi } from './historyUi';

/** In the document header: Save version… (editors) and the History panel toggle (everyone who reads the doc). */
export function VersionActions({ docId, canEdit }: { docId: string; canEdit: boolean }) {
  const open = useHistoryUi((s) => s.open);
  const commentsOpen = useCommentsUi((s) => s.panelOpen);
  const { forDoc, setOpen, openDialog } = useHistoryUi.getState();
  useEffect(() => forDoc(docId), [docId, forDoc]);
  // One right-hand column: opening the comments closes the history, and the other way round.
  useEffect(() => {
    if (commentsOpen) useHistoryUi.getState().setOpen(false);
  }, [commentsOpen]);
  return (
    <span className="version-actions">
      {canEdit && (
        <button type="button" onClick={() => openDialog({ type: 'save' })}>
          {t('versions.save')}
        </button>
      )}
      <button
        type="button"
        className="toggle"
        aria-pressed={open}
        onClick={() => {
          if (!open) useCommentsUi.getState().setPanelOpen(false);
          setOpen(!open);
        }}
      >
        {t('versions.history')}
      </button>
    </span>
  );
}
