// DOCX export of a consolidated reply (issue 11): citations become footnotes "Contribution from <organisation>,
// <date>", the generated contributors list becomes a table (a "do not name" contributor without a name), in
// house style. Read back with python-docx; rendered with LibreOffice to a PNG of the page for a person to look at.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import type { ExportInput } from '../../renderer/src/export/exportInput';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { DEFAULT_HOUSE_STYLE } from '../../renderer/src/model/houseStyle';
import { readDocx, tempDir, unzipAll, partText } from './helpers';
import { convertToPdf, libreOfficeChecks, pdfText } from './libreoffice';

const h = (bid: string, text: string): PMNode => ({ type: 'heading', attrs: { level: 1, bid }, content: [{ type: 'text', text }] });
const p = (bid: string, ...content: PMNode[]): PMNode => ({ type: 'paragraph', attrs: { bid }, content });
const txt = (text: string): PMNode => ({ type: 'text', text });
const cite = (source: string, quote: string): PMNode => ({ type: 'citation', attrs: { source, quote, cid: `c-${source}` } });

function replyInput(): ExportInput {
  const body: PMNode = {
    type: 'doc',
    content: [
      h('h1', 'The original query'),
      p('p1', txt('How do networks support women candidates in local elections?')),
      h('h2', 'Summary of contributions'),
      p('p2', txt('Members described mentoring: '), cite('kenya', 'mentoring programmes for first-time candidates'), txt(' and quotas: '), cite('chile', 'gender parity law for municipal lists'), txt('.')),
      p('p3', txt('Academia noted '), cite('uni', 'data gaps on local councillors')),
      h('h3', 'Contributors'),
      { type: 'contributorsList' },
    ],
  };
  return {
    workspace: { name: 'Women in Politics network', houseStyle: DEFAULT_HOUSE_STYLE },
    stakeholders: [],
    documents: [
      {
        meta: { id: 'reply', kind: 'draft', subtype: 'consolidated-reply', title: 'Consolidated reply: women candidates', themes: [], date: '2026-03-20', createdAt: 0, createdBy: 'x', replyTo: 'q' },
        body,
        fields: { kind: 'draft', subtype: 'consolidated-reply', status: 'in-progress' },
        threads: [],
        reply: {
          sources: {
            kenya: { organisation: 'Kenya Women Parliamentary Association', name: 'Ann Wanjiru', date: '2026-03-02' },
            chile: { organisation: 'Comunidad Mujer', name: '', date: '2026-03-05' },
            uni: { organisation: 'University of Cape Town', name: 'Tom Dlamini', date: '2026-03-09' },
          },
          contributors: [
            { stakeholderId: 'a', name: null, organisation: 'Comunidad Mujer', region: 'latin-american-caribbean', cited: true, contributions: ['chile'] },
            { stakeholderId: 'b', name: 'Ann Wanjiru', organisation: 'Kenya Women Parliamentary Association', region: 'african', cited: true, contributions: ['kenya'] },
            { stakeholderId: 'c', name: 'Rita Sharma', organisation: 'Ministry of Panchayati Raj', region: 'asia-pacific', cited: false, contributions: ['india'] },
          ],
        },
      },
    ],
  };
}

describe('DOCX export of a consolidated reply', () => {
  it('writes each citation as its quote and a footnote naming the organisation and date', async () => {
    const back = readDocx(await exportDocx(replyInput()));
    expect(back.xmlOk).toBe(true);
    expect(back.footnotes.map((f) => f.text.trim())).toEqual([
      'Contribution from Kenya Women Parliamentary Association, 2 March 2026',
      'Contribution from Comunidad Mujer, 5 March 2026',
      'Contribution from University of Cape Town, 9 March 2026',
    ]);
    expect(back.footnoteRefs).toHaveLength(3);
    const para = back.paragraphs.find((x) => x.text.startsWith('Members described'))!;
    expect(para.text).toContain('“mentoring programmes for first-time candidates”');
    expect(back.paragraphs.find((x) => x.text === 'Summary of contributions')?.style).toMatch(/^Heading ?1$/);
  });

  it('writes the contributors list as a table with a header row; a "do not name" contributor has no name', async () => {
    const back = readDocx(await exportDocx(replyInput()));
    const table = back.tables.find((tb) => tb.rows[0]?.[0] === 'Name')!;
    expect(table.rows).toEqual([
      ['Name', 'Organisation', 'Country or region'],
      ['Name withheld', 'Comunidad Mujer', 'Latin American and Caribbean States'],
      ['Ann Wanjiru', 'Kenya Women Parliamentary Association', 'African States'],
      ['Rita Sharma', 'Ministry of Panchayati Raj', 'Asia-Pacific States'],
    ]);
    expect(table.headerRows).toBe(1);
    const all = partText(unzipAll(await exportDocx(replyInput()))['word/document.xml']);
    expect(all).not.toContain('Comunidad Mujer, Name'); // nothing leaks the withheld name
  });

  it('without reply data (the CLI) still writes a footnote for each citation', async () => {
    const input = replyInput();
    delete input.documents[0].reply;
    const back = readDocx(await exportDocx(input));
    expect(back.footnotes.map((f) => f.text.trim())).toEqual(Array(3).fill('Contribution from a contributor'));
    expect(back.tables.find((tb) => tb.rows[0]?.[0] === 'Name')).toBeUndefined();
  });

  it('keeps a Word comment after a citation on the words it was made on (a citation counts as one position)', async () => {
    const input = replyInput();
    // p2: "Members described mentoring: " (29) + citation (1) + " and " -> "quotas" starts at offset 35.
    input.documents[0].threads = [
      {
        id: 't1', number: 1, from: { bid: 'p2', offset: 35 }, to: { bid: 'p2', offset: 41 }, quote: 'quotas', author: 'Editor', type: 'general', body: 'Which countries?',
        proposedWording: '', createdAt: 0, resolved: false, replies: [], disposition: '', response: '', para: 2, section: '',
      },
    ];
    const xml = unzipAll(await exportDocx(input, { wordComments: true }))['word/document.xml'];
    const ranged = /<w:commentRangeStart w:id="\d+"\/>(.*?)<w:commentRangeEnd/s.exec(xml)?.[1] ?? '';
    expect(partText(ranged)).toBe('quotas');
  });

  it.runIf(libreOfficeChecks('a consolidated reply rendered in LibreOffice'))('renders in LibreOffice with the footnotes and the table on the page', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'reply.docx');
      writeFileSync(file, await exportDocx(replyInput()));
      const [pdf] = convertToPdf([file], dir.path);
      const text = pdfText(pdf, true);
      expect(text).toContain('Contribution from Comunidad Mujer, 5 March 2026');
      expect(text).toMatch(/Name withheld\s+Comunidad Mujer/);
      const out = join(process.cwd(), 'tests/artifacts/screens');
      mkdirSync(out, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', pdf, join(out, 'reply-export')]);
    } finally {
      dir.remove();
    }
  }, 240_000);
});
