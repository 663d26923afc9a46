import * as Y from 'yjs';
import { DEFAULT_HOUSE_STYLE, normalizeHouseStyle, type HouseStyle } from './houseStyle';
import { ModelError } from './modelError';
import { isOneOf, DOCUMENT_KINDS, type DocumentKind, type DraftSubtype } from './kinds';

// Accessors for a workspace Y.Doc (`ws.<workspaceId>`):
//   info: Y.Map { name, description, createdAt }
//   settings: Y.Map (HouseStyle keys)
//   documents: Y.Map docId -> Y.Map (DocumentMeta keys)
//   stakeholders: Y.Map id -> Y.Map (see registry.ts)

export const wsInfo = (doc: Y.Doc) => doc.getMap<unknown>('info');
export const wsSettings = (doc: Y.Doc) => doc.getMap<unknown>('settings');
export const wsDocuments = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('documents');
export const wsStakeholders = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('stakeholders');

export interface WorkspaceInfo {
  name: string;
  description: string;
  createdAt: number;
}

export function initWorkspace(doc: Y.Doc, info: { name: string; description?: string }, now = Date.now()): void {
  doc.transact(() => {
    const m = wsInfo(doc);
    m.set('name', info.name.trim());
    m.set('description', (info.description ?? '').trim());
    m.set('createdAt', now);
    const s = wsSettings(doc);
    for (const [k, v] of Object.entries(DEFAULT_HOUSE_STYLE)) s.set(k, v);
  });
}

export function readWorkspaceInfo(doc: Y.Doc): WorkspaceInfo {
  const m = wsInfo(doc);
  return {
    name: String(m.get('name') ?? ''),
    description: String(m.get('description') ?? ''),
    createdAt: Number(m.get('createdAt') ?? 0),
  };
}

export function updateWorkspaceInfo(doc: Y.Doc, patch: Partial<Pick<WorkspaceInfo, 'name' | 'description'>>): void {
  doc.transact(() => {
    const m = wsInfo(doc);
    if (patch.name !== undefined) {
      const name = patch.name.trim();
      if (!name) throw new ModelError('workspace.error.nameRequired', 'Give the workspace a name.');
      m.set('name', name);
    }
    if (patch.description !== undefined) m.set('description', patch.description.trim());
  });
}

export function readHouseStyle(doc: Y.Doc): HouseStyle {
  return normalizeHouseStyle(wsSettings(doc).toJSON());
}

export function updateHouseStyle(doc: Y.Doc, patch: Partial<HouseStyle>): HouseStyle {
  const next = normalizeHouseStyle({ ...readHouseStyle(doc), ...patch });
  doc.transact(() => {
    const s = wsSettings(doc);
    for (const [k, v] of Object.entries(next)) if (s.get(k) !== v) s.set(k, v);
  });
  return next;
}

/** What the workspace knows about each document, for lists without opening it. */
export interface DocumentMeta {
  id: string;
  kind: DocumentKind;
  subtype?: DraftSubtype;
  title: string;
  themes: string[];
  /** ISO date (yyyy-mm-dd) the document is about: meeting date, received on, or creation day */
  date: string;
  createdAt: number;
  createdBy: string;
  deleted?: boolean;
  /** a contribution in reply to a query: the query's doc id (issue 11) */
  inReplyTo?: string;
  /** a consolidated reply drafted for a query: the query's doc id */
  replyTo?: string;
  /** ISO date (yyyy-mm-dd) a consolidated reply (or the query it answers) was published */
  publishedAt?: string;
}

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function readDocumentMeta(entry: Y.Map<unknown>): DocumentMeta | null {
  const kind = entry.get('kind');
  const id = entry.get('id');
  if (!isOneOf(DOCUMENT_KINDS, kind) || typeof id !== 'string') return null;
  const themes = entry.get('themes');
  return {
    id,
    kind,
    subtype: (entry.get('subtype') as DraftSubtype | undefined) ?? undefined,
    title: String(entry.get('title') ?? ''),
    themes: Array.isArray(themes) ? themes.filter((t): t is string => typeof t === 'string') : [],
    date: String(entry.get('date') ?? ''),
    createdAt: Number(entry.get('createdAt') ?? 0),
    createdBy: String(entry.get('createdBy') ?? ''),
    deleted: entry.get('deleted') === true || undefined,
    inReplyTo: optionalString(entry.get('inReplyTo')),
    replyTo: optionalString(entry.get('replyTo')),
    publishedAt: optionalString(entry.get('publishedAt')),
  };
}

export function listDocumentMetas(doc: Y.Doc): DocumentMeta[] {
  const out: DocumentMeta[] = [];
  wsDocuments(doc).forEach((entry) => {
    const meta = readDocumentMeta(entry);
    if (meta && !meta.deleted) out.push(meta);
  });
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

export function updateDocumentMeta(
  doc: Y.Doc,
  id: string,
  patch: Partial<Pick<DocumentMeta, 'title' | 'themes' | 'date' | 'deleted' | 'inReplyTo' | 'replyTo' | 'publishedAt'>>,
): void {
  const entry = wsDocuments(doc).get(id);
  if (!entry) throw new Error(`Unknown document ${id}`);
  doc.transact(() => {
    if (patch.title !== undefined) entry.set('title', patch.title);
    if (patch.themes !== undefined) entry.set('themes', normalizeThemes(patch.themes));
    if (patch.date !== undefined) entry.set('date', patch.date);
    if (patch.deleted !== undefined) entry.set('deleted', patch.deleted);
    for (const key of ['inReplyTo', 'replyTo', 'publishedAt'] as const) {
      const value = patch[key];
      if (value === undefined) continue;
      if (value) entry.set(key, value);
      else entry.delete(key);
    }
  });
}

/** Trimmed, de-duplicated (case-insensitively), sorted theme tags. */
export function normalizeThemes(themes: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const t of themes) {
    const v = t.trim().replace(/\s+/g, ' ');
    if (v && !byKey.has(v.toLowerCase())) byKey.set(v.toLowerCase(), v);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** All themes used by documents and stakeholders of the workspace (for pickers and filters). */
export function allThemes(doc: Y.Doc): string[] {
  const themes: string[] = [];
  for (const m of listDocumentMetas(doc)) themes.push(...m.themes);
  wsStakeholders(doc).forEach((s) => {
    const t = s.get('themes');
    if (Array.isArray(t)) themes.push(...t);
  });
  return normalizeThemes(themes);
}
