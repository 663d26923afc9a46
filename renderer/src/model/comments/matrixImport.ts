// Re-import of an edited matrix file (CSV or XLSX, as a table of strings): updates dispositions and responses by
// thread id, never anything else, and never silently.
//
//   previewMatrixImport: a pure diff against the current threads. Per row and field: the file's value is compared
//     with the value at export (the Check column) and with the document's current value:
//       file = exported            -> not edited in the file: nothing to do (even if the document changed since);
//       file = current             -> nothing to do;
//       exported = current         -> a change: current -> file;
//       otherwise                  -> a conflict: both the file and the document changed; never applied silently.
//     Errors (unknown or repeated ids, unreadable dispositions, duplicates of unknown numbers, disposition rules)
//     are all listed with their row numbers (row 1 = header, as a spreadsheet numbers them).
//   applyMatrixImport: applies a preview with no errors, in one transaction; conflicts only when the caller passes
//     them in `overwrite` (the user chose the file's value). A field that changed again since the preview is
//     skipped and reported.
import * as Y from 'yjs';
import { readThreads, setDispositions, type DispositionChange } from './commentsDoc';
import { setResponse } from './responseWrite';
import { dispositionIssues, dispositionLabel, parseDisposition, type DispositionChoice } from './dispositions';
import { ModelError } from '../modelError';
import { OWN_WORKSPACE_ROLE } from '../../../../common/roles';
import type { Translate } from '../translate';
import { columnHeader, dispositionKey, FILE_COLUMNS, hashText, parseCheck, type FileColumn } from './matrixTable';
import { normalizeResponseText } from './responseText';
import type { Actor, Thread } from './threadTypes';

export type ImportField = 'disposition' | 'response';

export interface ImportIssue {
  /** 1-based row of the file (1 = header); 0 for the file as a whole */
  row: number;
  column?: FileColumn;
  threadId?: string;
  /** i18n id */
  id: string;
  /** English text */
  message: string;
}

export interface FieldChange {
  row: number;
  threadId: string;
  number: number;
  field: ImportField;
  /** display values (labels, plain text) */
  from: string;
  to: string;
  /** comparable values: dispositionKey or normalised response text */
  fromKey: string;
  toKey: string;
  disposition?: DispositionChoice;
}

export interface FieldConflict extends FieldChange {
  /** the value the file was exported with changed in the document meanwhile: `from` is the document's value now */
  reason: 'changedSinceExport';
}

export interface ImportPreview {
  changes: FieldChange[];
  conflicts: FieldConflict[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** data rows read */
  rows: number;
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();

/** Column index of each known header (by code, or by its label in any of the `languages`). */
function mapHeader(header: readonly string[], languages: readonly Translate[]): Partial<Record<FileColumn, number>> {
  const names = new Map<string, FileColumn>();
  for (const c of FILE_COLUMNS) for (const n of [c, ...languages.map((t) => columnHeader(c, t))]) names.set(norm(n), c);
  // A header that starts like "Check" also matches (spreadsheets or people may shorten it).
  const out: Partial<Record<FileColumn, number>> = {};
  header.forEach((h, i) => {
    const key = norm(h);
    const c = names.get(key) ?? (key.startsWith('check') ? 'check' : undefined);
    if (c && out[c] === undefined) out[c] = i;
  });
  return out;
}

const keyOf = (c: DispositionChoice) => dispositionKey(c);

export function previewMatrixImport(table: readonly (readonly string[])[], threads: readonly Thread[], opts: { t: Translate; headerLanguages?: readonly Translate[]; role?: Actor['role'] }): ImportPreview {
  const t = opts.t;
  const preview: ImportPreview = { changes: [], conflicts: [], errors: [], warnings: [], rows: 0 };
  const err = (row: number, id: string, message: string, extra: Partial<ImportIssue> = {}) => preview.errors.push({ row, id, message, ...extra });
  const cols = mapHeader(table[0] ?? [], [t, ...(opts.headerLanguages ?? [])]);
  if (cols.id === undefined) {
    err(1, 'matrix.import.error.noIdColumn', 'The file has no Id column: export the matrix again and edit that file.');
    return preview;
  }
  if (cols.disposition === undefined && cols.response === undefined) {
    err(1, 'matrix.import.error.nothingToImport', 'The file has neither a Disposition nor a Response column.');
    return preview;
  }
  if (cols.check === undefined)
    preview.warnings.push({ row: 1, id: 'matrix.import.warning.noCheck', message: 'The Check column is missing: changes made in the document since the export cannot be detected.' });

  const byId = new Map(threads.map((th) => [th.id, th]));
  const byNumber = new Map(threads.map((th) => [th.number, th.id]));
  const numberOf = (id: string) => byId.get(id)?.number ?? null;
  const cell = (line: readonly string[], c: FileColumn) => (cols[c] === undefined ? undefined : (line[cols[c]!] ?? ''));

  // The file's own # -> id, so "Duplicate of #12" means the row the user saw as #12 even if numbers shifted since.
  const fileNumbers = new Map<number, string>();
  for (const line of table.slice(1)) {
    const n = Number(cell(line, 'number'));
    const id = cell(line, 'id')?.trim();
    if (Number.isInteger(n) && id) fileNumbers.set(n, id);
  }

  const seen = new Map<string, number>();
  const dispositionRows: Array<{ change: FieldChange; thread: Thread }> = [];
  table.slice(1).forEach((line, i) => {
    const row = i + 2;
    if (line.every((c) => !c.trim())) return;
    preview.rows++;
    const id = (cell(line, 'id') ?? '').trim();
    if (!id) return err(row, 'matrix.import.error.missingId', `Row ${row} has no Id.`, { column: 'id' });
    const thread = byId.get(id);
    if (!thread) return err(row, 'matrix.import.error.unknownId', `Row ${row}: no comment has the Id "${id}".`, { column: 'id', threadId: id });
    if (seen.has(id)) return err(row, 'matrix.import.error.repeatedId', `Row ${row} repeats the Id of row ${seen.get(id)}.`, { column: 'id', threadId: id });
    seen.set(id, row);
    const check = cols.check === undefined ? null : parseCheck(cell(line, 'check')!);
    if (cols.check !== undefined && !check)
      preview.warnings.push({ row, column: 'check', threadId: id, id: 'matrix.import.warning.badCheck', message: `Row ${row}: the Check value was changed; conflicts cannot be detected on this row.` });

    const classify = (field: ImportField, fileKey: string, currentKey: string, from: string, to: string, disposition?: DispositionChoice) => {
      const exported = check ? check[field === 'disposition' ? 'd' : 'r'] : null;
      if (fileKey === currentKey) return;
      if (exported !== null && hashText(fileKey) === exported) return; // not edited in the file
      const change: FieldChange = { row, threadId: id, number: thread.number, field, from, to, fromKey: currentKey, toKey: fileKey, disposition };
      if (exported !== null && hashText(currentKey) !== exported) preview.conflicts.push({ ...change, reason: 'changedSinceExport' });
      else {
        preview.changes.push(change);
        if (field === 'disposition') dispositionRows.push({ change, thread });
      }
    };

    const rawDisposition = cell(line, 'disposition');
    if (rawDisposition !== undefined) {
      // A file written in any of the catalog's languages reads back: the interface's first, then the others.
      const parsed = [t, ...(opts.headerLanguages ?? [])].reduce<ReturnType<typeof parseDisposition>>((found, tr) => found ?? parseDisposition(rawDisposition, tr), null);
      let choice: DispositionChoice | null = null;
      if (!parsed) err(row, 'matrix.import.error.invalidDisposition', `Row ${row}: "${rawDisposition}" is not a disposition.`, { column: 'disposition', threadId: id });
      else if (parsed.value === 'duplicate') {
        const target = parsed.duplicateOfNumber === undefined ? undefined : (fileNumbers.get(parsed.duplicateOfNumber) ?? byNumber.get(parsed.duplicateOfNumber));
        if (!target || !byId.has(target))
          err(row, 'matrix.import.error.unknownDuplicate', `Row ${row}: "${rawDisposition}" does not name an existing comment.`, { column: 'disposition', threadId: id });
        else choice = { value: 'duplicate', duplicateOf: target };
      } else choice = { value: parsed.value };
      if (choice) {
        const current: DispositionChoice = thread.disposition.value === 'duplicate' ? { value: 'duplicate', duplicateOf: thread.disposition.duplicateOf } : { value: thread.disposition.value };
        classify('disposition', keyOf(choice), keyOf(current), dispositionLabel(current, numberOf, t), dispositionLabel(choice, numberOf, t), choice);
      }
    }
    const rawResponse = cell(line, 'response');
    if (rawResponse !== undefined) {
      const file = normalizeResponseText(rawResponse);
      const current = normalizeResponseText(thread.response);
      classify('response', file, current, current, file);
    }
  });

  // Disposition rules, with every change of the file applied together (a batch cannot build a cycle either).
  const links = new Map(threads.map((th) => [th.id, th.disposition.value === 'duplicate' ? th.disposition.duplicateOf : undefined]));
  for (const { change } of dispositionRows) links.set(change.threadId, change.disposition!.duplicateOf);
  for (const { change, thread } of dispositionRows) {
    const current: DispositionChoice = thread.disposition.value === 'duplicate' ? { value: 'duplicate', duplicateOf: thread.disposition.duplicateOf } : { value: thread.disposition.value };
    for (const issue of dispositionIssues({ id: thread.id, purpose: thread.purpose, current }, change.disposition!, links, opts.role ?? OWN_WORKSPACE_ROLE))
      err(change.row, issue.id, `Row ${change.row}: ${issue.fallback}`, { column: 'disposition', threadId: thread.id });
  }
  preview.errors.sort((a, b) => a.row - b.row);
  return preview;
}

export interface ApplyResult {
  applied: FieldChange[];
  /** conflicts not overwritten, and changes whose field changed again after the preview */
  skipped: FieldChange[];
}

const fieldKey = (c: { threadId: string; field: ImportField }) => `${c.threadId}:${c.field}`;

/**
 * Applies a preview. Refuses one with errors. `overwrite` lists conflicts (threadId:field, or the conflict objects)
 * the user chose to resolve with the file's value.
 */
export function applyMatrixImport(doc: Y.Doc, preview: ImportPreview, actor: Actor, opts: { now?: number; overwrite?: Iterable<string | FieldConflict> } = {}): ApplyResult {
  if (preview.errors.length)
    throw new ModelError('matrix.import.error.hasErrors', `The file has ${preview.errors.length} error(s); correct them and import it again.`, { count: preview.errors.length });
  const overwrite = new Set([...(opts.overwrite ?? [])].map((c) => (typeof c === 'string' ? c : fieldKey(c))));
  const current = new Map(readThreads(doc).map((th) => [th.id, th]));
  const wanted = [...preview.changes, ...preview.conflicts.filter((c) => overwrite.has(fieldKey(c)))];
  const applied: FieldChange[] = [];
  const skipped: FieldChange[] = preview.conflicts.filter((c) => !overwrite.has(fieldKey(c)));
  const dispositions: DispositionChange[] = [];
  const responses: FieldChange[] = [];
  for (const c of wanted) {
    const th = current.get(c.threadId);
    const now =
      !th ? null : c.field === 'response' ? normalizeResponseText(th.response) : keyOf(th.disposition.value === 'duplicate' ? { value: 'duplicate', duplicateOf: th.disposition.duplicateOf } : { value: th.disposition.value });
    if (now !== c.fromKey) {
      skipped.push(c);
      continue;
    }
    if (c.field === 'disposition') dispositions.push({ threadId: c.threadId, choice: c.disposition! });
    else responses.push(c);
    applied.push(c);
  }
  doc.transact(() => {
    // Validated as a batch before anything is written; responses cannot fail after that.
    setDispositions(doc, dispositions, actor, opts.now);
    for (const c of responses) setResponse(doc, c.threadId, c.toKey, actor);
  });
  return { applied, skipped };
}
