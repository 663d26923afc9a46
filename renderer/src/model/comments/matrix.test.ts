import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docBody, type PMNode } from '../bodyJson';
import { appendJSONToBody } from '../bodyWrite';
import { addStakeholder } from '../stakeholders';
import { createAnchor } from './anchor';
import { buildBodyIndex } from './bodyIndex';
import { addThread, readThreads, setDisposition } from './commentsDoc';
import { setResponse } from './responseWrite';
import { filterRows, groupRows, matrixRows, MATRIX_COLUMNS, sortRows, type MatrixRow } from './matrix';
import type { Actor } from './threadTypes';
import { englishT } from '../../i18n/en';

const ed: Actor = { id: 'ed', name: 'Ed', role: 'editor' };

function setup() {
  const doc = new Y.Doc();
  const p = (bid: string, text: string): PMNode => ({ type: 'paragraph', attrs: { bid }, content: [{ type: 'text', text }] });
  appendJSONToBody(doc, {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { bid: 'h1', level: 1 }, content: [{ type: 'text', text: 'Access' }] },
      p('a', 'Connectivity is a precondition.'),
      p('b', 'Community networks deserve support.'),
      { type: 'heading', attrs: { bid: 'h2', level: 2 }, content: [{ type: 'text', text: 'Rights' }] },
      p('c', 'Privacy matters online.'),
    ],
  });
  const ws = new Y.Doc();
  const ana = addStakeholder(ws, { name: 'Ana Ávila', organisation: 'Red Comunitaria', group: 'civil-society', region: 'latin-american-caribbean', gender: 'woman', themes: [] });
  const gov = addStakeholder(ws, { name: 'Min. of ICT', organisation: 'Government of X', group: 'government', region: 'african', themes: [] });
  const comments = new Y.Doc();
  const index = buildBodyIndex(docBody(doc));
  const on = (bid: string, from: number, to: number) => {
    const b = index.blocks.find((x) => x.bid === bid)!;
    return createAnchor(index, b.contentStart + from, b.contentStart + to);
  };
  const t1 = addThread(comments, { anchor: on('c', 0, 7), type: 'substantive', body: 'Add data protection.', purpose: 'stakeholder', stakeholder: ana }, ed, { now: 1 });
  const t2 = addThread(comments, { anchor: on('a', 0, 12), type: 'editorial', body: 'Typo here.', proposedWording: 'Connectivity', purpose: 'stakeholder', stakeholder: gov }, ed, { now: 2 });
  const t3 = addThread(comments, { anchor: null, type: 'general', body: 'Overall good.', purpose: 'stakeholder', stakeholder: ana }, ed, { now: 3 });
  const t4 = addThread(comments, { anchor: on('b', 10, 18), type: 'substantive', body: 'Internal note', purpose: 'annotation' }, ed, { now: 4 });
  const t5 = addThread(comments, { anchor: on('a', 16, 30), type: 'substantive', body: 'Same as #2', purpose: 'stakeholder', stakeholder: gov }, ed, { now: 5 });
  setDisposition(comments, t1, { value: 'accepted' }, ed);
  setDisposition(comments, t5, { value: 'duplicate', duplicateOf: t2 }, ed);
  setResponse(comments, t1, 'Added in para 3.', ed);
  // delete the text t4 is on
  const tb = index.blocks.find((x) => x.bid === 'b')!.element.get(0) as Y.XmlText;
  tb.delete(8, 14);
  const rows = matrixRows(readThreads(comments), buildBodyIndex(docBody(doc)), englishT);
  return { rows, ids: { t1, t2, t3, t4, t5 } };
}

const numbers = (rows: MatrixRow[]) => rows.map((r) => r.number);

describe('comment matrix', () => {
  it('has one row per comment with location, attribution and decision', () => {
    const { rows, ids } = setup();
    expect(rows.map((r) => [r.number, r.location, r.commenter, r.group, r.region, r.type, r.disposition, r.duplicateOfNumber])).toEqual([
      [1, 'para 3, § 1.1', 'Ana Ávila', 'civil-society', 'latin-american-caribbean', 'substantive', 'accepted', null],
      [2, 'para 1, § 1', 'Min. of ICT', 'government', 'african', 'editorial', 'open', null],
      [3, 'whole document', 'Ana Ávila', 'civil-society', 'latin-american-caribbean', 'general', 'open', null],
      [4, 'on deleted text', 'Ed', '', '', 'substantive', 'open', null],
      [5, 'para 1, § 1', 'Min. of ICT', 'government', 'african', 'substantive', 'duplicate', 2],
    ]);
    expect(rows[0]).toMatchObject({ id: ids.t1, quote: 'Privacy', comment: 'Add data protection.', response: 'Added in para 3.', organisation: 'Red Comunitaria', gender: 'woman' });
    expect(rows[3]).toMatchObject({ status: 'deleted', quote: 'networks', para: null });
  });

  it('sorts by every column, stably, with unlocated rows last for para and section', () => {
    const { rows } = setup();
    for (const column of MATRIX_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = sortRows(rows, { column, direction });
        expect(sorted).toHaveLength(rows.length);
        expect(new Set(sorted.map((r) => r.id)).size).toBe(rows.length);
      }
    }
    expect(numbers(sortRows(rows, { column: 'para' }))).toEqual([2, 5, 1, 3, 4]);
    expect(numbers(sortRows(rows, { column: 'para', direction: 'desc' }))).toEqual([1, 5, 2, 3, 4]);
    expect(numbers(sortRows(rows, { column: 'section', direction: 'desc' }))).toEqual([1, 5, 2, 3, 4]);
    expect(numbers(sortRows(rows, { column: 'commenter' }))).toEqual([1, 3, 4, 2, 5]);
    expect(numbers(sortRows(rows, { column: 'group' }))).toEqual([2, 5, 1, 3, 4]);
    expect(numbers(sortRows(rows, [{ column: 'type' }, { column: 'number', direction: 'desc' }]))).toEqual([3, 5, 4, 1, 2]);
    expect(numbers(sortRows(rows, { column: 'disposition' }))).toEqual([2, 3, 4, 1, 5]);
  });

  it('filters by every kind of column and by free text', () => {
    const { rows } = setup();
    expect(numbers(filterRows(rows, { group: ['government'] }))).toEqual([2, 5]);
    expect(numbers(filterRows(rows, { disposition: 'open', purpose: 'stakeholder' }))).toEqual([2, 3]);
    expect(numbers(filterRows(rows, { para: { min: 2 } }))).toEqual([1]);
    expect(numbers(filterRows(rows, { para: 1 }))).toEqual([2, 5]);
    expect(numbers(filterRows(rows, { section: '1' }))).toEqual([1, 2, 5]);
    expect(numbers(filterRows(rows, { section: '1.1' }))).toEqual([1]);
    expect(numbers(filterRows(rows, { commenter: 'avila' }))).toEqual([1, 3]);
    expect(numbers(filterRows(rows, { text: 'PROTECTION' }))).toEqual([1]);
    expect(numbers(filterRows(rows, { text: 'para 3' }))).toEqual([1]);
    expect(numbers(filterRows(rows, { resolved: false, type: [] }))).toEqual([1, 2, 3, 4, 5]);
    expect(numbers(filterRows(rows, { region: ['african'], type: 'editorial' }))).toEqual([2]);
  });

  it('groups by commenter (the stakeholder, even across organisations spelled alike) and by any column', () => {
    const { rows } = setup();
    expect(groupRows(rows, 'commenter', englishT).map((g) => [g.label, numbers(g.rows)])).toEqual([
      ['Ana Ávila', [1, 3]],
      ['Min. of ICT', [2, 5]],
      ['Ed', [4]],
    ]);
    expect(groupRows(rows, 'group', englishT).map((g) => [g.label, g.rows.length])).toEqual([
      ['Civil society', 2],
      ['Government', 2],
      ['', 1],
    ]);
  });
});
