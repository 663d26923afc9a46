import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useUi } from '../../state/uiStore';
import { useWorkspace } from '../../state/workspaceContext';
import { filterRows, groupRows, sortRows, type MatrixColumn, type MatrixFilter, type MatrixRow } from '../../model/comments/matrix';
import { setResponse } from '../../model/comments/responseWrite';
import { DISPOSITIONS } from '../../model/comments/dispositions';
import { COMMENT_TYPES, type Actor } from '../../model/comments/threadTypes';
import { threadNumbers } from '../../model/comments/threadNumbers';
import { REGIONS, STAKEHOLDER_GROUPS } from '../../model/kinds';
import { formatNumber, t, tp } from '../../i18n';
import { useComments } from '../comments/CommentsContext';
import { useCommentsUi } from '../comments/commentsUiStore';
import { DispositionControl } from '../comments/DispositionControl';
import { groupLabel, locationLabel, regionLabel } from '../comments/format';
import { modelMessage } from '../errors';
import { useVirtualRows } from './useVirtualRows';
import { MatrixFileActions } from './MatrixFileActions';
import { MatrixColumnsMenu } from './MatrixColumnsMenu';
import { readColumnPrefs, SCREEN_COLUMNS, visibleColumns, type MatrixColumnPrefs, type ScreenColumn } from '../../model/comments/matrixColumns';
import { useDevicePref } from '../../state/devicePrefs';
import { useSideScroll } from './useSideScroll';

type FilterKind = 'text' | 'range' | 'section' | { values: readonly string[]; label: (v: string) => string };

interface Column {
  key: ScreenColumn;
  width: number;
  filter: FilterKind;
}

// Widths are minimums: the table fills the screen's width, and scrolls sideways only past it. At 1280 px the
// default order (model/comments/matrixColumns.ts) shows # to Response without scrolling.
const ALL_COLUMNS: Record<ScreenColumn, Column> = {
  number: { key: 'number', width: 58, filter: 'range' },
  para: { key: 'para', width: 56, filter: 'range' },
  commenter: { key: 'commenter', width: 118, filter: 'text' },
  comment: { key: 'comment', width: 220, filter: 'text' },
  proposedWording: { key: 'proposedWording', width: 176, filter: 'text' },
  disposition: { key: 'disposition', width: 160, filter: { values: DISPOSITIONS, label: (v) => t(`disposition.${v}`) } },
  response: { key: 'response', width: 176, filter: 'text' },
  type: { key: 'type', width: 110, filter: { values: COMMENT_TYPES, label: (v) => t(`commentType.${v}`) } },
  section: { key: 'section', width: 76, filter: 'section' },
  organisation: { key: 'organisation', width: 150, filter: 'text' },
  group: { key: 'group', width: 140, filter: { values: STAKEHOLDER_GROUPS, label: groupLabel } },
  region: { key: 'region', width: 150, filter: { values: REGIONS, label: regionLabel } },
};
const COLUMNS: Column[] = SCREEN_COLUMNS.map((c) => ALL_COLUMNS[c]);

/** A row's height before it is measured (one line); rows then take their content's height. */
const ROW_ESTIMATE = 44;
const GROUP_HEIGHT = 36;

type Item = { kind: 'row'; row: MatrixRow } | { kind: 'group'; key: string; label: string; count: number };

/** "12" -> 12, "10-20" / "10–20" -> a range, "" -> no filter; null when unreadable. */
export function parseRange(text: string): number | { min?: number; max?: number } | undefined | null {
  const s = text.trim();
  if (!s) return undefined;
  const m = /^(\d*)\s*[-–]\s*(\d*)$/.exec(s);
  if (m && (m[1] || m[2])) return { min: m[1] ? Number(m[1]) : undefined, max: m[2] ? Number(m[2]) : undefined };
  return /^\d+$/.test(s) ? Number(s) : null;
}

function toFilter(values: Partial<Record<MatrixColumn, string>>): MatrixFilter {
  const f: MatrixFilter = {};
  for (const c of COLUMNS) {
    const v = values[c.key];
    if (!v) continue;
    if (c.filter === 'range') {
      const r = parseRange(v);
      if (r !== null && r !== undefined) f[c.key] = r;
    } else f[c.key] = v.replace(/^§\s*/, '');
  }
  return f;
}

/**
 * The comment matrix of a draft: one row per comment, sortable by any column, filterable by every column,
 * optionally grouped by commenter; a row opens its comment in the text. Editors set dispositions and responses
 * in place. Rows are windowed, so 2,000 comments cost what 20 do.
 */
export function MatrixView() {
  const { rows, threads, comments, actor, canEdit, docId } = useComments();
  const { id: workspaceId } = useWorkspace();
  const navigate = useUi((s) => s.navigate);
  const [sort, setSort] = useState<{ column: MatrixColumn; direction: 'asc' | 'desc' }>({ column: 'number', direction: 'asc' });
  const [filterText, setFilterText] = useState<Partial<Record<MatrixColumn, string>>>({});
  const [byCommenter, setByCommenter] = useState(false);
  const [focusIndex, setFocusIndex] = useState(-1);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [storedColumns, setStoredColumns] = useDevicePref<unknown>('matrixColumns', null, (v): v is unknown => v !== undefined);
  const prefs = useMemo(() => readColumnPrefs(storedColumns), [storedColumns]);
  const setPrefs = (p: MatrixColumnPrefs) => setStoredColumns(p);
  const columns = useMemo(() => visibleColumns(prefs).map((c) => ALL_COLUMNS[c]), [prefs]);
  // Rows are as tall as their content: each rendered row is measured, and the window uses the measured heights.
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);

  const filter = useMemo(() => toFilter(filterText), [filterText]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const items = useMemo<Item[]>(() => {
    if (!byCommenter) return shown.map((row) => ({ kind: 'row', row }));
    const groups = groupRows(shown, 'commenter', t).sort((a, b) => a.label.localeCompare(b.label));
    return groups.flatMap((g) => [{ kind: 'group' as const, key: g.key, label: g.label, count: g.rows.length }, ...g.rows.map((row) => ({ kind: 'row' as const, row }))]);
  }, [shown, byCommenter]);
  const { scrollRef, first, last, padTop, padBottom, ensureVisible } = useVirtualRows(
    items,
    (it) => (it.kind === 'row' ? (heights.current.get(it.row.id) ?? ROW_ESTIMATE) : GROUP_HEIGHT),
    6,
    `${measured}:${columns.map((c) => c.key).join()}`,
  );
  // After every render (rows come into view, text or columns change); it sets state only when a height changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    let changed = false;
    for (const tr of scrollRef.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]') ?? []) {
      const id = tr.dataset.row ?? '';
      const h = tr.getBoundingClientRect().height;
      if (h && Math.abs((heights.current.get(id) ?? 0) - h) > 0.5) {
        heights.current.set(id, h);
        changed = true;
      }
    }
    if (changed) setMeasured((m) => m + 1);
  });
  const side = useSideScroll(scrollRef);

  const { numberOf, idOfNumber } = useMemo(() => threadNumbers(threads), [threads]);

  const open = useCallback(
    (row: MatrixRow) => {
      useCommentsUi.getState().reveal(row.id);
      useCommentsUi.getState().setPanelOpen(true);
      navigate({ screen: 'document', workspaceId, docId });
    },
    [navigate, workspaceId, docId],
  );

  // Arrow keys move between rows (rendering them on the way); Enter opens a row in the text.
  useEffect(() => {
    if (focusIndex < 0) return;
    ensureVisible(focusIndex, headRef.current?.offsetHeight ?? 0);
    const id = requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusIndex}"]`)?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(id);
  }, [focusIndex, ensureVisible, scrollRef]);

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    if (e.target !== e.currentTarget) return;
    const it = items[i];
    let next: number | null = null;
    if (e.key === 'Enter' && it.kind === 'row') {
      e.preventDefault();
      open(it.row);
      return;
    }
    if (e.key === 'ArrowDown') next = Math.min(items.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home' && e.ctrlKey) next = 0;
    else if (e.key === 'End' && e.ctrlKey) next = items.length - 1;
    if (next === null) return;
    e.preventDefault();
    setFocusIndex(next);
  };

  const toggleSort = (column: MatrixColumn) =>
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));
  const anyFilter = Object.values(filterText).some(Boolean);
  const tableWidth = columns.reduce((w, c) => w + c.width, 0);

  return (
    <section className="matrix-view" aria-labelledby="matrix-title">
      <div className="matrix-toolbar">
        <h2 id="matrix-title" className="matrix-title">
          {t('matrix.title')}
        </h2>
        <p className="muted small matrix-count" role="status">
          {shown.length === rows.length ? tp('matrix.count', rows.length) : t('matrix.countFiltered', { shown: formatNumber(shown.length), total: formatNumber(rows.length) })}
        </p>
        <label className="check-line">
          <input type="checkbox" checked={byCommenter} onChange={(e) => setByCommenter(e.target.checked)} />
          {t('matrix.groupByCommenter')}
        </label>
        {anyFilter && (
          <button type="button" onClick={() => setFilterText({})}>
            {t('matrix.clearFilters')}
          </button>
        )}
        <span className="spacer" />
        <MatrixColumnsMenu prefs={prefs} onChange={setPrefs} />
        <MatrixFileActions shown={shown} />
      </div>
      <p className="muted small matrix-hint">{canEdit ? t('matrix.hintEditor') : t('matrix.hint')}</p>
      {side.more && (
        <p className="matrix-more small" id="matrix-more">
          <span aria-hidden="true">→</span> {t('matrix.moreColumns', { count: side.hiddenColumns })}
        </p>
      )}
      <div className={`matrix-frame${side.more ? ' scrolls-right' : ''}${side.scrolled ? ' scrolled-left' : ''}`}>
      <div className="matrix-scroll" ref={scrollRef} tabIndex={-1} aria-describedby={side.more ? 'matrix-more' : undefined}>
        <table className="matrix-table" style={{ minWidth: tableWidth }} aria-labelledby="matrix-title" aria-rowcount={items.length + 2} aria-colcount={columns.length}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead ref={headRef}>
            <tr aria-rowindex={1}>
              {columns.map((c) => {
                const sorted = sort.column === c.key;
                return (
                  <th key={c.key} scope="col" aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <button type="button" className="sort-button" onClick={() => toggleSort(c.key)}>
                      {t(`matrix.column.${c.key}`)}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
            <tr className="filter-row" aria-rowindex={2}>
              {columns.map((c) => (
                <td key={c.key}>
                  <FilterInput column={c} value={filterText[c.key] ?? ''} onChange={(v) => setFilterText((f) => ({ ...f, [c.key]: v }))} />
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={columns.length} style={{ height: padTop }} />
              </tr>
            )}
            {items.slice(first, last + 1).map((it, k) => {
              const i = first + k;
              if (it.kind === 'group')
                return (
                  <tr key={`g:${it.key}`} className="group-row" data-index={i} aria-rowindex={i + 3} tabIndex={-1} onKeyDown={(e) => onRowKey(e, i)}>
                    <th colSpan={columns.length} scope="colgroup">
                      {it.label} <span className="muted">· {tp('matrix.groupCount', it.count)}</span>
                    </th>
                  </tr>
                );
              return (
                <MatrixRowView
                  key={it.row.id}
                  row={it.row}
                  index={i}
                  comments={comments}
                  actor={actor}
                  canEdit={canEdit}
                  numberOf={numberOf}
                  idOfNumber={idOfNumber}
                  onOpen={open}
                  onKeyDown={onRowKey}
                  onFocusRow={setFocusIndex}
                  columns={columns}
                />
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer-row">
                <td colSpan={columns.length} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {items.length === 0 && <p className="empty matrix-empty">{rows.length ? t('matrix.noneMatch') : t('matrix.none')}</p>}
      </div>
      </div>
    </section>
  );
}

function FilterInput({ column: c, value, onChange }: { column: Column; value: string; onChange: (v: string) => void }) {
  const label = t('matrix.filterBy', { column: t(`matrix.column.${c.key}`) });
  if (typeof c.filter === 'object') {
    const { values, label: valueLabel } = c.filter;
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('matrix.filterAll')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {valueLabel(v)}
          </option>
        ))}
      </select>
    );
  }
  const placeholder = c.filter === 'range' ? t('matrix.filterRangePlaceholder') : c.filter === 'section' ? '3.2' : t('matrix.filterTextPlaceholder');
  const invalid = c.filter === 'range' && parseRange(value) === null;
  return (
    <input
      type="search"
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? t('matrix.filterRangeInvalid') : undefined}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

interface RowProps {
  row: MatrixRow;
  index: number;
  comments: Y.Doc | null;
  actor: Actor;
  canEdit: boolean;
  numberOf: (id: string) => number | null;
  idOfNumber: (n: number) => string | null;
  onOpen: (row: MatrixRow) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>, i: number) => void;
  onFocusRow: (i: number) => void;
  columns: Column[];
}

const MatrixRowView = memo(function MatrixRowView({ row: r, index, comments, actor, canEdit, numberOf, idOfNumber, onOpen, onKeyDown, onFocusRow, columns }: RowProps) {
  const choice = r.duplicateOf ? t('disposition.duplicateOf', { n: String(r.duplicateOfNumber ?? '?') }) : t(`disposition.${r.disposition}`);
  return (
    <tr
      className={`matrix-row${r.resolved ? ' is-resolved' : ''}`}
      data-index={index}
      data-row={r.id}
      aria-rowindex={index + 3}
      tabIndex={0}
      aria-label={t('matrix.rowLabel', { n: String(r.number), commenter: r.commenter })}
      onClick={() => onOpen(r)}
      onKeyDown={(e) => onKeyDown(e, index)}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(index)}
    >
      {columns.map((c) => (
        <MatrixCell key={c.key} column={c.key} r={r} choice={choice} canEdit={canEdit} comments={comments} actor={actor} numberOf={numberOf} idOfNumber={idOfNumber} />
      ))}
    </tr>
  );
});

type CellProps = Pick<RowProps, 'comments' | 'actor' | 'canEdit' | 'numberOf' | 'idOfNumber'> & { column: ScreenColumn; r: MatrixRow; choice: string };

/** One cell of a matrix row. Comment, proposed wording and response wrap in full: a row is as tall as its text. */
function MatrixCell({ column, r, choice, canEdit, comments, actor, numberOf, idOfNumber }: CellProps) {
  switch (column) {
    case 'number':
      return (
        <td className="num">#{r.number}</td>
      );
    case 'para':
      return (
        <td className="num">
          {r.para ?? (r.status === 'ok' ? '–' : <span className={`chip chip-${r.status}`} title={locationLabel(r)}>{t(`matrix.status.${r.status}`)}</span>)}
        </td>
      );
    case 'section':
      return (
        <td>{r.section ? `§ ${r.section}` : ''}</td>
      );
    case 'commenter':
      return (
        <td>
          <span className="clamp">{r.commenter}</span>
        </td>
      );
    case 'organisation':
      return (
        <td>
          <span className="clamp">{r.organisation}</span>
        </td>
      );
    case 'group':
      return (
        <td>{groupLabel(r.group)}</td>
      );
    case 'region':
      return (
        <td>
          <span className="clamp">{regionLabel(r.region)}</span>
        </td>
      );
    case 'type':
      return (
        <td>
          {t(`commentType.${r.type}`)}
          {r.purpose === 'annotation' && <span className="chip chip-annotation">{t('comments.purpose.annotation')}</span>}
        </td>
      );
    case 'comment':
      return (
        <td>
          <span className="cell-text">
            {r.comment}
          </span>
        </td>
      );
    case 'proposedWording':
      return (
        <td>
          <span className="cell-text">
            {r.proposedWording}
          </span>
        </td>
      );
    case 'disposition':
      return (
        <td>
          {canEdit && comments ? (
            <DispositionControl
              compact
              comments={comments}
              threadId={r.id}
              number={r.number}
              value={r.disposition}
              duplicateOf={r.duplicateOf}
              actor={actor}
              idOfNumber={idOfNumber}
              numberOf={numberOf}
            />
          ) : (
            <span className={`disposition-pill disposition-${r.disposition}`}>{choice}</span>
          )}
        </td>
      );
    case 'response':
      return (
        <td className="response-cell">{canEdit && comments ? <ResponseCell row={r} comments={comments} actor={actor} /> : <span className="cell-text">{r.response}</span>}</td>
      );
  }
}

/** The response, edited in place as plain text (the panel beside the text has the rich-text editor). */
function ResponseCell({ row, comments, actor }: { row: MatrixRow; comments: Y.Doc; actor: Actor }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(row.response);
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    try {
      setResponse(comments, row.id, text, actor);
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(modelMessage(e));
    }
  };
  if (!editing)
    return (
      <button
        type="button"
        className="response-button"
        aria-label={t('matrix.editResponse', { n: String(row.number) })}
        onClick={(e) => {
          e.stopPropagation();
          setText(row.response);
          setEditing(true);
        }}
        onKeyDown={(e) => e.stopPropagation()}
      >
        <span className="cell-text">{row.response || <span className="muted">{t('matrix.addResponse')}</span>}</span>
      </button>
    );
  return (
    <div className="response-popover" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <textarea
        aria-label={t('comments.response.of', { n: String(row.number) })}
        value={text}
        rows={5}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setEditing(false);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
        }}
      />
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <div className="form-actions">
        <span className="muted small">{t('matrix.responseKeys')}</span>
        <button type="button" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={save}>
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}
