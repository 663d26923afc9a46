import { useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import { useWorkspace } from '../../../state/workspaceContext';
import { addParticipant, docFields, removeParticipant, type Participant } from '../../../model/documentDoc';
import { listStakeholders, resolveStakeholder } from '../../../model/stakeholders';
import { wsStakeholders } from '../../../model/workspaceDoc';
import { useY } from '../../hooks';
import { t } from '../../../i18n';
import { LabeledField } from './LabeledField';
import { modelMessage } from '../../errors';

interface ParticipantRow {
  id: string;
  name: string;
  organisation: string;
  group: string;
  registered: boolean;
  removed: boolean;
}

/** Participants of a meeting: registry entries (followed through merges, still shown when deleted) or free text. */
export function Participants({ doc }: { doc: Y.Doc }) {
  const { doc: ws, canEdit } = useWorkspace();
  const fields = docFields(doc);
  const list = useY(fields, () => {
    const value = fields.get('participants');
    return value instanceof Y.Array ? (value.toArray() as Participant[]) : [];
  });
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws));

  const rows: ParticipantRow[] = list.map((p) => {
    if (!('stakeholderId' in p)) return { id: p.id, name: p.name, organisation: p.organisation ?? '', group: '', registered: false, removed: false };
    const s = resolveStakeholder(ws, p.stakeholderId);
    if (!s) return { id: p.id, name: t('meeting.unknownStakeholder'), organisation: '', group: '', registered: true, removed: true };
    return { id: p.id, name: s.name, organisation: s.organisation, group: t(`group.${s.group}`), registered: true, removed: !!s.deleted };
  });
  // Offer each registry entry once (merged duplicates resolve to the entry they were merged into).
  const taken = new Set(list.flatMap((p) => ('stakeholderId' in p ? [p.stakeholderId, resolveStakeholder(ws, p.stakeholderId)?.id ?? ''] : [])));
  const available = stakeholders.filter((s) => !taken.has(s.id));

  return (
    <div className="fields-subsection">
      <h3 className="fields-subtitle" id="participants-heading">
        {t('meeting.participants')} <span className="count">{rows.length}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted small">{t('meeting.noParticipants')}</p>
      ) : (
        <table className="data-table compact-table" aria-labelledby="participants-heading">
          <thead>
            <tr>
              <th scope="col">{t('meeting.participantName')}</th>
              <th scope="col">{t('stakeholder.organisation')}</th>
              <th scope="col">{t('stakeholder.group')}</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('fields.rowActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="cell-name">
                  {r.name}
                  {r.removed && <span className="removed-note"> {t('stakeholder.removedFromRegistry')}</span>}
                </th>
                <td>{r.organisation || <span className="muted">—</span>}</td>
                <td>{r.registered ? r.group || <span className="muted">—</span> : <span className="muted">{t('meeting.notInRegistry')}</span>}</td>
                {canEdit && (
                  <td className="cell-actions">
                    <button type="button" className="link-button danger-link" aria-label={t('meeting.removeParticipant', { name: r.name })} onClick={() => removeParticipant(doc, r.id)}>
                      {t('common.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <AddParticipant doc={doc} available={available} />}
    </div>
  );
}

function AddParticipant({ doc, available }: { doc: Y.Doc; available: Array<{ id: string; name: string; organisation: string }> }) {
  const [stakeholderId, setStakeholderId] = useState('');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = available.some((s) => s.id === stakeholderId) ? stakeholderId : '';

  const addRegistered = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setError(t('meeting.error.chooseStakeholder'));
    addParticipant(doc, { stakeholderId: chosen });
    setStakeholderId('');
    setError(null);
  };
  const addFree = (e: FormEvent) => {
    e.preventDefault();
    try {
      addParticipant(doc, { name, organisation });
      setName('');
      setOrganisation('');
      setError(null);
    } catch (err) {
      setError(modelMessage(err));
    }
  };

  return (
    <div className="add-participant">
      <form className="inline-form" onSubmit={addRegistered}>
        <LabeledField label={t('meeting.addFromRegistry')} className="field compact grow">
          {(id) => (
            <select id={id} value={chosen} onChange={(e) => setStakeholderId(e.target.value)}>
              <option value="">{available.length ? t('contribution.chooseStakeholder') : t('meeting.registryEmpty')}</option>
              {available.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.organisation ? ` (${s.organisation})` : ''}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
        <button type="submit" disabled={!available.length}>
          {t('meeting.addParticipant')}
        </button>
      </form>
      <form className="inline-form" onSubmit={addFree}>
        <label className="field compact grow">
          <span className="field-label">{t('meeting.otherName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field compact grow">
          <span className="field-label">{t('meeting.otherOrganisation')}</span>
          <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </label>
        <button type="submit">{t('meeting.addOtherButton')}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
