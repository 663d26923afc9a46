// The DOCX writer, read back with python-docx and lxml (tests/export/read_docx.py): styles, structure, lists,
// tables, links, footnotes, comments, annex, Chatham House, sanitising, sizes, compilation.
import { describe, it, expect, beforeAll } from 'vitest';
import { exportDocx, compileDocx } from '../../renderer/src/export/exportDocx';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { rapporteurSchema } from '../../renderer/src/schema/schema';
import { readDocx, unzipAll, partText, richBody, richThreads, draft, meeting, inputOf, STAKEHOLDERS, type DocxReadback } from './helpers';

const A4_TEXT_WIDTH = 11906 - 2 * 1440;

describe('exportDocx: a report with every feature', () => {
  let r: DocxReadback;
  let parts: Record<string, string>;
  beforeAll(async () => {
    rapporteurSchema().nodeFromJSON(richBody()).check();
    const bytes = await exportDocx(inputOf([draft(richBody(), richThreads())]), { toc: true, paraNumbers: true, annex: true, wordComments: true });
    r = readDocx(bytes);
    parts = unzipAll(bytes);
  });

  it('is well-formed XML in every part', () => {
    expect(r.badParts).toEqual([]);
    expect(r.xmlOk).toBe(true);
  });

  it('defines the house font and size on the document defaults and the Normal style', () => {
    expect(r.styles.normal).toEqual({ font: 'Times New Roman', size: 12 });
    expect(r.styles.defaults).toEqual({ font: 'Times New Roman', halfPoints: 24 });
    // no run carries its own font: re-styling Normal in Word restyles the report
    expect(parts['word/document.xml']).not.toContain('<w:rFonts');
  });

  it("uses Word's built-in Heading 1-3 styles, in the house font", () => {
    expect(r.styles.headings.map((s) => [s.id, s.name, s.font])).toEqual([
      ['Heading1', 'Heading 1', 'Times New Roman'],
      ['Heading2', 'Heading 2', 'Times New Roman'],
      ['Heading3', 'Heading 3', 'Times New Roman'],
    ]);
    expect(parts['word/styles.xml']).toContain('<w:name w:val="heading 1"/>');
    const headings = r.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => [p.style, p.text]);
    expect(headings).toEqual([
      ['Heading 1', 'Introduction'],
      ['Heading 2', 'Lists'],
      ['Heading 3', 'Table'],
      ['Heading 1', 'Annex: Comments received'],
    ]);
  });

  it('has a title page, a pre-rendered TOC linked to bookmarks on the headings, and no update-fields prompt', () => {
    expect(r.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Output report' });
    expect(r.paragraphs.slice(0, 5).map((p) => p.text)).toEqual(expect.arrayContaining(['BPF Cybersecurity', '12 June 2025', 'Draft for consultation']));
    expect(r.internalLinks.map((l) => l.text.split('\t')[0])).toEqual(['Introduction', 'Lists', 'Table', 'Annex: Comments received']);
    for (const l of r.internalLinks) expect(r.bookmarks).toContain(l.anchor);
    expect(r.updateFields).toBe(false);
    expect(parts['word/document.xml']).toMatch(/PAGEREF _Toc\d+ \\h/);
  });

  it('numbers pages in the footer and puts the short title in the header; the annex is landscape', () => {
    expect(r.sections.map((s) => s.orientation)).toEqual(['portrait', 'portrait', 'landscape']);
    expect(r.sections[0].titlePg).toBe(true);
    expect(r.sections[1]).toMatchObject({ header: 'Output report', footerFields: [' PAGE '], width: 11906, height: 16838 });
  });

  it('writes bold, italic, underline and strike as run properties', () => {
    const doc = parts['word/document.xml'];
    expect(doc).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">bold<\/w:t>/);
    expect(doc).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">italic</);
    expect(doc).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">under</);
    expect(doc).toMatch(/<w:strike\/><\/w:rPr><w:t xml:space="preserve">struck</);
  });

  it('links only http, https and mailto; other schemes stay plain text', () => {
    expect(r.hyperlinks.map((h) => [h.text, h.target, h.external])).toEqual([
      ['safe link', 'https://www.intgovforum.org/', true],
      ['mail us', 'mailto:bpf@example.org', true],
    ]);
    const p1 = r.paragraphs.find((p) => p.text.includes('bad link'))!;
    expect(p1.text).toContain('ftp link');
    expect(Object.values(parts).join('')).not.toContain('javascript:');
  });

  it('writes real Word footnotes and a hard break', () => {
    expect(r.footnotes).toEqual([
      { id: 1, text: 'First note' },
      { id: 2, text: 'Said by Jane Doe.' },
    ]);
    expect(r.footnoteRefs).toEqual([1, 2]);
    expect(r.paragraphs.find((p) => p.text.includes('After the break'))!.text).toContain('.\nAfter the break.');
  });

  it('writes nested lists with real numbering; each list restarts', async () => {
    const item = (text: string) => r.paragraphs.find((p) => p.text.endsWith(text))!;
    expect(item('Bullet one')).toMatchObject({ style: 'List Paragraph', ilvl: 0 });
    expect(item('Nested one')).toMatchObject({ ilvl: 1 });
    expect(item('Nested one').numId).toBe(item('Nested two').numId);
    expect(item('Nested one').numId).not.toBe(item('Bullet one').numId);
    expect(item('First').numId).toBe(item('Second').numId);
    expect(item('Again one').numId).not.toBe(item('First').numId);
    const starts = new Map(r.numbering.nums.map((n) => [n.id, n.start]));
    expect(starts.get(item('Again one').numId!)).toBe(1);
    // without paragraph numbers, lists keep their bullets and numbers
    const plain = unzipAll(await exportDocx(inputOf([draft(richBody())])))['word/numbering.xml'];
    expect(plain).toContain('<w:numFmt w:val="bullet"/>');
    expect(plain).toContain('<w:numFmt w:val="decimal"/>');
    expect(plain).not.toContain('lowerLetter"/><w:lvlText w:val="(%1)"');
  });

  it('puts block quotes in the Quote style', () => {
    expect(r.paragraphs.find((p) => p.text.endsWith('Quoted text'))!.style).toBe('Quote');
  });

  it('writes tables with a repeating header row, spans, borders and columns that fit the page', () => {
    const table = r.tables[0];
    expect(table.rows).toEqual([
      ['Group', 'Count'],
      ['Government', '3'],
      ['Spanning both', 'Spanning both'],
    ]);
    expect(table.headerRows).toBe(1);
    expect(table.gridWidths.reduce((a, b) => a + b, 0)).toBe(A4_TEXT_WIDTH);
    // thin single borders all round and between cells (on the table itself: docx has no option for table styles)
    expect(parts['word/document.xml']).toMatch(/<w:tbl><w:tblPr>.*?<w:tblBorders>.*?<w:insideH w:val="single"[^>]*\/><w:insideV w:val="single"/);
  });

  it('numbers counted paragraphs in reading order (para N), skipping empty ones, tables and list items', () => {
    const numbered = r.paragraphs.map((p) => p.text).filter((t) => /^(\d+\.\t|\[\d+\] )/.test(t));
    expect(numbered.map((t) => Number(t.match(/^\[?(\d+)/)![1]))).toEqual(Array.from({ length: 6 }, (_, i) => i + 1));
    expect(numbered[0]).toMatch(/^1\.\tPlain bold/);
    expect(numbered.at(-1)).toBe('6.\tThe end.');
    // list items are lettered by Word numbering: (a), (b) at the first level, (i), (ii) below
    const lvl = (text: string) => r.paragraphs.find((p) => p.text === text)!;
    expect([lvl('First').ilvl, lvl('Nested one').ilvl]).toEqual([0, 1]);
    const numbering = parts['word/numbering.xml'];
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*>(?:(?!<\/w:lvl>).)*<w:numFmt w:val="lowerLetter"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="\(%1\)"\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*>(?:(?!<\/w:lvl>).)*<w:numFmt w:val="lowerRoman"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="\(%2\)"\/>/);
  });

  it('turns threads into Word comments on their ranges, with threaded replies and resolved threads done', () => {
    expect(r.comments.map((c) => c.author)).toEqual(['Jane Doe (ACME, Private sector)', 'Kofi Mensah', 'Kofi Mensah (Ministry of Communications, Government)']);
    expect(r.comments[0].text).toContain('Please strengthen this.');
    expect(r.comments[0].text).toContain('Disposition: Accepted');
    expect(r.comments[2].text).toContain('Proposed wording: Jane Doe suggests new words.');
    const [parent, reply, other] = r.commentsExtended;
    expect(parent).toMatchObject({ paraId: r.comments[0].lastParaId, parent: null, done: '1' });
    expect(reply).toMatchObject({ paraId: r.comments[1].lastParaId, parent: r.comments[0].lastParaId, done: '1' });
    expect(other).toMatchObject({ parent: null, done: '0' });
    expect(r.commentRanges.start.sort()).toEqual([0, 1, 2]);
    expect(r.commentRanges.end.sort()).toEqual([0, 1, 2]);
    expect(r.commentRanges.ref.sort()).toEqual([0, 1, 2]);
    // the range of thread 1 covers "Plain"
    expect(parts['word/document.xml']).toMatch(/<w:commentRangeStart w:id="0"\/><w:commentRangeStart w:id="1"\/><w:r><w:t xml:space="preserve">Plain<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/>/);
  });

  it('lists every thread in the annex, including those on deleted text', () => {
    const annex = r.tables[r.tables.length - 1];
    expect(annex.rows[0]).toEqual(['#', 'Para', 'Section', 'Commenter', 'Organisation', 'Group', 'Region', 'Type', 'Comment', 'Proposed wording', 'Disposition', 'Response']);
    expect(annex.headerRows).toBe(1);
    expect(annex.rows).toHaveLength(4);
    expect(annex.rows[1].slice(0, 8)).toEqual(['1', '1', '—', 'Jane Doe', 'ACME', 'Private sector', 'Western European and other States', 'Substantive']);
    expect(annex.rows[1][8]).toContain('↳ Kofi Mensah: Agreed with Jane Doe.');
    expect(annex.rows[3][8]).toContain('on deleted text');
    expect(annex.rows[3][8]).toContain('text that was deleted');
  });

  it('drops characters XML forbids and keeps the rest', () => {
    const dirty = r.paragraphs.find((p) => p.text.includes('Control'))!;
    expect(dirty.text).toMatch(/Control chars and {2}gone, \u{1F600} kept\.$/u);
  });
});

describe('exportDocx: limits and options', () => {
  it('writes a valid file for a 100,000-character paragraph and a 600-row table', async () => {
    const long = 'word '.repeat(20_000);
    const rows: PMNode[] = Array.from({ length: 600 }, (_, i) => ({
      type: 'tableRow',
      content: [`Row ${i}`, 'b', 'c'].map((text, j) => ({ type: i === 0 ? 'tableHeader' : 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: j === 0 ? [200] : [100] }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
    }));
    const body: PMNode = { type: 'doc', content: [{ type: 'paragraph', attrs: { bid: 'a' }, content: [{ type: 'text', text: long }] }, { type: 'table', content: rows }] };
    const r = readDocx(await exportDocx(inputOf([draft(body)])));
    expect(r.xmlOk).toBe(true);
    expect(r.paragraphs.some((p) => p.text.length === long.length)).toBe(true);
    expect(r.tables[0].rows).toHaveLength(600);
    expect(r.tables[0].gridWidths).toEqual([4513, 2256, 2257]);
  });

  it('uses Letter paper and other house-style values when asked', async () => {
    const r = readDocx(await exportDocx(inputOf([draft(richBody())], { paper: 'Letter', font: 'Arial', fontSize: 11 })));
    expect(r.sections[1]).toMatchObject({ width: 12240, height: 15840 });
    expect(r.styles.normal).toEqual({ font: 'Arial', size: 11 });
  });

  it('is deterministic: the same input gives the same parts, up to what docx draws afresh on every write', async () => {
    const input = inputOf([draft(richBody(), richThreads())]);
    const opts = { toc: true, annex: true, wordComments: true };
    // docx dates the package when it writes it (core.xml and the zip entries), numbers bookmarks from a counter shared
    // by every document of the process, and names hyperlink relationships at random. Everything else must be equal.
    const normalised = async () =>
      Object.entries(unzipAll(await exportDocx(input, opts))).map(([name, xml]) => [
        name,
        xml
          .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1')
          .replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")\d+/g, '$1')
          .replace(/\brId[\w-]*[A-Za-z_-][\w-]*/g, 'rId'),
      ]);
    expect(await normalised()).toEqual(await normalised());
  });
});

describe('exportDocx: meeting summaries', () => {
  it('writes the header block, participants by stakeholder group, agenda, discussion, key messages and action points', async () => {
    const r = readDocx(await exportDocx(inputOf([meeting()]), { toc: true }));
    const header = r.tables[0].rows;
    expect(header.map((row) => row[0])).toEqual(['Date', 'Format', 'Location', 'Participants']);
    expect(header[0][1]).toBe('12 June 2025');
    expect(header[1][1]).toBe('Hybrid');
    expect(header[3][1].split('\n')).toEqual([
      'Government: Kofi Mensah (Ministry of Communications)',
      'Private sector: Jane Doe (ACME)',
      'Civil society: Lena Old (Gone Org)',
      'Other participants: Walk-in Guest (Independent)',
    ]);
    const headings = r.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`);
    expect(headings).toEqual(['Heading 1: Agenda', 'Heading 1: Summary of discussion', 'Heading 2: Discussion of Lena Old proposal', 'Heading 1: Key messages', 'Heading 1: Action points']);
    expect(r.tables[1].rows).toEqual([
      ['#', 'Owner', 'Action', 'Due', 'Status'],
      ['1', 'Jane Doe', 'Circulate notes to Kofi Mensah', '1 July 2025', 'Open'],
    ]);
    expect(r.paragraphs.filter((p) => p.numId).map((p) => p.text)).toEqual(['Opening by Jane Doe', 'Discussion', 'Access matters, said Kofi Mensah.', 'Funding is needed.']);
  });

  it('under Chatham House, no registered or free-text name survives anywhere in the package', async () => {
    const bytes = await exportDocx(inputOf([meeting()]), { toc: true, annex: true, wordComments: true, chathamHouse: true });
    const parts = unzipAll(bytes);
    const names = [...STAKEHOLDERS.map((s) => s.name), 'Walk-in Guest'];
    for (const [name, xml] of Object.entries(parts)) {
      for (const person of names) {
        expect(xml.toLowerCase(), `${person} in ${name}`).not.toContain(person.toLowerCase());
        expect(partText(xml).toLowerCase(), `${person} in the text of ${name}`).not.toContain(person.toLowerCase());
      }
    }
    const r = readDocx(bytes);
    expect(r.tables[0].rows[3][1].split('\n')).toEqual(['Government: 1 participant', 'Private sector: 1 participant', 'Civil society: 1 participant', 'Other participants: 1 participant']);
    const text = r.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('Participant (Private sector) opened the session; Participant (Government) replied. Participant asked about funding.');
    expect(r.comments.map((c) => c.author)).toEqual(['Participant (Private sector)', 'Participant']);
    expect(r.tables.at(-1)!.rows[1].slice(3, 5)).toEqual(['Participant (Private sector)', 'Withheld (Chatham House rule)']);
  });
});

describe('compileDocx', () => {
  it('makes each document a chapter, shifts headings, and keeps footnote, list and comment ids unique', async () => {
    const progress: Array<[number, number]> = [];
    const docs = [draft(richBody(), richThreads(), 'Chapter A'), meeting(), draft(richBody(), richThreads(), 'Chapter C')];
    const bytes = await compileDocx(inputOf(docs), { toc: true, wordComments: true, title: 'Compiled output', onProgress: (d, t) => progress.push([d, t]) });
    const r = readDocx(bytes);
    expect(r.xmlOk).toBe(true);
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(r.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Compiled output' });
    const h1 = r.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
    expect(h1).toEqual(['Chapter A', 'Session with Jane Doe', 'Chapter C']);
    expect(r.paragraphs.filter((p) => p.style === 'Heading 2').map((p) => p.text)).toEqual(['Introduction', 'Agenda', 'Summary of discussion', 'Key messages', 'Action points', 'Introduction']);
    // H2 -> H3 and H3 stays H3 (capped)
    expect(r.paragraphs.filter((p) => p.style === 'Heading 3').map((p) => p.text)).toEqual(['Lists', 'Table', 'Discussion of Lena Old proposal', 'Lists', 'Table']);
    expect(r.internalLinks).toHaveLength(14);
    expect(r.footnotes.map((f) => f.id)).toEqual([1, 2, 3, 4, 5]);
    expect(r.footnoteRefs).toEqual([1, 2, 3, 4, 5]);
    const ids = r.comments.map((c) => c.id);
    // a compilation under Chatham House: chapter titles, TOC and running header are scrubbed too
    const ch = unzipAll(await compileDocx(inputOf(docs), { toc: true, annex: true, wordComments: true, chathamHouse: true, title: 'Notes by Jane Doe' }));
    for (const [name, xml] of Object.entries(ch)) for (const person of STAKEHOLDERS.map((s) => s.name)) expect(partText(xml), `${person} in ${name}`).not.toContain(person);
    expect(new Set(ids).size).toBe(ids.length);
    // every list node has its own numbering instance starting at 1
    const numIds = r.paragraphs.filter((p) => p.numId && p.text.endsWith('Again one')).map((p) => p.numId);
    expect(new Set(numIds).size).toBe(2);
    expect(r.numbering.nums.every((n) => n.start === 1)).toBe(true);
  });
});
