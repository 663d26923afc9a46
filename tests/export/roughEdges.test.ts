// Issue 15, rough edges of the export as a reader sees them (python-docx, and LibreOffice's PDF for the layout):
// UN-style headings, a meeting summary without title page, a contribution's header block, and an annex table whose
// columns fit their content without breaking words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileDocx, exportDocx } from '../../renderer/src/export/exportDocx';
import { exportLabelsFrom } from '../../renderer/src/export/exportLabels';
import { loadLocale, translator } from '../../renderer/src/i18n/index';
import { textWidthPt } from '../../renderer/src/model/pageEstimate';
import type { ExportDocument } from '../../renderer/src/export/exportInput';
import { convertToPdf, libreOfficeChecks, pdfText } from './libreoffice';
import { draft, inputOf, meeting, readDocx, richBody, tempDir, thread } from './helpers';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

function contribution(id: string, title: string, stakeholderId: string): ExportDocument {
  return {
    meta: { id, kind: 'contribution', title, themes: [], date: '2025-05-03', createdAt: 0, createdBy: 'me' },
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { bid: `${id}-p` }, content: [{ type: 'text', text: `Text of ${title}.` }] }] },
    fields: { kind: 'contribution', stakeholderId, receivedOn: '2025-05-03', channel: 'written-submission' },
    threads: [],
  };
}

const LONG = 'Stakeholders repeatedly emphasised that meaningful connectivity requires affordable devices, digital skills and locally relevant content, not only coverage. ';
function annexDraft(): ExportDocument {
  const threads = Array.from({ length: 6 }, (_, i) =>
    thread({
      id: `t${i}`,
      number: i + 1,
      from: { bid: 'p1', offset: 0 },
      to: { bid: 'p1', offset: 5 },
      quote: 'Plain',
      type: i % 2 ? 'substantive' : 'editorial',
      body: LONG.repeat(1 + (i % 3)),
      proposedWording: i % 2 ? 'Replace with “universal and meaningful connectivity”.' : '',
      disposition: ['accepted', 'partially-accepted', 'not-accepted'][i % 3],
      response: i % 2 ? 'Reflected in paragraph 12, with wording agreed by the intersessional group.' : 'Noted.',
      para: 1,
      section: '1',
    }),
  );
  return draft(richBody(), threads);
}

describe('export rough edges (issue 15)', () => {
  beforeAll(async () => {
    await loadLocale('fr');
  });

  it('numbers headings UN style when asked (I., A., 1.), in the body and the contents; not by default', async () => {
    const numbered = readDocx(await exportDocx(inputOf([draft(richBody())]), { toc: true, headingNumbers: true }));
    const headings = numbered.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text);
    expect(headings).toEqual(['I. Introduction', 'A. Lists', '1. Table']);
    expect(numbered.internalLinks.map((l) => l.text.split('\t')[0])).toEqual(['I. Introduction', 'A. Lists', '1. Table']);
    const plain = readDocx(await exportDocx(inputOf([draft(richBody())]), { toc: true }));
    expect(plain.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text)).toEqual(['Introduction', 'Lists', 'Table']);
  });

  it('a meeting summary has no title page and no contents by default; both on request; a report keeps its title page', async () => {
    const m = readDocx(await exportDocx(inputOf([meeting()])));
    expect(m.sections).toHaveLength(1);
    expect(m.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Session with Jane Doe' });
    expect(m.paragraphs.map((p) => p.text)).not.toContain('Contents');
    const asked = readDocx(await exportDocx(inputOf([meeting()]), { titlePage: true, toc: true }));
    expect(asked.sections).toHaveLength(2);
    expect(asked.sections[0].titlePg).toBe(true);
    expect(asked.paragraphs.map((p) => p.text)).toContain('Contents');
    const report = readDocx(await exportDocx(inputOf([draft(richBody())])));
    expect(report.sections).toHaveLength(2);
  });

  it('a compiled contribution opens with sender, organisation, group, date received and channel, in the document language', async () => {
    const docs = [contribution('c1', 'Submission from the ministry', 's2'), contribution('c2', 'Submission from ACME', 's1')];
    const en = readDocx(await compileDocx(inputOf(docs)));
    expect(en.tables[0].rows).toEqual([
      ['Sender', 'Kofi Mensah'],
      ['Organisation', 'Ministry of Communications'],
      ['Stakeholder group', 'Government'],
      ['Date received', '3 May 2025'],
      ['Channel', 'Written submission'],
    ]);
    expect(en.tables[1].rows[0]).toEqual(['Sender', 'Jane Doe']);
    const fr = readDocx(await compileDocx(inputOf(docs), { labels: exportLabelsFrom(translator('fr').t, 'fr') }));
    expect(fr.tables[0].rows).toEqual([
      ['Expéditeur', 'Kofi Mensah'],
      ['Organisation', 'Ministry of Communications'],
      ['Groupe de parties prenantes', 'Gouvernement'],
      ['Date de réception', '3 mai 2025'],
      ['Canal', 'Contribution écrite'],
    ]);
  });

  it('sizes the annex columns to their content: narrow #, type and disposition, wide comment; every word fits its column', async () => {
    const r = readDocx(await exportDocx(inputOf([annexDraft()]), { annex: true }));
    const annex = r.tables.at(-1)!;
    const w = annex.gridWidths;
    const col = (name: string) => annex.rows[0].indexOf(name);
    expect(w[col('#')]).toBeLessThan(w[col('Comment')] / 4);
    expect(w[col('Type')]).toBeLessThan(w[col('Comment')] / 2);
    expect(w[col('Comment')]).toBe(Math.max(...w));
    // each column holds its longest word (8 pt Times New Roman, 2 x 108 twips of cell margins)
    annex.rows.forEach((row, i) =>
      row.forEach((cellText, c) => {
        const word = textWidthPt(cellText, 'Times New Roman', 8, i === 0 ? 'bold' : 'regular').longestWord * 20;
        expect(word + 216, `${annex.rows[0][c]}: ${cellText.slice(0, 30)}`).toBeLessThanOrEqual(w[c]);
      }),
    );
  });

  const lo = libreOfficeChecks('export rough edges in LibreOffice');
  describe.skipIf(!lo)('in LibreOffice', () => {
    const dir = tempDir();
    afterAll(() => dir.remove());

    it('the annex breaks no word ("Substanti ve"), and the pages look right', async () => {
      const file = join(dir.path, 'annex.docx');
      writeFileSync(file, await exportDocx(inputOf([annexDraft()]), { annex: true, headingNumbers: true }));
      const meetingFile = join(dir.path, 'meeting.docx');
      writeFileSync(meetingFile, await exportDocx(inputOf([meeting()])));
      const [pdf, meetingPdf] = convertToPdf([file, meetingFile], dir.path);
      const pages = pdfText(pdf).split('\f');
      const annexText = pages.filter((p) => p.includes('Annex: Comments received')).join('\n');
      for (const word of ['Substantive', 'Editorial', 'Partially', 'accepted', 'Organisation', 'Disposition']) expect(annexText).toContain(word);
      expect(annexText).not.toMatch(/\bSubstanti\s*\n|\bDispositio\s*\n|\bOrganisatio\s*\n|\bEditoria\s*\n/);
      // the meeting summary is one page that opens with its title
      const meetingPages = pdfText(meetingPdf).split('\f').filter((p) => p.trim());
      expect(meetingPages[0].trim().split('\n')[0]).toBe('Session with Jane Doe');
      mkdirSync(ARTIFACTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages.findIndex((p) => p.includes('Annex: Comments received')) + 1), '-singlefile', pdf, join(ARTIFACTS, 'annex-table')]);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-singlefile', meetingPdf, join(ARTIFACTS, 'meeting-no-title-page')]);
    }, 120_000);
  });
});
