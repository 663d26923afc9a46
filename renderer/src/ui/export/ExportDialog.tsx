import { useEffect, useState } from 'react';
import { Modal } from '../Modal';
import { useWorkspace } from '../../state/workspaceContext';
import { gatherExportInput } from '../../state/exportActions';
import { exportLabelsFor } from '../../state/languageActions';
import { exportDocx, compileDocx, estimateExportPages } from '../../export/exportDocx';
import type { ExportInput } from '../../export/exportInput';
import { effectivePageTarget, pageTargetState } from '../../model/pageTargets';
import { readHouseStyle } from '../../model/workspaceDoc';
import { desktopApi } from '../../platform/desktop';
import { useUi } from '../../state/uiStore';
import { t, tp, todayIso } from '../../i18n';
import { documentVersions, withChangesSinceVersion } from '../../state/trackedActions';
import type { VersionMeta } from '../../model/consultation/snapshots';
import { ChapterOrder, moveItem } from './ChapterOrder';

const DOCX_FILTER = [{ name: 'Word document', extensions: ['docx'] }];

/** File name from a title: letters, digits, spaces, dashes; never empty. */
export function fileNameFor(title: string): string {
  const base = title.normalize('NFKC').replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, ' ').slice(0, 80);
  return `${base || 'Rapporteur export'}.docx`;
}

/** Export one document (docIds.length === 1) or compile several into one DOCX, with options and progress. */
export function ExportDialog({ docIds, onClose }: { docIds: string[]; onClose: () => void }) {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const notify = useUi((s) => s.notify);
  const compile = docIds.length > 1;
  const [input, setInput] = useState<ExportInput | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [opts, setOpts] = useState({ toc: true, titlePage: true, paraNumbers: false, headingNumbers: false, annex: false, incorporationAnnex: false, wordComments: false, chathamHouse: false });
  // "Changes since version…": the single document's saved versions, and the one chosen ('' = none).
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [since, setSince] = useState('');
  const [title, setTitle] = useState('');
  // The title page's own date (default today; written in the document's language by the export), not a document's.
  const [date, setDate] = useState(todayIso());
  /** chapter order: indexes into input.documents */
  const [order, setOrder] = useState<number[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    gatherExportInput(workspaceId, ws, docIds).then(
      (i) => {
        if (!live) return;
        setInput(i);
        setTitle(compile ? i.workspace.name : (i.documents[0]?.meta.title ?? ''));
        setOrder(i.documents.map((_, n) => n));
        // A one-page meeting summary: no title page and no contents unless asked for; reports keep both.
        const meetingOnly = !compile && i.documents[0]?.meta.kind === 'meeting';
        if (meetingOnly) setOpts((o) => ({ ...o, toc: false, titlePage: false }));
        if (!compile && i.documents[0]?.meta.date) setDate(i.documents[0].meta.date);
      },
      (e) => live && setLoadError(String(e)),
    );
    if (!compile) documentVersions(workspaceId, docIds[0]).then((v) => live && setVersions(v), () => live && setVersions([]));
    return () => {
      live = false;
    };
  }, [workspaceId, ws, docIds, compile]);

  const first = input?.documents[0];
  const kinds = new Set(input?.documents.map((d) => d.meta.kind));
  const hasComments = !!input?.documents.some((d) => d.threads.length > 0);
  const warning = (() => {
    if (!input || compile || first?.meta.kind !== 'draft') return null;
    const style = readHouseStyle(ws);
    const { min, max } = effectivePageTarget(first.fields.targetMin, first.fields.targetMax, style);
    const pages = estimateExportPages(input, opts).pages;
    const state = pageTargetState(pages, min, max);
    return state === 'within' ? null : tp(`export.pageWarning.${state}`, pages, { min, max });
  })();

  const run = async () => {
    if (!input) return;
    setError(null);
    setProgress({ done: 0, total: compile ? docIds.length + 1 : 1 });
    try {
      const labels = await exportLabelsFor(ws, docIds);
      const options = { ...opts, labels, title: title.trim() || undefined, date, onProgress: (done: number, total: number) => setProgress({ done, total }) };
      const ordered = { ...input, documents: order.map((n) => input.documents[n]).filter(Boolean) };
      const source = !compile && since ? await withChangesSinceVersion(workspaceId, input, docIds[0], since) : input;
      const bytes = compile ? await compileDocx(ordered, options) : await exportDocx(source, options);
      const result = await desktopApi.saveFile({ suggestedName: fileNameFor(title || first?.meta.title || ''), data: bytes, filters: DOCX_FILTER });
      if (result.saved) {
        notify('info', t('export.saved', { location: result.location ?? '' }));
        onClose();
      } else setProgress(null);
    } catch (e) {
      setError(t('export.failed', { message: e instanceof Error ? e.message : String(e) }));
      setProgress(null);
    }
  };

  const check = (key: keyof typeof opts, label: string, hint?: string) => (
    <label className="check">
      <input type="checkbox" checked={opts[key]} onChange={(e) => setOpts({ ...opts, [key]: e.target.checked })} />
      <span>
        {label}
        {hint && <span className="muted small"> — {hint}</span>}
      </span>
    </label>
  );

  return (
    <Modal title={compile ? t('export.compileTitle', { count: docIds.length }) : t('export.title')} onClose={onClose}>
      {loadError && <p role="alert" className="error">{loadError}</p>}
      {!input && !loadError && <p aria-busy="true">{t('common.loading')}</p>}
      {input && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="field">
            <span className="field-label">{compile ? t('export.compileName') : t('document.title')}</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          {opts.titlePage && (
            <label className="field">
              <span className="field-label">{t('export.titlePageDate')}</span>
              <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
          )}
          {compile && <ChapterOrder titles={order.map((n) => input.documents[n]?.meta.title ?? '')} onMove={(from, to) => setOrder((o) => moveItem(o, from, to))} />}
          <fieldset className="checks">
            <legend>{t('export.options')}</legend>
            {check('titlePage', t('export.titlePage'))}
            {check('toc', t('export.toc'))}
            {check('paraNumbers', t('export.paraNumbers'))}
            {check('headingNumbers', t('export.headingNumbers'))}
            {kinds.has('draft') && check('annex', t('export.annex'), hasComments ? undefined : t('export.noComments'))}
            {kinds.has('draft') && check('incorporationAnnex', t('export.incorporationAnnex'), hasComments ? undefined : t('export.noComments'))}
            {kinds.has('draft') && check('wordComments', t('export.wordComments'))}
            {kinds.has('meeting') && check('chathamHouse', t('export.chathamHouse'), t('export.chathamHouseHint'))}
          </fieldset>
          {!compile && (
            <label className="field">
              <span className="field-label">{t('export.changesSince')}</span>
              <select value={since} onChange={(e) => setSince(e.target.value)} disabled={!versions?.length}>
                <option value="">{versions && !versions.length ? t('export.noVersions') : t('export.changesSinceNone')}</option>
                {(versions ?? []).map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
              <span className="muted small">{t('export.changesSinceHint')}</span>
            </label>
          )}
          {warning && (
            <p className="warning" role="alert">
              {warning}
            </p>
          )}
          {progress && (
            <label className="field">
              <span className="field-label">{t('export.progress', { done: progress.done, total: progress.total })}</span>
              <progress max={Math.max(1, progress.total)} value={progress.done} />
            </label>
          )}
          {error && <p role="alert" className="error">{error}</p>}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!!progress}>
              {t('export.button')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
