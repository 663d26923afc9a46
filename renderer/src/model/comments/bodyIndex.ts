// One walk of a document body (the Y.XmlFragment `body`) that everything positional is computed from: ProseMirror
// positions of every Y type, the text blocks in reading order with their bids, text, paragraph and section
// numbers. Built once per render or export, it resolves any number of anchors without walking again.
//
// ProseMirror positions as y-prosemirror maps them: a non-leaf element takes 1 (open) + content + 1 (close), an
// inline atom (footnote, hardBreak) takes 1, each text character 1. Position 0 is before the first block.
import * as Y from 'yjs';
import { atomText, ATOM_CHAR, isLeafNode, isTextblockNode } from './schemaKinds';
import { BlockNumberer, childListPlace, hasVisibleText, type ListPlace } from '../paragraphNumbers';

/** A point in the body: the block (paragraph/heading) id and an offset in its inline content
 * (each text character counts 1, each inline atom such as a footnote or hard break counts 1). */
export interface BlockPoint {
  bid: string;
  offset: number;
}

export interface IndexedBlock {
  /** reading-order index among blocks */
  index: number;
  bid: string | null;
  type: string;
  element: Y.XmlElement;
  /** position before the block's opening token */
  start: number;
  contentStart: number;
  contentEnd: number;
  /** inline content as text, one character per position (atoms: schemaKinds.atomText) */
  text: string;
  para: number | null;
  /** a list item's label ("(a)"), see model/paragraphNumbers.ts */
  item: string | null;
  section: string;
  inTable: boolean;
}

interface Container {
  /** boundaries[i] = position before child i; boundaries[children.length] = end of content */
  boundaries: number[];
  children: Array<Y.XmlElement | Y.XmlText>;
}

export interface BodyIndex {
  fragment: Y.XmlFragment;
  doc: Y.Doc;
  /** content size of the whole body */
  size: number;
  blocks: IndexedBlock[];
  textStart: Map<Y.XmlText, number>;
  containers: Map<YContainer, Container>;
}

export type YContainer = Y.XmlFragment | Y.XmlElement;
/** Where a Y absolute position can point in the body: into text, or between children of an element. */
export type YPlace = Y.XmlText | YContainer;

const TABLE = 'table';

export function buildBodyIndex(fragment: Y.XmlFragment): BodyIndex {
  if (!fragment.doc) throw new Error('buildBodyIndex: the fragment is not in a Y.Doc');
  const blocks: IndexedBlock[] = [];
  const textStart = new Map<Y.XmlText, number>();
  const containers = new Map<YContainer, Container>();
  const numberer = new BlockNumberer();

  const walk = (type: Y.XmlFragment | Y.XmlElement, contentStart: number, inTable: boolean, block: IndexedBlock | null, list: ListPlace | null): number => {
    const children = type.toArray() as Array<Y.XmlElement | Y.XmlText>;
    const boundaries = [contentStart];
    const parentName = type instanceof Y.XmlElement ? type.nodeName : 'doc';
    let pos = contentStart;
    children.forEach((child, ci) => {
      if (child instanceof Y.XmlText) {
        textStart.set(child, pos);
        if (block) for (const op of child.toDelta() as Array<{ insert: unknown }>) block.text += typeof op.insert === 'string' ? op.insert : ATOM_CHAR;
        pos += child.length;
      } else if (isLeafNode(child.nodeName)) {
        if (block) block.text += atomText(child.nodeName);
        pos += 1;
      } else if (isTextblockNode(child.nodeName)) {
        const bid = child.getAttribute('bid');
        const b: IndexedBlock = {
          index: blocks.length,
          bid: typeof bid === 'string' && bid ? bid : null,
          type: child.nodeName,
          element: child,
          start: pos,
          contentStart: pos + 1,
          contentEnd: 0,
          text: '',
          para: null,
          item: null,
          section: '',
          inTable,
        };
        blocks.push(b);
        b.contentEnd = walk(child, pos + 1, inTable, b, null);
        const place = childListPlace(parentName, list, child.nodeName, ci);
        const n = numberer.next(child.nodeName, Number(child.getAttribute('level') ?? 1), inTable, hasVisibleText(b.text), place);
        b.para = n.para;
        b.item = n.item ?? null;
        b.section = n.section;
        pos = b.contentEnd + 1;
      } else {
        pos = walk(child, pos + 1, inTable || child.nodeName === TABLE, block, childListPlace(parentName, list, child.nodeName, ci)) + 1;
      }
      boundaries.push(pos);
    });
    containers.set(type, { boundaries, children });
    return pos;
  };
  const size = walk(fragment, 0, false, null, null);
  return { fragment, doc: fragment.doc, size, blocks, textStart, containers };
}

/** Last block whose content starts at or before `pos` (binary search), or null. */
function blockBefore(index: BodyIndex, pos: number): IndexedBlock | null {
  const { blocks } = index;
  let lo = 0;
  let hi = blocks.length - 1;
  let found: IndexedBlock | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].contentStart <= pos) {
      found = blocks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The text block whose content contains `pos` (ends included), or null when `pos` lies between blocks. */
export function blockAt(index: BodyIndex, pos: number): IndexedBlock | null {
  const b = blockBefore(index, pos);
  return b && pos <= b.contentEnd ? b : null;
}

/**
 * Moves `pos` into text: a position between blocks goes to the start of the next block ('forward') or the end
 * of the previous one ('backward'). Null when there is no block that way.
 */
export function snapToText(index: BodyIndex, pos: number, direction: 'forward' | 'backward'): number | null {
  const inside = blockAt(index, pos);
  if (inside) return pos;
  const before = blockBefore(index, pos);
  if (direction === 'backward') return before ? before.contentEnd : null;
  const next = index.blocks[before ? before.index + 1 : 0];
  return next ? next.contentStart : null;
}

/** The block point (bid + offset) of a position inside a text block. */
export function blockPointAt(index: BodyIndex, pos: number): BlockPoint | null {
  const b = blockAt(index, pos);
  return b && b.bid ? { bid: b.bid, offset: pos - b.contentStart } : null;
}

/** Position of a block point, or null when the block is gone. Offsets past the end are clamped. */
export function positionOfBlockPoint(index: BodyIndex, point: BlockPoint): number | null {
  const b = index.blocks.find((x) => x.bid === point.bid);
  return b ? Math.min(b.contentStart + Math.max(0, point.offset), b.contentEnd) : null;
}

/** Text between two positions: block texts joined by newlines, footnote markers dropped. */
export function textBetween(index: BodyIndex, from: number, to: number): string {
  if (to <= from) return '';
  const parts: string[] = [];
  let b = blockBefore(index, from) ?? index.blocks[0];
  if (b && from > b.contentEnd) b = index.blocks[b.index + 1];
  for (; b && b.contentStart <= to; b = index.blocks[b.index + 1]) {
    const s = Math.max(from, b.contentStart) - b.contentStart;
    const e = Math.min(to, b.contentEnd) - b.contentStart;
    if (e >= s) parts.push(b.text.slice(s, e));
  }
  return parts.join('\n').split(ATOM_CHAR).join('');
}

/** Y type and index at a position, as an anchor end sees it: prefers text on its inner side (`side`). */
export function yIndexAt(index: BodyIndex, pos: number, side: 'start' | 'end'): { type: YPlace; index: number } | null {
  let type: YContainer = index.fragment;
  for (let depth = 0; depth < 64; depth++) {
    const c = index.containers.get(type);
    if (!c) return null;
    const { boundaries: b, children } = c;
    if (pos < b[0] || pos > b[b.length - 1]) return null;
    let lo = 0;
    let hi = children.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (b[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    if (b[i] === pos) {
      const right = children[i];
      const left = children[i - 1];
      const [first, second] = side === 'start' ? [right, left] : [left, right];
      if (first instanceof Y.XmlText) return { type: first, index: first === right ? 0 : first.length };
      if (second instanceof Y.XmlText) return { type: second, index: second === right ? 0 : second.length };
      return { type, index: i };
    }
    const child = children[i];
    if (child instanceof Y.XmlText) return { type: child, index: pos - b[i] };
    if (!child || isLeafNode(child.nodeName)) return null;
    type = child;
  }
  return null;
}

/** Position of a Y absolute position (type + index), or null when the type is not (or no longer) in the body. */
export function positionOfY(index: BodyIndex, type: unknown, i: number): number | null {
  if (type instanceof Y.XmlText) {
    const start = index.textStart.get(type);
    return start === undefined ? null : start + Math.min(Math.max(0, i), type.length);
  }
  const c = index.containers.get(type as YContainer);
  if (!c) return null;
  return c.boundaries[Math.min(Math.max(0, i), c.children.length)];
}
