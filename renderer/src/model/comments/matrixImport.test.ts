import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { docBody } from '../bodyJson';
import { buildBodyIndex } from './bodyIndex';
import { readThreads, setDisposition } from './commentsDoc';
import { setResponse } from './responseWrite';
import { FIXTURE_EDITOR, generateCommentsFixture } from '../../../../tests/fixtures/generateComments';
import { matrixRows } from './matrix';
import { csvToTable, matrixToCsv } from './matrixCsv';
import { applyMatrixImport, previewMatrixImport } from './matrixImport';
import { FILE_COLUMNS } from './matrixTable';
import { matrixToXlsx, xlsxToTable } from './matrixXlsx';
import type { Thread } from './threadTypes';
import { englishT } from '../../i18n/en';

const col = (c: (typeof FILE_COLUMNS)[number]) => FILE_COLUMNS.indexOf(c);

function setup() {
  const f = generateCommentsFixture({ threads: 16, paragraphs: 20, seed: 7 });
  const threads = () => readThreads(f.comments);
  const rows = () => matrixRows(threads(), buildBodyIndex(docBody(f.doc)), englishT);
  const pick = (pred: (t: Thread) => boolean, not: string[] = []) => threads().find((t) => pred(t) && !not.includes(t.id))!;
  const open = pick((t) => t.disposition.value === 'open' && t.purpose === 'stakeholder');
  const answered = pick((t) => t.response !== '' && t.disposition.value !== 'withdrawn');
  return { f, threads, rows, pick, open, answered };
}

/** The row of the table holding thread `id`. */
const rowOf = (table: string[][], id: string) => table.findIndex((r) => r[col('id')] === id);

type Edit = (table: string[][]) => void;

interface Format {
  name: string;
  exportFile: (s: ReturnType<typeof setup>) => Promise<Uint8Array>;
  /** edits the file the way a person would in a spreadsheet, returns the edited file */
  edit: (file: Uint8Array, edit: Edit) => Promise<Uint8Array>;
  read: (file: Uint8Array) => Promise<string[][]>;
}

const csv: Format = {
  name: 'CSV',
  exportFile: async (s) => new TextEncoder().encode(matrixToCsv(s.rows(), englishT)),
  edit: async (file, edit) => {
    const table = csvToTable(file);
    edit(table);
    const { toCsv } = await import('./csv');
    return new TextEncoder().encode(toCsv(table));
  },
  read: async (file) => csvToTable(file),
};

const xlsx: Format = {
  name: 'XLSX',
  exportFile: (s) => matrixToXlsx(s.rows(), { t: englishT }),
  edit: async (file, edit) => {
    // Edit cells in the workbook itself (as Excel would), keeping everything else of the file.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.slice().buffer);
    const ws = wb.getWorksheet('Comments')!;
    const before = await xlsxToTable(file);
    const after = before.map((r) => [...r]);
    edit(after);
    after.forEach((r, i) => r.forEach((v, j) => v !== before[i]?.[j] && (ws.getCell(i + 1, j + 1).value = v)));
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  },
  read: (file) => xlsxToTable(file),
};

for (const format of [csv, xlsx]) {
  describe(`matrix ${format.name} export -> edit -> import`, () => {
    it('previews exactly the edited disposition and response, and applies them', async () => {
      const s = setup();
      const file = await format.exportFile(s);
      const edited = await format.edit(file, (table) => {
        table[rowOf(table, s.open.id)][col('disposition')] = 'Accepted with changes';
        table[rowOf(table, s.answered.id)][col('response')] = 'We rewrote the paragraph.\nSee para 4.';
      });
      const preview = previewMatrixImport(await format.read(edited), s.threads(), { t: englishT });
      expect(preview.errors).toEqual([]);
      expect(preview.warnings).toEqual([]);
      expect(preview.conflicts).toEqual([]);
      expect(preview.rows).toBe(16);
      expect(preview.changes.map((c) => [c.threadId, c.field, c.from, c.to])).toEqual([
        ...[
          [s.open.id, 'disposition', 'Open', 'Accepted with changes'],
          [s.answered.id, 'response', s.answered.response, 'We rewrote the paragraph.\nSee para 4.'],
        ].sort((a, b) => s.threads().findIndex((t) => t.id === a[0]) - s.threads().findIndex((t) => t.id === b[0])),
      ]);
      const result = applyMatrixImport(s.f.comments, preview, FIXTURE_EDITOR, { now: 99 });
      expect(result.applied).toHaveLength(2);
      const after = new Map(s.threads().map((t) => [t.id, t]));
      expect(after.get(s.open.id)!.disposition).toMatchObject({ value: 'accepted-with-changes', setBy: FIXTURE_EDITOR.id, setAt: 99 });
      expect(after.get(s.answered.id)!.response).toBe('We rewrote the paragraph.\nSee para 4.');
      // Importing the same file again changes nothing.
      expect(previewMatrixImport(await format.read(edited), s.threads(), { t: englishT }).changes).toEqual([]);
    });

    it('refuses unknown ids and invalid dispositions, listing every error with its row', async () => {
      const s = setup();
      const file = await format.exportFile(s);
      let expected: Array<[number, string]> = [];
      const edited = await format.edit(file, (table) => {
        const a = rowOf(table, s.open.id);
        const b = rowOf(table, s.answered.id);
        const c = [1, 2, 3].find((i) => i !== a && i !== b)!;
        table[a][col('disposition')] = 'Maybe later';
        table[b][col('id')] = 'no-such-id';
        table[c][col('disposition')] = 'Duplicate of #999';
        const e: Array<[number, string]> = [
          [a + 1, 'matrix.import.error.invalidDisposition'],
          [b + 1, 'matrix.import.error.unknownId'],
          [c + 1, 'matrix.import.error.unknownDuplicate'],
        ];
        expected = e.sort((x, y) => x[0] - y[0]);
      });
      const preview = previewMatrixImport(await format.read(edited), s.threads(), { t: englishT });
      expect(preview.errors.map((e) => [e.row, e.id])).toEqual(expected);
      expect(preview.errors[0].message).toMatch(new RegExp(`^Row ${expected[0][0]}`));
      expect(() => applyMatrixImport(s.f.comments, preview, FIXTURE_EDITOR)).toThrow('matrix.import.error.hasErrors');
    });

    it('flags a field changed in the document since the export as a conflict, never overwriting it silently', async () => {
      const s = setup();
      const file = await format.exportFile(s);
      // After the export, someone decides in the app...
      setDisposition(s.f.comments, s.open.id, { value: 'noted' }, FIXTURE_EDITOR);
      setResponse(s.f.comments, s.answered.id, 'Answered in the app.', FIXTURE_EDITOR);
      // ...while the file is edited differently on the disposition, and not at all on the response.
      const edited = await format.edit(file, (table) => {
        table[rowOf(table, s.open.id)][col('disposition')] = 'Not accepted';
      });
      const preview = previewMatrixImport(await format.read(edited), s.threads(), { t: englishT });
      expect(preview.errors).toEqual([]);
      expect(preview.changes).toEqual([]);
      expect(preview.conflicts.map((c) => [c.threadId, c.field, c.from, c.to])).toEqual([[s.open.id, 'disposition', 'Noted', 'Not accepted']]);
      const kept = applyMatrixImport(s.f.comments, preview, FIXTURE_EDITOR);
      expect(kept.applied).toEqual([]);
      expect(s.threads().find((t) => t.id === s.open.id)!.disposition.value).toBe('noted');
      expect(s.threads().find((t) => t.id === s.answered.id)!.response).toBe('Answered in the app.');
      // The user may choose the file's value explicitly.
      const forced = applyMatrixImport(s.f.comments, preview, FIXTURE_EDITOR, { overwrite: preview.conflicts });
      expect(forced.applied).toHaveLength(1);
      expect(s.threads().find((t) => t.id === s.open.id)!.disposition.value).toBe('not-accepted');
    });

    it('reads "Duplicate of #N" with the numbers of the file, and checks the disposition rules', async () => {
      const s = setup();
      const target = s.threads()[0];
      const other = s.pick((t) => t.disposition.value === 'open' && t.purpose === 'stakeholder', [s.open.id, target.id]);
      const file = await format.exportFile(s);
      const edited = await format.edit(file, (table) => {
        table[rowOf(table, s.open.id)][col('disposition')] = `Duplicate of #${target.number}`;
        table[rowOf(table, target.id)][col('disposition')] = `Duplicate of #${s.open.number}`;
        table[rowOf(table, other.id)][col('disposition')] = 'withdrawn';
      });
      const preview = previewMatrixImport(await format.read(edited), s.threads(), { t: englishT });
      // the two duplicates point at each other: a cycle, reported on both rows
      expect(preview.errors.map((e) => e.id)).toEqual(['disposition.error.duplicateCycle', 'disposition.error.duplicateCycle']);
      expect(preview.changes.find((c) => c.threadId === other.id)?.to).toBe('Withdrawn');
    });
  });
}

describe('matrix CSV specifics', () => {
  it('is UTF-8 with a BOM, formula-safe, with stable ids and a hidden-in-spirit check column', async () => {
    const s = setup();
    const { addThread } = await import('./commentsDoc');
    addThread(s.f.comments, { anchor: null, type: 'general', body: '=IMPORTXML("http://x")', purpose: 'annotation' }, FIXTURE_EDITOR, { id: 'evil' });
    const text = matrixToCsv(s.rows(), englishT);
    expect(text.startsWith('\uFEFF#,Id,Para,Section,')).toBe(true);
    expect(text).toContain(`"'=IMPORTXML(""http://x"")"`);
    const table = csvToTable(text);
    expect(table[rowOf(table, 'evil')][col('comment')]).toBe('=IMPORTXML("http://x")');
    expect(table.slice(1).map((r) => r[col('id')])).toEqual(s.threads().map((t) => t.id));
    expect(table[1][col('check')]).toMatch(/^v1 d:[0-9a-f]{8} r:[0-9a-f]{8}$/);
    // a file without the check column still imports, with a warning
    const noCheck = table.map((r) => r.slice(0, col('check')));
    noCheck[rowOf(noCheck, s.open.id)][col('disposition')] = 'Noted';
    const preview = previewMatrixImport(noCheck, s.threads(), { t: englishT });
    expect(preview.warnings.map((w) => w.id)).toEqual(['matrix.import.warning.noCheck']);
    expect(preview.changes.map((c) => c.to)).toEqual(['Noted']);
  });

  it('an empty comments doc exports a header only', () => {
    const doc = new Y.Doc();
    expect(csvToTable(matrixToCsv(matrixRows(readThreads(doc), null, englishT), englishT))).toHaveLength(1);
  });
});
