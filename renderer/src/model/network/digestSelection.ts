// What a monthly digest contains, selected from derived data only: catalog rows (with their `activity`), the
// comment entries, the registry and the workspace's document metadata. Never a document's Y.Doc. Pure.
import type { CatalogRow } from '../catalog';
import type { CommentEntry } from '../commentEntries';
import type { Stakeholder } from '../stakeholders';
import type { DocumentMeta } from '../workspaceDoc';
import { inMonth, type MonthKey } from './month';

export interface Attribution {
  stakeholderId: string;
  name: string;
  organisation: string;
  /** codes of kinds.ts ('' when unknown) */
  group: string;
  region: string;
}

export interface DigestContribution {
  docId: string;
  title: string;
  receivedOn: string;
  extract: string;
  by: Attribution | null;
}

export interface DigestSelection {
  month: MonthKey;
  /** the most frequent theme of the month's contributions (then meetings); '' when none */
  themeOfMonth: string;
  /** new contributions grouped by theme (a contribution with several themes is listed under its first) */
  contributionsByTheme: Array<{ theme: string; items: DigestContribution[] }>;
  repliesPublished: Array<{ docId: string; title: string; publishedAt: string }>;
  meetings: Array<{ docId: string; title: string; date: string; keyMessages: string[] }>;
  actionPoints: Array<{ meetingId: string; meetingTitle: string; owner: string; task: string; due: string; status: string }>;
  consultations: Array<{ docId: string; title: string; opensOn: string; closesOn: string; opened: boolean; closed: boolean; comments: number }>;
  joined: Array<{ stakeholderId: string; name: string; organisation: string; group: string; region: string }>;
  /** contributions and comments of the month, by stakeholder group and by region (codes; '' = unknown) */
  byGroup: FigureRow[];
  byRegion: FigureRow[];
}

export interface FigureRow {
  key: string;
  contributions: number;
  comments: number;
}

export interface DigestInput {
  month: MonthKey;
  timeZone: string;
  rows: CatalogRow[];
  comments: CommentEntry[];
  /** the registry, deleted and merged entries included (references stay readable) */
  stakeholders: Stakeholder[];
  /** the workspace's live documents (deleted ones are left out of the digest) */
  metas: DocumentMeta[];
}

/** Follows merges to the entry a reference now means. */
export function stakeholderIndex(stakeholders: Stakeholder[]): (id: string) => Stakeholder | null {
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  return (id) => {
    let s = byId.get(id) ?? null;
    for (let hops = 0; s?.mergedInto && hops < 10; hops++) s = byId.get(s.mergedInto) ?? s;
    return s;
  };
}

export function attributionOf(s: Stakeholder | null): Attribution | null {
  return s ? { stakeholderId: s.id, name: s.name, organisation: s.organisation, group: s.group, region: s.region } : null;
}

const byTitle = <T extends { title: string }>(a: T, b: T) => a.title.localeCompare(b.title);

function countBy(keys: Array<{ key: string; kind: 'contributions' | 'comments' }>): FigureRow[] {
  const map = new Map<string, FigureRow>();
  for (const { key, kind } of keys) {
    const row = map.get(key) ?? { key, contributions: 0, comments: 0 };
    row[kind]++;
    map.set(key, row);
  }
  // Most active first; unknown group or region last.
  return [...map.values()].sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.contributions + b.comments - (a.contributions + a.comments) || a.key.localeCompare(b.key));
}

/** Picks the month's material. Calendar dates count by their own month; instants by the workspace's time zone. */
export function selectDigest({ month, timeZone, rows, comments, stakeholders, metas }: DigestInput): DigestSelection {
  const live = new Map(metas.map((m) => [m.id, m]));
  const liveRows = rows.filter((r) => live.has(r.docId));
  const who = stakeholderIndex(stakeholders);

  const contributions = liveRows
    .filter((r) => r.kind === 'contribution' && inMonth(r.activity?.receivedOn || r.date, month, timeZone))
    .map((r) => ({ row: r, item: { docId: r.docId, title: r.title, receivedOn: r.activity?.receivedOn || r.date, extract: r.activity?.extract ?? '', by: attributionOf(r.activity?.stakeholderId ? who(r.activity.stakeholderId) : null) } }));

  const meetingRows = liveRows.filter((r) => r.kind === 'meeting');
  const meetings = meetingRows
    .filter((r) => inMonth(r.date, month, timeZone))
    .map((r) => ({ docId: r.docId, title: r.title, date: r.date, keyMessages: r.activity?.keyMessages ?? [] }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));

  // Theme of the month: the theme most contributions (then meetings) of the month carry; ties alphabetically.
  const themeCounts = new Map<string, number>();
  for (const { row } of contributions) for (const th of row.themes) themeCounts.set(th, (themeCounts.get(th) ?? 0) + 2);
  for (const m of meetings) for (const th of live.get(m.docId)?.themes ?? []) themeCounts.set(th, (themeCounts.get(th) ?? 0) + 1);
  const themeOfMonth = [...themeCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';

  const groups = new Map<string, DigestContribution[]>();
  for (const { row, item } of contributions) {
    const theme = row.themes[0] ?? '';
    groups.set(theme, [...(groups.get(theme) ?? []), item]);
  }
  const contributionsByTheme = [...groups.entries()]
    .sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : b[1].length - a[1].length || a[0].localeCompare(b[0])))
    .map(([theme, items]) => ({ theme, items: items.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.title.localeCompare(b.title)) }));

  const repliesPublished = metas
    .filter((m) => m.kind === 'draft' && m.subtype === 'consolidated-reply' && inMonth(m.publishedAt, month, timeZone))
    .map((m) => ({ docId: m.id, title: m.title, publishedAt: m.publishedAt! }))
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || byTitle(a, b));

  const actionPoints = meetingRows
    .flatMap((r) => (r.activity?.actionPoints ?? []).map((a) => ({ meetingId: r.docId, meetingTitle: r.title, owner: a.owner, task: a.task, due: a.due, status: a.status })))
    .filter((a) => a.task.trim() && inMonth(a.due, month, timeZone))
    .sort((a, b) => a.due.localeCompare(b.due) || a.task.localeCompare(b.task));

  const stakeholderComments = new Map<string, number>();
  for (const c of comments) if (c.purpose === 'stakeholder') stakeholderComments.set(c.docId, (stakeholderComments.get(c.docId) ?? 0) + 1);
  const consultations = liveRows
    .filter((r) => r.kind === 'draft' && r.activity && (inMonth(r.activity.consultationOpensOn, month, timeZone) || inMonth(r.activity.consultationClosesOn, month, timeZone)))
    .map((r) => ({
      docId: r.docId,
      title: r.title,
      opensOn: r.activity!.consultationOpensOn,
      closesOn: r.activity!.consultationClosesOn,
      opened: inMonth(r.activity!.consultationOpensOn, month, timeZone),
      closed: inMonth(r.activity!.consultationClosesOn, month, timeZone),
      comments: stakeholderComments.get(r.docId) ?? 0,
    }))
    .sort((a, b) => (a.closesOn || a.opensOn).localeCompare(b.closesOn || b.opensOn) || byTitle(a, b));

  const joined = stakeholders
    .filter((s) => !s.deleted && inMonth(s.addedAt, month, timeZone))
    .sort((a, b) => (a.addedAt ?? 0) - (b.addedAt ?? 0) || a.name.localeCompare(b.name))
    .map((s) => ({ stakeholderId: s.id, name: s.name, organisation: s.organisation, group: s.group, region: s.region }));

  const monthComments = comments.filter((c) => live.has(c.docId) && inMonth(c.createdAt, month, timeZone));
  const commentAttribution = (c: CommentEntry) => {
    const s = c.stakeholderId ? who(c.stakeholderId) : null;
    return { group: c.group || s?.group || '', region: c.region || s?.region || '' };
  };
  const byGroup = countBy([
    ...contributions.map(({ item }) => ({ key: item.by?.group ?? '', kind: 'contributions' as const })),
    ...monthComments.map((c) => ({ key: commentAttribution(c).group, kind: 'comments' as const })),
  ]);
  const byRegion = countBy([
    ...contributions.map(({ item }) => ({ key: item.by?.region ?? '', kind: 'contributions' as const })),
    ...monthComments.map((c) => ({ key: commentAttribution(c).region, kind: 'comments' as const })),
  ]);

  return { month, themeOfMonth, contributionsByTheme, repliesPublished, meetings, actionPoints, consultations, joined, byGroup, byRegion };
}
