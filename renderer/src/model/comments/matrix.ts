// The comment matrix of a document: one row per thread with its location, attribution, content and decision;
// pure sorting (any column, several keys), filtering (any column) and grouping (by commenter or any column).
import { GENDERS, REGIONS, STAKEHOLDER_GROUPS } from '../kinds';
import { anchorLocation, resolveAnchor } from './anchor';
import type { BodyIndex } from './bodyIndex';
import { DISPOSITIONS, type DispositionValue } from './dispositions';
import { fill, type Translate } from '../translate';
import { COMMENT_TYPES, PURPOSES, type CommentType, type Purpose, type Thread } from './threadTypes';
import { threadNumbers } from './threadNumbers';

export interface MatrixRow {
  id: string;
  number: number;
  /** 'general': a comment on the whole document; 'pending': its text has not synced yet */
  status: 'ok' | 'deleted' | 'pending' | 'general';
  para: number | null;
  section: string;
  /** "para 23, § 3.2", "on deleted text", "whole document" */
  location: string;
  /** position of the anchor's start in the body (reading order), null when not in the body */
  position: number | null;
  /** position of the anchor's end in the body (where its highlight stops), null when not in the body */
  end: number | null;
  quote: string;
  commenter: string;
  /** identity for grouping: the stakeholder, else the attributed name, else the author */
  commenterKey: string;
  organisation: string;
  group: string;
  region: string;
  gender: string;
  type: CommentType;
  purpose: Purpose;
  comment: string;
  proposedWording: string;
  disposition: DispositionValue;
  duplicateOf: string | null;
  duplicateOfNumber: number | null;
  response: string;
  resolved: boolean;
  createdAt: number;
  replies: number;
  authorId: string;
  stakeholderId: string | null;
}

export const MATRIX_COLUMNS = [
  'number',
  'para',
  'section',
  'quote',
  'commenter',
  'organisation',
  'group',
  'region',
  'gender',
  'type',
  'comment',
  'proposedWording',
  'disposition',
  'response',
  'resolved',
  'purpose',
  'createdAt',
] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

type Kind = 'number' | 'para' | 'section' | 'text' | 'enum' | 'bool';
const KIND: Record<MatrixColumn, Kind> = {
  number: 'number',
  para: 'para',
  section: 'section',
  quote: 'text',
  commenter: 'text',
  organisation: 'text',
  group: 'enum',
  region: 'enum',
  gender: 'enum',
  type: 'enum',
  comment: 'text',
  proposedWording: 'text',
  disposition: 'enum',
  response: 'text',
  resolved: 'bool',
  purpose: 'enum',
  createdAt: 'number',
};
const ENUM_ORDER: Partial<Record<MatrixColumn, readonly string[]>> = {
  group: STAKEHOLDER_GROUPS,
  region: REGIONS,
  gender: GENDERS,
  type: COMMENT_TYPES,
  disposition: DISPOSITIONS,
  purpose: PURPOSES,
};

/** "para 23, § 3.2" / "on deleted text" / "whole document". Templates read once per formatter. */
export function locationFormatter(t: Translate): (row: Pick<MatrixRow, 'status' | 'para' | 'section'>) => string {
  const deleted = t('comments.location.deleted');
  const general = t('comments.location.general');
  const [p0, p1 = ''] = fill(t, 'comments.location.para', { n: '\u0000' }).split('\u0000');
  const [s0, s1 = ''] = fill(t, 'comments.location.section', { n: '\u0000' }).split('\u0000');
  return (row) => {
    if (row.status === 'deleted') return deleted;
    if (row.status === 'general') return general;
    const para = row.para === null ? '' : p0 + row.para + p1;
    const section = row.section ? s0 + row.section + s1 : '';
    return para && section ? `${para}, ${section}` : para || section;
  };
}

export const locationText = (row: Pick<MatrixRow, 'status' | 'para' | 'section'>, t: Translate) => locationFormatter(t)(row);

/** What deriving a row needs beside its thread: the numbering of all threads, and the location's wording. */
export interface MatrixRowContext {
  numberOf: (id: string) => number | null;
  location: (row: Pick<MatrixRow, 'status' | 'para' | 'section'>) => string;
}

/** Made once for all the rows of a derivation (the location templates are translated once, not per row). */
export function matrixRowContext(threads: readonly Thread[], t: Translate): MatrixRowContext {
  return { numberOf: threadNumbers(threads).numberOf, location: locationFormatter(t) };
}

/** Rows in thread order (#1, #2...). `index` is the body index of the document (null: no locations). */
export function matrixRows(threads: readonly Thread[], index: BodyIndex | null, t: Translate): MatrixRow[] {
  const context = matrixRowContext(threads, t);
  return threads.map((th) => matrixRow(th, index, context));
}

/** The row of one thread. */
export function matrixRow(th: Thread, index: BodyIndex | null, { numberOf, location }: MatrixRowContext): MatrixRow {
  let status: MatrixRow['status'] = 'general';
  let para: number | null = null;
  let section = '';
  let position: number | null = null;
  let end: number | null = null;
  if (th.anchor) {
    const r = index ? resolveAnchor(index, th.anchor) : ({ status: 'pending' } as const);
    status = r.status;
    if (r.status === 'ok') {
      const loc = anchorLocation(index!, r, { text: false });
      para = loc.para;
      section = loc.section;
      position = r.from;
      end = r.to;
    }
  }
  const a = th.attribution;
  const commenter = a?.name || th.authorName;
  const commenterKey = th.stakeholderId ? `s:${th.stakeholderId}` : a?.name ? `n:${a.name.trim().toLowerCase()}` : `u:${th.authorId}`;
  const dup = th.disposition.value === 'duplicate' ? (th.disposition.duplicateOf ?? null) : null;
  const row: MatrixRow = {
    id: th.id,
    number: th.number,
    status,
    para,
    section,
    location: '',
    position,
    end,
    quote: th.anchor?.quote ?? '',
    commenter,
    commenterKey,
    organisation: a?.organisation ?? '',
    group: a?.group ?? '',
    region: a?.region ?? '',
    gender: a?.gender ?? '',
    type: th.type,
    purpose: th.purpose,
    comment: th.body,
    proposedWording: th.proposedWording,
    disposition: th.disposition.value,
    duplicateOf: dup,
    duplicateOfNumber: dup ? numberOf(dup) : null,
    response: th.response,
    resolved: th.resolved,
    createdAt: th.createdAt,
    replies: th.replies.length,
    authorId: th.authorId,
    stakeholderId: th.stakeholderId,
  };
  row.location = location(row);
  return row;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareSection(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** Rows not in the body (deleted, pending, whole-document) sort after located ones, whatever the direction. */
const located = (r: MatrixRow) => r.position !== null;

function compareBy(column: MatrixColumn, a: MatrixRow, b: MatrixRow): number {
  switch (KIND[column]) {
    case 'number':
      return (a[column] as number) - (b[column] as number);
    case 'para':
      if (a.para === null || b.para === null) return a.para === b.para ? (a.position ?? 0) - (b.position ?? 0) : a.para === null ? 1 : -1;
      return a.para - b.para || (a.position ?? 0) - (b.position ?? 0);
    case 'section':
      return compareSection(a.section, b.section) || (a.position ?? 0) - (b.position ?? 0);
    case 'bool':
      return Number(a[column]) - Number(b[column]);
    case 'enum': {
      const order = ENUM_ORDER[column]!;
      const ia = order.indexOf(a[column] as string);
      const ib = order.indexOf(b[column] as string);
      return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
    }
    default:
      return collator.compare(a[column] as string, b[column] as string);
  }
}

export interface SortKey {
  column: MatrixColumn;
  direction?: 'asc' | 'desc';
}

/** A sorted copy; ties keep #N order. For para and section, rows without a location always come last. */
export function sortRows(rows: readonly MatrixRow[], keys: SortKey | readonly SortKey[]): MatrixRow[] {
  const list = Array.isArray(keys) ? (keys as readonly SortKey[]) : [keys as SortKey];
  return [...rows].sort((a, b) => {
    for (const k of list) {
      if ((k.column === 'para' || k.column === 'section') && located(a) !== located(b)) return located(a) ? -1 : 1;
      const d = compareBy(k.column, a, b);
      if (d) return k.direction === 'desc' ? -d : d;
    }
    return a.number - b.number;
  });
}

/**
 * Per column: text columns take a substring (case and accent insensitive); enum columns a value or a list of
 * values; number and para a { min, max } range (or an exact number); section a prefix ("3" matches 3, 3.1, 3.2.1
 * but not 30); resolved a boolean. `text` searches comment, proposed wording, quote, response, commenter and
 * organisation at once.
 */
export type ColumnFilter = string | number | boolean | readonly string[] | { min?: number; max?: number };
export type MatrixFilter = Partial<Record<MatrixColumn, ColumnFilter>> & { text?: string };

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function matches(row: MatrixRow, column: MatrixColumn, f: ColumnFilter): boolean {
  const v = row[column];
  switch (KIND[column]) {
    case 'text':
      return fold(String(v)).includes(fold(String(f)));
    case 'enum':
      return Array.isArray(f) ? f.includes(v as string) : v === f;
    case 'bool':
      return v === f;
    case 'section': {
      const prefix = String(f);
      return row.section === prefix || row.section.startsWith(prefix + '.');
    }
    default: {
      if (v === null) return false;
      if (typeof f === 'number') return v === f;
      const { min = -Infinity, max = Infinity } = f as { min?: number; max?: number };
      return (v as number) >= min && (v as number) <= max;
    }
  }
}

const SEARCHED: MatrixColumn[] = ['comment', 'proposedWording', 'quote', 'response', 'commenter', 'organisation'];

export function filterRows(rows: readonly MatrixRow[], filter: MatrixFilter): MatrixRow[] {
  const active = (Object.entries(filter) as Array<[MatrixColumn | 'text', ColumnFilter | undefined]>).filter(
    ([k, f]) => k !== 'text' && f !== undefined && f !== '' && !(Array.isArray(f) && f.length === 0),
  ) as Array<[MatrixColumn, ColumnFilter]>;
  const text = filter.text?.trim() ? fold(filter.text.trim()) : null;
  return rows.filter((r) => active.every(([c, f]) => matches(r, c, f)) && (!text || SEARCHED.some((c) => fold(String(r[c])).includes(text))));
}

export interface RowGroup {
  key: string;
  label: string;
  rows: MatrixRow[];
}

/** Groups in order of first appearance (so a sorted list gives sorted groups). */
export function groupRows(rows: readonly MatrixRow[], by: 'commenter' | MatrixColumn, t: Translate): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const r of rows) {
    const key = by === 'commenter' ? r.commenterKey : String(r[by] ?? '');
    let g = groups.get(key);
    if (!g) {
      const label = by === 'commenter' ? r.commenter : KIND[by] === 'enum' && key ? t(`${by === 'type' ? 'commentType' : by}.${key}`) : key;
      g = { key, label, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(r);
  }
  return [...groups.values()];
}
