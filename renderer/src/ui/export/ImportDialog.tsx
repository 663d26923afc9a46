import { useEffect, useRef, useState } from 'react';
import { Modal } from '../Modal';
import { StakeholderSelect, SubtypeSelect } from '../documents/pickers';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useIdentity } from '../../state/identityStore';
import { syncUserFor } from '../../sync/useWorkspaceSync';
import { createFromImport } from '../../state/exportActions';
import type { ImportResult } from '../../export/import/importDocx';
import { importErrorMessage } from './importErrorMessage';
import { importDocxInWorker } from '../../state/importInWorker';
import { listStakeholders } from '../../model/stakeholders';
import { wsStakeholders } from '../../model/workspaceDoc';
import type { DraftSubtype } from '../../model/kinds';
import { desktopApi } from '../../platform/desktop';
import { useY } from '../hooks';
import { t, tp, todayIso } from '../../i18n';
import { OWN_WORKSPACE_ROLE } from '../../../../common/roles';

/** File > Import DOCX: a new stakeholder contribution (choose who sent it) or a new draft. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { id: workspaceId, doc: ws, local } = useWorkspace();
  const identity = useIdentity();
  const navigate = useUi((s) => s.navigate);
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws));
  const [file, setFile] = useState<{ name: string; result: ImportResult } | null>(null);
  const [as, setAs] = useState<'contribution' | 'draft'>('contribution');
  const [stakeholderId, setStakeholderId] = useState('');
  const [subtype, setSubtype] = useState<DraftSubtype>('output-report');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  // Closing the dialog stops a worker still reading a file.
  const aborter = useRef<AbortController | null>(null);
  useEffect(() => () => aborter.current?.abort(), []);

  const choose = async () => {
    setError(null);
    const opened = await desktopApi.openFile({ filters: [{ name: 'Word document', extensions: ['docx'] }] });
    if (!opened) return;
    setBusy(true);
    setReading(opened.name);
    try {
      // In a worker: the editor behind this dialog stays responsive however long the file takes to read.
      aborter.current = new AbortController();
      const result = await importDocxInWorker(opened.data, { signal: aborter.current.signal });
      setFile({ name: opened.name, result });
      setTitle(opened.name.replace(/\.docx$/i, ''));
    } catch (e) {
      setFile(null);
      setError(importErrorMessage(e, 'import.failed'));
    } finally {
      setBusy(false);
      setReading(null);
    }
  };

  const create = async () => {
    if (!file) return;
    if (!title.trim()) return setError(t('document.error.titleRequired'));
    if (as === 'contribution' && !stakeholderId) return setError(t('import.chooseStakeholder'));
    setBusy(true);
    try {
      const user = local ? syncUserFor(local, identity) : identity;
      const stakeholder = stakeholders.find((s) => s.id === stakeholderId) ?? null;
      const input =
        as === 'contribution'
          ? { kind: 'contribution' as const, title, stakeholderId, receivedOn: todayIso(), channel: 'written-submission' as const }
          : { kind: 'draft' as const, title, subtype, date: todayIso() };
      const docId = await createFromImport(workspaceId, ws, file.result, input, { id: user.id, name: user.name, role: local?.role ?? OWN_WORKSPACE_ROLE }, stakeholder);
      onClose();
      navigate({ screen: 'document', workspaceId, docId });
    } catch (e) {
      setError(t('import.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('import.title')} onClose={onClose}>
      <p className="muted">{t('import.explain')}</p>
      <p>
        <button type="button" onClick={choose} disabled={busy}>
          {file ? t('import.chooseOther') : t('import.choose')}
        </button>
        {file && <span className="muted"> {file.name}</span>}
      </p>
      {reading && (
        <p role="status" className="small">
          {t('import.reading', { name: reading })}
        </p>
      )}
      {file && (
        <>
          <p role="status" className="small">
            {tp('import.summary', file.result.comments.length, { name: file.name })}
          </p>
          {file.result.notices.length > 0 && (
            <ul className="notices" aria-label={t('import.notices')}>
              {file.result.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <fieldset className="checks">
            <legend>{t('import.as')}</legend>
            <label className="check">
              <input type="radio" name="import-as" checked={as === 'contribution'} onChange={() => setAs('contribution')} />
              {t('kind.contribution')}
            </label>
            <label className="check">
              <input type="radio" name="import-as" checked={as === 'draft'} onChange={() => setAs('draft')} />
              {t('kind.draft')}
            </label>
          </fieldset>
          <label className="field">
            <span className="field-label">{t('document.title')}</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          {as === 'contribution' ? (
            <StakeholderSelect stakeholders={stakeholders} value={stakeholderId} onChange={setStakeholderId} />
          ) : (
            <SubtypeSelect value={subtype} onChange={setSubtype} />
          )}
        </>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={create} disabled={!file || busy}>
          {t('import.create')}
        </button>
      </div>
    </Modal>
  );
}
