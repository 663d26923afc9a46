import * as Y from 'yjs';
import { commentsRoot, readAnchorState } from './commentsDoc';
import { resolveAnchor } from './anchor';
import { buildBodyIndex, type BodyIndex } from './bodyIndex';
import { docBody } from '../bodyJson';
import type { StoredAnchor, Thread } from './threadTypes';

// What the text view highlights of a document's comments, and the little of them it needs to do so before their
// Y.Doc is loaded on the UI thread (issue 13): a worker reads the stored comments doc and hands back the
// highlighted threads' anchors; the UI resolves them against its own body index. The full doc loads after.
// Where the body and the comments are both as they were when last placed (their content stamps match), the worker
// hands back the placed highlights themselves (storage/highlightCache.ts), and the text draws them at once.

/** Whether a thread's text is highlighted: it has an anchor and is open, or it is the thread being looked at. */
export const isHighlighted = (th: Pick<Thread, 'id' | 'anchor' | 'resolved'>, activeId: string | null): boolean => !!th.anchor && (!th.resolved || th.id === activeId);

/** A highlighted thread as the worker hands it over: its id and the two ends of its anchor. */
export interface HighlightSeed {
  id: string;
  anchor: StoredAnchor;
}

/** The highlighted threads of a comments doc, with no thread active (reading only what decides it). */
export function highlightSeeds(comments: Y.Doc): HighlightSeed[] {
  const seeds: HighlightSeed[] = [];
  commentsRoot(comments).forEach((t, id) => {
    if (!(t instanceof Y.Map)) return;
    const { anchor, resolved } = readAnchorState(t);
    if (anchor && isHighlighted({ id, anchor, resolved }, null)) seeds.push({ id, anchor: { from: anchor.from, to: anchor.to, quote: '' } });
  });
  return seeds;
}

/** Where the seeds' anchors are in the indexed body; anchors whose text is gone or not yet here are left out. */
export function seedRanges(index: BodyIndex, seeds: readonly HighlightSeed[]): HighlightRange[] {
  const out: HighlightRange[] = [];
  for (const s of seeds) {
    const r = resolveAnchor(index, s.anchor);
    if (r.status === 'ok') out.push({ threadId: s.id, from: r.from, to: r.to });
  }
  return out;
}

/** A highlight as the text view draws it: a thread's text, in ProseMirror positions of the body. */
export interface HighlightRange {
  threadId: string;
  from: number;
  to: number;
}

/** A paragraph-number mark: before a numbered paragraph or lettered list item (its opening token), the end of its
 * content, and its label ("12", "(a)"; model/paragraphNumbers.ts). */
export interface ParagraphMark {
  start: number;
  end: number;
  label: string;
}

/** The paragraph-number marks of the indexed body. */
export function paragraphMarks(index: BodyIndex): ParagraphMark[] {
  return index.blocks.flatMap((b) => {
    const label = b.para !== null ? String(b.para) : b.item;
    return label ? [{ start: b.start, end: b.contentEnd, label }] : [];
  });
}

/** What the text view draws of a document's comments, placed on its body: the highlights and the paragraph numbers. */
export interface PlacedHighlights {
  ranges: HighlightRange[];
  paragraphs: ParagraphMark[];
}

/** The highlights of `seeds` (a comments doc's, `highlightSeeds`) and the paragraph numbers, placed on the body of `body`. */
export function placeHighlights(body: Y.Doc, seeds: readonly HighlightSeed[]): PlacedHighlights {
  const index = buildBodyIndex(docBody(body));
  return { ranges: seedRanges(index, seeds), paragraphs: paragraphMarks(index) };
}
