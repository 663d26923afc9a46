// A stakeholder's profile, derived on demand and never stored: their contributions, comments (with
// dispositions), meetings attended, action points owned and engagement per month. Built from derived data
// only (catalog rows with `activity`, comment entries, the registry). Action points name their owner in free
// text, so an action point is theirs when its owner matches their name (accents and case folded). Pure.
import type { CatalogRow } from '../catalog';
import type { CommentEntry } from '../commentEntries';
import type { Stakeholder } from '../stakeholders';
import { stakeholderIndex } from './digestSelection';
import { monthOf, monthsBetween, type MonthKey } from './month';

export interface ProfileItem {
  docId: string;
  title: string;
  date: string;
}

export interface StakeholderProfile {
  stakeholder: Stakeholder;
  contributions: Array<ProfileItem & { extract: string; themes: string[] }>;
  comments: Array<{ docId: string; title: string; threadId: string; number: number; body: string; disposition: string; response: string; createdAt: number }>;
  meetings: ProfileItem[];
  actionPoints: Array<{ meetingId: string; meetingTitle: string; task: string; due: string; status: string }>;
  /** one row per month from the first to the last activity */
  engagement: Array<{ month: MonthKey; contributions: number; comments: number; meetings: number }>;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

export function stakeholderProfile(id: string, input: { stakeholders: Stakeholder[]; rows: CatalogRow[]; comments: CommentEntry[]; timeZone: string }): StakeholderProfile | null {
  const who = stakeholderIndex(input.stakeholders);
  const s = who(id);
  if (!s) return null;
  // References to entries merged into this one count as this one.
  const mine = (ref: string | null | undefined) => !!ref && who(ref)?.id === s.id;
  const titles = new Map(input.rows.map((r) => [r.docId, r.title]));
  const name = fold(s.name);

  const contributions = input.rows
    .filter((r) => r.kind === 'contribution' && mine(r.activity?.stakeholderId))
    .map((r) => ({ docId: r.docId, title: r.title, date: r.activity?.receivedOn || r.date, extract: r.activity?.extract ?? '', themes: r.themes }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const meetingRows = input.rows.filter((r) => r.kind === 'meeting');
  const meetings = meetingRows
    .filter((r) => (r.activity?.participants ?? []).some((p) => mine(p.stakeholderId)))
    .map((r) => ({ docId: r.docId, title: r.title, date: r.date }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const actionPoints = meetingRows
    .flatMap((r) => (r.activity?.actionPoints ?? []).filter((a) => name && fold(a.owner) === name).map((a) => ({ meetingId: r.docId, meetingTitle: r.title, task: a.task, due: a.due, status: a.status })))
    .sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
  const comments = input.comments
    .filter((c) => mine(c.stakeholderId))
    .map((c) => ({ docId: c.docId, title: titles.get(c.docId) ?? '', threadId: c.threadId, number: c.number, body: c.body, disposition: c.disposition, response: c.response, createdAt: c.createdAt }))
    .sort((a, b) => b.createdAt - a.createdAt);

  const counts = new Map<MonthKey, { contributions: number; comments: number; meetings: number }>();
  const bump = (month: MonthKey | null, key: 'contributions' | 'comments' | 'meetings') => {
    if (!month) return;
    const row = counts.get(month) ?? { contributions: 0, comments: 0, meetings: 0 };
    row[key]++;
    counts.set(month, row);
  };
  for (const c of contributions) bump(monthOf(c.date, input.timeZone), 'contributions');
  for (const c of comments) bump(monthOf(c.createdAt, input.timeZone), 'comments');
  for (const m of meetings) bump(monthOf(m.date, input.timeZone), 'meetings');
  const months = [...counts.keys()].sort();
  const engagement = months.length
    ? monthsBetween(months[0], months[months.length - 1]).map((month) => ({ month, ...(counts.get(month) ?? { contributions: 0, comments: 0, meetings: 0 }) }))
    : [];
  return { stakeholder: s, contributions, comments, meetings, actionPoints, engagement };
}
