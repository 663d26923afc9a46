// Every export of the test corpus opens and converts in LibreOffice (one batched conversion), its TOC page
// numbers agree with where LibreOffice puts the headings, lists restart, and the page estimate is within ±10 %
// of LibreOffice's page count. A few pages are rendered to tests/artifacts/ for a human to look at.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exportDocx, compileDocx, estimateExportPages } from '../../renderer/src/export/exportDocx';
import { generateCorpus, generateMeeting, generateReport, generateStakeholders, generateThreads, draftDocument, input } from '../bench/corpus';
import { convertToPdf, libreOfficeChecks, pdfPageCount, pdfText } from './libreoffice';
import { richBody, richThreads, draft, meeting, inputOf, tempDir } from './helpers';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const lo = libreOfficeChecks('LibreOffice reads every export');

describe.skipIf(!lo)('LibreOffice reads every export', () => {
  const dir = tempDir();
  const corpus = generateCorpus();
  const pdf = new Map<string, string>();
  const st = generateStakeholders();

  beforeAll(async () => {
    const files: Array<[string, Uint8Array]> = [];
    for (const { name, input: inp } of corpus) files.push([name, await exportDocx(inp)]);
    files.push(['rich', await exportDocx(inputOf([draft(richBody(), richThreads())]), { toc: true, paraNumbers: true, annex: true, wordComments: true })]);
    files.push(['meeting-ch', await exportDocx(inputOf([meeting()]), { toc: true, annex: true, wordComments: true, chathamHouse: true })]);
    const reportBody = generateReport(3000, 21);
    files.push(['report-view', await exportDocx(input([draftDocument('v', 'Output report on meaningful access', reportBody, generateThreads(reportBody, st, 6))], {}, st), { toc: true, paraNumbers: true, annex: true, wordComments: true })]);
    files.push(['meeting-view', await exportDocx(input([generateMeeting(31, st, 1200)], {}, st), { toc: true })]);
    const chapters = [draftDocument('c1', 'Chapter one: access', generateReport(1500, 41)), generateMeeting(42, st, 900), draftDocument('c3', 'Chapter three: skills', generateReport(1500, 43))];
    files.push(['compile', await compileDocx(input(chapters, {}, st), { toc: true, title: 'IGF 2025 Best Practice Forum output' })]);
    const paths = files.map(([name, bytes]) => {
      const path = join(dir.path, `${name}.docx`);
      writeFileSync(path, bytes);
      return path;
    });
    convertToPdf(paths, dir.path).forEach((p, i) => pdf.set(files[i][0], p));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, first, last] of [['report-view', 1, 4], ['meeting-view', 1, 3], ['compile', 1, 4]] as const)
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(first), '-l', String(last), pdf.get(name)!, join(ARTIFACTS, name)]);
  }, 180_000);
  afterAll(() => dir.remove());

  it('converts every file of the corpus to a PDF with pages', () => {
    expect(pdf.size).toBe(corpus.length + 5);
    for (const [name, path] of pdf) expect(pdfPageCount(path), name).toBeGreaterThan(1);
  });

  it('shows the TOC page numbers where LibreOffice actually puts the headings', () => {
    for (const name of ['rich', 'compile']) {
      const pages = pdfText(pdf.get(name)!).split('\f');
      const toc = [...pages[1].matchAll(/^(.+?)\s*\.{4,}\s*(\d+)$/gm)].map((m) => ({ text: m[1].trim(), page: Number(m[2]) }));
      expect(toc.length, name).toBeGreaterThan(3);
      for (const entry of toc) {
        // body pages are numbered from 1 after the title page and the TOC page
        const found = pages.findIndex((p, i) => i > 1 && p.split('\n').some((line) => line.trim() === entry.text));
        expect(found - 1, `${name}: ${entry.text}`).toBe(entry.page);
      }
    }
  });

  it('restarts each list; with paragraph numbers, list items are lettered (a), (b), nested (i), (ii), UN style', () => {
    const text = pdfText(pdf.get('rich')!, true);
    expect(text).toMatch(/\(a\)\s+First/);
    expect(text).toMatch(/\(b\)\s+Second/);
    expect(text).toMatch(/\(a\)\s+Again one/);
    expect(text).toMatch(/\(i\)\s+Nested one/);
    expect(text).toMatch(/\(ii\)\s+Nested two/);
    expect(text).not.toMatch(/\[\d+\]/);
    // the main numbers run on without jumping over the list items
    expect([...text.matchAll(/^\s*(\d+)\.\s{2,}\S/gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('estimates body pages within ±10 % of LibreOffice on the corpus', () => {
    for (const { name, input: inp } of corpus) {
      // the title page is not body; a meeting summary has none
      const actual = pdfPageCount(pdf.get(name)!) - (inp.documents[0].meta.kind === 'meeting' ? 0 : 1);
      const estimated = estimateExportPages(inp).pages;
      expect(Math.abs(estimated - actual) / actual, `${name}: estimated ${estimated}, LibreOffice ${actual}`).toBeLessThanOrEqual(0.1);
    }
  });
});
