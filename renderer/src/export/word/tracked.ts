import { BookmarkEnd, BookmarkStart, DeletedTextRun, InsertedTextRun, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import { BLOCK_SUGGESTION_ATTR, readBlockSuggestion } from '../../schema/blockTypeSuggestion';
import type { PMNode } from '../../model/bodyJson';
import type { SuggestionMeta } from '../../model/suggestions/suggestionMeta';
import { BOUNDARY } from '../../model/versions/changesSince';
import type { DocState, RenderContext } from './context';
import { runOptions, type RunProps } from './text';

// Suggestions as Word tracked changes (issue 12). Text under an `insertion` mark is written in w:ins, text under a
// `deletion` mark in w:del (its runs with w:delText), each with the author and date of the suggestions meta map
// (model/suggestions/suggestionMeta.ts; an id missing from it is "Unknown"). Every w:ins / w:del element gets
// its own numeric w:id, from one counter of the export (RenderContext.nextRevisionId), far above the small ids
// comments and bookmarks use. `modification` marks (formatting suggestions) are written as their new
// formatting: the suggestion library records formatting changes of text as deletion + insertion anyway. A pending
// change of a block's type is a w:pPrChange (typeRevision).
//
// A paragraph whose whole text is inserted (or deleted) also has its paragraph mark inserted (deleted), so that
// rejecting (accepting) it in Word removes the paragraph, not just its text. So does a paragraph that ends with a
// marked U+200B: the changes-since convention for a paragraph break inserted (a split) or deleted (a join), see
// model/versions/changesSince.ts. That character is never written: the paragraph mark's revision is its Word form.
//
// Each paragraph and heading with a block id starts with an empty hidden bookmark `_rp<bid>`; the import of
// tracked changes (import/trackedImport.ts) matches paragraphs of a returned file to ours by it.

export interface Change {
  kind: 'insertion' | 'deletion';
  id: string;
}

export const UNKNOWN_AUTHOR = 'Unknown';
export const BID_BOOKMARK_PREFIX = '_rp';

/** The suggestion mark of an inline node, if any (a node has at most one: the marks exclude each other). */
export function changeOf(node: PMNode): Change | null {
  for (const m of node.marks ?? [])
    if (m.type === 'insertion' || m.type === 'deletion') return { kind: m.type, id: String(m.attrs?.id ?? '') };
  return null;
}

/** Word's w:date: ISO 8601 without milliseconds. */
export const wordDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function revisionAttrs(change: Pick<Change, 'id'>, ctx: RenderContext, doc: DocState): { id: number; author: string; date: string } {
  const meta: SuggestionMeta | undefined = doc.suggestions.get(change.id);
  const at = meta && Number.isFinite(meta.at) && meta.at > 0 ? meta.at : ctx.now;
  return { id: ctx.nextRevisionId(), author: ctx.redactor.redact(meta?.authorName?.trim() || UNKNOWN_AUTHOR), date: wordDate(at) };
}

/** The runs of `text`, tracked when `change` is set. */
export function trackedRuns(text: string, props: RunProps, change: Change | null, ctx: RenderContext, doc: DocState): ParagraphChild[] {
  const runs = runOptions(change ? text.replaceAll(BOUNDARY, '') : text, props);
  if (!change || !runs.length) return runs.map((o) => new TextRun(o));
  return runs.map((o) => {
    const attrs = revisionAttrs(change, ctx, doc);
    return change.kind === 'insertion' ? new InsertedTextRun({ ...o, ...attrs }) : new DeletedTextRun({ ...o, ...attrs });
  });
}

/** The change that covers all the text of a block (its paragraph mark then carries it too), or null. */
export function wholeBlockChange(block: PMNode): Change | null {
  const content = block.content ?? [];
  if (!content.length) return null;
  const last = content[content.length - 1];
  const breakChange = last.type === 'text' && (last.text ?? '').endsWith(BOUNDARY) ? changeOf(last) : null;
  if (breakChange) return breakChange;
  const first = changeOf(content[0]);
  if (!first) return null;
  return content.every((c) => changeOf(c)?.kind === first.kind) ? first : null;
}

/**
 * A pending change of a paragraph's or heading's type (schema/blockTypeSuggestion.ts) as a Word formatting change:
 * the block is written with its new style and a w:pPrChange holding the old one (`oldStyle` gives a type's style:
 * undefined for a plain paragraph, i.e. Normal), so rejecting it in Word restores the old type.
 */
export function typeRevision(
  block: PMNode,
  ctx: RenderContext,
  doc: DocState,
  oldStyle: (type: string, attrs: Record<string, unknown>) => string | undefined,
): Pick<IParagraphOptions, 'revision'> {
  const pending = readBlockSuggestion(block.attrs?.[BLOCK_SUGGESTION_ATTR]);
  if (!pending) return {};
  const style = oldStyle(pending.fromType, pending.fromAttrs);
  return { revision: { ...revisionAttrs(pending, ctx, doc), ...(style ? { style } : {}) } };
}

/** An empty bookmark naming the block, for the import to find it again. */
export function blockIdBookmark(block: PMNode, ctx: RenderContext): ParagraphChild[] {
  const bid = typeof block.attrs?.bid === 'string' ? block.attrs.bid : '';
  if (!bid || !/^[A-Za-z0-9_-]{1,36}$/.test(bid)) return [];
  const link = ctx.nextRevisionId();
  return [new BookmarkStart(`${BID_BOOKMARK_PREFIX}${bid}`, link), new BookmarkEnd(link)] as unknown as ParagraphChild[];
}
