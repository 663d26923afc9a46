// The sources panel beside a consolidated reply (issue 11): the query's contributions (and a search over every
// other contribution, from the catalog), a reader to select a passage and Cite it, the coverage of the reply,
// and the generated contributors list with its "do not name" switches.
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useDocHandle } from '../../state/useDocHandle';
import { publishReplyOf } from '../../state/queryActions';
import { bodyToJSON, docBody, plainText } from '../../model/bodyJson';
import { docFields } from '../../model/documentDoc';
import { wsDocuments, readDocumentMeta, type DocumentMeta } from '../../model/workspaceDoc';
import { citationsOf, findPassage, normalizeQuote } from '../../model/network/citations';
import { coverage, type CoverageBucket, type CoverageContribution } from '../../model/network/coverage';
import { contributorsList, type ContributorRow } from '../../model/network/contributors';
import { doNotNameSet, setDoNotName } from '../../model/network/doNotName';
import { newId } from '../../../../common/ids';
import { documentDocName } from '../../../../common/rooms';
import { formatDate, formatNumber, t } from '../../i18n';
import { modelMessage } from '../errors';
import { useY } from '../hooks';
import { useCommentsUi } from '../comments/commentsUiStore';
import { useContributions, useRegistry, type ContributionEntry } from './useQueryData';
import { useCatalogTexts } from '../documents/catalogRows';

const WIDTH_FOR_BOTH_PANELS = 1800;

/** The reply's text beside its sources panel (documents that are not replies get their text alone). */
export function SourcesLayout({ meta, doc, editor, hidden, children }: { meta: DocumentMeta; doc: Y.Doc; editor: Editor | null; hidden: boolean; children: ReactNode }) {
  const isReply = !!meta.replyTo;
  useEffect(() => {
    // The page, the comments column and the sources column do not fit side by side below this width: a reply
    // opens with the sources beside it, and the Comments toggle (or starting a comment) brings the comments back.
    if (isReply && window.innerWidth < WIDTH_FOR_BOTH_PANELS) useCommentsUi.getState().setPanelOpen(false);
  }, [isReply]);
  if (!isReply) return <>{children}</>;
  return (
    <div className="sources-layout" hidden={hidden}>
      <div className="sources-main" style={{ '--contributors-note': JSON.stringify(t('reply.contributorsNote')) } as CSSProperties}>
        {children}
      </div>
      <SourcesPanel meta={meta} doc={doc} editor={editor} />
    </div>
  );
}

/** Above a reply's fields: the query it answers, and Publish. */
export function ReplyBar({ doc, meta }: { doc: Y.Doc; meta: DocumentMeta }) {
  const { id: workspaceId, doc: ws, canEdit } = useWorkspace();
  const navigate = useUi((s) => s.navigate);
  const query = useY(wsDocuments(ws), () => {
    const e = meta.replyTo ? wsDocuments(ws).get(meta.replyTo) : undefined;
    return e ? readDocumentMeta(e) : null;
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="fields-panel reply-bar" aria-label={t('reply.forQuery')}>
      <p>
        {t('reply.forQuery')}:{' '}
        {query ? (
          <a
            href={`#/w/${workspaceId}/d/${query.id}`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ screen: 'document', workspaceId, docId: query.id });
            }}
          >
            {query.title}
          </a>
        ) : (
          <span className="error">{t('reply.error.noQuery')}</span>
        )}
      </p>
      {meta.publishedAt ? (
        <p className="ok-note">{t('reply.published', { date: formatDate(meta.publishedAt, 'long') })}</p>
      ) : (
        canEdit &&
        query && (
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await publishReplyOf(workspaceId, ws, meta.id, doc);
              } catch (err) {
                setError(modelMessage(err));
              }
              setBusy(false);
            }}
          >
            {t('reply.publish')}
          </button>
        )
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

interface Opened {
  docId: string;
  quote?: string;
}

function SourcesPanel({ meta, doc, editor }: { meta: DocumentMeta; doc: Y.Doc; editor: Editor | null }) {
  const { id: workspaceId, doc: ws, canEdit } = useWorkspace();
  const queryId = meta.replyTo!;
  const queryEntries = useContributions(workspaceId, ws, queryId);
  const allEntries = useContributions(workspaceId, ws);
  const person = useRegistry(ws);
  const citations = useY(docBody(doc), () => citationsOf(bodyToJSON(doc)));
  const fields = docFields(doc);
  const hidden = useY(fields, () => doNotNameSet(doc));
  const [opened, setOpened] = useState<Opened | null>(null);
  const [search, setSearch] = useState('');

  // Clicking a citation in the reply (or Enter on a selected one) opens its source here, at the passage.
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onClick = (e: MouseEvent) => {
      const cite = (e.target as HTMLElement).closest?.('cite.citation');
      const source = cite?.getAttribute('data-source');
      if (source) setOpened({ docId: source, quote: cite?.getAttribute('data-quote') ?? undefined });
    };
    // From the keyboard: Enter on a selected citation (ProseMirror ignores an event whose default is prevented).
    const onKey = (e: KeyboardEvent) => {
      const node = (editor.state.selection as { node?: { type: { name: string }; attrs: Record<string, unknown> } }).node;
      if (e.key !== 'Enter' || node?.type.name !== 'citation') return;
      e.preventDefault();
      setOpened({ docId: String(node.attrs.source ?? ''), quote: String(node.attrs.quote ?? '') });
    };
    dom.addEventListener('click', onClick);
    dom.addEventListener('keydown', onKey, true);
    return () => {
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('keydown', onKey, true);
    };
  }, [editor]);

  const sources = useMemo(() => citations.map((c) => c.source), [citations]);
  const byId = useMemo(() => new Map(allEntries.map((e) => [e.meta.id, e])), [allEntries]);
  const considered = useMemo(() => {
    const ids = new Set(queryEntries.map((e) => e.meta.id));
    const extra = [...new Set(sources)].filter((id) => !ids.has(id)).map((id) => byId.get(id)).filter((e): e is ContributionEntry => !!e);
    return [...queryEntries, ...extra];
  }, [queryEntries, sources, byId]);
  const cov = useMemo(
    () => coverage(considered.map((e): CoverageContribution => ({ docId: e.meta.id, title: e.meta.title, group: e.stakeholder?.group ?? null, region: e.stakeholder?.region ?? null })), sources),
    [considered, sources],
  );
  const contributors = useMemo(
    () =>
      contributorsList({
        queryContributions: queryEntries.map((e) => e.meta.id),
        cited: sources,
        stakeholderOf: (id) => byId.get(id)?.row?.activity?.stakeholderId,
        person: (id) => person(id),
        doNotName: hidden,
      }),
    [queryEntries, sources, byId, person, hidden],
  );
  const citedIds = new Set(sources);
  const q = search.trim().toLocaleLowerCase();
  const texts = useCatalogTexts(workspaceId, !!q, allEntries);
  const results = q
    ? allEntries.filter((e) => !queryEntries.some((x) => x.meta.id === e.meta.id) && (e.meta.title.toLocaleLowerCase().includes(q) || (texts?.get(e.meta.id) ?? '').includes(q))).slice(0, 20)
    : [];
  const openEntry = opened ? byId.get(opened.docId) : undefined;

  return (
    <aside className="sources-panel" aria-label={t('sources.panel')}>
      <h2>{t('sources.title')}</h2>
      {opened ? (
        <SourceReader
          workspaceId={workspaceId}
          entry={openEntry}
          docId={opened.docId}
          quote={opened.quote}
          editor={canEdit ? editor : null}
          onClose={() => setOpened(null)}
        />
      ) : (
        <>
          <section aria-labelledby="sources-query-heading">
            <h3 id="sources-query-heading">{t('sources.queryContributions')}</h3>
            <SourceList entries={queryEntries} cited={citedIds} onOpen={(id) => setOpened({ docId: id })} />
          </section>
          <section className="sources-search">
            <label className="field compact">
              <span className="field-label">{t('sources.search')}</span>
              <input type="search" value={search} placeholder={t('sources.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
            </label>
            {q && (results.length ? <SourceList label={t('sources.searchResults')} entries={results} cited={citedIds} onOpen={(id) => setOpened({ docId: id })} /> : <p className="muted small">{t('sources.noResults')}</p>)}
          </section>
        </>
      )}
      <CoverageView cov={cov} />
      <ContributorsView rows={contributors} canEdit={canEdit} onToggle={(id, on) => setDoNotName(doc, id, on)} />
    </aside>
  );
}

function SourceList({ entries, cited, onOpen, label }: { entries: ContributionEntry[]; cited: Set<string>; onOpen: (docId: string) => void; label?: string }) {
  return (
    <ul className="source-list" aria-label={label}>
      {entries.map(({ meta, stakeholder }) => (
        <li key={meta.id}>
          <button type="button" className="link-button" aria-label={t('sources.show', { title: meta.title })} onClick={() => onOpen(meta.id)}>
            {meta.title}
          </button>
          <span className={`badge ${cited.has(meta.id) ? 'badge-ok' : 'badge-muted'}`}>{cited.has(meta.id) ? t('sources.cited') : t('sources.notCited')}</span>
          <span className="muted small source-who">
            {[stakeholder?.organisation, stakeholder && t(`group.${stakeholder.group}`), stakeholder && t(`region.${stakeholder.region}`)].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One contribution's text, read-only, for selecting a passage to cite; a cited passage is marked. */
function SourceReader(props: { workspaceId: string; entry: ContributionEntry | undefined; docId: string; quote?: string; editor: Editor | null; onClose: () => void }) {
  const { workspaceId, entry, docId, quote, editor, onClose } = props;
  const { doc } = useDocHandle(documentDocName(workspaceId, docId), { gc: false });
  const blocks = useY(doc ? docBody(doc) : null, () => (doc ? (bodyToJSON(doc).content ?? []).map((b) => plainText(b)) : []));
  const textRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const [selected, setSelected] = useState('');
  const [error, setError] = useState<string | null>(null);
  const title = entry?.meta.title ?? '';

  useEffect(() => {
    const onSelection = () => {
      const sel = document.getSelection();
      const box = textRef.current;
      if (!sel || !box || sel.isCollapsed || !box.contains(sel.anchorNode) || !box.contains(sel.focusNode)) return setSelected('');
      setSelected(normalizeQuote(sel.toString()));
      setError(null);
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  const hit = quote ? blocks.map((b, i) => ({ i, at: findPassage(b, quote) })).find((x) => x.at) : undefined;
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [hit?.i, doc]);

  const cite = () => {
    if (!selected) return setError(t('sources.citeNeedsSelection'));
    if (!editor) return;
    editor.chain().focus().insertCitation({ source: docId, quote: selected, cid: newId() }).run();
    document.getSelection()?.removeAllRanges();
    setSelected('');
  };

  return (
    <section className="source-reader" aria-label={t('sources.viewer', { title })}>
      <div className="source-reader-head">
        <button type="button" className="link-button" onClick={onClose}>
          ← {t('sources.close')}
        </button>
        <h3>{title}</h3>
        {entry?.stakeholder && (
          <p className="muted small">
            {[entry.stakeholder.name, entry.stakeholder.organisation, t(`group.${entry.stakeholder.group}`), t(`region.${entry.stakeholder.region}`)].filter(Boolean).join(' · ')}
          </p>
        )}
      </div>
      {editor && (
        <div className="cite-bar">
          <button type="button" className="primary" onMouseDown={(e) => e.preventDefault()} onClick={cite}>
            {t('sources.cite')}
          </button>
          <span className="muted small">{t('sources.citeHint')}</span>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {quote && !hit && doc && <p className="muted small">{t('sources.passageGone')}</p>}
      <div className="source-text" ref={textRef}>
        {blocks.map((text, i) =>
          hit && hit.i === i && hit.at ? (
            <p key={i}>
              {text.slice(0, hit.at.start)}
              <mark ref={markRef}>{text.slice(hit.at.start, hit.at.end)}</mark>
              {text.slice(hit.at.end)}
            </p>
          ) : (
            <p key={i}>{text}</p>
          ),
        )}
      </div>
    </section>
  );
}

const pct = (x: number) => formatNumber(x, { style: 'percent', maximumFractionDigits: 0 });

function CoverageView({ cov }: { cov: ReturnType<typeof coverage> }) {
  const total = cov.cited.length + cov.notCited.length;
  return (
    <section className="coverage" aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">{t('coverage.title')}</h3>
      <p>{t('coverage.summary', { cited: cov.cited.length, total })}</p>
      {total > 0 &&
        (cov.notCited.length ? (
          <div>
            <p className="field-label">{t('coverage.notCitedList')}</p>
            <ul aria-label={t('coverage.notCitedList')} className="not-cited">
              {cov.notCited.map((c) => (
                <li key={c.docId}>{c.title}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="ok-note">{t('coverage.allCited')}</p>
        ))}
      {total > 0 && (
        <>
          <BucketTable label={t('coverage.byGroup')} column={t('coverage.group')} rows={cov.byGroup} name={(k) => t(`group.${k}`)} />
          <BucketTable label={t('coverage.byRegion')} column={t('coverage.region')} rows={cov.byRegion} name={(k) => t(`region.${k}`)} />
        </>
      )}
    </section>
  );
}

function BucketTable<K extends string>({ label, column, rows, name }: { label: string; column: string; rows: Array<CoverageBucket<K>>; name: (k: K) => string }) {
  return (
    <table className="data-table compact coverage-table" aria-label={label}>
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col" className="num">
            {t('coverage.cited')}
          </th>
          <th scope="col" className="num">
            {t('coverage.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.key}>
            <th scope="row">{name(b.key)}</th>
            <td className="num">
              {b.cited}/{b.contributions}
            </td>
            <td className="num">{pct(b.shareOfCitations)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ContributorsView({ rows, canEdit, onToggle }: { rows: ContributorRow[]; canEdit: boolean; onToggle: (stakeholderId: string, hidden: boolean) => void }) {
  return (
    <section className="contributors" aria-labelledby="contributors-heading">
      <h3 id="contributors-heading">{t('contributors.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted small">{t('contributors.none')}</p>
      ) : (
        <table className="data-table compact" aria-label={t('contributors.title')}>
          <thead>
            <tr>
              <th scope="col">{t('contributors.name')}</th>
              <th scope="col">{t('contributors.organisation')}</th>
              <th scope="col">{t('contributors.region')}</th>
              <th scope="col">{t('contributors.doNotName')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.stakeholderId}>
                <td>{r.name ?? <em className="muted">{t('contributors.withheld')}</em>}</td>
                <td>{r.organisation || '—'}</td>
                <td>{t(`region.${r.region}`)}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={r.name === null}
                    disabled={!canEdit}
                    aria-label={t('contributors.doNotNameFor', { name: r.organisation || r.stakeholderId })}
                    onChange={(e) => onToggle(r.stakeholderId, e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
