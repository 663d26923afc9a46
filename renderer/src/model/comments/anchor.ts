// Comment anchors: a pair of Y.RelativePositions into the body (encoded, base64) plus the quoted text.
//
// `from` is bound to the first quoted character (associated right), `to` to the last one (associated left), so the
// range always covers exactly the live characters that lie between those two in Yjs' list order: text typed just
// before or after the range stays out, text typed inside it comes in, and undoing a deletion brings the anchor
// back (Yjs follows redone items). When every character in between is gone the range collapses and the thread is
// "on deleted text", keeping its quote. A block deleted as a whole makes its positions unresolvable.
//
// Known limit (from y-prosemirror): splitting or joining paragraphs re-creates the moved text, so an anchor on
// the moved part reads as deleted; findQuote offers a place to re-attach it.
import * as Y from 'yjs';
import type { BlockPoint } from './bodyIndex';
import { blockAt, positionOfBlockPoint, positionOfY, snapToText, textBetween, yIndexAt, type BodyIndex, type IndexedBlock } from './bodyIndex';
import { ModelError } from '../modelError';
import type { StoredAnchor } from './threadTypes';

// Base64 through atob/btoa, which browsers, workers and Node all have. (lib0/buffer chooses Node's Buffer wherever
// there is no `window`, so in a worker, where there is no Buffer either, every anchor read as deleted.)
const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
// Decoded with a plain loop: Uint8Array.from with a map function costs a call per byte, and a 2,000-comment draft
// decodes two positions per thread when its highlights are placed.
function fromBase64(s: string): Uint8Array {
  const binary = atob(s);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const encodeRelativePosition = (rp: Y.RelativePosition): string => toBase64(Y.encodeRelativePosition(rp));

export function decodeRelativePosition(s: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(s));
  } catch {
    return null;
  }
}

const emptySelection = () => new ModelError('comments.error.emptySelection', 'Select some text to comment on.');

/** Normalises a selection to the text it covers: its ends moved off block boundaries onto the text inside. */
export function textRange(index: BodyIndex, from: number, to: number): { from: number; to: number } | null {
  let f = snapToText(index, Math.min(from, to), 'forward');
  let t = snapToText(index, Math.max(from, to), 'backward');
  if (f === null || t === null || t <= f) return null;
  const fb = blockAt(index, f)!;
  if (f === fb.contentEnd && index.blocks[fb.index + 1] && index.blocks[fb.index + 1].contentStart <= t) f = index.blocks[fb.index + 1].contentStart;
  const tb = blockAt(index, t)!;
  if (t === tb.contentStart && tb.index > 0 && index.blocks[tb.index - 1].contentEnd >= f) t = index.blocks[tb.index - 1].contentEnd;
  return t > f ? { from: f, to: t } : null;
}

/** An anchor on the text between two ProseMirror positions (a selection's from/to) of the current body. */
export function createAnchor(index: BodyIndex, from: number, to: number): StoredAnchor {
  const range = textRange(index, from, to);
  if (!range) throw emptySelection();
  const quote = textBetween(index, range.from, range.to);
  if (!quote) throw emptySelection();
  const start = yIndexAt(index, range.from, 'start');
  const end = yIndexAt(index, range.to, 'end');
  if (!start || !end) throw emptySelection();
  return {
    from: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)),
    to: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)),
    quote,
  };
}

/** The same from block points ({ bid, offset }), e.g. for comments entered from an exported paragraph number. */
export function createAnchorAtBlocks(index: BodyIndex, from: BlockPoint, to: BlockPoint): StoredAnchor {
  const f = positionOfBlockPoint(index, from);
  const t = positionOfBlockPoint(index, to);
  if (f === null || t === null) throw emptySelection();
  return createAnchor(index, f, t);
}

export type AnchorResolution =
  | { status: 'ok'; from: number; to: number }
  /** all anchored text is gone */
  | { status: 'deleted' }
  /** the anchor points at text this replica has not received yet (comments synced before the body) */
  | { status: 'pending' };

function notYetReceived(doc: Y.Doc, rp: Y.RelativePosition): boolean {
  const id = rp.item ?? rp.type;
  return id !== null && Y.getState(doc.store, id.client) <= id.clock;
}

/** Y absolute positions of both ends (null where unresolvable), for callers working on Y types directly. */
export function anchorToYAbsolute(doc: Y.Doc, anchor: StoredAnchor): { from: Y.AbsolutePosition | null; to: Y.AbsolutePosition | null } {
  const f = decodeRelativePosition(anchor.from);
  const t = decodeRelativePosition(anchor.to);
  return {
    from: f ? Y.createAbsolutePositionFromRelativePosition(f, doc) : null,
    to: t ? Y.createAbsolutePositionFromRelativePosition(t, doc) : null,
  };
}

// Decoded positions by anchor object: threads read from the same Y.Doc share their anchor objects across reads.
const decoded = new WeakMap<object, [Y.RelativePosition | null, Y.RelativePosition | null]>();

function decodeAnchor(anchor: Readonly<StoredAnchor>): [Y.RelativePosition | null, Y.RelativePosition | null] {
  let d = decoded.get(anchor);
  if (!d || (d[0] === null && d[1] === null)) {
    d = [decodeRelativePosition(anchor.from), decodeRelativePosition(anchor.to)];
    decoded.set(anchor, d);
  }
  return d;
}

/** Where an anchor is now, in ProseMirror positions of the indexed body. O(1) per anchor after the index walk. */
export function resolveAnchor(index: BodyIndex, anchor: Readonly<StoredAnchor>): AnchorResolution {
  const [rf, rt] = decodeAnchor(anchor);
  if (!rf || !rt) return { status: 'deleted' };
  if (notYetReceived(index.doc, rf) || notYetReceived(index.doc, rt)) return { status: 'pending' };
  const af = Y.createAbsolutePositionFromRelativePosition(rf, index.doc);
  const at = Y.createAbsolutePositionFromRelativePosition(rt, index.doc);
  let from = af ? positionOfY(index, af.type, af.index) : null;
  let to = at ? positionOfY(index, at.type, at.index) : null;
  // One end's block deleted whole: keep what survives in the other end's block.
  if (from === null && to !== null) from = blockAt(index, to)?.contentStart ?? null;
  if (to === null && from !== null) to = blockAt(index, from)?.contentEnd ?? null;
  if (from === null || to === null || to <= from) return { status: 'deleted' };
  return { status: 'ok', from, to };
}

export interface AnchorLocation {
  from: BlockPoint | null;
  to: BlockPoint | null;
  /** "para N" of the block where the range starts (null for headings, tables, deleted text) */
  para: number | null;
  /** "§ 3.2": the section the range starts in ('' before any heading) */
  section: string;
  /** the text the anchor covers now */
  text: string;
}

const point = (b: IndexedBlock | null, pos: number): BlockPoint | null => (b && b.bid ? { bid: b.bid, offset: pos - b.contentStart } : null);

/** Block points, paragraph and section of a resolved anchor; `text` only when asked (it costs a slice). */
export function anchorLocation(index: BodyIndex, r: AnchorResolution, opts: { text?: boolean } = { text: true }): AnchorLocation {
  if (r.status !== 'ok') return { from: null, to: null, para: null, section: '', text: '' };
  const fb = blockAt(index, r.from);
  const tb = blockAt(index, r.to);
  const text = opts.text ? textBetween(index, r.from, r.to) : '';
  return { from: point(fb, r.from), to: point(tb, r.to), para: fb?.para ?? null, section: fb?.section ?? '', text };
}

/**
 * Places where `quote` occurs in the body now (ProseMirror ranges within one block), nearest to `near` first:
 * candidates for re-attaching a thread that is on deleted text. Never applied automatically.
 */
export function findQuote(index: BodyIndex, quote: string, near = 0): Array<{ from: number; to: number }> {
  const q = quote.trim();
  if (!q || q.includes('\n')) return [];
  const hits: Array<{ from: number; to: number }> = [];
  for (const b of index.blocks) {
    for (let i = b.text.indexOf(q); i >= 0; i = b.text.indexOf(q, i + 1)) hits.push({ from: b.contentStart + i, to: b.contentStart + i + q.length });
  }
  return hits.sort((x, y) => Math.abs(x.from - near) - Math.abs(y.from - near));
}
