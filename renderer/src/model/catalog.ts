import type * as Y from 'yjs';
import { countWords } from './bodyJson';
import type { DocumentMeta } from './workspaceDoc';
import type { DocumentKind, DraftSubtype } from './kinds';
import { documentActivity, type DocumentActivity } from './network/activity';
import { networkRow, type NetworkRow } from './network/networkRow';

/**
 * A row of the local catalog (Dexie): everything a list, a filter or a digest needs without opening the doc. The
 * document's plain text is derived with it (CatalogRowWithText) but stored apart (storage/catalogDb.ts `texts`):
 * reading a workspace's 500 rows for its list must not read every document's text.
 */
export interface CatalogRow {
  /** `${workspaceId}/${docId}` */
  key: string;
  workspaceId: string;
  docId: string;
  title: string;
  kind: DocumentKind;
  subtype?: DraftSubtype;
  themes: string[];
  date: string;
  createdAt: number;
  updatedAt: number;
  wordCount: number;
  /** extra searchable fields (meeting location, agenda, key messages) */
  status?: string;
  /** digest, expert finder, profiles (model/network/activity.ts); absent when the doc was not loaded */
  activity?: DocumentActivity;
  /** queries, replies, deadlines (issue 11, model/network/networkRow.ts) */
  network?: NetworkRow;
}

/** A catalog row as derived, with the document's plain text (and its extra fields), for search. */
export interface CatalogRowWithText extends CatalogRow {
  text: string;
}

export const catalogKey = (workspaceId: string, docId: string) => `${workspaceId}/${docId}`;

/** A catalog row from the workspace's metadata and the document's plain text and fields (null: not loaded). */
export function catalogRow(workspaceId: string, meta: DocumentMeta, body: { text: string; fields: Y.Map<unknown> } | null, updatedAt: number): CatalogRowWithText {
  const text = body?.text ?? '';
  const fields = body?.fields;
  const extra = fields ? ['location', 'agenda', 'keyMessages'].map((k) => String(fields.get(k) ?? '')).join('\n').trim() : '';
  const status = fields?.get('status');
  return {
    key: catalogKey(workspaceId, meta.id),
    workspaceId,
    docId: meta.id,
    title: meta.title,
    kind: meta.kind,
    subtype: meta.subtype,
    themes: meta.themes,
    date: meta.date,
    createdAt: meta.createdAt,
    updatedAt,
    wordCount: countWords(text),
    text: extra ? `${text}\n${extra}` : text,
    status: typeof status === 'string' ? status : undefined,
    activity: fields ? documentActivity(meta.kind, text, fields) : undefined,
    network: networkRow(meta, fields),
  };
}

export interface DocumentFilter {
  kind?: DocumentKind | '';
  theme?: string;
  /** inclusive ISO dates */
  from?: string;
  to?: string;
  /** matched against title (and full text when `fullText` is set and the texts are given) */
  query?: string;
  fullText?: boolean;
}

/** `texts`: the documents' plain texts by docId, lower-cased, for `fullText` (ui/documents/catalogRows.ts useCatalogTexts). */
export function filterCatalog<R extends CatalogRow>(rows: R[], f: DocumentFilter, texts?: ReadonlyMap<string, string>): R[] {
  const q = f.query?.trim().toLocaleLowerCase();
  const inText = (r: CatalogRow) => f.fullText === true && (texts?.get(r.docId)?.includes(q!) ?? false);
  return rows
    .filter((r) => !f.kind || r.kind === f.kind)
    .filter((r) => !f.theme || r.themes.some((t) => t.toLocaleLowerCase() === f.theme!.toLocaleLowerCase()))
    .filter((r) => !f.from || r.date >= f.from)
    .filter((r) => !f.to || r.date <= f.to)
    .filter((r) => !q || r.title.toLocaleLowerCase().includes(q) || inText(r))
    .sort((a, b) => (b.date || '').localeCompare(a.date || '') || b.createdAt - a.createdAt);
}
