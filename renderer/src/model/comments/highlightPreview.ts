import * as Y from 'yjs';
import { commentsRoot, readAnchorState } from './commentsDoc';
import { resolveAnchor } from './anchor';
import type { BodyIndex } from './bodyIndex';
import type { StoredAnchor, Thread } from './threadTypes';

// What the text view highlights of a document's comments, and the little of them it needs to do so before their
// Y.Doc is loaded on the UI thread (issue 13): a worker reads the stored comments doc and hands back the
// highlighted threads' anchors; the UI resolves them against its own body index. The full doc loads after.

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
export function seedRanges(index: BodyIndex, seeds: readonly HighlightSeed[]): Array<{ threadId: string; from: number; to: number }> {
  const out: Array<{ threadId: string; from: number; to: number }> = [];
  for (const s of seeds) {
    const r = resolveAnchor(index, s.anchor);
    if (r.status === 'ok') out.push({ threadId: s.id, from: r.from, to: r.to });
  }
  return out;
}
