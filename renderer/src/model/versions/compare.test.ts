import { describe, expect, it } from 'vitest';
import type { PMNode } from '../bodyJson';
import { compareBodies, type BlockChange, type InlinePart } from './compare';

const t = (text: string, marks?: PMNode['marks']): PMNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (bid: string | null, ...content: Array<string | PMNode>): PMNode => ({
  type: 'paragraph',
  attrs: { bid },
  ...(content.length ? { content: content.map((c) => (typeof c === 'string' ? t(c) : c)) } : {}),
});
const h = (bid: string, level: number, text: string): PMNode => ({ type: 'heading', attrs: { bid, level }, content: [t(text)] });
const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content });
const row = (...cells: PMNode[]): PMNode => ({ type: 'tableRow', content: cells.map((c) => ({ type: 'tableCell', content: [c] })) });

const text = (parts: InlinePart[], kind: InlinePart['kind']) => parts.filter((x) => x.kind === kind && !x.boundary).map((x) => x.text).join('');
const changed = (entries: BlockChange[]) => entries.filter((e) => e.kind !== 'unchanged');

const BASE = [
  h('h1', 1, 'Introduction'),
  p('a', 'The council adopted the plan in March after a long debate.'),
  p('b', 'Members asked for a review of the budget lines.'),
  h('h2', 1, 'Findings'),
  h('h21', 2, 'Water'),
  p('c', 'Water supply remains the main concern for rural districts.'),
  p('d', 'Three districts reported shortages during the dry season.'),
];

describe('compareBodies', () => {
  it('finds nothing between equal bodies', () => {
    const r = compareBodies(doc(...BASE), doc(...structuredClone(BASE)));
    expect(changed(r.entries)).toEqual([]);
    expect(r.sections).toEqual([]);
    expect(r.entries).toHaveLength(7);
  });

  it('marks inserted and deleted words inside an edited paragraph, with the section summary', () => {
    const next = structuredClone(BASE);
    next[5] = p('c', 'Water supply remains the first concern for all rural districts.');
    const r = compareBodies(doc(...BASE), doc(...next));
    const [e] = changed(r.entries);
    expect(e.kind).toBe('edited');
    expect(text(e.parts, 'del')).toBe('main');
    expect(e.parts.filter((x) => x.kind === 'ins').map((x) => x.text)).toEqual(['first', 'all ']);
    // reading same+del gives the old text, same+ins the new one
    expect(e.parts.filter((x) => x.kind !== 'ins').map((x) => x.text).join('')).toBe('Water supply remains the main concern for rural districts.');
    expect(e.parts.filter((x) => x.kind !== 'del').map((x) => x.text).join('')).toBe('Water supply remains the first concern for all rural districts.');
    expect(r.sections).toEqual([{ section: '2.1', title: 'Water', changed: 1, first: 5 }]);
    expect(r.stats.edited).toBe(1);
  });

  it('reads a replacement as one deletion then one insertion', () => {
    const [e] = changed(compareBodies(doc(p('a', 'Most report a shortage of trained staff.')), doc(p('a', 'Most report a severe lack of trained staff.'))).entries);
    expect(e.parts.map((x) => [x.kind, x.text])).toEqual([
      ['same', 'Most report a '],
      ['del', 'shortage'],
      ['ins', 'severe lack'],
      ['same', ' of trained staff.'],
    ]);
  });

  it('shows a formatting change as the old run deleted and the new one inserted', () => {
    const next = structuredClone(BASE);
    next[1] = p('a', 'The council adopted the ', t('plan', [{ type: 'bold' }]), ' in March after a long debate.');
    const [e] = changed(compareBodies(doc(...BASE), doc(...next)).entries);
    expect(e.parts.find((x) => x.kind === 'ins')).toEqual({ kind: 'ins', text: 'plan', marks: [{ type: 'bold' }] });
    expect(e.parts.find((x) => x.kind === 'del')).toEqual({ kind: 'del', text: 'plan' });
  });

  it('recognises a split: the old text spread over the block that kept the id and a new one', () => {
    const next = structuredClone(BASE);
    next.splice(1, 1, p('a', 'The council adopted the plan in March'), p('new1', 'after a long debate.'));
    const r = compareBodies(doc(...BASE), doc(...next));
    const es = changed(r.entries);
    expect(es.map((e) => e.kind)).toEqual(['split', 'split']);
    expect(es[0].badges).toContainEqual({ type: 'split', parts: 2 });
    expect(es[0].parts.at(-1)).toMatchObject({ kind: 'ins', boundary: true });
    expect(text(es[0].parts, 'same')).toBe('The council adopted the plan in March');
    expect(text(es[1].parts, 'same')).toBe('after a long debate.');
    expect(text(es[0].parts, 'del') + text(es[1].parts, 'del')).toBe(' ');
    expect(r.stats).toMatchObject({ split: 1, inserted: 0, deleted: 0 });
    expect(r.sections).toEqual([{ section: '1', title: 'Introduction', changed: 1, first: 1 }]);
  });

  it('recognises a split where the first half got the new id (Enter near the start)', () => {
    const next = structuredClone(BASE);
    next.splice(6, 1, p('fresh', 'Three districts '), p('d', 'reported shortages during the dry season.'));
    const es = changed(compareBodies(doc(...BASE), doc(...next)).entries);
    expect(es.map((e) => e.kind)).toEqual(['split', 'split']);
    expect(es.every((e) => !e.parts.some((x) => x.kind === 'del' || (x.kind === 'ins' && !x.boundary)))).toBe(true);
  });

  it('recognises a join: two old paragraphs now one, with the deleted break between them', () => {
    const next = structuredClone(BASE);
    next.splice(1, 2, p('a', 'The council adopted the plan in March after a long debate. Members asked for a review of the budget lines.'));
    const r = compareBodies(doc(...BASE), doc(...next));
    const es = changed(r.entries);
    expect(es).toHaveLength(1);
    expect(es[0].kind).toBe('joined');
    expect(es[0].badges).toContainEqual({ type: 'joined', parts: 2 });
    const boundary = es[0].parts.findIndex((x) => x.boundary);
    expect(es[0].parts[boundary]).toMatchObject({ kind: 'del', boundary: true });
    expect(text(es[0].parts, 'ins')).toBe(' ');
    expect(es[0].joinedFrom?.map((n) => n.attrs?.bid)).toEqual(['a', 'b']);
    expect(r.stats).toMatchObject({ joined: 1, deleted: 0 });
  });

  it('recognises a paragraph moved to another section, and names where it came from', () => {
    const next = [BASE[0], BASE[2], BASE[3], BASE[4], BASE[5], BASE[1], BASE[6]];
    const r = compareBodies(doc(...BASE), doc(...next));
    const es = changed(r.entries);
    const moved = es.find((e) => e.kind === 'moved')!;
    expect(moved.node.attrs?.bid).toBe('a');
    expect(moved.badges).toContainEqual({ type: 'movedFrom', section: '1', title: 'Introduction' });
    expect(moved.section).toBe('2.1');
    const away = es.find((e) => e.kind === 'movedAway')!;
    expect(away.badges).toContainEqual({ type: 'movedTo', section: '2.1', title: 'Water' });
    expect(r.stats).toMatchObject({ moved: 1, edited: 0, inserted: 0, deleted: 0 });
    expect(r.sections).toEqual([{ section: '2.1', title: 'Water', changed: 1, first: r.entries.indexOf(moved) }]);
  });

  it('does not call blocks moved when only the numbering above them changed', () => {
    const next = [BASE[0], p('x', 'A brand new paragraph about governance.'), h('hx', 1, 'Context'), ...BASE.slice(1)];
    const r = compareBodies(doc(...BASE), doc(...next));
    expect(changed(r.entries).map((e) => e.kind)).toEqual(['inserted', 'inserted']);
    expect(r.stats.moved).toBe(0);
  });

  it('shows a heading level change and a paragraph turned into a heading', () => {
    const next = structuredClone(BASE);
    next[4] = h('h21', 3, 'Water');
    next[2] = h('b', 2, 'Members asked for a review of the budget lines.');
    const r = compareBodies(doc(...BASE), doc(...next));
    const es = changed(r.entries);
    expect(es.map((e) => e.kind)).toEqual(['typeChanged', 'typeChanged']);
    expect(es[0].badges).toEqual([{ type: 'typeChanged', from: 'paragraph', to: 'heading', level: 2 }]);
    expect(es[1].badges).toEqual([{ type: 'headingLevel', from: 2, to: 3 }]);
    expect(r.stats.typeChanged).toBe(2);
  });

  it('shows a table row added and one removed', () => {
    const table = (...rows: PMNode[]): PMNode => ({ type: 'table', content: rows });
    const r1 = row(p('k1', 'Region'), p('v1', 'Shortage'));
    const r2 = row(p('k2', 'North'), p('v2', 'Severe'));
    const r3 = row(p('k3', 'South'), p('v3', 'Mild'));
    const r4 = row(p('k4', 'East'), p('v4', 'None reported'));
    const r = compareBodies(doc(h('h1', 1, 'Data'), table(r1, r2, r3)), doc(h('h1', 1, 'Data'), table(r1, r2, r4)));
    const es = changed(r.entries);
    const added = es.filter((e) => e.kind === 'inserted');
    const removed = es.filter((e) => e.kind === 'deleted');
    expect(added.map((e) => text(e.parts, 'ins'))).toEqual(['East', 'None reported']);
    expect(added[0].badges).toEqual([{ type: 'rowAdded' }]);
    expect(added[0].context.table).toMatchObject({ row: 2, cell: 0 });
    expect(removed[0].badges).toEqual([{ type: 'rowRemoved' }]);
    expect(r.stats).toMatchObject({ rowsAdded: 1, rowsRemoved: 1 });
  });

  it('aligns blocks without ids by their text', () => {
    const old = doc(p(null, 'First paragraph of the annex text.'), p(null, 'Second paragraph is about budgets and plans.'), p(null, 'Third one closes.'));
    const neu = doc(p(null, 'First paragraph of the annex text.'), p(null, 'Second paragraph is about the budgets and plans.'), p(null, 'Third one closes.'));
    const es = changed(compareBodies(old, neu).entries);
    expect(es.map((e) => e.kind)).toEqual(['edited']);
    expect(text(es[0].parts, 'ins')).toBe('the ');
  });

  it('keeps inline atoms (footnotes) as one token each', () => {
    const fn = (text: string): PMNode => ({ type: 'footnote', attrs: { text } });
    const old = doc(p('a', 'Rates fell', fn('Source: survey 2023'), ' sharply.'));
    const neu = doc(p('a', 'Rates fell', fn('Source: survey 2024'), ' sharply.'));
    const [e] = changed(compareBodies(old, neu).entries);
    expect(e.parts.filter((x) => x.node).map((x) => [x.kind, x.text])).toEqual([
      ['del', '[Source: survey 2023]'],
      ['ins', '[Source: survey 2024]'],
    ]);
  });
});
