import { useEffect, useRef, useState } from 'react';
import { Modal } from '../Modal';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useIdentity } from '../../state/identityStore';
import { syncUserFor } from '../../sync/useWorkspaceSync';
import { importErrorMessage } from './importErrorMessage';
import { readTrackedDocxInWorker } from '../../state/importInWorker';
import { importTrackedChanges } from '../../state/trackedActions';
import type { TrackedImportSummary } from '../../export/import/trackedApply';
import { desktopApi } from '../../platform/desktop';
import { t, tp } from '../../i18n';
import { OWN_WORKSPACE_ROLE } from '../../../../common/roles';

/** "Import changes from DOCX…": a stakeholder's Word file with tracked changes, as suggestions on this draft. */
export function TrackedImportDialog({ docId, onClose }: { docId: string; onClose: () => void }) {
  const { id: workspaceId, local } = useWorkspace();
  const identity = useIdentity();
  const notify = useUi((s) => s.notify);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<TrackedImportSummary | null>(null);
  const aborter = useRef<AbortController | null>(null);
  useEffect(() => () => aborter.current?.abort(), []);

  const choose = async () => {
    setError(null);
    const opened = await desktopApi.openFile({ filters: [{ name: 'Word document', extensions: ['docx'] }] });
    if (!opened) return;
    setBusy(true);
    try {
      aborter.current = new AbortController();
      const paragraphs = await readTrackedDocxInWorker(opened.data, { signal: aborter.current.signal });
      const user = local ? syncUserFor(local, identity) : identity;
      const result = await importTrackedChanges(workspaceId, docId, paragraphs, { id: user.id, name: user.name, role: local?.role ?? OWN_WORKSPACE_ROLE });
      setSummary(result);
      notify('info', summaryText(result));
    } catch (e) {
      setError(importErrorMessage(e, 'trackedImport.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('trackedImport.title')} onClose={onClose}>
      <p className="muted">{t('trackedImport.intro')}</p>
      {busy && <p aria-busy="true">{t('trackedImport.working')}</p>}
      {summary && (
        <p role="status" className="import-summary">
          {summaryText(summary)}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {summary ? t('common.close') : t('common.cancel')}
        </button>
        {!summary && (
          <button type="button" className="primary" disabled={busy} onClick={() => void choose()} aria-label={t('trackedImport.file')}>
            {t('trackedImport.button')}
          </button>
        )}
      </div>
    </Modal>
  );
}

export function summaryText(s: TrackedImportSummary): string {
  if (!s.changes && !s.unplaced) return t('trackedImport.none');
  return [tp('trackedImport.summary', s.changes, { authors: s.authors.length }), ...(s.unplaced ? [tp('trackedImport.unplaced', s.unplaced)] : [])].join(', ');
}
