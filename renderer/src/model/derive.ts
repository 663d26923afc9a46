// Everything derived from a document, computed from ONE snapshot of its body: the status-bar stats and page
// estimate, the catalog row, and the comments body index (and, later, the search entry). The derived-data
// pipeline (storage/derived/) calls `deriveDocument` once per settled change; one-off indexing calls the parts
// it needs. Pure: Y.Docs in, plain values out.
import type * as Y from 'yjs';
import { bodyToJSON, countWords, docBody, plainText, type PMNode } from './bodyJson';
import { catalogRow, type CatalogRowWithText } from './catalog';
import { buildBodyIndex, type BodyIndex } from './comments/bodyIndex';
import { docFields } from './documentDoc';
import type { HouseStyle } from './houseStyle';
import { estimatePages } from './pageEstimate';
import { effectivePageTarget, pageTargetApplies } from './pageTargets';
import type { DocumentMeta } from './workspaceDoc';

/** The body read once: its ProseMirror JSON and its plain text. */
export interface BodySnapshot {
  json: PMNode;
  text: string;
}

export function bodySnapshot(doc: Y.Doc): BodySnapshot {
  const json = bodyToJSON(doc);
  return { json, text: plainText(json) };
}

export interface DocumentStats {
  words: number;
  pages: number;
  /** The page range that applies (pageTargets.ts), null on kinds without a target (pageTargetApplies). */
  targetMin: number | null;
  targetMax: number | null;
}

export function documentStats(body: BodySnapshot, doc: Y.Doc, style: HouseStyle, kind?: DocumentMeta['kind']): DocumentStats {
  const fields = docFields(doc);
  const words = countWords(body.text);
  const pages = estimatePages(body.json, style);
  if (kind !== undefined && !pageTargetApplies(kind)) return { words, pages, targetMin: null, targetMax: null };
  const target = effectivePageTarget(fields.get('targetMin'), fields.get('targetMax'), style);
  return { words, pages, targetMin: target.min, targetMax: target.max };
}

/** The catalog row of a document (null doc: not loaded here, the row carries metadata only). */
export function deriveCatalogRow(workspaceId: string, meta: DocumentMeta, doc: Y.Doc | null, updatedAt: number): CatalogRowWithText {
  return catalogRow(workspaceId, meta, doc ? { text: bodySnapshot(doc).text, fields: docFields(doc) } : null, updatedAt);
}

export interface DerivedDocument {
  stats: DocumentStats;
  catalogRow: CatalogRowWithText;
  bodyIndex: BodyIndex;
}

export interface DeriveInput {
  workspaceId: string;
  meta: DocumentMeta;
  doc: Y.Doc;
  style: HouseStyle;
  updatedAt: number;
}

/** All derived data of an open document, from one snapshot of its body. */
export function deriveDocument({ workspaceId, meta, doc, style, updatedAt }: DeriveInput): DerivedDocument {
  const body = bodySnapshot(doc);
  return {
    stats: documentStats(body, doc, style, meta.kind),
    catalogRow: catalogRow(workspaceId, meta, { text: body.text, fields: docFields(doc) }, updatedAt),
    bodyIndex: buildBodyIndex(docBody(doc)),
  };
}
