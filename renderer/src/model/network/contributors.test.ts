import { describe, expect, it } from 'vitest';
import { contributorsList, type ContributorPerson } from './contributors';

const people: Record<string, ContributorPerson> = {
  ana: { id: 'ana', name: 'Ana Ruiz', organisation: 'Red Mujeres', region: 'latin-american-caribbean' },
  ben: { id: 'ben', name: 'Ben Okoye', organisation: 'Ministry of ICT', region: 'african' },
  cho: { id: 'cho', name: 'Cho Min', organisation: 'Asia Foundation', region: 'asia-pacific' },
};
const stakeholderOf: Record<string, string> = { c1: 'ana', c2: 'ben', c3: 'cho', c4: 'ana', c5: 'ben-dup', c6: '' };
const base = {
  stakeholderOf: (id: string) => stakeholderOf[id],
  // a merged duplicate resolves to the entry it was merged into
  person: (id: string) => (id === 'ben-dup' ? people.ben : (people[id] ?? null)),
  doNotName: new Set<string>(),
};

describe('the generated contributors list', () => {
  it('lists everyone who contributed to the query or is cited, once each, sorted by organisation', () => {
    const rows = contributorsList({ ...base, queryContributions: ['c1', 'c2', 'c4'], cited: ['c3', 'c1'] });
    expect(rows.map((r) => [r.organisation, r.name, r.region, r.cited])).toEqual([
      ['Asia Foundation', 'Cho Min', 'asia-pacific', true],
      ['Ministry of ICT', 'Ben Okoye', 'african', false],
      ['Red Mujeres', 'Ana Ruiz', 'latin-american-caribbean', true],
    ]);
    expect(rows.find((r) => r.stakeholderId === 'ana')!.contributions).toEqual(['c1', 'c4']);
  });

  it('withholds the name of a contributor marked "do not name" but keeps organisation and region', () => {
    const rows = contributorsList({ ...base, queryContributions: ['c1', 'c2'], cited: [], doNotName: new Set(['ana']) });
    expect(rows.find((r) => r.stakeholderId === 'ana')).toMatchObject({ name: null, organisation: 'Red Mujeres', region: 'latin-american-caribbean' });
    expect(rows.find((r) => r.stakeholderId === 'ben')!.name).toBe('Ben Okoye');
  });

  it('follows merges (one row per person; the flag on either id counts) and skips unattributed or unknown contributions', () => {
    const rows = contributorsList({ ...base, queryContributions: ['c2', 'c5', 'c6', 'missing'], cited: ['c5'], doNotName: new Set(['ben-dup']) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stakeholderId: 'ben', name: null, cited: true, contributions: ['c2', 'c5'] });
  });

  it('keeps itself current: it is a function of the citations, so removing a citation updates it', () => {
    const input = { ...base, queryContributions: ['c1'] };
    expect(contributorsList({ ...input, cited: ['c3'] }).map((r) => r.stakeholderId)).toEqual(['cho', 'ana']);
    expect(contributorsList({ ...input, cited: [] }).map((r) => r.stakeholderId)).toEqual(['ana']);
  });
});
