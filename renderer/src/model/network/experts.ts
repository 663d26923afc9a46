// The expert finder: who in the network knows about a theme, in a region, group or language. People are
// filtered by region, group and language (registry fields) and ranked by declared expertise (registry themes)
// and by evidence on the theme: their contributions, their comments and the meetings they attended. Evidence
// comes from derived data only (catalog rows with `activity`, comment entries). Pure.
import type { CatalogRow } from '../catalog';
import type { CommentEntry } from '../commentEntries';
import type { Stakeholder } from '../stakeholders';
import { stakeholderIndex } from './digestSelection';

export interface ExpertQuery {
  theme?: string;
  region?: string;
  group?: string;
  language?: string;
}

export interface EvidenceLink {
  docId: string;
  title: string;
}

export interface ExpertResult {
  stakeholder: Stakeholder;
  declared: boolean;
  contributions: EvidenceLink[];
  comments: Array<EvidenceLink & { threadId: string; number: number }>;
  meetings: EvidenceLink[];
  score: number;
}

/** How much each kind of evidence weighs: a declared theme counts as much as three contributions. */
export const WEIGHTS = { declared: 6, contribution: 2, comment: 1, meeting: 1 } as const;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase();

/** Themes match case- and accent-insensitively. */
export const sameTheme = (a: string, b: string) => fold(a) === fold(b);

const byTitle = (a: EvidenceLink, b: EvidenceLink) => a.title.localeCompare(b.title);

export function rankExperts(q: ExpertQuery, input: { stakeholders: Stakeholder[]; rows: CatalogRow[]; comments: CommentEntry[] }): ExpertResult[] {
  const theme = q.theme?.trim() ?? '';
  const language = q.language?.trim() ?? '';
  const who = stakeholderIndex(input.stakeholders);
  const onTheme = (themes: string[]) => !theme || themes.some((th) => sameTheme(th, theme));
  const rowsById = new Map(input.rows.map((r) => [r.docId, r]));

  const results = new Map<string, ExpertResult>();
  const resultFor = (id: string): ExpertResult | null => {
    const s = who(id);
    if (!s || s.deleted) return null;
    let r = results.get(s.id);
    if (!r) {
      r = { stakeholder: s, declared: !!theme && s.themes.some((th) => sameTheme(th, theme)), contributions: [], comments: [], meetings: [], score: 0 };
      results.set(s.id, r);
    }
    return r;
  };
  for (const s of input.stakeholders) if (!s.deleted) resultFor(s.id);

  for (const row of input.rows) {
    if (!onTheme(row.themes)) continue;
    const link = { docId: row.docId, title: row.title };
    if (row.kind === 'contribution' && row.activity?.stakeholderId) resultFor(row.activity.stakeholderId)?.contributions.push(link);
    if (row.kind === 'meeting') {
      const seen = new Set<string>();
      for (const p of row.activity?.participants ?? []) {
        const r = p.stakeholderId ? resultFor(p.stakeholderId) : null;
        if (!r || seen.has(r.stakeholder.id)) continue;
        seen.add(r.stakeholder.id);
        r.meetings.push(link);
      }
    }
  }
  for (const c of input.comments) {
    const row = rowsById.get(c.docId);
    if (!c.stakeholderId || !row || !onTheme(row.themes)) continue;
    resultFor(c.stakeholderId)?.comments.push({ docId: c.docId, title: row.title, threadId: c.threadId, number: c.number });
  }

  return [...results.values()]
    .filter((r) => !q.region || r.stakeholder.region === q.region)
    .filter((r) => !q.group || r.stakeholder.group === q.group)
    .filter((r) => !language || (r.stakeholder.languages ?? []).some((l) => fold(l) === fold(language)))
    .map((r) => ({
      ...r,
      contributions: r.contributions.sort(byTitle),
      meetings: r.meetings.sort(byTitle),
      comments: r.comments.sort((a, b) => byTitle(a, b) || a.number - b.number),
      score: (r.declared ? WEIGHTS.declared : 0) + r.contributions.length * WEIGHTS.contribution + r.comments.length * WEIGHTS.comment + r.meetings.length * WEIGHTS.meeting,
    }))
    // With a theme, only people with some expertise or evidence on it; without one, everyone who matches the filters.
    .filter((r) => !theme || r.score > 0)
    .sort((a, b) => b.score - a.score || Number(b.declared) - Number(a.declared) || a.stakeholder.name.localeCompare(b.stakeholder.name));
}
