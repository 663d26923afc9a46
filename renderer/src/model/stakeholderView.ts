import type { Stakeholder, StakeholderInput } from './stakeholders';
import type { StakeholderGroup } from './kinds';
import { normalizeThemes } from './workspaceDoc';
import type { Translate } from './translate';

// Pure helpers for the stakeholder registry screen: filtering, and the preview of a merge.

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Stakeholders whose name, organisation or themes contain every word of `query`, optionally of one group. */
export function filterStakeholders(list: Stakeholder[], filter: { query?: string; group?: StakeholderGroup | '' }): Stakeholder[] {
  const words = fold(filter.query ?? '').split(/\s+/).filter(Boolean);
  return list.filter((s) => {
    if (filter.group && s.group !== filter.group) return false;
    if (!words.length) return true;
    const haystack = fold([s.name, s.organisation, ...s.themes].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * What `mergeStakeholders(doc, keep.id, drop.id)` will leave in the kept entry (same rules as registry.ts:
 * the kept entry wins, its empty or generic fields are filled from the duplicate, themes are united).
 */
export function previewMerge(keep: Stakeholder, drop: Stakeholder): StakeholderInput {
  return {
    name: keep.name || drop.name,
    organisation: keep.organisation || drop.organisation,
    group: keep.group === 'other' && drop.group !== 'other' ? drop.group : keep.group,
    region: keep.region === 'global' && drop.region !== 'global' ? drop.region : keep.region,
    gender: keep.gender ?? drop.gender,
    themes: normalizeThemes([...keep.themes, ...drop.themes]),
    languages: normalizeThemes([...(keep.languages ?? []), ...(drop.languages ?? [])]),
  };
}

/** Of two duplicates, the one to keep by default: the entry with more details filled in (the first on a tie). */
export function suggestKeep(a: Stakeholder, b: Stakeholder): Stakeholder {
  const score = (s: Stakeholder) =>
    (s.organisation ? 2 : 0) + (s.group !== 'other' ? 1 : 0) + (s.region !== 'global' ? 1 : 0) + (s.gender ? 1 : 0) + Math.min(s.themes.length, 3) * 0.1;
  return score(b) > score(a) ? b : a;
}

/**
 * How to name two entries so a person tells them apart (merge dialog and messages): the names alone when they
 * differ; with the same name, the organisation; with the same organisation too, the region, then the group;
 * entries equal in all of these are numbered.
 */
export function distinctNames(a: StakeholderInput, b: StakeholderInput, t: Translate): [string, string] {
  if (fold(a.name.trim()) !== fold(b.name.trim())) return [a.name, b.name];
  const org = (s: StakeholderInput) => s.organisation.trim() || t('stakeholders.noOrganisation');
  const region = (s: StakeholderInput) => t(`region.${s.region}`);
  const group = (s: StakeholderInput) => t(`group.${s.group}`);
  const same = (f: (s: StakeholderInput) => string) => fold(f(a)) === fold(f(b));
  const details = !same(org) ? [org] : !same(region) ? [org, region] : [org, region, group];
  const label = (s: StakeholderInput, n: number) => {
    const shown = details.map((f) => f(s)).join(', ');
    return details.every(same) ? t('stakeholders.entryNumbered', { name: s.name, details: shown, n }) : t('stakeholders.entryWithDetails', { name: s.name, details: shown });
  };
  return [label(a, 1), label(b, 2)];
}
