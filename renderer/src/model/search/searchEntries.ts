// What the workspace search indexes: one entry per document (title, body, structured fields), per comment thread
// (comment, proposed wording, replies, response) and per stakeholder of the registry. Built from derived data only
// (catalog rows, comment entries, the registry in the always-loaded workspace doc): never from a document's Y.Doc.
import type { CatalogRowWithText } from '../catalog';
import type { CommentEntry } from '../commentEntries';
import type { DocumentKind } from '../kinds';
import type { Stakeholder } from '../stakeholders';

export type SearchKind = DocumentKind | 'comment' | 'stakeholder';

export interface SearchEntry {
  /** 'd:<docId>', 'c:<docId>/<threadId>' or 's:<stakeholderId>' */
  id: string;
  kind: SearchKind;
  /** the document (of a document or a comment); '' for a stakeholder */
  docId: string;
  /** document title; a stakeholder's name; '' for a comment (shown with its document's title) */
  title: string;
  /** body and structured fields; the comment's text, replies and response; '' for a stakeholder */
  text: string;
  /** who: names, organisations (comment attribution, stakeholder) */
  people: string;
  themes: string[];
  /** ISO date (document date, comment's day); '' when none */
  date: string;
  /** stakeholder group and region (comment attribution, stakeholder); '' when none */
  group: string;
  region: string;
  /** the stakeholder a contribution or comment speaks for, or the stakeholder entry itself; '' when none */
  stakeholderId: string;
  threadId: string;
  /** the thread's #N; 0 otherwise */
  number: number;
}

export const docEntryId = (docId: string) => `d:${docId}`;
export const commentEntryId = (docId: string, threadId: string) => `c:${docId}/${threadId}`;
export const stakeholderEntryId = (id: string) => `s:${id}`;

/** What the catalog row keeps for the search beyond its plain text (a contribution's stakeholder). */
export function entryFromCatalogRow(row: CatalogRowWithText): SearchEntry {
  return {
    id: docEntryId(row.docId),
    kind: row.kind,
    docId: row.docId,
    title: row.title,
    text: row.text,
    people: '',
    themes: row.themes,
    date: row.date,
    group: '',
    region: '',
    stakeholderId: row.activity?.stakeholderId ?? '',
    threadId: '',
    number: 0,
  };
}

/** A day as the comment's author saw it is not known here; the UTC day of its creation is close enough to filter. */
const isoDay = (ms: number) => (Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString().slice(0, 10) : '');

export function entryFromComment(c: CommentEntry): SearchEntry {
  return {
    id: commentEntryId(c.docId, c.threadId),
    kind: 'comment',
    docId: c.docId,
    title: '',
    text: [c.body, c.proposedWording, ...c.replies, c.response].filter(Boolean).join('\n'),
    people: [c.name, c.organisation].filter(Boolean).join(' · '),
    themes: [],
    date: isoDay(c.createdAt),
    group: c.group,
    region: c.region,
    stakeholderId: c.stakeholderId ?? '',
    threadId: c.threadId,
    number: c.number,
  };
}

export function entryFromStakeholder(s: Stakeholder): SearchEntry {
  return {
    id: stakeholderEntryId(s.id),
    kind: 'stakeholder',
    docId: '',
    title: s.name,
    text: '',
    people: s.organisation,
    themes: s.themes,
    date: '',
    group: s.group,
    region: s.region,
    stakeholderId: s.id,
    threadId: '',
    number: 0,
  };
}

/** A short fingerprint of an entry's content: the index re-adds an entry only when it changed. */
export function entryStamp(e: SearchEntry): string {
  const s = `${e.kind}\u0001${e.title}\u0001${e.text}\u0001${e.people}\u0001${e.themes.join(',')}\u0001${e.date}\u0001${e.group}\u0001${e.region}\u0001${e.stakeholderId}\u0001${e.number}`;
  // FNV-1a, 32 bits, with the length: collisions would only delay an update until the next change.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}.${s.length.toString(36)}`;
}
