import * as Y from 'yjs';
import { docBody } from '../../model/bodyJson';
import { newId } from '../../../../common/ids';
import { addThread } from '../../model/comments/commentsDoc';
import type { Actor } from '../../model/comments/threadTypes';
import { mintSuggestionId, suggestionsMap, type SuggestionMeta } from '../../model/suggestions/suggestionMeta';
import { ATOM, hasChanges, originalText, revisedText, type Segment, type TrackedParagraph } from './trackedParse';

// "Import changes from DOCX…" (issue 12), step 2: the tracked changes of a returned file (trackedParse.ts) as
// suggestions on top of the current text of this draft, in one transaction of the document doc (one undo step).
//
// Matching: a paragraph carrying one of our block ids (`_rp<bid>` bookmark) goes to that block; any other goes to
// the first block not yet matched whose text is the paragraph's text before the changes (as the stakeholder
// received it) or after them (the changes are already in the draft: then inserted text is marked and deleted
// text comes back under a deletion mark, which is what "changes since version" files look like when imported
// into the draft that wrote them). The text must be equal, not similar: a change is placed exactly or not at all.
// A whole paragraph inserted (or deleted) that matches nothing becomes a new paragraph after the last matched
// one. Everything else becomes a comment with the paragraph's revised wording as proposed wording: never dropped.
//
// Each Word change (w:ins or w:del run of one author) becomes one suggestion: an `insertion` or `deletion` mark
// on the body's Y.XmlText (attributes as y-prosemirror stores marks) and its SuggestionMeta (`source: 'docx'`,
// authorName = w:author, at = w:date, authorId = the importing user).

export interface TrackedImportSummary {
  /** suggestions created */
  changes: number;
  /** Word authors of those, in order of first appearance */
  authors: string[];
  /** paragraphs whose changes became comments */
  unplaced: number;
}

export interface TrackedImportOptions {
  now?: number;
  /** the comment body for a change that could not be placed (default English; the app passes the UI language) */
  unplacedBody?: (author: string, original: string) => string;
}

const UNKNOWN = 'Unknown';
const TEXTBLOCKS = new Set(['paragraph', 'heading']);

interface Piece {
  start: number;
  length: number;
  node: Y.XmlText | null;
}

interface Block {
  el: Y.XmlElement;
  bid: string | null;
}

function blocksOf(fragment: Y.XmlFragment): Block[] {
  const out: Block[] = [];
  const walk = (n: Y.XmlFragment | Y.XmlElement) => {
    for (const c of n.toArray()) {
      if (!(c instanceof Y.XmlElement)) continue;
      if (TEXTBLOCKS.has(c.nodeName)) {
        const bid = c.getAttribute('bid');
        out.push({ el: c, bid: typeof bid === 'string' ? bid : null });
      } else walk(c);
    }
  };
  walk(fragment);
  return out;
}

/** The inline pieces of a block: its text nodes and atoms, with block offsets (an atom counts 1). */
function piecesOf(el: Y.XmlElement): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const c of el.toArray()) {
    if (c instanceof Y.XmlText) {
      const length = c.length;
      out.push({ start: at, length, node: c });
      at += length;
    } else {
      out.push({ start: at, length: 1, node: null });
      at += 1;
    }
  }
  return out;
}

function textOf(el: Y.XmlElement): string {
  let s = '';
  for (const c of el.toArray()) {
    if (c instanceof Y.XmlText) for (const op of c.toDelta() as Array<{ insert: unknown }>) s += typeof op.insert === 'string' ? op.insert : ATOM;
    else s += ATOM;
  }
  return s;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function formatRange(el: Y.XmlElement, from: number, length: number, attrs: Record<string, unknown>): void {
  for (const p of piecesOf(el)) {
    if (!p.node) continue;
    const a = Math.max(from, p.start);
    const b = Math.min(from + length, p.start + p.length);
    if (b > a) p.node.format(a - p.start, b - a, attrs);
  }
}

function insertAt(el: Y.XmlElement, offset: number, text: string, attrs: Record<string, unknown>): void {
  const clean = text.split(ATOM).join('');
  if (!clean) return;
  const pieces = piecesOf(el);
  const host = pieces.find((p) => p.node && offset >= p.start && offset <= p.start + p.length);
  if (host?.node) return void host.node.insert(offset - host.start, clean, attrs);
  // No text node there (an empty block, or between atoms): a new one at the right child index.
  const index = pieces.filter((p) => p.start < offset).length;
  const t = new Y.XmlText();
  el.insert(index, [t]);
  t.insert(0, clean, attrs);
}

export function applyTrackedChanges(
  docDoc: Y.Doc,
  commentsDoc: Y.Doc | null,
  paragraphs: readonly TrackedParagraph[],
  actor: Actor,
  o: TrackedImportOptions = {},
): TrackedImportSummary {
  const now = o.now ?? Date.now();
  const metas = suggestionsMap(docDoc);
  const authors: string[] = [];
  let counter = metas.size;
  let changes = 0;
  const unplaced: TrackedParagraph[] = [];

  const newSuggestion = (s: Segment): string => {
    let id: string;
    do id = mintSuggestionId(docDoc, actor.id, ++counter);
    while (metas.has(id));
    const authorName = s.author.trim() || UNKNOWN;
    if (!authors.includes(authorName)) authors.push(authorName);
    const meta: SuggestionMeta = { id, authorId: actor.id, authorName, at: Number.isFinite(s.at) ? s.at : now, source: 'docx' };
    metas.set(id, meta);
    changes++;
    return id;
  };
  const mark = (kind: 'ins' | 'del', id: string) => ({ [kind === 'ins' ? 'insertion' : 'deletion']: { id } });

  docDoc.transact(() => {
    const fragment = docBody(docDoc);
    const blocks = blocksOf(fragment);
    const byBid = new Map<string, Block>();
    for (const b of blocks) if (b.bid && !byBid.has(b.bid)) byBid.set(b.bid, b);
    const used = new Set<Y.XmlElement>();
    let previous: Y.XmlElement | null = null;

    for (const p of paragraphs) {
      let target = p.bid ? byBid.get(p.bid) : undefined;
      const original = originalText(p);
      const revised = revisedText(p);
      if (!target && (norm(original) || norm(revised)))
        target = blocks.find((b) => !used.has(b.el) && (b.bid === null || !p.bid || !byBid.has(p.bid)) && [norm(original), norm(revised)].includes(norm(textOf(b.el))));
      if (target) {
        used.add(target.el);
        previous = target.el;
      }
      if (!hasChanges(p)) continue;

      if (!target) {
        const whole = p.segments.length > 0 && p.segments.every((s) => s.kind === p.segments[0].kind && s.kind !== 'eq');
        if (whole && previous?.parent) {
          // A paragraph added (or removed) as a whole: a new block after the last matched one, under its mark.
          const parent = previous.parent as Y.XmlElement | Y.XmlFragment;
          const index = parent.toArray().indexOf(previous) + 1;
          const el = new Y.XmlElement('paragraph');
          el.setAttribute('bid', newId());
          parent.insert(index, [el]);
          for (const s of p.segments) insertAt(el, textOf(el).length, s.text, mark(s.kind as 'ins' | 'del', newSuggestion(s)));
          previous = el;
        } else unplaced.push(p);
        continue;
      }

      const current = textOf(target.el);
      // The segments in the coordinates of the text they are applied to; applied from the end, so earlier
      // offsets stay valid.
      const mode = current === original ? 'apply' : current === revised ? 'already' : null;
      if (!mode) {
        unplaced.push(p);
        continue;
      }
      const ops: Array<{ at: number; seg: Segment; kind: 'format' | 'insert' }> = [];
      let cursor = 0;
      for (const s of p.segments) {
        const advances = s.kind === 'eq' || (mode === 'apply' ? s.kind === 'del' : s.kind === 'ins');
        if (s.kind !== 'eq') ops.push({ at: cursor, seg: s, kind: advances ? 'format' : 'insert' });
        if (advances) cursor += s.text.length;
      }
      const ids = ops.map((op) => newSuggestion(op.seg));
      for (let i = ops.length - 1; i >= 0; i--) {
        const { at, seg, kind } = ops[i];
        const attrs = mark(seg.kind as 'ins' | 'del', ids[i]);
        if (kind === 'format') formatRange(target.el, at, seg.text.length, attrs);
        else insertAt(target.el, at, seg.text, attrs);
      }
    }
  });

  if (unplaced.length && commentsDoc) {
    const body = o.unplacedBody ?? ((author: string, original: string) => `Change by ${author} in the Word file that could not be placed in this draft.${original ? ` Original text: “${original}”` : ''}`);
    commentsDoc.transact(() => {
      for (const p of unplaced) {
        const author = p.segments.find((s) => s.kind !== 'eq')?.author.trim() || UNKNOWN;
        if (!authors.includes(author)) authors.push(author);
        addThread(
          commentsDoc,
          {
            anchor: null,
            type: 'editorial',
            body: body(author, originalText(p).split(ATOM).join('').trim()),
            proposedWording: revisedText(p).split(ATOM).join('').trim(),
            purpose: 'stakeholder',
            attribution: { name: author, organisation: '', group: 'other', region: 'global' },
          },
          actor,
          { now },
        );
      }
    });
  }
  return { changes, authors, unplaced: unplaced.length };
}
