// Export benchmarks (npx tsx tests/bench/export.ts, or npm run bench -- export). One JSON object per line.
//   export of the 25,000-word report (target <= 500 ms, median of 7 after warm-up), with and without every option
//   export with changes since a version (300 changes) beside the plain export of the same text (target <= 2x)
//   compile of 10 documents
//   import of a 25,000-word DOCX (target <= 1.5 s), its part sizes, and the peak memory of the worst file the
//   import caps accept (in a child process, so the figure is that import's alone)
//   page estimate: its own cost, and its error against LibreOffice's page count on the corpus (per document, max)
// Figures are reported, never asserted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../../renderer/src/export/import/safeUnzip';
import { worstAcceptedDocx } from '../fixtures/hostileDocx';
import { exportDocx, compileDocx, estimateExportPages } from '../../renderer/src/export/exportDocx';
import { importDocx } from '../../renderer/src/export/import/importDocx';
import { estimatePages } from '../../renderer/src/model/pageEstimate';
import { bodyToJSON, countWords, plainText } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import * as Y from 'yjs';
import { recordVersion } from '../../renderer/src/model/consultation/snapshots';
import { withChangesSince } from '../../renderer/src/export/changesSince';
import { DEFAULT_HOUSE_STYLE } from '../../renderer/src/model/houseStyle';
import { generateCorpus, generateMeeting, generateReport, generateStakeholders, generateThreads, draftDocument, input } from './corpus';
import { convertToPdf, fractionalPages, hasLibreOffice, pdfPageCount, pdfText } from '../export/libreoffice';

const emit = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: 'export', ...o })}\n`);

async function time<T>(fn: () => Promise<T> | T, runs = 7, warmup = 2): Promise<{ median: number; min: number; max: number; last: T }> {
  let last!: T;
  for (let i = 0; i < warmup; i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(times[Math.floor(times.length / 2)]), min: r(times[0]), max: r(times[times.length - 1]), last };
}

const stakeholders = generateStakeholders();
const body25k = generateReport(25000, 1);
const words25k = countWords(plainText(body25k));
const report = input([draftDocument('r25', 'Output report', body25k, generateThreads(body25k, stakeholders, 60))], {}, stakeholders);

const plain = await time(() => exportDocx(report));
emit({ case: 'export-25k-report', words: words25k, runs: 7, median_ms: plain.median, min_ms: plain.min, max_ms: plain.max, bytes: plain.last.length, target_ms: 500 });
const full = await time(() => exportDocx(report, { toc: true, paraNumbers: true, annex: true, wordComments: true }));
emit({ case: 'export-25k-report-all-options', options: 'toc, para numbers, annex, 60 Word comments', runs: 7, median_ms: full.median, min_ms: full.min, max_ms: full.max, bytes: full.last.length });
const chatham = await time(() => exportDocx(report, { toc: true, annex: true, wordComments: true, chathamHouse: true }), 5);
emit({ case: 'export-25k-report-chatham-house', runs: 5, median_ms: chatham.median, min_ms: chatham.min, max_ms: chatham.max });

// Export with changes since a version (issue 12): the 25,000-word report saved as a version, then 300 scattered
// edits (a word inserted, a word deleted, or a word replaced, in 300 paragraphs), exported with every change since
// the version as Word tracked changes, beside the plain export of the same current text in the same run
// (target: no more than 2x). The tracked figure includes the diff (markChangesSince) and reading the version.
{
  const ydoc = new Y.Doc({ gc: false });
  appendJSONToBody(ydoc, body25k);
  recordVersion(ydoc, { name: 'Consultation draft', phase: 'consultation', by: { id: 'bench', name: 'Bench' } });
  const texts: Y.XmlText[] = [];
  const walk = (n: Y.XmlFragment | Y.XmlElement) => {
    for (const c of n.toArray()) {
      if (c instanceof Y.XmlElement && c.nodeName === 'paragraph' && c.get(0) instanceof Y.XmlText && (c.get(0) as Y.XmlText).length > 40) texts.push(c.get(0) as Y.XmlText);
      else if (c instanceof Y.XmlElement) walk(c);
    }
  };
  walk(ydoc.getXmlFragment('body'));
  const step = Math.max(1, Math.floor(texts.length / 300));
  let changes = 0;
  ydoc.transact(() => {
    for (let i = 0; i < texts.length && changes < 300; i += step, changes++) {
      const t = texts[i];
      const s = t.toString();
      const at = s.indexOf(' ', Math.floor(s.length / 2));
      if (changes % 3 === 0) t.insert(at, ' notably');
      else {
        const end = s.indexOf(' ', at + 1);
        t.delete(at, (end > at ? end : s.length) - at);
        if (changes % 3 === 2) t.insert(at, ' revised');
      }
    }
  });
  const current = input([{ ...draftDocument('r25', 'Output report', bodyToJSON(ydoc)), suggestions: [] }], {}, stakeholders);
  const plainSame = await time(() => exportDocx(current), 5);
  const tracked = await time(() => exportDocx({ ...current, documents: [withChangesSince(current.documents[0], ydoc, 'Consultation draft')] }), 5);
  const ratio = Math.round((tracked.median / plainSame.median) * 100) / 100;
  emit({ case: 'export-changes-since', words: words25k, changes, runs: 5, export_changes_since_ms: tracked.median, min_ms: tracked.min, max_ms: tracked.max, plain_export_ms: plainSame.median, ratio, target_ratio: 2 });
}

const tenDocs = input(
  Array.from({ length: 10 }, (_, i) => (i % 4 === 3 ? generateMeeting(50 + i, stakeholders, 2000) : draftDocument(`c${i}`, `Chapter ${i + 1}`, generateReport(2500, 60 + i)))),
  {},
  stakeholders,
);
const compileWords = tenDocs.documents.reduce((n, d) => n + countWords(plainText(d.body)), 0);
const compiled = await time(() => compileDocx(tenDocs, { toc: true }), 5);
emit({ case: 'compile-10-documents', documents: 10, words: compileWords, runs: 5, median_ms: compiled.median, min_ms: compiled.min, max_ms: compiled.max, bytes: compiled.last.length });

const docx25k = plain.last;
const imported = await time(() => importDocx(docx25k), 5, 1);
emit({ case: 'import-25k-docx', words: words25k, bytes: docx25k.length, runs: 5, median_ms: imported.median, min_ms: imported.min, max_ms: imported.max, target_ms: 1500 });

// What the import caps are measured against: the parts of a legitimate large file, and the worst file they accept.
const fullDocx = full.last;
const partSizes = Object.entries(unzipSync(fullDocx))
  .filter(([name]) => /\.(xml|rels)$/.test(name))
  .map(([name, data]) => ({ name, bytes: data.length, elements: (strFromU8(data).match(/<[A-Za-z_:]/g) ?? []).length }))
  .sort((a, b) => b.bytes - a.bytes);
emit({ case: 'import-caps-legit-25k-parts', largest: partSizes.slice(0, 3), elements: partSizes.reduce((n, p) => n + p.elements, 0), limits: DEFAULT_LIMITS });
{
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-import-'));
  try {
    const file = join(dir, 'worst.docx');
    const probe = fileURLToPath(new URL('../export/importProbe.ts', import.meta.url));
    // just under the element cap, as paragraphs of one run (the most blocks) and of 100 runs
    for (const runsPerParagraph of [1, 100]) {
      const worst = worstAcceptedDocx(DEFAULT_LIMITS.maxElements, DEFAULT_LIMITS.maxMainPartBytes, runsPerParagraph);
      writeFileSync(file, worst);
      const r = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', probe, file], { encoding: 'utf8' })) as Record<string, unknown>;
      emit({ case: 'import-worst-accepted', runs_per_paragraph: runsPerParagraph, bytes: worst.length, elements_cap: DEFAULT_LIMITS.maxElements, ...r });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const est = await time(() => estimatePages(body25k, DEFAULT_HOUSE_STYLE), 9, 2);
emit({ case: 'estimate-pages-25k', runs: 9, median_ms: est.median, pages: est.last });

if (!hasLibreOffice()) {
  emit({ case: 'page-estimate-error', skipped: 'libreoffice or pdfinfo not installed' });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'));
  try {
    const corpus = generateCorpus();
    const files = await Promise.all(
      corpus.map(async ({ name, input: inp }) => {
        const file = join(dir, `${name}.docx`);
        writeFileSync(file, await exportDocx(inp));
        return file;
      }),
    );
    // The TOC's cached page numbers (what Word shows before fields are updated) against LibreOffice's layout.
    const tocFile = join(dir, 'report-25k-toc.docx');
    const tocBytes = await exportDocx(corpus[0].input, { toc: true });
    writeFileSync(tocFile, tocBytes);
    const pdfs = convertToPdf([...files, tocFile], dir);
    const errors: number[] = [];
    corpus.forEach(({ name, input: inp }, i) => {
      const lo = pdfPageCount(pdfs[i]) - 1; // minus the title page: the estimate counts the body section
      const { lastFill } = fractionalPages(pdfs[i], (inp.workspace.houseStyle.marginCm / 2.54) * 72);
      const layout = estimateExportPages(inp);
      const error = ((layout.pages - lo) / lo) * 100;
      const fractional = lo - 1 + lastFill;
      errors.push(Math.abs(error));
      emit({
        case: 'page-estimate',
        doc: name,
        words: inp.documents.reduce((n, d) => n + countWords(plainText(d.body)), 0),
        paper: inp.workspace.houseStyle.paper,
        libreoffice_pages: lo,
        estimated_pages: layout.pages,
        error_pct: Math.round(error * 10) / 10,
        libreoffice_fractional: Math.round(fractional * 100) / 100,
        estimated_fractional: Math.round(layout.fractionalPages * 100) / 100,
        fractional_error_pct: Math.round(((layout.fractionalPages - fractional) / fractional) * 1000) / 10,
      });
    });
    const cached = [...strFromU8(unzipSync(tocBytes)['word/document.xml']).matchAll(/PAGEREF _Toc\d+ \\h\s*<\/w:instrText>(?:<\/w:r><w:r>)?<w:fldChar w:fldCharType="separate"\/>(?:<\/w:r><w:r>)?<w:t[^>]*>(\d+)</g)].map((m) => Number(m[1]));
    const pages = pdfText(pdfs[pdfs.length - 1]).split('\f');
    const laidOut = [...pages.slice(1, 4).join('\n').matchAll(/^(.+?)\s*\.{4,}\s*(\d+)$/gm)].map((m) => Number(m[2]));
    const exact = laidOut.filter((p, i) => cached[i] === p).length;
    const offByOne = laidOut.filter((p, i) => Math.abs(cached[i] - p) === 1).length;
    emit({
      case: 'page-estimate-summary',
      documents: corpus.length,
      max_abs_error_pct: Math.round(Math.max(...errors) * 10) / 10,
      mean_abs_error_pct: Math.round((errors.reduce((a, b) => a + b, 0) / errors.length) * 10) / 10,
      toc_headings: laidOut.length,
      toc_cached_page_exact: exact,
      toc_cached_page_off_by_one: offByOne,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
