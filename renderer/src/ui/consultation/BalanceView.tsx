import { useEffect, useMemo, useState } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { openDocs } from '../../storage/openDocs';
import { documentDocName } from '../../../../common/rooms';
import { getString, participants } from '../../model/documentDoc';
import { listDocumentMetas, wsDocuments, wsStakeholders } from '../../model/workspaceDoc';
import { resolveStakeholder } from '../../model/stakeholders';
import { commentItems, computeBalance, contributionItem, meetingItem, UNRECORDED, UNSPECIFIED, type BalanceItem, type Figures } from '../../model/comments/balance';
import { GENDERS, REGIONS, STAKEHOLDER_GROUPS } from '../../model/kinds';
import { formatList, formatNumber, t, tp } from '../../i18n';
import { useY } from '../hooks';
import { useComments } from '../comments/CommentsContext';

interface Contributions {
  items: BalanceItem[];
  /** contributions with no stakeholder recorded (not counted under any group) */
  unattributed: number;
  loading: boolean;
}

/**
 * The stakeholder contributions of the workspace as balance items: each contribution document is opened briefly
 * to read whom it came from (its `stakeholderId` field), then resolved in the registry (following merges).
 */
function useContributions(): Contributions {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const metas = useY(wsDocuments(ws), () => listDocumentMetas(ws).filter((m) => m.kind === 'contribution'));
  const registryVersion = useY(wsStakeholders(ws), () => ({}));
  const [state, setState] = useState<Contributions>({ items: [], unattributed: 0, loading: true });
  useEffect(() => {
    let live = true;
    (async () => {
      const items: BalanceItem[] = [];
      let unattributed = 0;
      for (const m of metas) {
        const stakeholderId = await openDocs.withDoc(documentDocName(workspaceId, m.id), (doc) => getString(doc, 'stakeholderId'), { gc: false });
        const s = stakeholderId ? resolveStakeholder(ws, stakeholderId) : null;
        if (s) items.push(contributionItem(s));
        else unattributed++;
      }
      if (live) setState({ items, unattributed, loading: false });
    })().catch((e) => {
      console.error('reading contributions failed', e);
      if (live) setState((s) => ({ ...s, loading: false }));
    });
    return () => {
      live = false;
    };
  }, [metas, registryVersion, workspaceId, ws]);
  return state;
}

/** Registered participants of every meeting summary, one item per participation (registry group and region). */
function useMeetingParticipation(): { items: BalanceItem[]; loading: boolean } {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const metas = useY(wsDocuments(ws), () => listDocumentMetas(ws).filter((m) => m.kind === 'meeting'));
  const registryVersion = useY(wsStakeholders(ws), () => ({}));
  const [state, setState] = useState<{ items: BalanceItem[]; loading: boolean }>({ items: [], loading: true });
  useEffect(() => {
    let live = true;
    (async () => {
      const items: BalanceItem[] = [];
      for (const m of metas) {
        const ids = await openDocs.withDoc(
          documentDocName(workspaceId, m.id),
          (doc) => (participants(doc)?.toArray() ?? []).map((p) => (p as { stakeholderId?: string }).stakeholderId).filter((id): id is string => !!id),
          { gc: false },
        );
        const seen = new Set<string>();
        for (const id of ids) {
          const s = resolveStakeholder(ws, id);
          if (!s || seen.has(s.id)) continue;
          seen.add(s.id);
          items.push(meetingItem(s));
        }
      }
      if (live) setState({ items, loading: false });
    })().catch((e) => {
      console.error('reading meeting participants failed', e);
      if (live) setState((s) => ({ ...s, loading: false }));
    });
    return () => {
      live = false;
    };
  }, [metas, registryVersion, workspaceId, ws]);
  return state;
}

/** A bar's width; a count above zero always shows (3px at least), so one contribution is not lost next to 300 comments. */
const barStyle = (n: number, max: number) => ({ width: `${(n / max) * 100}%`, minWidth: n > 0 ? 3 : 0 });

const pct = (x: number) => formatNumber(x, { style: 'percent', maximumFractionDigits: 0 });

/** "Whose voice was heard": comments and contributions by stakeholder group, region and gender, acceptance rates, and who is missing. */
export function BalanceView() {
  const { threads } = useComments();
  const contributions = useContributions();
  const meetings = useMeetingParticipation();
  const balance = useMemo(
    () => computeBalance({ comments: commentItems(threads), contributions: contributions.items, meetings: meetings.items }),
    [threads, contributions.items, meetings.items],
  );
  const { total } = balance;
  const groups = [...STAKEHOLDER_GROUPS, ...(balance.byGroup[UNSPECIFIED] ? [UNSPECIFIED] : [])];
  const regions = [...REGIONS, ...(balance.byRegion[UNSPECIFIED] ? [UNSPECIFIED] : [])];
  const genders = [...GENDERS.filter((g) => balance.byGender[g]), ...(balance.byGender[UNRECORDED] ? [UNRECORDED] : [])];
  const recordedGender = GENDERS.some((g) => balance.byGender[g]);
  const silentGroups = new Set<string>(balance.silentGroups);
  const silentRegions = new Set<string>(balance.silentRegions);

  return (
    <section className="balance-view" aria-labelledby="balance-title">
      <h2 id="balance-title" className="matrix-title">
        {t('balance.title')}
      </h2>
      <p className="muted balance-intro">{t('balance.intro')}</p>
      <dl className="balance-totals">
        <div>
          <dt>{t('balance.comments')}</dt>
          <dd>{formatNumber(total.comments)}</dd>
        </div>
        <div>
          <dt>{t('balance.contributions')}</dt>
          <dd>{contributions.loading ? '…' : formatNumber(total.contributions)}</dd>
        </div>
        <div>
          <dt>{t('balance.meetings')}</dt>
          <dd>{meetings.loading ? '…' : formatNumber(total.meetings)}</dd>
        </div>
        <div>
          <dt>{t('balance.voices')}</dt>
          <dd>{formatNumber(total.voices)}</dd>
        </div>
        <div>
          <dt>{t('balance.acceptance')}</dt>
          <dd>{total.acceptanceRate === null ? '–' : pct(total.acceptanceRate)}</dd>
        </div>
      </dl>
      {(balance.silentGroups.length > 0 || balance.silentRegions.length > 0) && (
        <div className="notice missing-voices" role="note" aria-labelledby="missing-h">
          <h3 id="missing-h">{t('balance.missingTitle')}</h3>
          {balance.silentGroups.length > 0 && <p>{t('balance.missingGroupsAll', { list: formatList(balance.silentGroups.map((g) => t(`group.${g}`))) })}</p>}
          {balance.silentRegions.length > 0 && <p>{t('balance.missingRegions', { list: formatList(balance.silentRegions.map((r) => t(`region.${r}`))) })}</p>}
          <p className="muted small">{t('balance.missingHint')}</p>
        </div>
      )}
      {contributions.unattributed > 0 && <p className="muted small">{tp('balance.unattributed', contributions.unattributed)}</p>}
      <div className="balance-grid">
        <BalanceChart
          id="by-group"
          title={t('balance.byGroup')}
          keys={groups}
          figures={balance.byGroup}
          label={(k) => (k === UNSPECIFIED ? t('balance.unspecified') : t(`group.${k}`))}
          silent={silentGroups}
          withAcceptance
        />
        <BalanceChart
          id="by-region"
          title={t('balance.byRegion')}
          keys={regions}
          figures={balance.byRegion}
          label={(k) => (k === UNSPECIFIED ? t('balance.unspecified') : t(`region.${k}`))}
          silent={silentRegions}
          withAcceptance
        />
        {recordedGender && (
          <BalanceChart
            id="by-gender"
            title={t('balance.byGender')}
            keys={genders}
            figures={balance.byGender}
            label={(k) => (k === UNRECORDED ? t('balance.unrecorded') : t(`gender.${k}`))}
            silent={new Set()}
          />
        )}
      </div>
    </section>
  );
}

function BalanceChart(props: {
  id: string;
  title: string;
  keys: string[];
  figures: Record<string, Figures>;
  label: (key: string) => string;
  silent: Set<string>;
  withAcceptance?: boolean;
}) {
  const { id, title, keys, figures, label, silent, withAcceptance } = props;
  const max = Math.max(1, ...keys.map((k) => Math.max(figures[k]?.comments ?? 0, figures[k]?.contributions ?? 0, figures[k]?.meetings ?? 0)));
  const acceptance = (f: Figures) => (f.acceptanceRate === null ? t('balance.noDecisions') : t('balance.rate', { rate: pct(f.acceptanceRate), accepted: f.accepted + f.acceptedWithChanges, decided: f.decided }));
  return (
    <figure className="balance-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-legend small" aria-hidden="true">
        <span className="legend-swatch swatch-comments" /> {t('balance.comments')} <span className="legend-swatch swatch-contributions" /> {t('balance.contributions')}{' '}
        <span className="legend-swatch swatch-meetings" /> {t('balance.meetings')}
        {withAcceptance && (
          <>
            {' '}
            <span className="legend-swatch swatch-acceptance" /> {t('balance.acceptance')}
          </>
        )}
      </p>
      <ul className="bar-list">
        {keys.map((k) => {
          const f = figures[k];
          if (!f) return null;
          const isSilent = silent.has(k);
          const text = isSilent
            ? t('balance.silentAll')
            : `${tp('balance.nComments', f.comments)} · ${tp('balance.nContributions', f.contributions)} · ${tp('balance.nMeetings', f.meetings)} · ${tp('balance.nVoices', f.voices)}`;
          return (
            <li key={k} className={`bar-item${isSilent ? ' is-silent' : ''}`}>
              <span className="bar-label">{label(k)}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar bar-comments" style={barStyle(f.comments, max)} />
                <span className="bar bar-contributions" style={barStyle(f.contributions, max)} />
                <span className="bar bar-meetings" style={barStyle(f.meetings, max)} />
              </span>
              <span className="bar-value">{text}</span>
              {withAcceptance && !isSilent && (
                <>
                  <span className="bar-track acceptance-track" aria-hidden="true">
                    <span className="bar bar-acceptance" style={{ width: `${(f.acceptanceRate ?? 0) * 100}%` }} />
                  </span>
                  <span className="bar-value acceptance-value">{acceptance(f)}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <details className="chart-table">
        <summary>{t('balance.asTable', { title })}</summary>
        <table className="data-table compact-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {t('balance.comments')}
              </th>
              <th scope="col" className="num">
                {t('balance.contributions')}
              </th>
              <th scope="col" className="num">
                {t('balance.meetings')}
              </th>
              <th scope="col" className="num">
                {t('balance.voices')}
              </th>
              <th scope="col" className="num">
                {t('balance.share')}
              </th>
              {withAcceptance && (
                <>
                  <th scope="col" className="num">
                    {t('balance.decided')}
                  </th>
                  <th scope="col" className="num">
                    {t('balance.acceptance')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const f = figures[k];
              if (!f) return null;
              return (
                <tr key={k} className={silent.has(k) ? 'is-silent' : undefined}>
                  <th scope="row">
                    {label(k)}
                    {silent.has(k) && <span className="chip chip-silent">{t('balance.notHeard')}</span>}
                  </th>
                  <td className="num">{formatNumber(f.comments)}</td>
                  <td className="num">{formatNumber(f.contributions)}</td>
                  <td className="num">{formatNumber(f.meetings)}</td>
                  <td className="num">{formatNumber(f.voices)}</td>
                  <td className="num">{pct(f.commentShare)}</td>
                  {withAcceptance && (
                    <>
                      <td className="num">{formatNumber(f.decided)}</td>
                      <td className="num">{f.acceptanceRate === null ? '–' : pct(f.acceptanceRate)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
