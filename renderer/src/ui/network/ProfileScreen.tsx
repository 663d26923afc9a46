import { useId, useMemo, type ReactNode } from 'react';
import { useUi } from '../../state/uiStore';
import { stakeholderProfile } from '../../model/network/profile';
import { localTimeZone } from '../../model/network/month';
import { formatDate, formatMonth, t } from '../../i18n';
import { groupLabel, regionLabel } from '../../i18n/stakeholderLabels';
import { useNetworkData } from './useNetworkData';
import { NotIndexedNotice } from './NotIndexedNotice';

/** A stakeholder's profile, derived on demand (the membership coordinator's CRM view). */
export function ProfileScreen({ stakeholderId }: { stakeholderId: string }) {
  const { workspaceId, rows, comments, stakeholders, unindexed } = useNetworkData();
  const navigate = useUi((s) => s.navigate);
  const profile = useMemo(() => stakeholderProfile(stakeholderId, { stakeholders, rows, comments, timeZone: localTimeZone() }), [stakeholderId, stakeholders, rows, comments]);
  const docLink = (docId: string, title: string, label?: string) => (
    <a
      href={`#/w/${workspaceId}/d/${docId}`}
      aria-label={label}
      onClick={(e) => {
        e.preventDefault();
        navigate({ screen: 'document', workspaceId, docId });
      }}
    >
      {title}
    </a>
  );
  const back = (
    <a
      href={`#/w/${workspaceId}/stakeholders`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ screen: 'stakeholders', workspaceId });
      }}
    >
      {t('profile.back')}
    </a>
  );
  if (!profile) {
    return (
      <div className="screen">
        <p role="alert">{t('profile.notFound')}</p>
        <p>{back}</p>
      </div>
    );
  }
  const s = profile.stakeholder;
  const max = Math.max(1, ...profile.engagement.map((e) => e.contributions + e.comments + e.meetings));
  return (
    <div className="screen profile-screen">
      <p className="small">{back}</p>
      <header className="screen-header">
        <div>
          <h1>{t('profile.title', { name: s.name })}</h1>
          <p className="muted screen-subtitle">{[s.organisation, groupLabel(s.group), regionLabel(s.region)].filter(Boolean).join(' · ')}</p>
          {s.themes.length > 0 && (
            <p>
              {s.themes.map((th) => (
                <span key={th} className="tag">
                  {th}
                </span>
              ))}
            </p>
          )}
          {(s.languages ?? []).length > 0 && (
            <p className="small">
              {t('profile.languages')}: {s.languages!.join(', ')}
            </p>
          )}
        </div>
      </header>
      <NotIndexedNotice count={unindexed} />
      <p className="muted small">{t('profile.derived')}</p>
      <div className="profile-grid">
        <Part title={t('profile.contributions')} count={profile.contributions.length}>
          <ul>
            {profile.contributions.map((c) => (
              <li key={c.docId}>
                {docLink(c.docId, c.title)} <span className="muted">({formatDate(c.date)})</span>
                {c.extract && <div className="small"><q>{c.extract}</q></div>}
              </li>
            ))}
          </ul>
        </Part>
        <Part title={t('profile.comments')} count={profile.comments.length}>
          <ul>
            {profile.comments.map((c) => (
              <li key={`${c.docId}/${c.threadId}`}>
                {docLink(c.docId, t('profile.commentOn', { number: c.number, title: c.title }))}: {c.body}
                <div className="small">
                  <span className="tag">{c.disposition ? t(`disposition.${c.disposition}`) : t('profile.noDisposition')}</span>
                  {c.response && <span className="muted"> {c.response}</span>}
                </div>
              </li>
            ))}
          </ul>
        </Part>
        <Part title={t('profile.meetings')} count={profile.meetings.length}>
          <ul>
            {profile.meetings.map((m) => (
              <li key={m.docId}>
                {docLink(m.docId, m.title)} <span className="muted">({formatDate(m.date)})</span>
              </li>
            ))}
          </ul>
        </Part>
        <Part title={t('profile.actionPoints')} count={profile.actionPoints.length}>
          <ul>
            {profile.actionPoints.map((a, i) => (
              <li key={i}>
                <strong>{a.task}</strong> — {a.due ? formatDate(a.due) : ''} ({t(`action.${a.status}`)}), {docLink(a.meetingId, a.meetingTitle)}
              </li>
            ))}
          </ul>
        </Part>
      </div>
      <section className="card digest-part" aria-labelledby="engagement-heading">
        <h2 id="engagement-heading">{t('profile.engagement')}</h2>
        {profile.engagement.length === 0 ? (
          <p className="muted">{t('profile.none')}</p>
        ) : (
          <table className="data-table engagement-table">
            <thead>
              <tr>
                <th scope="col">{t('profile.month')}</th>
                <th scope="col" className="num">{t('profile.contributions')}</th>
                <th scope="col" className="num">{t('expert.comments')}</th>
                <th scope="col" className="num">{t('expert.meetings')}</th>
                <th scope="col" aria-hidden="true" className="engagement-bar-col" />
              </tr>
            </thead>
            <tbody>
              {profile.engagement.map((e) => (
                <tr key={e.month}>
                  <th scope="row">{formatMonth(e.month)}</th>
                  <td className="num">{e.contributions}</td>
                  <td className="num">{e.comments}</td>
                  <td className="num">{e.meetings}</td>
                  <td aria-hidden="true">
                    <span className="bar bar-total" style={{ width: `${((e.contributions + e.comments + e.meetings) / max) * 100}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card digest-part" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted small">({count})</span>
      </h2>
      {count === 0 ? <p className="muted">{t('profile.none')}</p> : children}
    </section>
  );
}
