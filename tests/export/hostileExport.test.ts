// Hostile documents on the way out: a list nested far deeper than Word allows, exported with a table of contents,
// and tables nested inside tables, must export quickly to a file an independent reader (python-docx) opens.
import { describe, it, expect } from 'vitest';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { draft, inputOf, partText, readDocx, unzipAll } from './helpers';

const para = (text: string): PMNode => ({ type: 'paragraph', attrs: { bid: null }, content: [{ type: 'text', text }] });

/** A bullet list nested `depth` levels deep, one item per level. */
export function deepList(depth: number): PMNode {
  let list: PMNode = { type: 'bulletList', content: [{ type: 'listItem', content: [para(`level ${depth}`)] }] };
  for (let d = depth - 1; d >= 1; d--) list = { type: 'bulletList', content: [{ type: 'listItem', content: [para(`level ${d}`), list] }] };
  return list;
}

/** A table nested `depth` levels deep: each table's only cell holds a paragraph and the next table. */
export function nestedTables(depth: number): PMNode {
  const cell = (content: PMNode[]): PMNode => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content });
  let table: PMNode = { type: 'table', content: [{ type: 'tableRow', content: [cell([para(`table ${depth}`)])] }] };
  for (let d = depth - 1; d >= 1; d--) table = { type: 'table', content: [{ type: 'tableRow', content: [cell([para(`table ${d}`), table])] }] };
  return table;
}

const heading = (text: string): PMNode => ({ type: 'heading', attrs: { level: 1, bid: null }, content: [{ type: 'text', text }] });

describe('hostile export', () => {
  it('exports a 200-level list with a table of contents in bounded time, flattened to Word\'s 9 levels', async () => {
    const body: PMNode = { type: 'doc', content: [heading('Before'), deepList(200), heading('After')] };
    const started = Date.now();
    const bytes = await exportDocx(inputOf([draft(body)]), { toc: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    const read = readDocx(bytes);
    expect(read.xmlOk).toBe(true);
    const items = read.paragraphs.filter((p) => /^level \d+$/.test(p.text));
    expect(items).toHaveLength(200);
    expect(Math.max(...items.map((p) => p.ilvl ?? 0))).toBe(8);
  }, 60_000);

  it('exports tables nested 100 deep to a file python-docx reads, deeper tables as their text', async () => {
    const body: PMNode = { type: 'doc', content: [nestedTables(100), para('after')] };
    const bytes = await exportDocx(inputOf([draft(body)]), {});
    // python-docx refused the file before ("Excessive depth" from its XML parser)
    const read = readDocx(bytes);
    expect(read.xmlOk).toBe(true);
    expect(read.tables[0].rows[0][0]).toContain('table 1');
    const xml = unzipAll(bytes)['word/document.xml'];
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    const text = partText(xml);
    for (const n of [1, 3, 4, 50, 100]) expect(text).toContain(`table ${n}`);
    expect(text).toContain('after');
  }, 60_000);
});
