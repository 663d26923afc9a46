// The "Search workspace" dialog: one query over titles, texts and structured fields, comments and responses, and
// the registry; filters by kind, theme, date range, stakeholder group and region; results grouped by kind with a
// highlighted snippet. ↑/↓ move through the results, Enter opens one at its match, Escape closes.
import { memo, useDeferredValue, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Modal } from '../Modal';
import { ChoiceSelect } from '../ChoiceSelect';
import { LabeledField } from '../document/fields/LabeledField';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useSearchUi } from '../../state/searchUi';
import { useSearchResults } from '../../state/useSearch';
import { groupHits, type SearchHit } from '../../model/search/workspaceSearch';
import type { SearchKind } from '../../model/search/searchEntries';
import { snippet } from '../../model/search/snippet';
import { fold } from '../../model/search/fold';
import { allThemes } from '../../model/workspaceDoc';
import { DOCUMENT_KINDS, REGIONS, STAKEHOLDER_GROUPS } from '../../model/kinds';
import { en } from '../../i18n/en';
import { formatDate, t, tp } from '../../i18n';
import { capabilitiesOf, OWN_WORKSPACE_ROLE } from '../../../../common/roles';
import { DateInput } from '../DateInput';

const KINDS: readonly SearchKind[] = [...DOCUMENT_KINDS, 'comment', 'stakeholder'];

export const kindGroupLabel = (kind: SearchKind) => (en[`search.kind.${kind}`] ? t(`search.kind.${kind}`) : t(`kind.${kind}`));
const kindFilterLabel = (kind: SearchKind) => (kind === 'comment' || kind === 'stakeholder' ? t(`search.filterKind.${kind}`) : t(`kind.${kind}`));

export function SearchDialog({ onClose }: { onClose: () => void }) {
  const { id: workspaceId, doc: ws, local } = useWorkspace();
  const readRegistry = capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE).readRegistry;
  const query = useSearchUi((s) => s.query);
  const filters = useSearchUi((s) => s.filters);
  const { setQuery, setFilters, clearFilters } = useSearchUi.getState();
  const deferredQuery = useDeferredValue(query);
  const { ready, hits, texts } = useSearchResults(workspaceId, ws, deferredQuery, filters);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const ordered = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [hits]);
  const themes = useMemo(() => allThemes(ws), [ws]);
  const kinds = readRegistry ? KINDS : KINDS.filter((k) => k !== 'stakeholder');
  const filtered = Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));

  const open = (hit: SearchHit) => {
    const { navigate } = useUi.getState();
    const { setReveal, setOpen } = useSearchUi.getState();
    if (hit.kind === 'stakeholder') {
      setReveal({ type: 'stakeholder', stakeholderId: hit.stakeholderId });
      navigate({ screen: 'stakeholders', workspaceId });
    } else {
      setReveal(hit.kind === 'comment' ? { type: 'thread', docId: hit.docId, threadId: hit.threadId } : { type: 'text', docId: hit.docId, terms: hit.terms });
      navigate({ screen: 'document', workspaceId, docId: hit.docId });
    }
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (ordered.length === 0) return;
      const next = e.key === 'ArrowDown' ? Math.min(ordered.length - 1, active + 1) : Math.max(0, active - 1);
      setActive(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = ordered[active];
      if (hit) open(hit);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const activeHit = ordered[active];
  let n = -1;
  return (
    <Modal title={t('search.title')} onClose={onClose} wide>
      <div className="search-dialog">
        <label className="field search-box">
          <span className="visually-hidden">{t('search.title')}</span>
          <input
            type="text"
            role="combobox"
            aria-label={t('search.title')}
            aria-expanded={ordered.length > 0}
            aria-controls="search-results"
            aria-autocomplete="list"
            aria-activedescendant={activeHit ? `search-hit-${active}` : undefined}
            aria-describedby="search-hint"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            autoFocus
          />
        </label>
        <p id="search-hint" className="small muted">
          {t('search.hint')}
        </p>
        <fieldset className="search-filters">
          <legend className="visually-hidden">{t('search.filters')}</legend>
          <ChoiceSelectKinds kinds={kinds} value={filters.kinds?.[0] ?? ''} onChange={(k) => setFilters({ kinds: k ? [k] : [] })} />
          <LabeledField label={t('search.theme')} className="field compact">
            {(id) => (
              <select id={id} value={filters.theme ?? ''} onChange={(e) => setFilters({ theme: e.target.value })}>
                <option value="">{t('search.allThemes')}</option>
                {themes.map((th) => (
                  <option key={th} value={th}>
                    {th}
                  </option>
                ))}
              </select>
            )}
          </LabeledField>
          <LabeledField label={t('search.from')} className="field compact">
            {(id) => <DateInput id={id} value={filters.from ?? ''} onChange={(from) => setFilters({ from })} />}
          </LabeledField>
          <LabeledField label={t('search.to')} className="field compact">
            {(id) => <DateInput id={id} value={filters.to ?? ''} onChange={(to) => setFilters({ to })} />}
          </LabeledField>
          <ChoiceSelect label={t('search.group')} value={filters.group ?? ''} values={STAKEHOLDER_GROUPS} prefix="group" emptyLabel={t('search.allGroups')} onChange={(group) => setFilters({ group })} className="field compact" />
          <ChoiceSelect label={t('search.region')} value={filters.region ?? ''} values={REGIONS} prefix="region" emptyLabel={t('search.allRegions')} onChange={(region) => setFilters({ region })} className="field compact" />
          {filtered && (
            <button type="button" className="link-button" onClick={clearFilters}>
              {t('search.clearFilters')}
            </button>
          )}
        </fieldset>
        <p className="small muted search-count" role="status">
          {!ready ? t('search.loading') : deferredQuery.trim() ? (hits.length > 0 ? tp('search.count', hits.length) : t('search.none')) : ''}
        </p>
        <div id="search-results" role="listbox" aria-label={t('search.results')} className="search-results">
          {groups.map((g) => (
            <div key={g.kind} role="group" aria-labelledby={`search-group-${g.kind}`} className="search-group">
              <h3 id={`search-group-${g.kind}`} className="search-group-title" role="presentation">
                {kindGroupLabel(g.kind)}
              </h3>
              {g.hits.map((hit) => {
                const i = ++n;
                return (
                  <div
                    key={hit.id}
                    id={`search-hit-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={`search-hit${i === active ? ' is-active' : ''}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => open(hit)}
                    onMouseMove={() => i !== active && setActive(i)}
                  >
                    <HitBody hit={hit} text={texts.get(hit.id) ?? ''} query={deferredQuery} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </Modal>
  );
}

function ChoiceSelectKinds({ kinds, value, onChange }: { kinds: readonly SearchKind[]; value: string; onChange: (k: SearchKind | '') => void }) {
  return (
    <LabeledField label={t('search.kind')} className="field compact">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as SearchKind | '')}>
          <option value="">{t('search.allKinds')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindFilterLabel(k)}
            </option>
          ))}
        </select>
      )}
    </LabeledField>
  );
}

/** Memoised: moving through the results re-renders the list, and a snippet scans its text once. */
const HitBody = memo(function HitBody({ hit, text, query }: { hit: SearchHit; text: string; query: string }) {
  // The matched index terms, plus the typed words (a title-only match still marks the title).
  const terms = [...hit.terms, ...query.split(/\s+/).map(fold).filter((w) => w.length > 1)];
  const title = hit.kind === 'comment' ? t('search.commentOn', { number: hit.number, title: hit.title }) : hit.title;
  const meta = [
    hit.kind === 'comment' ? hit.people : '',
    hit.date ? formatDate(hit.date) : '',
    hit.group ? t(`group.${hit.group}`) : '',
    hit.region ? t(`region.${hit.region}`) : '',
    hit.themes.join(', '),
  ].filter(Boolean);
  const parts = snippet(hit.kind === 'stakeholder' ? hit.people : text, terms);
  return (
    <>
      <span className="search-hit-title">
        <Marked parts={snippet(title, terms, { before: 200, length: 400 })} />
      </span>
      {meta.length > 0 && <span className="search-hit-meta small muted">{meta.join(' · ')}</span>}
      {parts.length > 0 && (
        <span className="search-hit-snippet small">
          <Marked parts={parts} />
        </span>
      )}
    </>
  );
});

function Marked({ parts }: { parts: ReturnType<typeof snippet> }) {
  return (
    <>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
