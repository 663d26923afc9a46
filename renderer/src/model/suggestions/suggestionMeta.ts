// Who made each suggestion, and when (issue 12). The body's suggestion marks (schema/suggestion.ts) carry only an
// id; this map of the document doc, keyed by that id, carries the rest. It syncs with the doc like everything
// else, so a suggestion and its author travel together. Entries are written once, when the suggestion is made
// (by the editor in suggesting mode, by "Apply" of a commenter's proposed wording, or by a DOCX import of Word
// tracked changes), and are removed when the suggestion is accepted or rejected.
import * as Y from 'yjs';

export const SUGGESTIONS = 'suggestions';

export type SuggestionSource = 'editor' | 'docx' | 'comment';

export interface SuggestionMeta {
  id: string;
  /** Identity id of the author (for DOCX imports: the importing user; `authorName` is then Word's w:author). */
  authorId: string;
  authorName: string;
  /** Epoch ms (for DOCX imports: Word's w:date when present). */
  at: number;
  source: SuggestionSource;
  /** The comment thread whose proposed wording this suggestion applies, when source is 'comment'. */
  threadId?: string;
}

export const suggestionsMap = (doc: Y.Doc) => doc.getMap<SuggestionMeta>(SUGGESTIONS);

/** A suggestion id no other replica mints: the author's id, the Yjs client id and a counter. */
export function mintSuggestionId(doc: Y.Doc, authorId: string, counter: number): string {
  return `${authorId.slice(0, 12)}-${doc.clientID.toString(36)}-${counter.toString(36)}`;
}
