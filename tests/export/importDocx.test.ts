// DOCX import: a file written by LibreOffice (headings, nested lists, a table, a footnote, links and a comment),
// hostile and broken files (bomb, external parts, entities, not a zip, truncated, too many parts), and the round
// trip through our own export.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { importDocx } from '../../renderer/src/export/import/importDocx';
import { ImportError, type ImportErrorCode } from '../../renderer/src/export/import/importError';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import { rapporteurSchema } from '../../renderer/src/schema/schema';
import { cleanText } from '../../renderer/src/schema/cleanText';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { richBody, richThreads, draft, inputOf } from './helpers';

const FIXTURE = fileURLToPath(new URL('../fixtures/docx/libreoffice-comment.docx', import.meta.url));
const fixture = () => new Uint8Array(readFileSync(FIXTURE));
const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

async function expectImportError(bytes: Uint8Array, code: ImportErrorCode) {
  const error = await importDocx(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  expect((error as ImportError).message.length).toBeGreaterThan(20);
}

/** The package with some parts replaced (strings) or removed (null). */
function patch(bytes: Uint8Array, changes: Record<string, string | Uint8Array | null>): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete files[name];
    else files[name] = typeof value === 'string' ? strToU8(value) : value;
  }
  return zipSync(files);
}
const part = (bytes: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(bytes)[name]);

/** A zip whose one deflated entry claims `claimedSize` bytes (hand-written headers, as a bomb would be). */
function zipWithClaim(name: string, data: Uint8Array, claimedSize: number, extra: Record<string, string> = {}): Uint8Array {
  const entries = [{ name, deflated: deflateSync(data, { level: 1 }), claimed: claimedSize }, ...Object.entries(extra).map(([n, s]) => ({ name: n, deflated: deflateSync(strToU8(s)), claimed: s.length }))];
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const nameBytes = strToU8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, e.deflated.length, true);
    local.setUint32(22, e.claimed, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, e.deflated);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(10, 8, true);
    cd.setUint32(20, e.deflated.length, true);
    cd.setUint32(24, e.claimed, true);
    cd.setUint16(28, nameBytes.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), nameBytes);
    offset += 30 + nameBytes.length + e.deflated.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, entries.length, true);
  eocd.setUint16(10, entries.length, true);
  eocd.setUint32(12, cdSize, true);
  eocd.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(eocd.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const texts = (n: PMNode): string => (n.type === 'text' ? (n.text ?? '') : (n.content ?? []).map(texts).join(''));

describe('importDocx: a document written by LibreOffice', () => {
  it('keeps headings, marks, nested lists, the table, links, footnotes; drops unsafe links', async () => {
    const { body, notices } = await importDocx(fixture(), { newId: ids() });
    expect(() => rapporteurSchema().nodeFromJSON(body).check()).not.toThrow();
    expect(notices).toEqual([]);
    const top = body.content!;
    expect(top.filter((n) => n.type === 'heading').map((n) => [n.attrs!.level, texts(n)])).toEqual([
      [1, 'Introduction'],
      [2, 'Key findings'],
      [2, 'Recommendations'],
      [1, 'Conclusion'],
    ]);
    const intro = top[1].content!;
    expect(intro.find((n) => n.text === 'Geneva')!.marks).toEqual([{ type: 'bold' }]);
    expect(intro.find((n) => n.text === 'meaningful access')!.marks).toEqual([{ type: 'italic' }]);
    expect(intro.find((n) => n.type === 'footnote')!.attrs).toEqual({ text: 'Session held on 12 June 2025.' });
    expect(intro.find((n) => n.text === 'the IGF website')!.marks).toEqual([{ type: 'link', attrs: { href: 'https://www.intgovforum.org/' } }]);
    expect(JSON.stringify(body)).not.toContain('javascript');
    expect(texts(top[1])).toContain('this unsafe link');

    const bullets = top.find((n) => n.type === 'bulletList')!;
    expect(bullets.content!.map((li) => texts(li.content![0]))).toEqual(['Infrastructure investment', 'Digital skills']);
    expect(bullets.content![0].content![1].type).toBe('bulletList');
    expect(bullets.content![0].content![1].content!.map(texts)).toEqual(['Rural broadband', 'Community networks']);
    expect(top.find((n) => n.type === 'orderedList')!.content!.map(texts)).toEqual(['Adopt open standards', 'Fund local content']);

    const table = top.find((n) => n.type === 'table')!;
    expect(table.content!.map((row) => row.content!.map(texts))).toEqual([
      ['Group', 'Speakers', 'Share'],
      ['Government', '12', '30%'],
      ['Civil society', '18', '45%'],
    ]);
    expect(table.content![0].content![0].type).toBe('tableHeader');
    // every paragraph and heading has a fresh block id
    const bids: string[] = [];
    const walk = (n: PMNode) => {
      if (n.type === 'paragraph' || n.type === 'heading') bids.push(String(n.attrs?.bid));
      n.content?.forEach(walk);
    };
    walk(body);
    expect(new Set(bids).size).toBe(bids.length);
    expect(bids.every((b) => /^id\d+$/.test(b))).toBe(true);
  });

  it('anchors the comment to its range', async () => {
    const { body, comments } = await importDocx(fixture(), { newId: ids() });
    expect(comments).toHaveLength(1);
    const [c] = comments;
    expect(c).toMatchObject({ body: 'Please cite the survey here.', author: 'Jane Reviewer', quote: 'Connectivity remains uneven across regions' });
    const para = body.content!.find((n) => n.attrs?.bid === c.from.bid)!;
    expect(texts(para).slice(c.from.offset, c.to.offset)).toBe('Connectivity remains uneven across regions');
  });
});

describe('importDocx: round trip through our export', () => {
  it('gives back the same headings, lists, table text, footnotes, links and comments', async () => {
    const original = richBody();
    const bytes = await exportDocx(inputOf([draft(original, richThreads())]), { toc: true, paraNumbers: true, wordComments: true });
    const { body, comments, notices } = await importDocx(bytes, { newId: ids() });
    expect(notices).toContain('The table of contents was left out; the export creates a fresh one.');
    const headings = (b: PMNode) => b.content!.filter((n) => n.type === 'heading').map((n) => texts(n));
    // the title page's title comes back as a heading of its own
    expect(headings(body)).toEqual(['Output report', ...headings(original)]);
    // With paragraph numbers on, every list is lettered UN style, (a) (b): bullets come back as ordered lists, and
    // mammoth joins two lists that follow each other; the items, their nesting and order come back.
    const lists = (b: PMNode) =>
      b.content!.filter((n) => n.type.endsWith('List')).map((n) => JSON.stringify(n.content, ['type', 'content', 'text']).replaceAll('bulletList', 'orderedList'));
    const joined = (l: string[]) => l.join('').replaceAll('][', ',');
    expect(joined(lists(body))).toEqual(joined(lists(original)));
    expect(lists(body)).toHaveLength(2);
    const tables = (b: PMNode) => b.content!.filter((n) => n.type === 'table').map((t) => t.content!.map((r) => r.content!.map(texts)));
    expect(tables(body)).toEqual([
      [
        ['Group', 'Count'],
        ['Government', '3'],
        ['Spanning both'],
      ],
    ]);
    const footnotes = JSON.stringify(body).match(/"text":"(First note|Said by Jane Doe\.)"/g);
    expect(footnotes).toHaveLength(2);
    expect(JSON.stringify(body)).toContain('"href":"https://www.intgovforum.org/"');
    expect(body.content!.find((n) => n.type === 'blockquote')).toBeTruthy();
    // paragraph numbers are generated, not content
    expect(texts(body)).not.toMatch(/\[\d+\]|^\d+\.\t/m);
    expect(comments.map((c) => [c.author, c.quote])).toEqual([
      ['Jane Doe (ACME, Private sector)', 'Plain'],
      ['Kofi Mensah', 'Plain'],
      ['Kofi Mensah (Ministry of Communications, Government)', expect.stringMatching(/^italic under struck and safe link.*\nSpanning both\n\nAs Jan$/s)],
    ]);
  });
});

describe('importDocx: hostile and broken files', () => {
  it('stops a zip bomb while inflating, whatever size the entry claims', async () => {
    const bomb = zipWithClaim('word/document.xml', new Uint8Array(210 * 1024 * 1024), 4096, {
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': '<Relationships/>',
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectImportError(bomb, 'bomb');
  });

  it('refuses entity declarations', async () => {
    const doc = part(fixture(), 'word/document.xml').replace('?>', '?><!DOCTYPE w:document [<!ENTITY big "boom">]>');
    await expectImportError(patch(fixture(), { 'word/document.xml': doc }), 'entities');
  });

  it('refuses a part that lives outside the file, strips an external image with a notice', async () => {
    const rels = part(fixture(), 'word/_rels/document.xml.rels');
    const sub = rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument" Target="file:///etc/passwd" TargetMode="External"/></Relationships>',
    );
    await expectImportError(patch(fixture(), { 'word/_rels/document.xml.rels': sub }), 'external');
    const img = rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://tracker.example/pixel.png" TargetMode="External"/></Relationships>',
    );
    const { notices } = await importDocx(patch(fixture(), { 'word/_rels/document.xml.rels': img }));
    expect(notices).toEqual(['Linked content outside the file (external images, templates or objects) was ignored.']);
  });

  it('drops images with a notice', async () => {
    const bytes = await exportDocx(inputOf([draft(richBody())]));
    // the drawing's namespaces, those the export does not declare already
    const namespaces = Object.entries({
      wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
      a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
      pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
    });
    const original = part(bytes, 'word/document.xml');
    const declarations = namespaces.filter(([prefix]) => !original.includes(` xmlns:${prefix}=`)).map(([prefix, uri]) => `xmlns:${prefix}="${uri}" `);
    const doc = original
      .replace('mc:Ignorable=', `${declarations.join('')}mc:Ignorable=`)
      .replace(
        '<w:t xml:space="preserve">The end.</w:t></w:r>',
        '<w:t xml:space="preserve">The end.</w:t></w:r><w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1" descr="logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
      );
    const rels = part(bytes, 'word/_rels/document.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
    );
    const withImage = patch(bytes, { 'word/document.xml': doc, 'word/_rels/document.xml.rels': rels, 'word/media/image1.png': new Uint8Array([137, 80, 78, 71]) });
    const { body, notices } = await importDocx(withImage);
    expect(notices).toContain('1 image was dropped: Rapporteur documents hold text only.');
    expect(texts(body)).toContain('The end.');
  });

  it('refuses files that are not zips, truncated files, non-Word zips, old .doc files, and oversized packages', async () => {
    await expectImportError(strToU8('%PDF-1.7 this is not a docx'), 'not-zip');
    await expectImportError(new Uint8Array(0), 'not-zip');
    const full = fixture();
    await expectImportError(full.slice(0, Math.floor(full.length / 2)), 'truncated');
    // end of central directory present but the data cut short in the middle
    const cut = new Uint8Array(full);
    await expectImportError(zipWithClaim('word/document.xml', strToU8('<w:document/>'), 13).slice(0, 40), 'truncated');
    cut.fill(0, 60, 400);
    await expectImportError(cut, 'truncated');
    await expectImportError(zipSync({ 'hello.txt': strToU8('hi') }), 'not-docx');
    await expectImportError(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'not-docx');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1001; i++) many[`p${i}.xml`] = strToU8('<x/>');
    await expectImportError(zipSync(many), 'too-large');
    await expectImportError(new Uint8Array(26 * 1024 * 1024), 'too-large');
  });
});

describe('importDocx: tighter than mammoth on its own', () => {
  const docRels = () => part(fixture(), 'word/_rels/document.xml.rels');
  const withBody = (inner: string) => {
    const original = part(fixture(), 'word/document.xml');
    return original.replace(/<w:body>/, `<w:body>${inner}`);
  };

  it('vets every relationship, however its end tag is spelled', async () => {
    for (const close of ['</Relationship >', '</Relationship\n>', '</Relationship>']) {
      const rels = docRels().replace(
        '</Relationships>',
        `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument" Target="file:///etc/passwd" TargetMode="External">${close}</Relationships>`,
      );
      await expectImportError(patch(fixture(), { 'word/_rels/document.xml.rels': rels }), 'external');
    }
    // single quotes and attributes in any order
    const rels = docRels().replace('</Relationships>', `<Relationship TargetMode = 'External' Target='file:///x' Type='http://x/relationships/subDocument' Id='rIdZ'/></Relationships>`);
    await expectImportError(patch(fixture(), { 'word/_rels/document.xml.rels': rels }), 'external');
  });

  it('imports a Word file with a picture linked from the web: the picture is dropped with a notice', async () => {
    const drawing =
      '<w:p><w:r><w:t>Before the picture.</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1"/>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rIdWeb"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const rels = docRels().replace(
      '</Relationships>',
      '<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://tracker.example/pixel.png" TargetMode="External"/></Relationships>',
    );
    const { body, notices } = await importDocx(patch(fixture(), { 'word/document.xml': withBody(drawing), 'word/_rels/document.xml.rels': rels }));
    expect(notices).toContain('Linked content outside the file (external images, templates or objects) was ignored.');
    expect(texts(body)).toContain('Before the picture.');
  });

  it('strips control characters, NUL, U+FFFF and lone surrogates from the body, footnotes and comments', async () => {
    const dirty = '<w:p><w:r><w:t>a&#x1;b&#x8;c\uFFFFd&#xFFFE;e\u{1F600}f</w:t></w:r></w:p>';
    const { body } = await importDocx(patch(fixture(), { 'word/document.xml': withBody(dirty) }));
    const all = texts(body);
    expect(all).toContain('abcde\u{1F600}f');
    expect(cleanText(all)).toBe(all);
  });

  it('keeps tables nested past the limit as their text', async () => {
    let inner = '<w:p><w:r><w:t>deepest</w:t></w:r></w:p>';
    for (let d = 6; d >= 1; d--) inner = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>table ${d}</w:t></w:r></w:p>${inner}<w:p/></w:tc></w:tr></w:tbl>`;
    const { body } = await importDocx(patch(fixture(), { 'word/document.xml': withBody(inner) }));
    expect(() => rapporteurSchema().nodeFromJSON(body).check()).not.toThrow();
    const depth = (n: PMNode): number => (n.type === 'table' ? 1 : 0) + Math.max(0, ...(n.content ?? []).map(depth));
    expect(depth(body)).toBe(3);
    for (const t of ['table 1', 'table 4', 'table 6', 'deepest']) expect(texts(body)).toContain(t);
  });
});
