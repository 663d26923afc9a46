import { useMemo, useState } from 'react';
import { useUi } from '../../state/uiStore';
import { rankExperts, type EvidenceLink, type ExpertResult } from '../../model/network/experts';
import { allThemes, normalizeThemes, wsDocuments } from '../../model/workspaceDoc';
import { REGIONS, STAKEHOLDER_GROUPS, type Region, type StakeholderGroup } from '../../model/kinds';
import { t, tp } from '../../i18n';
import { ChoiceSelect } from '../ChoiceSelect';
import { LabeledField } from '../document/fields/LabeledField';
import { useY } from '../hooks';
import { groupLabel, regionLabel } from '../../i18n/stakeholderLabels';
import { useNetworkData } from './useNetworkData';
import { NotIndexedNotice } from './NotIndexedNotice';

/** Who in the network knows about a theme, in a region, group or language; evidence as counts with links. */
export function ExpertsScreen() {
  const { workspaceId, ws, rows, comments, stakeholders, unindexed } = useNetworkData();
  const navigate = useUi((s) => s.navigate);
  const [theme, setTheme] = useState('');
  const [region, setRegion] = useState<Region | ''>('');
  const [group, setGroup] = useState<StakeholderGroup | ''>('');
  const [language, setLanguage] = useState('');
  const themes = useY(wsDocuments(ws), () => allThemes(ws));
  const languages = useMemo(() => normalizeThemes(stakeholders.filter((s) => !s.deleted).flatMap((s) => s.languages ?? [])), [stakeholders]);
  const results = useMemo(() => rankExperts({ theme, region, group, language }, { stakeholders, rows, comments }), [theme, region, group, language, stakeholders, rows, comments]);

  const openProfile = (id: string) => navigate({ screen: 'profile', workspaceId, stakeholderId: id });

  return (
    <div className="screen experts-screen">
      <header className="screen-header">
        <div>
          <h1>{t('expert.title')}</h1>
          <p className="muted small screen-subtitle">{t('expert.intro')}</p>
        </div>
      </header>
      <NotIndexedNotice count={unindexed} />
      <div className="filters" role="search" aria-label={t('expert.title')}>
        <LabeledField label={t('expert.theme')} className="field compact">
          {(id) => (
            <select id={id} value={theme} onChange={(e) => setTheme(e.target.value)}>
              <option value="">{t('expert.anyTheme')}</option>
              {themes.map((th) => (
                <option key={th} value={th}>
                  {th}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
        <ChoiceSelect<Region | ''> label={t('expert.region')} className="field compact" value={region} values={REGIONS} prefix="region" emptyLabel={t('expert.anyRegion')} onChange={setRegion} />
        <ChoiceSelect<StakeholderGroup | ''> label={t('expert.group')} className="field compact" value={group} values={STAKEHOLDER_GROUPS} prefix="group" emptyLabel={t('expert.anyGroup')} onChange={setGroup} />
        <LabeledField label={t('expert.language')} className="field compact">
          {(id) => (
            <select id={id} value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value="">{t('expert.anyLanguage')}</option>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
      </div>
      <p className="muted small" aria-live="polite">
        {tp('expert.count', results.length)}
      </p>
      {results.length === 0 ? (
        <p className="empty">{t('expert.none')}</p>
      ) : (
        <table className="data-table expert-table" aria-label={t('expert.results')}>
          <thead>
            <tr>
              <th scope="col">{t('expert.person')}</th>
              <th scope="col">{t('expert.declared')}</th>
              <th scope="col">{t('expert.contributions')}</th>
              <th scope="col">{t('expert.comments')}</th>
              <th scope="col">{t('expert.meetings')}</th>
              <th scope="col" className="num">{t('expert.score')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <ExpertRow key={r.stakeholder.id} r={r} workspaceId={workspaceId} openProfile={openProfile} openDoc={(docId) => navigate({ screen: 'document', workspaceId, docId })} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ExpertRow({ r, workspaceId, openProfile, openDoc }: { r: ExpertResult; workspaceId: string; openProfile: (id: string) => void; openDoc: (id: string) => void }) {
  const s = r.stakeholder;
  const evidence = (kind: string, links: EvidenceLink[]) =>
    links.length === 0 ? (
      <span className="muted">0</span>
    ) : (
      <details className="evidence">
        <summary aria-label={t('expert.evidenceLabel', { count: links.length, kind: kind.toLocaleLowerCase(), name: s.name })}>{links.length}</summary>
        <ul>
          {links.map((l, i) => (
            <li key={`${l.docId}-${i}`}>
              <a
                href={`#/w/${workspaceId}/d/${l.docId}`}
                onClick={(e) => {
                  e.preventDefault();
                  openDoc(l.docId);
                }}
              >
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      </details>
    );
  return (
    <tr>
      <th scope="row">
        <a
          href={`#/w/${workspaceId}/profile/${s.id}`}
          aria-label={t('expert.viewProfile', { name: s.name })}
          onClick={(e) => {
            e.preventDefault();
            openProfile(s.id);
          }}
        >
          {s.name}
        </a>
        <div className="muted small">{[s.organisation, groupLabel(s.group), regionLabel(s.region)].filter(Boolean).join(' · ')}</div>
        {(s.languages ?? []).length > 0 && <div className="muted small">{s.languages!.join(', ')}</div>}
      </th>
      <td>{r.declared ? t('expert.yes') : <span className="muted">{t('expert.no')}</span>}</td>
      <td>{evidence(t('expert.contributions'), r.contributions)}</td>
      <td>{evidence(t('expert.comments'), r.comments)}</td>
      <td>{evidence(t('expert.meetings'), r.meetings)}</td>
      <td className="num">{r.score}</td>
    </tr>
  );
}
