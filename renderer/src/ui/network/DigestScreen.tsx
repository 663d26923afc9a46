import { useId, useMemo, useState, type ReactNode } from 'react';
import { useUi } from '../../state/uiStore';
import { useIdentity } from '../../state/identityStore';
import { draftMonthlyDigest } from '../../state/networkActions';
import { groupLabel, regionLabel } from '../../i18n/stakeholderLabels';
import { selectDigest, type Attribution } from '../../model/network/digestSelection';
import { findDigestForMonth } from '../../model/network/digestDoc';
import { isMonthKey, localTimeZone, monthOfInstant } from '../../model/network/month';
import { useWorkspace } from '../../state/workspaceContext';
import { formatDate, formatMonth, t, tp } from '../../i18n';
import { modelMessage } from '../errors';
import { ActivityChart } from './ActivityChart';
import { useNetworkData } from './useNetworkData';
import { NotIndexedNotice } from './NotIndexedNotice';
import { MonthInput } from '../DateInput';

/** Monthly digest: choose a month, see what it will contain, and draft (or open) its digest. */
export function DigestScreen() {
  const { canEdit } = useWorkspace();
  const { workspaceId, ws, rows, comments, metas, stakeholders, unindexed } = useNetworkData();
  const navigate = useUi((s) => s.navigate);
  const notify = useUi((s) => s.notify);
  const identity = useIdentity();
  const timeZone = localTimeZone();
  const [month, setMonth] = useState(() => monthOfInstant(Date.now(), timeZone));
  const [busy, setBusy] = useState(false);
  const valid = isMonthKey(month);
  // metas change whenever the workspace's documents do, so the lookup follows them and the month
  const existing = useMemo(() => (valid && metas ? findDigestForMonth(ws, month) : null), [valid, ws, month, metas]);
  const sel = useMemo(() => (valid ? selectDigest({ month, timeZone, rows, comments, stakeholders, metas }) : null), [valid, month, timeZone, rows, comments, stakeholders, metas]);

  const docLink = (docId: string, title: string) => (
    <a
      href={`#/w/${workspaceId}/d/${docId}`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ screen: 'document', workspaceId, docId });
      }}
    >
      {title}
    </a>
  );
  const by = (a: Attribution | null) => (a ? [a.name, a.organisation, groupLabel(a.group), regionLabel(a.region)].filter(Boolean).join(' · ') : t('digest.unattributed'));

  const draft = async () => {
    setBusy(true);
    try {
      const result = await draftMonthlyDigest(workspaceId, ws, month, timeZone, identity.name);
      if (result.created) notify('info', t('digest.created', { month: formatMonth(month) }));
      navigate({ screen: 'document', workspaceId, docId: result.id });
    } catch (err) {
      notify('error', modelMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="screen digest-screen">
      <header className="screen-header">
        <div>
          <h1>{t('digest.title')}</h1>
          <p className="muted small screen-subtitle">{t('digest.intro')}</p>
        </div>
      </header>
      <NotIndexedNotice count={unindexed} />
      <div className="filters">
        <label className="field compact">
          <span className="field-label">{t('digest.month')}</span>
          <MonthInput value={month} onChange={setMonth} aria-invalid={!valid} required className="input-month" />
        </label>
        {canEdit && (
          <button type="button" className="primary" disabled={!valid || busy} onClick={() => void draft()}>
            {existing ? t('digest.open') : t('digest.draft')}
          </button>
        )}
        {!valid && <p role="alert" className="error small">{t('digest.error.month')}</p>}
        {existing && <p className="muted small">{t('digest.existing')}</p>}
      </div>

      {sel && (
        <section aria-labelledby="digest-preview-heading" className="digest-preview">
          <h2 id="digest-preview-heading">
            {t('digest.preview')}: {formatMonth(month)}
          </h2>
          <Part title={t('digest.themeOfMonth')} empty={!sel.themeOfMonth}>
            <p>{sel.themeOfMonth}</p>
          </Part>
          <Part title={t('digest.contributions')} empty={sel.contributionsByTheme.length === 0}>
            {sel.contributionsByTheme.map((g) => (
              <div key={g.theme}>
                <h4>{g.theme || t('digest.otherTopics')}</h4>
                <ul>
                  {g.items.map((c) => (
                    <li key={c.docId}>
                      {docLink(c.docId, c.title)} {c.extract && <q>{c.extract}</q>} <span className="muted">({by(c.by)})</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Part>
          <Part title={t('digest.replies')} empty={sel.repliesPublished.length === 0}>
            <ul>
              {sel.repliesPublished.map((r) => (
                <li key={r.docId}>
                  {docLink(r.docId, r.title)} <span className="muted">{t('digest.publishedOn', { date: formatDate(r.publishedAt) })}</span>
                </li>
              ))}
            </ul>
          </Part>
          <Part title={t('digest.meetings')} empty={sel.meetings.length === 0}>
            <ul>
              {sel.meetings.map((m) => (
                <li key={m.docId}>
                  {docLink(m.docId, m.title)} <span className="muted">({formatDate(m.date)})</span>
                  {m.keyMessages.length > 0 && (
                    <ul>
                      {m.keyMessages.map((k, i) => (
                        <li key={i}>{k}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </Part>
          <Part title={t('digest.actionPoints')} empty={sel.actionPoints.length === 0}>
            <ul>
              {sel.actionPoints.map((a, i) => (
                <li key={i}>
                  <strong>{a.task}</strong> — {t('digest.actionLine', { owner: a.owner || t('digest.noOwner'), due: formatDate(a.due), status: t(`action.${a.status}`), meeting: a.meetingTitle })}
                </li>
              ))}
            </ul>
          </Part>
          <Part title={t('digest.consultations')} empty={sel.consultations.length === 0}>
            <ul>
              {sel.consultations.map((c) => (
                <li key={c.docId}>
                  {docLink(c.docId, c.title)} —{' '}
                  {[c.opened ? t('digest.opened', { date: formatDate(c.opensOn) }) : '', c.closed ? t('digest.closed', { date: formatDate(c.closesOn) }) : ''].filter(Boolean).join('; ')};{' '}
                  {tp('digest.commentCount', c.comments)}
                </li>
              ))}
            </ul>
          </Part>
          <Part title={t('digest.joined')} empty={sel.joined.length === 0}>
            <ul>
              {sel.joined.map((s) => (
                <li key={s.stakeholderId}>
                  <strong>{s.name}</strong> <span className="muted">({[s.organisation, groupLabel(s.group), regionLabel(s.region)].filter(Boolean).join(', ')})</span>
                </li>
              ))}
            </ul>
          </Part>
          <section className="card digest-part">
            <h3>{t('digest.figures')}</h3>
            <div className="chart-grid">
              <ActivityChart title={t('digest.chartByGroup')} column={t('digest.colGroup')} rows={sel.byGroup} name={groupLabel} />
              <ActivityChart title={t('digest.chartByRegion')} column={t('digest.colRegion')} rows={sel.byRegion} name={regionLabel} />
            </div>
          </section>
        </section>
      )}
    </div>
  );
}

function Part({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card digest-part" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {empty ? <p className="muted">{t('digest.none')}</p> : children}
    </section>
  );
}
