// The comment matrix as an XLSX workbook (exceljs; runs in the browser and in Node). Same table as the CSV (see
// matrixTable.ts); cells are typed strings, so nothing in them can run as a formula. The Check column is hidden,
// Disposition offers a drop-down of the labels (other text, such as "Duplicate of #12", is still accepted).
import ExcelJS from 'exceljs';
import { DISPOSITIONS } from './dispositions';
import type { Translate } from '../translate';
import type { MatrixRow } from './matrix';
import { FILE_COLUMNS, matrixTable, type FileColumn } from './matrixTable';

export const MATRIX_SHEET = 'Comments';

const WIDTH: Record<FileColumn, number> = {
  number: 6,
  id: 18,
  para: 7,
  section: 9,
  quote: 30,
  commenter: 20,
  organisation: 22,
  group: 18,
  region: 20,
  type: 12,
  comment: 50,
  proposedWording: 40,
  disposition: 20,
  response: 50,
  check: 26,
};
const WRAP = new Set<FileColumn>(['quote', 'comment', 'proposedWording', 'response']);

export async function matrixToXlsx(rows: readonly MatrixRow[], opts: { t: Translate; title?: string }): Promise<Uint8Array> {
  const t = opts.t;
  const table = matrixTable(rows, t);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rapporteur';
  if (opts.title) wb.title = opts.title;
  const ws = wb.addWorksheet(MATRIX_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = FILE_COLUMNS.map((c) => ({ key: c, width: WIDTH[c], hidden: c === 'check', style: WRAP.has(c) ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } } }));
  for (const line of table) ws.addRow(line);
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FILE_COLUMNS.length } };
  const dispositionColumn = FILE_COLUMNS.indexOf('disposition') + 1;
  const list = `"${DISPOSITIONS.filter((d) => d !== 'duplicate').map((d) => t(`disposition.${d}`).replace(/[",]/g, ' ')).join(',')}"`;
  for (let r = 2; r <= table.length; r++) {
    ws.getCell(r, dispositionColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: false };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
  }
  return '';
}

/** The table of the matrix sheet (or the first sheet) of a workbook, for previewMatrixImport. */
export async function xlsxToTable(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet(MATRIX_SHEET) ?? wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  // Keep physical row numbers (row n of the sheet is rows[n-1]) so errors name the row Excel shows.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
