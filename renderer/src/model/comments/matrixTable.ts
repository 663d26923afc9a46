// The matrix as a table of strings: the one layout shared by the CSV and XLSX files and read back by the import.
//
// Columns: # | Id | Para | Section | Text commented on | Commenter | Organisation | Stakeholder group | Region |
// Type | Comment | Proposed wording | Disposition | Response | Check. Only Disposition and Response are imported.
// Id is the stable thread id. Check records what Disposition and Response were at export, as two hashes
// ("v1 d:xxxxxxxx r:xxxxxxxx"), so the import can tell an edit in the file from a change in the document since.
import { dispositionLabel, type DispositionChoice } from './dispositions';
import type { Translate } from '../translate';
import type { MatrixRow } from './matrix';
import { normalizeResponseText } from './responseText';
import { threadNumbers } from './threadNumbers';

export const FILE_COLUMNS = [
  'number',
  'id',
  'para',
  'section',
  'quote',
  'commenter',
  'organisation',
  'group',
  'region',
  'type',
  'comment',
  'proposedWording',
  'disposition',
  'response',
  'check',
] as const;
export type FileColumn = (typeof FILE_COLUMNS)[number];

/** FNV-1a, 32 bits, over UTF-16 code units: 8 hex digits. A fingerprint, not a security measure. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The comparable form of a disposition: "accepted", "duplicate:<thread id>". */
export const dispositionKey = (c: DispositionChoice) => (c.value === 'duplicate' ? `duplicate:${c.duplicateOf ?? ''}` : c.value);

export const checkValue = (disposition: DispositionChoice, response: string) =>
  `v1 d:${hashText(dispositionKey(disposition))} r:${hashText(normalizeResponseText(response))}`;

export function parseCheck(cell: string): { d: string; r: string } | null {
  const m = /^v1 d:([0-9a-f]{8}) r:([0-9a-f]{8})$/.exec(cell.trim());
  return m ? { d: m[1], r: m[2] } : null;
}

export const columnHeader = (c: FileColumn, t: Translate) => t(`matrix.column.${c}`);

const enumLabel = (t: Translate, prefix: string, v: string) => (v ? t(`${prefix}.${v}`) : '');

export function rowCells(r: MatrixRow, numberOf: (id: string) => number | null, t: Translate): Record<FileColumn, string> {
  const choice: DispositionChoice = r.duplicateOf ? { value: 'duplicate', duplicateOf: r.duplicateOf } : { value: r.disposition };
  return {
    number: String(r.number),
    id: r.id,
    para: r.para === null ? '' : String(r.para),
    // "§ 1.10", not "1.10": a spreadsheet would read the bare number as 1.1.
    section: r.section ? `§ ${r.section}` : '',
    quote: r.status === 'deleted' ? `${r.quote} [${t('comments.location.deleted')}]` : r.quote,
    commenter: r.commenter,
    organisation: r.organisation,
    group: enumLabel(t, 'group', r.group),
    region: enumLabel(t, 'region', r.region),
    type: enumLabel(t, 'commentType', r.type),
    comment: r.comment,
    proposedWording: r.proposedWording,
    disposition: dispositionLabel(choice, numberOf, t),
    response: r.response,
    check: checkValue(choice, r.response),
  };
}

/** Header and one line per row, in the order given. */
export function matrixTable(rows: readonly MatrixRow[], t: Translate): string[][] {
  const { numberOf } = threadNumbers(rows);
  return [FILE_COLUMNS.map((c) => columnHeader(c, t)), ...rows.map((r) => {
    const cells = rowCells(r, numberOf, t);
    return FILE_COLUMNS.map((c) => cells[c]);
  })];
}
