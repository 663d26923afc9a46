import type * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { bodyToJSON, type PMNode } from '../model/bodyJson';
import { listVersions, openVersion, readVersion, type VersionMeta } from '../model/consultation/snapshots';
import { markChangesSince } from '../model/versions/changesSince';
import { suggestionsMap, type SuggestionMeta } from '../model/suggestions/suggestionMeta';
import type { ExportDocument } from './exportInput';
import type { BlockPoint } from '../model/comments/bodyIndex';

// "Changes since version…" (issue 12): the export's document with every change since a named version as
// suggestions, which the writer turns into Word tracked changes (word/tracked.ts). The diff is
// model/versions/changesSince.ts; this is the adapter from the document doc, shared by the app and the CLI.

/** Who the since-version changes are attributed to when nobody is known. */
export const DEFAULT_CHANGES_AUTHOR = 'Rapporteur';

/** The pending suggestions of a document doc (the meta of its insertion / deletion marks). */
export function readSuggestions(docDoc: Y.Doc): SuggestionMeta[] {
  return [...suggestionsMap(docDoc).values()].filter((m) => m && typeof m.id === 'string');
}

export class UnknownVersionError extends Error {
  constructor(
    readonly wanted: string,
    readonly available: string[],
  ) {
    super(`no version named "${wanted}"; available: ${available.length ? available.map((n) => `"${n}"`).join(', ') : '(none)'}`);
  }
}

/** Maps a block point of the current text to the same place in a body where deleted text is back under deletion
 * marks (a point at the edge of deleted text stays before it). */
function offsetMapper(body: PMNode): (p: BlockPoint) => BlockPoint {
  const blocks = new Map<string, PMNode>();
  const walk = (n: PMNode) => {
    if ((n.type === 'paragraph' || n.type === 'heading') && typeof n.attrs?.bid === 'string') {
      if (!blocks.has(n.attrs.bid)) blocks.set(n.attrs.bid, n);
      return;
    }
    n.content?.forEach(walk);
  };
  walk(body);
  return (p) => {
    const block = blocks.get(p.bid);
    if (!block) return p;
    let current = 0;
    let marked = 0;
    for (const c of block.content ?? []) {
      const len = c.type === 'text' ? (c.text ?? '').length : 1;
      if (c.marks?.some((m) => m.type === 'deletion')) {
        marked += len;
        continue;
      }
      if (p.offset <= current + len) return { bid: p.bid, offset: marked + (p.offset - current) };
      current += len;
      marked += len;
    }
    return { bid: p.bid, offset: marked };
  };
}

/** A version by id, or else by name (the latest of that name). */
export function findVersion(docDoc: Y.Doc, idOrName: string): VersionMeta {
  const all = listVersions(docDoc);
  const byId = all.find((v) => v.id === idOrName);
  if (byId) return byId;
  const byName = all.filter((v) => v.name === idOrName.trim());
  if (byName.length) return byName[byName.length - 1];
  throw new UnknownVersionError(idOrName, all.map((v) => v.name));
}

/**
 * The doc's editors as far as known: who took versions after `since` and who made pending suggestions. A version
 * is after `since` when taken later, or in the same millisecond and listed after it (the clock cannot order them).
 */
export function editorsSince(docDoc: Y.Doc, since: VersionMeta): string[] {
  const names = new Set<string>();
  const all = listVersions(docDoc);
  const at = all.findIndex((v) => v.id === since.id);
  all.forEach((v, i) => {
    const after = v.createdAt > since.createdAt || (v.createdAt === since.createdAt && i > at);
    if (after && v.createdByName.trim()) names.add(v.createdByName.trim());
  });
  for (const m of readSuggestions(docDoc)) if (m.source === 'editor' && m.authorName.trim()) names.add(m.authorName.trim());
  return [...names];
}

/**
 * The document with the changes since version `idOrName` as suggestions (the body's own pending suggestions
 * are folded in: the result shows the current text against that version). Throws UnknownVersionError.
 */
export function withChangesSince(doc: ExportDocument, docDoc: Y.Doc, idOrName: string, o: { authorName?: string; authorId?: string; now?: number } = {}): ExportDocument {
  const version = findVersion(docDoc, idOrName);
  const entry = readVersion(docDoc, version.id)!;
  const { doc: old } = openVersion(entry);
  try {
    const names = o.authorName ? [o.authorName] : editorsSince(docDoc, version);
    const by = { authorId: o.authorId ?? '', authorName: names.join(', ') || DEFAULT_CHANGES_AUTHOR, at: o.now ?? Date.now() };
    const { body, suggestions } = markChangesSince(bodyToJSON(old) as JSONContent, doc.body as JSONContent, by);
    const map = offsetMapper(body as PMNode);
    // Comment ranges were resolved against the current text: shift them past the deleted text put back.
    const threads = doc.threads.map((t) => ({ ...t, from: t.from && map(t.from), to: t.to && map(t.to) }));
    return { ...doc, body: body as PMNode, suggestions, threads };
  } finally {
    old.destroy();
  }
}
