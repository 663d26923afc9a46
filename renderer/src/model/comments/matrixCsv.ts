// The comment matrix as a CSV file (see matrixTable.ts for the columns, csv.ts for the format).
import { parseCsv, toCsv, decodeCsvBytes } from './csv';
import type { Translate } from '../translate';
import type { MatrixRow } from './matrix';
import { matrixTable } from './matrixTable';

/** CSV text with a BOM; encode it with TextEncoder (UTF-8) to save. */
export function matrixToCsv(rows: readonly MatrixRow[], t: Translate): string {
  return toCsv(matrixTable(rows, t));
}

/** The table of a CSV file as saved by a spreadsheet (bytes or text), for previewMatrixImport. */
export function csvToTable(file: Uint8Array | string): string[][] {
  return parseCsv(typeof file === 'string' ? file : decodeCsvBytes(file));
}
