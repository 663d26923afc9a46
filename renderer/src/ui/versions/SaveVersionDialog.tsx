import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { formatDate, t, todayIso } from '../../i18n';
import { recordVersion } from '../../model/consultation/snapshots';
import { readPhaseState } from '../../model/consultation/phases';
import type { Actor } from '../../model/comments/threadTypes';
import { useUi } from '../../state/uiStore';
import { Modal } from '../Modal';
import { FormActions } from '../FormActions';
import { modelMessage } from '../errors';

/** Save version…: a name (required, defaulted to today's date) and an optional note; who and when are recorded. */
export function SaveVersionDialog({ doc, comments, actor, onClose }: { doc: Y.Doc; comments: Y.Doc | null; actor: Actor; onClose: () => void }) {
  const [name, setName] = useState(() => t('versions.defaultName', { date: formatDate(todayIso()) }));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const notify = useUi((s) => s.notify);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('versions.error.nameRequired'));
    try {
      recordVersion(doc, { name, note, kind: 'manual', phase: readPhaseState(doc)?.phase ?? '', by: actor, comments });
      notify('info', t('versions.saved', { name: name.trim() }));
      onClose();
    } catch (err) {
      setError(modelMessage(err));
    }
  };
  return (
    <Modal title={t('versions.saveTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form-grid">
        <label className="field">
          <span className="field-label">{t('versions.name')}</span>
          <input value={name} required aria-invalid={error ? true : undefined} onChange={(e) => (setName(e.target.value), setError(null))} />
        </label>
        <label className="field">
          <span className="field-label">{t('versions.note')}</span>
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <p className="muted small">{t('versions.saveHelp')}</p>
        <FormActions variant="modal" error={error} onCancel={onClose} submitLabel={t('versions.saveButton')} />
      </form>
    </Modal>
  );
}
