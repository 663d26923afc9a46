import { useState } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useIdentity } from '../../state/identityStore';
import { docFields, setField } from '../../model/documentDoc';
import { listStakeholders } from '../../model/stakeholders';
import { wsStakeholders, type DocumentMeta } from '../../model/workspaceDoc';
import { QUERY_STATUSES, REGIONS, type QueryStatus } from '../../model/kinds';
import { QUERY_FIELD, readQueryFields } from '../../model/network/query';
import { draftReplyForQuery } from '../../state/queryActions';
import { useY } from '../hooks';
import { formatDate, t } from '../../i18n';
import { modelMessage } from '../errors';
import { DocDateField } from '../document/fields/DocFieldInputs';
import { LabeledField } from '../document/fields/LabeledField';
import { ReadOnlyField } from '../document/fields/ReadOnlyField';
import { useMetaDate } from '../document/fields/useMetaDate';
import { StakeholderOptions } from '../documents/pickers';
import { useContributions, useMetas } from './useQueryData';

/** A query's fields (who asked, region, dates, status), its contributions and its consolidated reply. */
export function QueryFields({ doc, meta }: { doc: Y.Doc; meta: DocumentMeta }) {
  const { id: workspaceId, doc: ws, canEdit } = useWorkspace();
  const fields = docFields(doc);
  const q = useY(fields, () => readQueryFields(fields));
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws));
  const syncMetaDate = useMetaDate(doc);
  const asker = stakeholders.find((s) => s.id === q.askedBy);
  return (
    <section className="fields-panel query-fields" aria-labelledby="query-fields-heading">
      <h2 id="query-fields-heading" className="fields-heading">
        {t('query.details')}
      </h2>
      <div className="fields-grid query-grid">
        {canEdit ? (
          <>
            <LabeledField label={t('query.askedBy')}>
              {(id) => (
                <select id={id} value={q.askedBy} onChange={(e) => setField(doc, 'askedBy', e.target.value)}>
                  <StakeholderOptions stakeholders={stakeholders} />
                </select>
              )}
            </LabeledField>
            <LabeledField label={t('query.region')}>
              {(id) => (
                <select id={id} value={q.region} onChange={(e) => setField(doc, 'region', e.target.value)}>
                  <option value="">{t('query.anyRegion')}</option>
                  {REGIONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`region.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </LabeledField>
            <DocDateField doc={doc} field="postedOn" label={t('query.postedOn')} value={q.postedOn} onDate={syncMetaDate} />
            <DocDateField doc={doc} field="contributionsDue" label={t('query.contributionsDue')} value={q.contributionsDue} onDate={() => {}} />
            <DocDateField doc={doc} field="replyDue" label={t('query.replyDue')} value={q.replyDue} onDate={() => {}} />
            <LabeledField label={t('query.status')}>
              {(id) => (
                <select id={id} value={q.status} disabled={q.status === 'published'} onChange={(e) => setField(doc, QUERY_FIELD.status, e.target.value as QueryStatus)}>
                  {QUERY_STATUSES.filter((s) => s !== 'published' || q.status === 'published').map((s) => (
                    <option key={s} value={s}>
                      {t(`query.status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </LabeledField>
          </>
        ) : (
          <>
            <ReadOnlyField label={t('query.askedBy')} value={asker ? `${asker.name}${asker.organisation ? ` (${asker.organisation})` : ''}` : ''} />
            <ReadOnlyField label={t('query.region')} value={q.region ? t(`region.${q.region}`) : t('query.anyRegion')} />
            <ReadOnlyField label={t('query.postedOn')} value={formatDate(q.postedOn, 'long')} />
            <ReadOnlyField label={t('query.contributionsDue')} value={formatDate(q.contributionsDue, 'long')} />
            <ReadOnlyField label={t('query.replyDue')} value={formatDate(q.replyDue, 'long')} />
            <ReadOnlyField label={t('query.status')} value={t(`query.status.${q.status}`)} />
          </>
        )}
      </div>
      {meta.publishedAt && <p className="muted small">{t('query.publishedOn', { date: formatDate(meta.publishedAt, 'long') })}</p>}
      <ReplyAction workspaceId={workspaceId} ws={ws} meta={meta} canEdit={canEdit} />
      <QueryContributions workspaceId={workspaceId} ws={ws} queryId={meta.id} />
    </section>
  );
}

function ReplyAction({ workspaceId, ws, meta, canEdit }: { workspaceId: string; ws: Y.Doc; meta: DocumentMeta; canEdit: boolean }) {
  const navigate = useUi((s) => s.navigate);
  const identity = useIdentity();
  const metas = useMetas(ws);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reply = metas.find((m) => m.replyTo === meta.id && m.kind === 'draft');
  if (reply)
    return (
      <p className="query-reply-link">
        <a
          href={`#/w/${workspaceId}/d/${reply.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'document', workspaceId, docId: reply.id });
          }}
        >
          {t('query.openReply')}
        </a>
      </p>
    );
  if (!canEdit) return null;
  return (
    <p className="query-reply-link">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const id = await draftReplyForQuery(workspaceId, ws, meta.id, identity.name);
            navigate({ screen: 'document', workspaceId, docId: id });
          } catch (err) {
            setError(modelMessage(err));
            setBusy(false);
          }
        }}
      >
        {t('query.draftReply')}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </p>
  );
}

function QueryContributions({ workspaceId, ws, queryId }: { workspaceId: string; ws: Y.Doc; queryId: string }) {
  const navigate = useUi((s) => s.navigate);
  const entries = useContributions(workspaceId, ws, queryId);
  return (
    <div className="query-contributions">
      <h3 className="fields-heading">{t('query.contributions')}</h3>
      {entries.length === 0 ? (
        <p className="muted small">{t('query.contributionsNone')}</p>
      ) : (
        <table className="data-table compact" aria-label={t('query.contributionsTable')}>
          <thead>
            <tr>
              <th scope="col">{t('document.title')}</th>
              <th scope="col">{t('query.received')}</th>
              <th scope="col">{t('query.from')}</th>
              <th scope="col">{t('query.organisation')}</th>
              <th scope="col">{t('query.group')}</th>
              <th scope="col">{t('query.region')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ meta, stakeholder }) => (
              <tr key={meta.id}>
                <td>
                  <a
                    href={`#/w/${workspaceId}/d/${meta.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ screen: 'document', workspaceId, docId: meta.id });
                    }}
                  >
                    {meta.title}
                  </a>
                </td>
                <td>{formatDate(meta.date)}</td>
                <td>{stakeholder?.name ?? '—'}</td>
                <td>{stakeholder?.organisation || '—'}</td>
                <td>{stakeholder ? t(`group.${stakeholder.group}`) : '—'}</td>
                <td>{stakeholder ? t(`region.${stakeholder.region}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
