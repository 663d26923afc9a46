import { describe, expect, it } from 'vitest';
import { rankExperts, WEIGHTS } from './experts';
import { TestWorkspace } from './testWorkspace';
import { deleteStakeholder, mergeStakeholders } from '../stakeholders';

function network() {
  const w = new TestWorkspace();
  const ana = w.person({ name: 'Ana Silva', group: 'civil-society', region: 'latin-american-caribbean', themes: ['Women in politics'], languages: ['Portuguese', 'Spanish'] });
  const ben = w.person({ name: 'Ben Okafor', group: 'government', region: 'african', themes: [], languages: ['English'] });
  const cai = w.person({ name: 'Cai Wen', group: 'academia', region: 'asia-pacific', themes: ['Youth'], languages: ['Chinese', 'English'] });
  const dia = w.person({ name: 'Día Pérez', group: 'civil-society', region: 'latin-american-caribbean', themes: [], languages: ['Español'] });
  const eve = w.person({ name: 'Eve Ruiz', group: 'academia', region: 'latin-american-caribbean', themes: ['women in POLITICS'], languages: ['Spanish'] });
  // evidence on "Women in politics"
  w.contribution('Quotas', dia, '2025-03-01', ['Women in politics']);
  w.contribution('Lists', dia, '2025-03-02', ['Women in politics']);
  w.contribution('Finance', dia, '2025-03-03', ['Women in politics']);
  w.contribution('Youth votes', cai, '2025-03-03', ['Youth']);
  const webinar = w.meeting('Webinar', '2025-03-12', ['Women in politics'], { participants: [ben, ana] });
  const consult = w.consultation('Draft messages', '2025-03-01', '2025-03-30');
  w.doc({ kind: 'draft', title: 'Themed draft', subtype: 'messages', date: '2025-03-01' }, { themes: ['Women in politics'] });
  const themed = w.metas().find((m) => m.title === 'Themed draft')!.id;
  w.comment(themed, 't1', ben, 1);
  w.comment(themed, 't2', ben, 2);
  w.comment(consult, 't3', cai, 3); // consultation without the theme: not evidence
  return { w, ids: { ana, ben, cai, dia, eve, webinar, themed } };
}

const input = (w: TestWorkspace) => ({ stakeholders: w.stakeholders(), rows: w.rows(), comments: w.comments });

describe('expert ranking', () => {
  it('ranks by declared expertise and evidence on the theme, with the evidence as links', () => {
    const { w, ids } = network();
    const found = rankExperts({ theme: 'Women in politics' }, input(w));
    expect(found.map((r) => [r.stakeholder.name, r.score])).toEqual([
      ['Ana Silva', WEIGHTS.declared + WEIGHTS.meeting], // 7
      ['Eve Ruiz', WEIGHTS.declared], // 6: declared expertise wins the tie
      ['Día Pérez', 3 * WEIGHTS.contribution], // 6
      ['Ben Okafor', 2 * WEIGHTS.comment + WEIGHTS.meeting], // 3
    ]);
    const ben = found.find((r) => r.stakeholder.id === ids.ben)!;
    expect(ben.declared).toBe(false);
    expect(ben.comments.map((c) => [c.docId, c.threadId])).toEqual([[ids.themed, 't1'], [ids.themed, 't2']]);
    expect(ben.meetings).toEqual([{ docId: ids.webinar, title: 'Webinar' }]);
    expect(found.find((r) => r.stakeholder.id === ids.dia)!.contributions.map((c) => c.title)).toEqual(['Finance', 'Lists', 'Quotas']);
    // Cai has nothing on this theme (a comment on an unthemed consultation is not evidence)
    expect(found.some((r) => r.stakeholder.id === ids.cai)).toBe(false);
  });

  it('filters by region, group and language; themes and languages match without case or accents', () => {
    const { w } = network();
    const names = (q: Parameters<typeof rankExperts>[0]) => rankExperts(q, input(w)).map((r) => r.stakeholder.name);
    expect(names({ theme: 'women in politics', region: 'latin-american-caribbean' })).toEqual(['Ana Silva', 'Eve Ruiz', 'Día Pérez']);
    expect(names({ theme: 'Women in politics', region: 'latin-american-caribbean', group: 'academia' })).toEqual(['Eve Ruiz']);
    expect(names({ theme: 'Women in politics', language: 'spanish' })).toEqual(['Ana Silva', 'Eve Ruiz']);
    expect(names({ language: 'espanol' })).toEqual(['Día Pérez']);
    expect(names({ theme: 'Youth' })).toEqual(['Cai Wen']);
    expect(names({ theme: 'Water' })).toEqual([]);
    // no theme: everyone matching the filters, by name
    expect(names({ region: 'african' })).toEqual(['Ben Okafor']);
  });

  it('counts a merged duplicate’s evidence for the kept entry and leaves out removed entries', () => {
    const { w, ids } = network();
    const dup = w.person({ name: 'B. Okafor', group: 'government', region: 'african' });
    w.contribution('Budget', dup, '2025-03-09', ['Women in politics']);
    mergeStakeholders(w.ws, ids.ben, dup);
    deleteStakeholder(w.ws, ids.eve);
    const found = rankExperts({ theme: 'Women in politics' }, input(w));
    expect(found.map((r) => r.stakeholder.name)).toEqual(['Ana Silva', 'Día Pérez', 'Ben Okafor']);
    expect(found[2].contributions.map((c) => c.title)).toEqual(['Budget']);
    expect(found[2].score).toBe(WEIGHTS.contribution + 2 * WEIGHTS.comment + WEIGHTS.meeting);
  });
});
