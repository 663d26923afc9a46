import { useState, type FormEvent } from 'react';
import { Modal } from '../Modal';
import { StakeholderOptions, StakeholderSelect, SubtypeSelect } from './pickers';
import { LabeledField } from '../document/fields/LabeledField';
import { QueryOptions } from '../network/InReplyToField';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { createNewDocument } from '../../state/documentActions';
import { useIdentity } from '../../state/identityStore';
import { CHANNELS, DOCUMENT_KINDS, MEETING_FORMATS, type Channel, type DocumentKind, type DraftSubtype, type MeetingFormat } from '../../model/kinds';
import { listStakeholders } from '../../model/stakeholders';
import { wsStakeholders } from '../../model/workspaceDoc';
import type { NewDocumentInput } from '../../model/templates';
import { useY } from '../hooks';
import { t, todayIso } from '../../i18n';
import { modelMessage } from '../errors';
import { FormActions } from '../FormActions';
import { ChoiceSelect } from '../ChoiceSelect';
import { DateInput } from '../DateInput';

export function NewDocumentDialog({ onClose }: { onClose: () => void }) {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const navigate = useUi((s) => s.navigate);
  const identity = useIdentity();
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws));
  const [kind, setKind] = useState<DocumentKind>('meeting');
  const [subtype, setSubtype] = useState<DraftSubtype>('output-report');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayIso());
  const [format, setFormat] = useState<MeetingFormat>('in-person');
  const [location, setLocation] = useState('');
  const [stakeholderId, setStakeholderId] = useState('');
  const [channel, setChannel] = useState<Channel>('email');
  const [inReplyTo, setInReplyTo] = useState('');
  const [contributionsDue, setContributionsDue] = useState('');
  const [replyDue, setReplyDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError(t('document.error.titleRequired'));
    const input: NewDocumentInput =
      kind === 'meeting'
        ? { kind, title, date, format, location }
        : kind === 'contribution'
          ? { kind, title, receivedOn: date, stakeholderId, channel, inReplyTo }
          : kind === 'query'
            ? { kind, title, postedOn: date, askedBy: stakeholderId, contributionsDue, replyDue }
            : { kind, title, subtype, date };
    setBusy(true);
    try {
      const docId = await createNewDocument(workspaceId, ws, input, identity.name);
      onClose();
      navigate({ screen: 'document', workspaceId, docId });
    } catch (err) {
      setError(modelMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('document.new')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form-grid">
        <fieldset className="kind-picker">
          <legend>{t('document.kind')}</legend>
          {DOCUMENT_KINDS.map((k) => (
            <label key={k} className={`kind-option${kind === k ? ' selected' : ''}`}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span className="kind-name">{t(`kind.${k}`)}</span>
              <span className="muted small">{t(`kind.${k}.hint`)}</span>
            </label>
          ))}
        </fieldset>
        {kind === 'draft' && (
          <SubtypeSelect value={subtype} onChange={setSubtype} />
        )}
        <label className="field">
          <span className="field-label">{t('document.title')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus aria-invalid={!!error && !title.trim()} />
        </label>
        <label className="field">
          <span className="field-label">{kind === 'contribution' ? t('contribution.receivedOn') : kind === 'query' ? t('query.postedOn') : t('document.date')}</span>
          <DateInput value={date} onChange={setDate} />
        </label>
        {kind === 'meeting' && (
          <>
            <ChoiceSelect label={t('meeting.format')} value={format} values={MEETING_FORMATS} prefix="format" onChange={setFormat} />
            <label className="field">
              <span className="field-label">{t('meeting.location')}</span>
              <input value={location} onChange={(e) => setLocation(e.target.value)} />
            </label>
          </>
        )}
        {kind === 'contribution' && (
          <>
            <StakeholderSelect stakeholders={stakeholders} value={stakeholderId} onChange={setStakeholderId} />
            <ChoiceSelect label={t('contribution.channel')} value={channel} values={CHANNELS} prefix="channel" onChange={setChannel} />
            <LabeledField label={t('query.inReplyTo')}>
              {(id) => (
                <select id={id} value={inReplyTo} onChange={(e) => setInReplyTo(e.target.value)}>
                  <QueryOptions ws={ws} />
                </select>
              )}
            </LabeledField>
          </>
        )}
        {kind === 'query' && (
          <>
            <LabeledField label={t('query.askedBy')}>
              {(id) => (
                <select id={id} value={stakeholderId} onChange={(e) => setStakeholderId(e.target.value)}>
                  <StakeholderOptions stakeholders={stakeholders} />
                </select>
              )}
            </LabeledField>
            <label className="field">
              <span className="field-label">{t('query.contributionsDue')}</span>
              <DateInput value={contributionsDue} onChange={setContributionsDue} />
            </label>
            <label className="field">
              <span className="field-label">{t('query.replyDue')}</span>
              <DateInput value={replyDue} onChange={setReplyDue} />
            </label>
          </>
        )}
        <FormActions variant="modal" error={error} onCancel={onClose} submitLabel={t('document.create')} disabled={busy} />
      </form>
    </Modal>
  );
}
