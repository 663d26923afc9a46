import { useState } from 'react';
import { desktopApi } from '../../platform/desktop';
import { useUi } from '../../state/uiStore';
import { useWorkspace } from '../../state/workspaceContext';
import { readDocumentMeta, wsDocuments } from '../../model/workspaceDoc';
import type { MatrixRow } from '../../model/comments/matrix';
import { matrixToCsv, csvToTable } from '../../model/comments/matrixCsv';
import { previewMatrixImport, type ImportPreview } from '../../model/comments/matrixImport';
import { t } from '../../i18n';
import { allTranslates, documentTranslate } from '../../state/languageActions';
import { useComments } from '../comments/CommentsContext';
import { modelMessage } from '../errors';
import { ImportMatrixDialog } from './ImportMatrixDialog';

const translate = (id: string) => t(id);
const CSV = { name: 'CSV', extensions: ['csv'] };
const XLSX = { name: 'Excel', extensions: ['xlsx'] };

/** A file name from the document title: letters, digits, spaces and dashes only. */
export function matrixFileName(title: string, ext: 'csv' | 'xlsx'): string {
  const base = title.normalize('NFKD').replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, ' ').slice(0, 80) || 'document';
  return `${base} - ${t('matrix.fileSuffix')}.${ext}`;
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Export the matrix (the rows shown, in their order) as CSV or XLSX; editors re-import an edited file. */
export function MatrixFileActions({ shown }: { shown: readonly MatrixRow[] }) {
  const { docId, threads, actor, canEdit, comments } = useComments();
  const { doc: ws } = useWorkspace();
  const notify = useUi((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ name: string; preview: ImportPreview } | null>(null);
  const title = () => {
    const entry = wsDocuments(ws).get(docId);
    return (entry && readDocumentMeta(entry)?.title) || 'document';
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      notify('error', modelMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = () =>
    run(async () => {
      // Headings and vocabulary in the document's language, as in the DOCX export.
      const data = new TextEncoder().encode(matrixToCsv(shown, await documentTranslate(ws, docId)));
      const r = await desktopApi.saveFile({ suggestedName: matrixFileName(title(), 'csv'), data, filters: [CSV] });
      if (r.saved) notify('info', t('matrix.exported', { location: r.location ?? '' }));
    });
  const exportXlsx = () =>
    run(async () => {
      const { matrixToXlsx } = await import('../../model/comments/matrixXlsx');
      const data = await matrixToXlsx(shown, { t: await documentTranslate(ws, docId), title: title() });
      const r = await desktopApi.saveFile({ suggestedName: matrixFileName(title(), 'xlsx'), data, filters: [XLSX] });
      if (r.saved) notify('info', t('matrix.exported', { location: r.location ?? '' }));
    });
  const importFile = () =>
    run(async () => {
      const file = await desktopApi.openFile({ filters: [{ name: t('matrix.importFilter'), extensions: ['csv', 'xlsx'] }] });
      if (!file) return;
      let table: string[][];
      if (isZip(file.data) || file.name.toLowerCase().endsWith('.xlsx')) {
        const { xlsxToTable } = await import('../../model/comments/matrixXlsx');
        table = await xlsxToTable(file.data);
      } else table = csvToTable(file.data);
      setPreview({ name: file.name, preview: previewMatrixImport(table, threads, { t: translate, headerLanguages: await allTranslates(), role: actor.role }) });
    });

  return (
    <div className="matrix-files" role="group" aria-label={t('matrix.files')}>
      <button type="button" onClick={exportCsv} disabled={busy || shown.length === 0}>
        {t('matrix.exportCsv')}
      </button>
      <button type="button" onClick={exportXlsx} disabled={busy || shown.length === 0}>
        {t('matrix.exportXlsx')}
      </button>
      {canEdit && (
        <button type="button" onClick={importFile} disabled={busy || !comments}>
          {t('matrix.import')}
        </button>
      )}
      {preview && comments && <ImportMatrixDialog fileName={preview.name} preview={preview.preview} comments={comments} actor={actor} onClose={() => setPreview(null)} />}
    </div>
  );
}
