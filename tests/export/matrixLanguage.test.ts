// The matrix CSV/XLSX files speak the document's language (headings, groups, regions, types, dispositions), as the
// DOCX export does, and a file in any of the three languages imports back whatever the interface language is.
import { beforeAll, describe, expect, it } from 'vitest';
import { docBody } from '../../renderer/src/model/bodyJson';
import { buildBodyIndex } from '../../renderer/src/model/comments/bodyIndex';
import { readThreads } from '../../renderer/src/model/comments/commentsDoc';
import { matrixRows } from '../../renderer/src/model/comments/matrix';
import { csvToTable, matrixToCsv } from '../../renderer/src/model/comments/matrixCsv';
import { previewMatrixImport } from '../../renderer/src/model/comments/matrixImport';
import { FILE_COLUMNS } from '../../renderer/src/model/comments/matrixTable';
import { matrixToXlsx, xlsxToTable } from '../../renderer/src/model/comments/matrixXlsx';
import { loadLocale, translator } from '../../renderer/src/i18n/index';
import { englishT } from '../../renderer/src/i18n/en';
import { generateCommentsFixture } from '../fixtures/generateComments';

const col = (c: (typeof FILE_COLUMNS)[number]) => FILE_COLUMNS.indexOf(c);

describe('matrix files in the document language', () => {
  beforeAll(async () => {
    await Promise.all([loadLocale('fr'), loadLocale('es')]);
  });

  it('writes French and Spanish headings and vocabulary, and reads them back with an English interface', async () => {
    const f = generateCommentsFixture({ threads: 12, paragraphs: 20, seed: 3 });
    const threads = readThreads(f.comments);
    const fr = translator('fr').t;
    const es = translator('es').t;
    const all = [englishT, fr, es];
    for (const [lang, tr, heading] of [['fr', fr, fr('matrix.column.disposition')], ['es', es, es('matrix.column.disposition')]] as const) {
      const rows = matrixRows(threads, buildBodyIndex(docBody(f.doc)), tr);
      for (const table of [csvToTable(new TextEncoder().encode(matrixToCsv(rows, tr))), await xlsxToTable(await matrixToXlsx(rows, { t: tr }))]) {
        expect(table[0][col('disposition')], lang).toBe(heading);
        expect(table[0][col('disposition')]).not.toBe(englishT('matrix.column.disposition'));
        const groups = table.slice(1).map((r) => r[col('group')]).filter(Boolean);
        expect(groups.length).toBeGreaterThan(0);
        for (const g of groups) expect(Object.values({ government: tr('group.government'), a: tr('group.private-sector'), b: tr('group.civil-society'), c: tr('group.technical-community'), d: tr('group.academia'), e: tr('group.intergovernmental'), o: tr('group.other') })).toContain(g);
        // every disposition cell is in the document language, and the import (English interface) understands it
        const preview = previewMatrixImport(table, threads, { t: englishT, headerLanguages: all });
        expect(preview.errors, `${lang}: ${JSON.stringify(preview.errors.slice(0, 2))}`).toEqual([]);
        // English alone cannot read the French/Spanish dispositions: the languages are what makes it work
        const englishOnly = previewMatrixImport(table, threads, { t: englishT, headerLanguages: [englishT] });
        const decided = table.slice(1).some((r) => r[col('disposition')] && r[col('disposition')] !== englishT(`disposition.open`));
        if (decided) expect(englishOnly.errors.length + (englishOnly.changes?.length ?? 0)).toBeGreaterThan(0);
      }
    }
  });
});
