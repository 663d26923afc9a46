import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useDocHandle } from '../../state/useDocHandle';
import { formatRoute } from '../../state/route';
import { documentDocName } from '../../../../common/rooms';
import { readDocumentMeta, wsDocuments } from '../../model/workspaceDoc';
import { bodyToJSON, type PMNode } from '../../model/bodyJson';
import { listVersions, openVersion, readVersion, versionsArray, type VersionMeta } from '../../model/consultation/snapshots';
import { compareBodies, type Badge, type BlockChange, type CompareResult, type InlinePart } from '../../model/versions/compare';
import { t, tp } from '../../i18n';
import { useY } from '../hooks';
import { formatWhen } from '../comments/format';

// The redline of two versions of a document (issue 12): `from` and `to` are version ids or 'current' (the live
// text). Unchanged text is folded by default, so a long report shows its changes at once; N/P (or Alt+Down/Up)
// move between changes, announced.

type Side = { body: PMNode } | { error: 'missing' };

function bodyOf(doc: Y.Doc, ref: string): Side {
  if (ref === 'current') return { body: bodyToJSON(doc) };
  const entry = readVersion(doc, ref);
  if (!entry) return { error: 'missing' };
  const { doc: vdoc, comments } = openVersion(entry);
  try {
    return { body: bodyToJSON(vdoc) };
  } finally {
    vdoc.destroy();
    comments?.destroy();
  }
}

export function CompareView({ docId, from, to }: { docId: string; from: string; to: string }) {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const { doc, error } = useDocHandle(documentDocName(workspaceId, docId), { gc: false });
  const meta = useY(wsDocuments(ws), () => {
    const entry = wsDocuments(ws).get(docId);
    return entry ? readDocumentMeta(entry) : null;
  });
  const versions = useY(doc ? versionsArray(doc) : null, () => (doc ? listVersions(doc) : []));
  const navigate = useUi((s) => s.navigate);
  const back = () => navigate({ screen: 'document', workspaceId, docId });
  const known = versions.map((v) => v.id).join();

  const result = useMemo((): { result: CompareResult } | { message: string } | null => {
    if (!doc) return null;
    try {
      const a = bodyOf(doc, from);
      const b = bodyOf(doc, to);
      if ('error' in a || 'error' in b) return { message: t('compare.missing') };
      return { result: compareBodies(a.body, b.body) };
    } catch (err) {
      return { message: t('compare.error', { message: String(err) }) };
    }
    // `known`: a version arriving by sync may be the one asked for
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, from, to, known]);

  if (error) return <p role="alert" className="error">{t('storage.error.open', { message: String(error) })}</p>;
  if (!doc) return <p aria-busy="true">{t('common.loading')}</p>;

  const label = (ref: string) => {
    if (ref === 'current') return t('compare.currentText');
    const v = versions.find((x) => x.id === ref);
    return v ? t('compare.versionBy', { name: v.name, by: v.createdByName, date: formatWhen(v.createdAt) }) : ref;
  };
  const go = (next: { from?: string; to?: string }) => navigate({ screen: 'compare', workspaceId, docId, from: next.from ?? from, to: next.to ?? to });

  return (
    <article className="compare" aria-labelledby="compare-title">
      <header className="compare-header">
        <div className="document-header-row">
          <a
            href={formatRoute({ screen: 'document', workspaceId, docId })}
            className="compare-back"
            onClick={(e) => {
              e.preventDefault();
              back();
            }}
          >
            ← {t('compare.back')}
          </a>
        </div>
        <h1 id="compare-title">
          {t('compare.title')}
          {meta ? <span className="muted"> · {meta.title}</span> : null}
        </h1>
        <div className="compare-pickers">
          <VersionPicker label={t('compare.from')} value={from} versions={versions} onChange={(v) => go({ from: v })} />
          <VersionPicker label={t('compare.to')} value={to} versions={versions} onChange={(v) => go({ to: v })} />
        </div>
        <p className="compare-between">{t('compare.between', { from: label(from), to: label(to) })}</p>
        <p className="muted small">{t('compare.authors')}</p>
      </header>
      {versions.length === 0 ? (
        <p className="compare-empty">{t('compare.noVersions')}</p>
      ) : !result ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : 'message' in result ? (
        <p role="alert" className="error">{result.message}</p>
      ) : (
        <Redline result={result.result} same={from === to} onEscape={back} />
      )}
    </article>
  );
}

function VersionPicker({ label, value, versions, onChange }: { label: string; value: string; versions: VersionMeta[]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <label htmlFor={id} className="compare-picker">
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {[...versions].reverse().map((v) => (
          <option key={v.id} value={v.id}>
            {t('compare.versionOption', { name: v.name, date: formatWhen(v.createdAt), by: v.createdByName })}
          </option>
        ))}
        <option value="current">{t('compare.current')}</option>
      </select>
    </label>
  );
}

const sectionLabel = (section: string, title: string) => (section ? `${t('compare.section', { n: section })}${title ? ` ${title}` : ''}` : t('compare.sectionNone'));

function badgeLabel(b: Badge): string {
  switch (b.type) {
    case 'split':
      return tp('compare.badge.split', b.parts);
    case 'joined':
      return tp('compare.badge.joined', b.parts);
    case 'movedFrom':
      return t('compare.badge.movedFrom', { section: sectionLabel(b.section, '') });
    case 'movedTo':
      return t('compare.badge.movedTo', { section: sectionLabel(b.section, '') });
    case 'headingLevel':
      return t('compare.badge.headingLevel', { from: b.from, to: b.to });
    case 'typeChanged':
      return b.to === 'heading' ? t('compare.badge.toHeading', { level: b.level }) : t('compare.badge.toParagraph');
    case 'rowAdded':
      return t('compare.badge.rowAdded');
    case 'rowRemoved':
      return t('compare.badge.rowRemoved');
  }
}

type Row = { entry: BlockChange; index: number } | { fold: number; from: number };

/** Entries to show: every change, and unchanged runs folded (or all of them). */
function rowsOf(result: CompareResult, showAll: boolean): Row[] {
  const rows: Row[] = [];
  let run = 0;
  const flush = (at: number) => {
    if (run) rows.push({ fold: run, from: at - run });
    run = 0;
  };
  result.entries.forEach((entry, index) => {
    if (!showAll && entry.kind === 'unchanged' && entry.type !== 'heading') run++;
    else {
      flush(index);
      rows.push({ entry, index });
    }
  });
  flush(result.entries.length);
  return rows;
}

/** Rows rendered in slices, so a long document paints its first screen at once. */
function useProgressive(total: number, step = 300): number {
  const [shown, setShown] = useState(Math.min(total, step));
  useEffect(() => {
    setShown(Math.min(total, step));
  }, [total, step]);
  useEffect(() => {
    if (shown >= total) return;
    const timer = window.setTimeout(() => setShown((s) => Math.min(total, s + step)), 16);
    return () => window.clearTimeout(timer);
  }, [shown, total, step]);
  return shown;
}

function Redline({ result, same, onEscape }: { result: CompareResult; same: boolean; onEscape: () => void }) {
  const [showAll, setShowAll] = useState(false);
  const [at, setAt] = useState(-1);
  const [announce, setAnnounce] = useState('');
  const rows = useMemo(() => rowsOf(result, showAll), [result, showAll]);
  const shown = useProgressive(rows.length);
  const list = useRef<HTMLDivElement>(null);
  const { changes, entries, stats, sections } = result;

  const focusChange = useCallback(
    (k: number) => {
      if (!changes.length) return;
      const i = Math.max(0, Math.min(changes.length - 1, k));
      setAt(i);
      const e = entries[changes[i]];
      setAnnounce(t('compare.position', { n: i + 1, total: changes.length, where: sectionLabel(e.section, e.sectionTitle) }));
      // the row may not be painted yet (progressive rendering): wait a frame or two
      const reveal = (tries: number) => {
        const el = list.current?.querySelector<HTMLElement>(`[data-entry="${changes[i]}"]`);
        if (el) {
          el.focus({ preventScroll: true });
          el.scrollIntoView({ block: 'center' });
        } else if (tries > 0) window.setTimeout(() => reveal(tries - 1), 30);
      };
      reveal(40);
    },
    [changes, entries],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, select, textarea, [contenteditable="true"]') || e.ctrlKey || e.metaKey)) return;
      const next = (!e.altKey && (e.key === 'n' || e.key === 'N')) || (e.altKey && e.key === 'ArrowDown');
      const prev = (!e.altKey && (e.key === 'p' || e.key === 'P')) || (e.altKey && e.key === 'ArrowUp');
      if (next || prev) {
        e.preventDefault();
        focusChange(at < 0 ? (next ? 0 : changes.length - 1) : at + (next ? 1 : -1));
      } else if (e.key === 'Escape' && !e.altKey) onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, changes.length, focusChange, onEscape]);

  const statParts = (Object.keys(stats) as Array<keyof typeof stats>).filter((k) => stats[k] > 0).map((k) => t(`compare.stats.${k}`, { count: stats[k] }));

  return (
    <div className="compare-body">
      <aside className="compare-summary" aria-labelledby="compare-summary-h">
        <p className="compare-count">
          <strong>{tp('compare.count', changes.length)}</strong>
          {statParts.length ? <span className="muted"> · {statParts.join(', ')}</span> : null}
        </p>
        {same && <p className="muted">{t('compare.same')}</p>}
        <h2 id="compare-summary-h">{t('compare.summary')}</h2>
        {sections.length === 0 ? (
          <p className="muted">{t('compare.none')}</p>
        ) : (
          <ul className="compare-sections">
            {sections.map((s) => (
              <li key={`${s.section}|${s.title}`}>
                <button type="button" className="link-button" onClick={() => focusChange(changes.indexOf(s.first))}>
                  {t('compare.sectionChanged', { section: sectionLabel(s.section, s.title), count: s.changed })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="compare-nav">
          <button type="button" onClick={() => focusChange(at - 1)} disabled={!changes.length || at <= 0} aria-keyshortcuts="P Alt+ArrowUp">
            ↑ {t('compare.prev')}
          </button>
          <button type="button" onClick={() => focusChange(at + 1)} disabled={!changes.length || at >= changes.length - 1} aria-keyshortcuts="N Alt+ArrowDown">
            ↓ {t('compare.next')}
          </button>
        </div>
        <p className="muted small">{t('compare.keys')}</p>
        <label className="compare-toggle">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> {t('compare.showUnchanged')}
        </label>
        <p className="visually-hidden" aria-live="polite">
          {announce}
        </p>
      </aside>
      <div className="compare-redline" ref={list} role="region" aria-label={t('compare.redline')}>
        {rows.slice(0, shown).map((row) =>
          'fold' in row ? (
            <p key={`f${row.from}`} className="compare-fold muted small">
              {tp('compare.unchangedRun', row.fold)}
            </p>
          ) : (
            <Block key={row.entry.key} entry={row.entry} index={row.index} current={changes[at] === row.index} />
          ),
        )}
      </div>
    </div>
  );
}

function Block({ entry, index, current }: { entry: BlockChange; index: number; current: boolean }) {
  const { kind, type, level, context } = entry;
  const badges = [...entry.badges.map(badgeLabel)];
  if (kind === 'inserted' && !entry.badges.length) badges.unshift(t('compare.badge.inserted'));
  if (kind === 'deleted' && !entry.badges.length) badges.unshift(t('compare.badge.deleted'));
  const showBreaks = kind === 'split' || kind === 'joined';
  const text = entry.parts.map((p, i) => <Part key={i} part={p} showBreak={showBreaks} />);
  const depth = context.lists.length;
  return (
    <div
      className={`cmp-block cmp-${kind}${current ? ' is-current' : ''}${depth ? ' cmp-in-list' : ''}${context.quote ? ' cmp-in-quote' : ''}`}
      style={depth ? { marginLeft: `${depth * 1.4}rem` } : undefined}
      data-entry={index}
      data-kind={kind}
      tabIndex={kind === 'unchanged' ? undefined : -1}
    >
      {(badges.length > 0 || context.table) && (
        <p className="cmp-meta">
          {context.table && <span className="muted small">{t('compare.inTable', { table: context.table.table + 1, row: context.table.row + 1 })}</span>}
          {badges.map((b) => (
            <span key={b} className="cmp-badge">
              {b}
            </span>
          ))}
        </p>
      )}
      {type === 'heading' ? (
        <p role="heading" aria-level={Math.min(6, level + 1)} className={`cmp-text cmp-h${level}`}>
          {text}
        </p>
      ) : (
        <p className="cmp-text">
          {depth > 0 && <span aria-hidden="true">{context.lists[depth - 1] === 'orderedList' ? '· ' : '• '}</span>}
          {text}
        </p>
      )}
    </div>
  );
}

function styled(part: InlinePart): ReactNode {
  let out: ReactNode = part.text;
  for (const m of part.marks ?? []) {
    if (m.type === 'bold') out = <strong>{out}</strong>;
    else if (m.type === 'italic') out = <em>{out}</em>;
    else if (m.type === 'underline') out = <u>{out}</u>;
    else if (m.type === 'strike') out = <s>{out}</s>;
    else if (m.type === 'superscript') out = <sup>{out}</sup>;
    else if (m.type === 'subscript') out = <sub>{out}</sub>;
    else if (m.type === 'link') out = <span className="cmp-link">{out}</span>;
  }
  if (part.node) out = <span className="cmp-atom">{out}</span>;
  return out;
}

function Part({ part, showBreak }: { part: InlinePart; showBreak: boolean }) {
  if (part.boundary) {
    if (!showBreak) return null;
    const title = part.kind === 'ins' ? t('compare.break.inserted') : t('compare.break.deleted');
    return part.kind === 'ins' ? (
      <ins className="cmp-ins cmp-break" title={title} aria-label={title}>
        ¶
      </ins>
    ) : (
      <del className="cmp-del cmp-break" title={title} aria-label={title}>
        ¶
      </del>
    );
  }
  if (part.kind === 'same') return <Fragment>{styled(part)}</Fragment>;
  return part.kind === 'ins' ? <ins className="cmp-ins">{styled(part)}</ins> : <del className="cmp-del">{styled(part)}</del>;
}
