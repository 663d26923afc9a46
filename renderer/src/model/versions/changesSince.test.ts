import { describe, expect, it } from 'vitest';
import type { PMNode } from '../bodyJson';
import { rapporteurSchema } from '../../schema/schema';
import { markChangesSince } from './changesSince';
import { canonicalBody, resolveSuggestions } from './resolveSuggestions';

const t = (text: string, marks?: PMNode['marks']): PMNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (bid: string, ...content: Array<string | PMNode>): PMNode => ({
  type: 'paragraph',
  attrs: { bid },
  ...(content.length ? { content: content.map((c) => (typeof c === 'string' ? t(c) : c)) } : {}),
});
const h = (bid: string, level: number, text: string): PMNode => ({ type: 'heading', attrs: { bid, level }, content: [t(text)] });
const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content });
const list = (...items: PMNode[]): PMNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [i] })) });
const table = (...rows: PMNode[][]): PMNode => ({ type: 'table', content: rows.map((cells) => ({ type: 'tableRow', content: cells.map((c) => ({ type: 'tableCell', content: [c] })) })) });
const BY = { authorId: 'author-1234567890', authorName: 'Ana Rapporteur', at: Date.UTC(2026, 2, 1) };

const OLD = doc(
  h('h1', 1, 'Introduction'),
  p('a', 'The council adopted the plan in March after a long debate.'),
  p('b', 'Members asked for a review of the ', t('budget', [{ type: 'bold' }]), ' lines.'),
  p('c', 'A short paragraph that will be deleted entirely.'),
  h('h2', 1, 'Findings'),
  h('h21', 2, 'Water'),
  p('d', 'Water supply remains the main concern for rural districts.'),
  p('e', 'Three districts reported shortages during the dry season.'),
  list(p('l1', 'First point on the list.'), p('l2', 'Second point on the list.')),
  table([p('k1', 'Region'), p('v1', 'Shortage')], [p('k2', 'North'), p('v2', 'Severe')]),
  p('f', 'Closing remarks of the report.'),
);

const CASES: Array<[string, PMNode]> = [
  ['word edits and a formatting change', doc(
    h('h1', 1, 'Introduction'),
    p('a', 'The council finally adopted the plan in April after a debate.'),
    p('b', 'Members asked for a review of the ', t('budget', [{ type: 'italic' }]), ' lines.'),
    ...OLD.content!.slice(3),
  )],
  ['a paragraph deleted, one inserted, a heading level changed', doc(
    ...OLD.content!.slice(0, 3),
    h('h2', 1, 'Findings'),
    p('n1', 'A new paragraph written after the consultation.'),
    h('h21', 3, 'Water'),
    ...OLD.content!.slice(6),
  )],
  ['a split and a join', doc(
    h('h1', 1, 'Introduction'),
    p('n2', 'The council adopted the plan'),
    p('a', 'in March after a long debate.'),
    ...OLD.content!.slice(2, 6),
    p('d', 'Water supply remains the main concern for rural districts. Three districts reported shortages during the dry season.'),
    ...OLD.content!.slice(8),
  )],
  ['a paragraph moved to another section and one turned into a heading', doc(
    h('h1', 1, 'Introduction'),
    p('b', 'Members asked for a review of the ', t('budget', [{ type: 'bold' }]), ' lines.'),
    h('c', 2, 'A short paragraph that will be deleted entirely.'),
    ...OLD.content!.slice(4, 7),
    p('a', 'The council adopted the plan in March after a long debate.'),
    ...OLD.content!.slice(7),
  )],
  ['list items and table rows edited, added and removed', doc(
    ...OLD.content!.slice(0, 8),
    list(p('l1', 'First point on the revised list.'), p('l3', 'A third point.')),
    table([p('k1', 'Region'), p('v1', 'Shortage')], [p('k2', 'North'), p('v2', 'Severe')], [p('k3', 'South'), p('v3', 'Mild')]),
    p('f', 'Closing remarks of the report.'),
  )],
  ['the first block inserted and the last deleted', doc(p('z', 'A preface nobody asked for.'), ...OLD.content!.slice(0, -1))],
];

describe('markChangesSince', () => {
  for (const [name, neu] of CASES) {
    it(`round-trips: ${name} (accept all = new body, reject all = old body)`, () => {
      const { body, suggestions } = markChangesSince(OLD, neu, BY);
      // a valid body of the one schema
      expect(() => rapporteurSchema().nodeFromJSON(body).check()).not.toThrow();
      expect(suggestions.length).toBeGreaterThan(0);
      const ids = new Set<string>();
      const walk = (n: PMNode) => {
        for (const m of n.marks ?? []) if (m.type === 'insertion' || m.type === 'deletion') ids.add(String(m.attrs?.id));
        n.content?.forEach(walk);
      };
      walk(body as PMNode);
      expect([...ids].sort()).toEqual(suggestions.map((s) => s.id).sort());
      expect(suggestions[0]).toMatchObject({ authorId: BY.authorId, authorName: 'Ana Rapporteur', at: BY.at, source: 'editor' });
      // a split or join keeps the id of one half: compare block ids apart
      expect(canonicalBody(resolveSuggestions(body as PMNode, 'accept'), { dropBids: true })).toEqual(canonicalBody(neu, { dropBids: true }));
      expect(canonicalBody(resolveSuggestions(body as PMNode, 'reject'), { dropBids: true })).toEqual(canonicalBody(OLD, { dropBids: true }));
    });
  }

  it('marks nothing between equal bodies', () => {
    const { body, suggestions } = markChangesSince(OLD, structuredClone(OLD), BY);
    expect(suggestions).toEqual([]);
    expect(canonicalBody(body as PMNode)).toEqual(canonicalBody(OLD));
  });

  it('writes deleted words under a deletion mark where they were, and inserted ones under an insertion mark', () => {
    const { body } = markChangesSince(doc(p('a', 'Rates fell sharply in 2023.')), doc(p('a', 'Rates fell slightly in 2023.')), BY);
    const content = (body as PMNode).content![0].content!;
    expect(content.map((n) => [n.text, n.marks?.[0]?.type ?? null])).toEqual([
      ['Rates fell ', null],
      ['sharply', 'deletion'],
      ['slightly', 'insertion'],
      [' in 2023.', null],
    ]);
    expect(content[1].marks![0].attrs!.id).toBe(content[2].marks![0].attrs!.id);
  });
});
