import type * as Y from 'yjs';
import { isOneOf } from './kinds';
import { wsDocuments, wsSettings } from './workspaceDoc';

// The language a document is written in: it decides what the export writes ("Table des matières", dates, the
// comment matrix headings), the template's headings and the spell-checker's language. A workspace may set the
// language of its documents; a document may set its own. A workspace without a setting stamps each new document
// with its author's interface language when it is created (stored on the document), so the export never follows
// whoever happens to export it. Documents with neither are English. Stored as language-neutral codes.

export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
export const isDocumentLanguage = (v: unknown): v is DocumentLanguage => isOneOf(DOCUMENT_LANGUAGES, v);

const KEY = 'language';

/** The workspace's language of documents, or null when it has none (each document keeps its author's). */
export function readWorkspaceLanguageSetting(ws: Y.Doc): DocumentLanguage | null {
  const v = wsSettings(ws).get(KEY);
  return isDocumentLanguage(v) ? v : null;
}

export function readWorkspaceLanguage(ws: Y.Doc): DocumentLanguage {
  return readWorkspaceLanguageSetting(ws) ?? 'en';
}

/** Sets (or, with null, clears) the workspace's language of documents. */
export function setWorkspaceLanguage(ws: Y.Doc, language: DocumentLanguage | null): void {
  if (language === null) {
    if (wsSettings(ws).has(KEY)) wsSettings(ws).delete(KEY);
    return;
  }
  if (!isDocumentLanguage(language)) throw new Error(`Unknown language ${String(language)}`);
  if (wsSettings(ws).get(KEY) !== language) wsSettings(ws).set(KEY, language);
}

/**
 * The language of a document about to be created: the workspace's, else its author's interface language
 * (`stamp`: true when that must be stored on the document).
 */
export function newDocumentLanguage(ws: Y.Doc, authorLanguage: string): { language: DocumentLanguage; stamp: boolean } {
  const set = readWorkspaceLanguageSetting(ws);
  if (set) return { language: set, stamp: false };
  return { language: isDocumentLanguage(authorLanguage) ? authorLanguage : 'en', stamp: true };
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
