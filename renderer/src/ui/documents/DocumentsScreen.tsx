import { useEffect, useMemo, useState } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { allThemes, listDocumentMetas, wsDocuments } from '../../model/workspaceDoc';
import { filterCatalog } from '../../model/catalog';
import { deriveCatalogRow } from '../../model/derive';
import { DOCUMENT_KINDS, type DocumentKind } from '../../model/kinds';
import { useY } from '../hooks';
import { useCatalogRows, useCatalogTexts } from './catalogRows';
import { formatDate, formatNumber, t } from '../../i18n';
import { HomeDueList } from '../network/DueList';
import { DateInput } from '../DateInput';

/** Rows drawn in a start's first frame: more than a tall screen shows. */
const FIRST_ROWS = 60;

export function DocumentsScreen() {
  const { id: workspaceId, doc: ws, canEdit } = useWorkspace();
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const navigate = useUi((s) => s.navigate);
  const openDialog = useUi((s) => s.openDialog);
  const metas = useY(wsDocuments(ws), () => listDocumentMetas(ws));
  const themes = useMemo(() => allThemes(ws), [ws, metas]); // eslint-disable-line react-hooks/exhaustive-deps
  // Undefined until the first read: the list is drawn once, with its word counts, rather than twice.
  const indexed = useCatalogRows(workspaceId);

  // The workspace doc is the truth for what exists; the local catalog adds word counts (and texts for the full-text filter).
  const rows = useMemo(() => {
    if (!indexed) return [];
    const byId = new Map(indexed.map((r) => [r.docId, r]));
    return metas.map((m) => {
      const derived = deriveCatalogRow(workspaceId, m, null, m.createdAt);
      const row = byId.get(m.id);
      return row ? { ...derived, wordCount: row.wordCount, updatedAt: row.updatedAt } : derived;
    });
  }, [metas, indexed, workspaceId]);
  const texts = useCatalogTexts(workspaceId, !!filter.fullText && !!filter.query?.trim(), indexed);
  const visible = filterCatalog(rows, filter, texts);
  // A start draws the rows a screen shows first and the rest once that frame has painted: 500 rows cost about
  // 80 ms of rendering and 110 ms of style and layout on a modest laptop, nearly all of it below the fold. The
  // table's columns are fixed (styles.css .documents-table), so the later rows do not move the first ones.
  const [allDrawn, setAllDrawn] = useState(false);
  useEffect(() => {
    if (allDrawn || !indexed) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setAllDrawn(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [allDrawn, indexed]);
  const drawn = allDrawn ? visible : visible.slice(0, FIRST_ROWS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const chosen = visible.filter((r) => selected.has(r.docId)).map((r) => r.docId);
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const filtered = visible.length !== rows.length;

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('nav.documents')}</h1>
        <div className="header-actions">
          {chosen.length >= 2 && (
            <button type="button" onClick={() => openDialog({ type: 'export', docIds: chosen })}>
              {t('export.compile')} ({chosen.length})
            </button>
          )}
          {canEdit && (
            <button type="button" className="primary" onClick={() => openDialog({ type: 'new-document' })}>
              {t('document.new')}
            </button>
          )}
        </div>
      </header>
      <HomeDueList />
      <div className="filters" role="search" aria-label={t('filter.label')}>
        <label className="field compact grow">
          <span className="field-label">{t('filter.title')}</span>
          <input type="search" value={filter.query ?? ''} onChange={(e) => setFilter({ query: e.target.value })} placeholder={t('filter.titlePlaceholder')} />
        </label>
        <label className="field compact field-check">
          <input type="checkbox" checked={!!filter.fullText} onChange={(e) => setFilter({ fullText: e.target.checked })} />
          <span>{t('filter.fullText')}</span>
        </label>
        <label className="field compact">
          <span className="field-label">{t('filter.kind')}</span>
          <select value={filter.kind ?? ''} onChange={(e) => setFilter({ kind: e.target.value as DocumentKind | '' })}>
            <option value="">{t('filter.any')}</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span className="field-label">{t('filter.theme')}</span>
          <select value={filter.theme ?? ''} onChange={(e) => setFilter({ theme: e.target.value })}>
            <option value="">{t('filter.any')}</option>
            {themes.map((th) => (
              <option key={th} value={th}>
                {th}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span className="field-label">{t('filter.from')}</span>
          <DateInput value={filter.from ?? ''} onChange={(from) => setFilter({ from })} />
        </label>
        <label className="field compact">
          <span className="field-label">{t('filter.to')}</span>
          <DateInput value={filter.to ?? ''} onChange={(to) => setFilter({ to })} />
        </label>
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilter({ query: '', kind: '', theme: '', from: '', to: '', fullText: false })}>
            {t('filter.clear')}
          </button>
        )}
      </div>
      {!indexed ? (
        <div aria-busy="true" />
      ) : rows.length === 0 ? (
        <div className="empty">
          <p>{t('document.none')}</p>
        </div>
      ) : (
        <table className="data-table documents-table" aria-label={t('nav.documents')}>
          <colgroup>
            <col className="select-col" />
            <col />
            <col className="kind-col" />
            <col className="date-col" />
            <col className="themes-col" />
            <col className="words-col" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="select-col">
                <input
                  type="checkbox"
                  aria-label={t('export.selectAll')}
                  checked={visible.length > 0 && chosen.length === visible.length}
                  onChange={(e) => setSelected(e.target.checked ? new Set(visible.map((r) => r.docId)) : new Set())}
                />
              </th>
              <th scope="col">{t('document.title')}</th>
              <th scope="col">{t('document.kind')}</th>
              <th scope="col">{t('document.date')}</th>
              <th scope="col">{t('document.themes')}</th>
              <th scope="col" className="num">
                {t('document.words')}
              </th>
            </tr>
          </thead>
          <tbody>
            {drawn.map((r) => (
              <tr key={r.docId}>
                <td className="select-col">
                  <input type="checkbox" aria-label={t('export.select', { title: r.title })} checked={selected.has(r.docId)} onChange={(e) => toggle(r.docId, e.target.checked)} />
                </td>
                <td>
                  <a
                    href={`#/w/${workspaceId}/d/${r.docId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ screen: 'document', workspaceId, docId: r.docId });
                    }}
                  >
                    {r.title}
                  </a>
                </td>
                <td>{r.subtype ? t(`subtype.${r.subtype}`) : t(`kind.${r.kind}`)}</td>
                <td>{formatDate(r.date)}</td>
                <td>
                  {r.themes.map((th) => (
                    <span key={th} className="tag">
                      {th}
                    </span>
                  ))}
                </td>
                <td className="num">{formatNumber(r.wordCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {filtered && <p className="muted small">{t('filter.showing', { shown: visible.length, total: rows.length })}</p>}
    </div>
  );
}
