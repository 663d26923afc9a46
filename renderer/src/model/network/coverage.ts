// Coverage of a consolidated reply (issue 11): which of the contributions it draws on are cited and which not
// yet, and the share cited by stakeholder group and by region, so a facilitator can say the summary is balanced.
import type { Region, StakeholderGroup } from '../kinds';

export interface CoverageContribution {
  docId: string;
  title: string;
  /** null: no stakeholder recorded (counted under 'other' / 'global') */
  group: StakeholderGroup | null;
  region: Region | null;
}

export interface CoverageBucket<K extends string> {
  key: K;
  /** contributions from this group/region */
  contributions: number;
  /** of which cited at least once */
  cited: number;
  /** cited / contributions (0..1) */
  coverage: number;
  /** citation count pointing at this group/region */
  citations: number;
  /** citations / all citations (0..1): the group's share of what the reply cites */
  shareOfCitations: number;
}

export interface Coverage {
  cited: CoverageContribution[];
  notCited: CoverageContribution[];
  /** cited / all contributions (0..1) */
  coverage: number;
  byGroup: Array<CoverageBucket<StakeholderGroup>>;
  byRegion: Array<CoverageBucket<Region>>;
}

/**
 * `contributions`: the query's contributions plus any other cited contribution; `citations`: the cited source
 * doc id of every citation in the reply (repeats count as more citations of the same contribution).
 */
export function coverage(contributions: CoverageContribution[], citations: string[]): Coverage {
  const unique = [...new Map(contributions.map((c) => [c.docId, c])).values()];
  const counts = new Map<string, number>();
  for (const id of citations) counts.set(id, (counts.get(id) ?? 0) + 1);
  const countedCitations = citations.filter((id) => unique.some((c) => c.docId === id)).length;
  const cited = unique.filter((c) => counts.has(c.docId));
  const notCited = unique.filter((c) => !counts.has(c.docId));
  const bucket = <K extends string>(keyOf: (c: CoverageContribution) => K): Array<CoverageBucket<K>> => {
    const map = new Map<K, { contributions: number; cited: number; citations: number }>();
    for (const c of unique) {
      const k = keyOf(c);
      const b = map.get(k) ?? { contributions: 0, cited: 0, citations: 0 };
      b.contributions++;
      const n = counts.get(c.docId) ?? 0;
      if (n) b.cited++;
      b.citations += n;
      map.set(k, b);
    }
    return [...map.entries()]
      .map(([key, b]) => ({ key, ...b, coverage: b.cited / b.contributions, shareOfCitations: countedCitations ? b.citations / countedCitations : 0 }))
      .sort((a, b) => b.contributions - a.contributions || a.key.localeCompare(b.key));
  };
  return {
    cited,
    notCited,
    coverage: unique.length ? cited.length / unique.length : 0,
    byGroup: bucket((c) => c.group ?? 'other'),
    byRegion: bucket((c) => c.region ?? 'global'),
  };
}
