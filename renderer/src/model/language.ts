import type * as Y from 'yjs';
import { isOneOf } from './kinds';
import { wsDocuments, wsSettings } from './workspaceDoc';

// The language a document is written in: it decides what the export writes ("Table des matières", dates, the
// comment matrix headings) and the spell-checker's language. Each document may set its own; otherwise the
// workspace's language applies; a workspace without one is in English. Stored as a language-neutral code.
// Never the interface language: two people with different interface languages export the same file.

export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export const isDocumentLanguage = (v: unknown): v is DocumentLanguage => isOneOf(DOCUMENT_LANGUAGES, v);

const KEY = 'language';

export function readWorkspaceLanguage(ws: Y.Doc): DocumentLanguage {
  const v = wsSettings(ws).get(KEY);
  return isDocumentLanguage(v) ? v : 'en';
}

export function setWorkspaceLanguage(ws: Y.Doc, language: DocumentLanguage): void {
  if (!isDocumentLanguage(language)) throw new Error(`Unknown language ${String(language)}`);
  if (wsSettings(ws).get(KEY) !== language) wsSettings(ws).set(KEY, language);
}

/** The document's own language, or null when it follows the workspace. */
export function readOwnDocumentLanguage(ws: Y.Doc, docId: string): DocumentLanguage | null {
  const v = wsDocuments(ws).get(docId)?.get(KEY);
  return isDocumentLanguage(v) ? v : null;
}

/** The language a document is written (and exported) in. */
export function documentLanguage(ws: Y.Doc, docId: string | undefined): DocumentLanguage {
  return (docId ? readOwnDocumentLanguage(ws, docId) : null) ?? readWorkspaceLanguage(ws);
}

/** Sets a document's own language; null makes it follow the workspace again. */
export function setDocumentLanguage(ws: Y.Doc, docId: string, language: DocumentLanguage | null): void {
  const entry = wsDocuments(ws).get(docId);
  if (!entry) throw new Error(`Unknown document ${docId}`);
  if (language === null) entry.delete(KEY);
  else if (!isDocumentLanguage(language)) throw new Error(`Unknown language ${String(language)}`);
  else if (entry.get(KEY) !== language) entry.set(KEY, language);
}
