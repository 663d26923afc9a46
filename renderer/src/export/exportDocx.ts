import type { ExportDocument, ExportInput } from './exportInput';
import type { ExportOptions } from './options';
import { DEFAULT_LABELS, type ExportLabels } from './exportLabels';
import { writeDocx, estimateBody, type WriteRequest } from './word/document';
import type { PageLayout } from '../model/pageEstimate';

// Public entry points of the DOCX writer (built with the docx library, see word/). Pure: plain data in, bytes out
// (runs in the renderer and in Node).

/** The status line of the title page when the user did not type one. */
export function defaultStatus(doc: ExportDocument, labels: ExportLabels = DEFAULT_LABELS): string {
  const f = doc.fields;
  if (doc.meta.kind === 'draft') {
    if (f.phase === 'consultation') return labels.consultation;
    return (typeof f.status === 'string' && labels.draftStatus[f.status]) || labels.kinds.draft;
  }
  return labels.kinds[doc.meta.kind] ?? '';
}

function singleRequest(input: ExportInput, options: ExportOptions): WriteRequest {
  const doc = input.documents[0];
  if (!doc) throw new Error('exportDocx: the input has no document');
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  return {
    input,
    documents: [doc],
    compiled: false,
    title: options.title ?? doc.meta.title,
    status: options.status ?? defaultStatus(doc, labels),
    date: options.date ?? doc.meta.date,
    // A meeting summary is a page or two: it opens with its title unless a title page is asked for.
    titlePage: options.titlePage ?? doc.meta.kind !== 'meeting',
    options,
  };
}

function compileRequest(input: ExportInput, options: ExportOptions): WriteRequest {
  if (!input.documents.length) throw new Error('compileDocx: the input has no documents');
  const dates = input.documents.map((d) => d.meta.date).filter(Boolean).sort();
  return {
    input,
    documents: input.documents,
    compiled: true,
    title: options.title ?? input.workspace.name,
    status: options.status ?? '',
    date: options.date ?? dates[dates.length - 1] ?? '',
    titlePage: options.titlePage ?? true,
    options,
  };
}

/** One document as a report: title page, optional TOC, the body, optional annex. Uses `input.documents[0]`. */
export async function exportDocx(input: ExportInput, options: ExportOptions = {}): Promise<Uint8Array> {
  return writeDocx(singleRequest(input, options));
}

/** Several documents as one report, each a chapter; one title page and one TOC. */
export async function compileDocx(input: ExportInput, options: ExportOptions = {}): Promise<Uint8Array> {
  return writeDocx(compileRequest(input, options));
}

/**
 * Body pages of the export (what estimatePages counts, plus what the export adds inside the body section:
 * a meeting's header block and field sections, chapter titles). Not the title page, TOC or annex.
 */
export function estimateExportPages(input: ExportInput, options: ExportOptions = {}, compiled = false): PageLayout {
  return estimateBody(compiled ? compileRequest(input, options) : singleRequest(input, options));
}
