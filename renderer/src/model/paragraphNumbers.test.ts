import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyToJSON, docBody, type PMNode } from './bodyJson';
import { appendJSONToBody } from './bodyWrite';
import { buildBodyIndex } from './comments/bodyIndex';
import { isEmptyParagraph, numberBlocks, numbersByBid, paragraphNumbers, paragraphNumbersByBid, SectionCounter } from './paragraphNumbers';

const p = (bid: string, text?: string): PMNode => ({ type: 'paragraph', attrs: { bid }, content: text ? [{ type: 'text', text }] : undefined });
const h = (bid: string, level: number, text: string): PMNode => ({ type: 'heading', attrs: { bid, level }, content: [{ type: 'text', text }] });
const cell = (...content: PMNode[]): PMNode => ({ type: 'tableCell', content });

const BODY: PMNode[] = [
  p('p0', 'Before any heading.'),
  h('h1', 1, 'Introduction'),
  p('p1', 'One.'),
  p('e1'),
  p('w1', '   '),
  { type: 'paragraph', attrs: { bid: 'fn' }, content: [{ type: 'footnote', attrs: { text: 'only a note' } }] },
  h('h2', 2, 'Scope'),
  { type: 'bulletList', content: [{ type: 'listItem', content: [p('li', 'A list item.')] }] },
  { type: 'blockquote', content: [p('bq', 'Quoted.')] },
  { type: 'table', content: [{ type: 'tableRow', content: [cell(p('t1', 'In a table.')), cell(h('th', 1, 'Heading in table'))] }] },
  h('h3', 3, 'Detail'),
  p('p2', 'Two.'),
  h('h4', 1, 'Findings'),
  h('h5', 3, 'Deep without parent'),
  p('p3', 'Three.'),
];

function makeDoc(content: PMNode[]): Y.Doc {
  const doc = new Y.Doc();
  appendJSONToBody(doc, { type: 'doc', content });
  return doc;
}

const numbersOf = (doc: Y.Doc) => new Map(buildBodyIndex(docBody(doc)).blocks.map((b) => [b.bid, [b.para, b.section]]));

describe('paragraph and section numbers', () => {
  it('count non-empty paragraphs outside tables, and number headings 1 / 1.1 / 1.1.1', () => {
    const doc = makeDoc(BODY);
    expect(Object.fromEntries(numbersOf(doc))).toEqual({
      p0: [1, ''],
      h1: [null, '1'],
      p1: [2, '1'],
      e1: [null, '1'],
      w1: [null, '1'],
      fn: [3, '1'],
      h2: [null, '1.1'],
      li: [null, '1.1'],
      bq: [4, '1.1'],
      t1: [null, '1.1'],
      th: [null, '1.1'],
      h3: [null, '1.1.1'],
      p2: [5, '1.1.1'],
      h4: [null, '2'],
      h5: [null, '2.0.1'],
      p3: [6, '2.0.1'],
    });
  });

  it('the Y walk and the JSON walk agree, and agree with the exporter', () => {
    const doc = makeDoc(BODY);
    const json = bodyToJSON(doc);
    const fromJSON = numberBlocks(json).map((b) => [b.bid, b.para, b.section]);
    const fromY = buildBodyIndex(docBody(doc)).blocks.map((b) => [b.bid, b.para, b.section]);
    expect(fromY).toEqual(fromJSON);
    const exporter = paragraphNumbersByBid(json);
    for (const [bid, n] of numbersByBid(numberBlocks(json))) if (n.para !== null) expect(exporter.get(bid)).toBe(n.para);
    expect(exporter.size).toBe(6);
  });

  it('stay stable while text inside paragraphs is edited; a paragraph added above shifts by one; bids survive', () => {
    const doc = makeDoc(BODY);
    const before = numbersOf(doc);
    const index = buildBodyIndex(docBody(doc));
    // type into, delete from and reformat paragraphs above p2
    const t1 = index.blocks.find((b) => b.bid === 'p1')!.element.get(0) as Y.XmlText;
    t1.insert(0, 'Much longer text now. ');
    t1.format(0, 4, { bold: true });
    const tp0 = index.blocks.find((b) => b.bid === 'p0')!.element.get(0) as Y.XmlText;
    tp0.delete(0, 7);
    expect(numbersOf(doc)).toEqual(before);
    // insert a paragraph above: everything after shifts by exactly one
    const np = new Y.XmlElement('paragraph');
    np.setAttribute('bid', 'new');
    np.insert(0, [new Y.XmlText('Inserted.')]);
    docBody(doc).insert(2, [np]);
    const after = numbersOf(doc);
    for (const [bid, [para, section]] of before) {
      const [p2, s2] = after.get(bid)!;
      expect(s2).toBe(section);
      expect(p2).toBe(para === null ? null : bid === 'p0' ? para : (para as number) + 1);
    }
    expect(after.get('new')).toEqual([2, '1']);
    // a new heading renumbers the sections after it only
    const nh = new Y.XmlElement('heading');
    nh.setAttribute('bid', 'nh');
    nh.setAttribute('level', 1 as unknown as string);
    nh.insert(0, [new Y.XmlText('New first section')]);
    docBody(doc).insert(0, [nh]);
    expect(numbersOf(doc).get('p3')).toEqual([7, '3.0.1']);
    expect(numbersOf(doc).get('p0')).toEqual([1, '1']);
  });

  it('SectionCounter resets deeper levels', () => {
    const c = new SectionCounter();
    expect([c.next(1), c.next(2), c.next(2), c.next(3), c.next(1), c.next(3), c.next(2)]).toEqual(['1', '1.1', '1.2', '1.2.1', '2', '2.0.1', '2.1']);
  });
});
const pe = (bid: string, text?: string, extra: PMNode[] = []): PMNode => ({ type: 'paragraph', attrs: { bid }, content: [...(text ? [{ type: 'text', text }] : []), ...extra] });

describe('paragraphNumbers (the app\'s "para N")', () => {
  const body: PMNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1, bid: 'h' }, content: [{ type: 'text', text: 'Heading' }] },
      pe('a', 'First'),
      pe('empty'),
      pe('space', '   ', [{ type: 'hardBreak' }]),
      pe('fn', undefined, [{ type: 'footnote', attrs: { text: 'only a note' } }]),
      { type: 'bulletList', content: [{ type: 'listItem', content: [pe('li', 'In a list'), { type: 'blockquote', content: [pe('lq', 'Quote in list')] }] }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [pe('cell', 'In a table')] }] }] },
      { type: 'blockquote', content: [pe('q', 'Quoted')] },
      pe('z', 'Last'),
    ],
  };

  it('counts non-empty paragraphs in reading order, including quotes, never lists, tables or headings', () => {
    expect(Object.fromEntries(paragraphNumbersByBid(body))).toEqual({ a: 1, fn: 2, q: 3, z: 4 });
    expect(paragraphNumbers(body).size).toBe(4);
  });

  it('treats whitespace and hard breaks as empty, a footnote as content', () => {
    expect(isEmptyParagraph(pe('x'))).toBe(true);
    expect(isEmptyParagraph(pe('x', ' \t', [{ type: 'hardBreak' }]))).toBe(true);
    expect(isEmptyParagraph(pe('x', undefined, [{ type: 'footnote', attrs: { text: '' } }]))).toBe(false);
  });
});

describe('UN style: list items under a numbered paragraph are lettered, not numbered', () => {
  const li = (...content: PMNode[]): PMNode => ({ type: 'listItem', content });
  const content: PMNode[] = [
    p('p1', 'The Group recommends:'),
    {
      type: 'orderedList',
      attrs: { start: 1 },
      content: [
        li(p('a', 'first')),
        li(p('b', 'second'), p('b2', 'more of the second'), { type: 'bulletList', content: [li(p('b-i', 'sub one')), li(p('b-ii', 'sub two'))] }),
        li(p('c', 'third')),
      ],
    },
    p('p2', 'Next paragraph.'),
    { type: 'bulletList', content: [li(p('x', 'bullet'))] },
    { type: 'table', content: [{ type: 'tableRow', content: [cell({ type: 'bulletList', content: [li(p('tl', 'in a table'))] })] }] },
  ];

  it('letters (a), (b), (c), nested (i), (ii); the main numbers do not jump; JSON and Y walks agree', () => {
    const doc = makeDoc(content);
    const labels = (blocks: Array<{ bid: string | null; para: number | null; item?: string | null }>) => blocks.map((b) => [b.bid, b.para ?? b.item ?? null]);
    const fromY = labels(buildBodyIndex(docBody(doc)).blocks);
    expect(fromY).toEqual([
      ['p1', 1],
      ['a', '(a)'],
      ['b', '(b)'],
      ['b2', null],
      ['b-i', '(i)'],
      ['b-ii', '(ii)'],
      ['c', '(c)'],
      ['p2', 2],
      ['x', '(a)'],
      ['tl', null],
    ]);
    expect(labels(numberBlocks(bodyToJSON(doc)))).toEqual(fromY);
  });
});
