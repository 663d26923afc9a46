import type * as Y from 'yjs';
import { useWorkspace } from '../../../state/workspaceContext';
import { useUi } from '../../../state/uiStore';
import { docFields, getString, setField } from '../../../model/documentDoc';
import { listStakeholders, resolveStakeholder } from '../../../model/stakeholders';
import { wsStakeholders } from '../../../model/workspaceDoc';
import { CHANNELS, isOneOf } from '../../../model/kinds';
import { useY } from '../../hooks';
import { formatDate, t } from '../../../i18n';
import { DocChoiceField, DocDateField } from './DocFieldInputs';
import { ReadOnlyField } from './ReadOnlyField';
import { useMetaDate } from './useMetaDate';
import { LabeledField } from './LabeledField';
import { StakeholderOptions } from '../../documents/pickers';

/** Who sent a contribution (a registry entry), when and through which channel. Its themes are the document's tags. */
export function ContributionFields({ doc }: { doc: Y.Doc }) {
  const { id: workspaceId, doc: ws, canEdit } = useWorkspace();
  const navigate = useUi((s) => s.navigate);
  const fields = docFields(doc);
  const values = useY(fields, () => {
    const channel = fields.get('channel');
    return { stakeholderId: getString(doc, 'stakeholderId'), receivedOn: getString(doc, 'receivedOn'), channel: isOneOf(CHANNELS, channel) ? channel : 'email' };
  });
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws));
  const syncMetaDate = useMetaDate(doc);

  const who = values.stakeholderId ? resolveStakeholder(ws, values.stakeholderId) : null;
  // A merged duplicate shows as the entry it was merged into; a deleted entry stays selected, marked as removed.
  const selected = who && !who.deleted ? who.id : values.stakeholderId;
  const removedOption = who?.deleted ? who : null;
  const orphan = values.stakeholderId && !who;

  return (
    <section className="fields-panel contribution-fields" aria-labelledby="contribution-fields-heading">
      <h2 id="contribution-fields-heading" className="fields-heading">
        {t('contribution.details')}
      </h2>
      <div className="fields-grid contribution-grid">
        {canEdit ? (
          <>
            <LabeledField label={t('contribution.who')} className="field">
              {(id) => (
                <select id={id} value={selected} onChange={(e) => setField(doc, 'stakeholderId', e.target.value)}>
                  <StakeholderOptions stakeholders={stakeholders} />
                  {removedOption && (
                    <option value={values.stakeholderId} disabled>
                      {removedOption.name} {t('stakeholder.removedFromRegistry')}
                    </option>
                  )}
                  {orphan && (
                    <option value={values.stakeholderId} disabled>
                      {t('meeting.unknownStakeholder')}
                    </option>
                  )}
                </select>
              )}
            </LabeledField>
            <DocDateField doc={doc} field="receivedOn" label={t('contribution.receivedOn')} value={values.receivedOn} onDate={syncMetaDate} />
            <DocChoiceField doc={doc} field="channel" label={t('contribution.channel')} value={values.channel} values={CHANNELS} prefix="channel" />
          </>
        ) : (
          <>
            <ReadOnlyField label={t('contribution.who')} value={who ? `${who.name}${who.deleted ? ` ${t('stakeholder.removedFromRegistry')}` : ''}` : ''} />
            <ReadOnlyField label={t('contribution.receivedOn')} value={formatDate(values.receivedOn)} />
            <ReadOnlyField label={t('contribution.channel')} value={t(`channel.${values.channel}`)} />
          </>
        )}
      </div>
      {who ? (
        <dl className="stakeholder-summary" aria-label={t('contribution.aboutStakeholder', { name: who.name })}>
          <div>
            <dt>{t('stakeholder.organisation')}</dt>
            <dd>{who.organisation || '—'}</dd>
          </div>
          <div>
            <dt>{t('stakeholder.group')}</dt>
            <dd>{t(`group.${who.group}`)}</dd>
          </div>
          <div>
            <dt>{t('stakeholder.region')}</dt>
            <dd>{t(`region.${who.region}`)}</dd>
          </div>
          {who.deleted && <p className="removed-note">{t('stakeholder.removedExplain')}</p>}
        </dl>
      ) : (
        stakeholders.length === 0 &&
        canEdit && (
          <p className="muted small">
            {t('contribution.registryEmpty')}{' '}
            <a
              href={`#/w/${workspaceId}/stakeholders`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ screen: 'stakeholders', workspaceId });
              }}
            >
              {t('contribution.openRegistry')}
            </a>
          </p>
        )
      )}
    </section>
  );
}
