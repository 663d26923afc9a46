import { describe, expect, it } from 'vitest';
import { coverage, type CoverageContribution } from './coverage';

const c = (docId: string, group: CoverageContribution['group'], region: CoverageContribution['region']): CoverageContribution => ({ docId, title: docId, group, region });

describe('coverage of a consolidated reply', () => {
  const four = [c('gov', 'government', 'african'), c('cso', 'civil-society', 'african'), c('biz', 'private-sector', 'asia-pacific'), c('uni', 'academia', 'latin-american-caribbean')];

  it('names the contributions not cited yet, and the overall share', () => {
    const cov = coverage(four, ['gov', 'cso', 'biz', 'gov']);
    expect(cov.cited.map((x) => x.docId)).toEqual(['gov', 'cso', 'biz']);
    expect(cov.notCited.map((x) => x.docId)).toEqual(['uni']);
    expect(cov.coverage).toBe(0.75);
  });

  it('gives, per group and region, how many contributions are cited and each one’s share of the citations', () => {
    const cov = coverage(four, ['gov', 'cso', 'biz', 'gov']);
    const gov = cov.byGroup.find((b) => b.key === 'government')!;
    expect(gov).toMatchObject({ contributions: 1, cited: 1, coverage: 1, citations: 2, shareOfCitations: 0.5 });
    expect(cov.byGroup.find((b) => b.key === 'academia')).toMatchObject({ contributions: 1, cited: 0, coverage: 0, citations: 0, shareOfCitations: 0 });
    const africa = cov.byRegion.find((b) => b.key === 'african')!;
    expect(africa).toMatchObject({ contributions: 2, cited: 2, coverage: 1, citations: 3, shareOfCitations: 0.75 });
    expect(cov.byRegion[0].key).toBe('african'); // most contributions first
    expect(cov.byGroup.reduce((s, b) => s + b.shareOfCitations, 0)).toBeCloseTo(1);
  });

  it('counts a contribution listed twice once, files one without stakeholder under other/global, and ignores citations of unknown docs in shares', () => {
    const cov = coverage([...four, four[0], c('anon', null, null)], ['anon', 'elsewhere']);
    expect(cov.cited.map((x) => x.docId)).toEqual(['anon']);
    expect(cov.notCited).toHaveLength(4);
    expect(cov.byGroup.find((b) => b.key === 'other')).toMatchObject({ contributions: 1, cited: 1, shareOfCitations: 1 });
    expect(cov.byRegion.find((b) => b.key === 'global')).toMatchObject({ contributions: 1, cited: 1 });
  });

  it('is empty and zero without contributions or citations', () => {
    expect(coverage([], [])).toEqual({ cited: [], notCited: [], coverage: 0, byGroup: [], byRegion: [] });
    expect(coverage(four, []).byGroup.every((b) => b.shareOfCitations === 0 && b.cited === 0)).toBe(true);
  });
});
