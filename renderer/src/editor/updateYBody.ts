import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import { BLOCK_ID_ATTR } from '../schema/blockId';

// The editor's write path: ProseMirror document -> Y.XmlFragment. It replaces the block-level alignment of
// `updateYFragment` in @tiptap/y-tiptap 3.0.9 (a fork of y-prosemirror's sync plugin) and hands each textblock
// to that upstream function, which edits the block's Y.XmlText in place (prefix/suffix diff, marks).
//
// Why: upstream pairs old Y children with new ProseMirror children by a left/right equality heuristic. When a
// paragraph is split, both halves differ from the old element, the tie goes to the left half, and an Enter at the
// start of a paragraph moved all its text into a new element. Text another replica is typing into the old
// element's Y.XmlText then lands in the wrong half (Yjs cannot move items between elements). Here a block's
// persistent id (`bid`, schema/blockId.ts) says which element it is: the Y element whose bid equals the new
// node's bid keeps its Y.XmlText, edited in place; blocks of other ids are created or deleted. Which half of a
// split keeps the id (and so the text items other replicas reference) is decided by `blockIdFixes`.
//
// Containers (lists, list items, tables, rows, cells, the body itself) carry no id: they are keyed by their first
// block's id, and unkeyed leftovers are paired in order by node type as upstream does.

type YChild = Y.XmlElement | Y.XmlText | Y.XmlHook;
export type BindingMeta = Parameters<typeof updateYFragment>[3];
interface Transactor {
  transact: (f: () => void, origin?: unknown) => void;
}

/** The id a Y child is known by: a textblock's bid, a container's first block's bid. */
function yKey(child: YChild): string | null {
  for (let el: YChild | undefined = child; el instanceof Y.XmlElement; el = el.get(0) as YChild | undefined) {
    const bid = el.getAttribute(BLOCK_ID_ATTR);
    if (typeof bid === 'string' && bid) return bid;
  }
  return null;
}

function pKey(node: PMNode): string | null {
  for (let n: PMNode | null = node; n && !n.isText; n = n.firstChild) {
    const bid = n.attrs[BLOCK_ID_ATTR] as unknown;
    if (typeof bid === 'string' && bid) return bid;
  }
  return null;
}

const holdsBlocks = (node: PMNode) => !node.isLeaf && !node.inlineContent;

/** Keyed pairs (same id, same node type) that keep their relative order: a longest increasing subsequence. */
function anchors(yChildren: YChild[], pChildren: PMNode[]): Array<[number, number]> {
  const yByKey = new Map<string, number>();
  yChildren.forEach((y, i) => {
    const key = yKey(y);
    if (key !== null && !yByKey.has(key)) yByKey.set(key, i);
  });
  const seen = new Set<string>();
  const pairs: Array<[number, number]> = [];
  pChildren.forEach((p, pi) => {
    const key = pKey(p);
    if (key === null || seen.has(key)) return;
    seen.add(key);
    const yi = yByKey.get(key);
    const y = yi === undefined ? undefined : yChildren[yi];
    if (y instanceof Y.XmlElement && y.nodeName === p.type.name) pairs.push([yi!, pi]);
  });
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length);
  pairs.forEach(([yi], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < yi) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

function syncAttributes(el: Y.XmlElement, node: PMNode): void {
  const yAttrs = el.getAttributes() as Record<string, unknown>;
  const pAttrs = node.attrs as Record<string, unknown>;
  for (const key in pAttrs) {
    if (pAttrs[key] === null) el.removeAttribute(key);
    else if (key !== 'ychange' && yAttrs[key] !== pAttrs[key]) el.setAttribute(key, pAttrs[key] as string);
  }
  for (const key in yAttrs) if (pAttrs[key] === undefined) el.removeAttribute(key);
}

/** Brings one Y child in line with a ProseMirror node of the same type, keeping the Y child. */
function updateChild(y: Transactor, el: Y.XmlElement, node: PMNode, meta: BindingMeta): void {
  if (meta.mapping.get(el) === node) return; // unchanged since it was last read or written
  if (holdsBlocks(node)) updateYBody(y, el, node, meta);
  else updateYFragment(y, el, node, meta);
}

function insertChildren(y: Transactor, parent: Y.XmlFragment, index: number, nodes: PMNode[], meta: BindingMeta): void {
  if (nodes.length === 0) return;
  const els = nodes.map((n) => new Y.XmlElement(n.type.name));
  parent.insert(index, els);
  els.forEach((el, i) => updateChild(y, el, nodes[i]!, meta));
}

function deleteChildren(parent: Y.XmlFragment, index: number, length: number, meta: BindingMeta): void {
  if (length <= 0) return;
  for (const child of parent.slice(index, index + length)) meta.mapping.delete(child as YChild);
  parent.delete(index, length);
}

/**
 * Writes a ProseMirror node into the Y type that holds it (the body's Y.XmlFragment and its doc node, or any
 * block container): same contract and arguments as y-tiptap's `updateYFragment`, which it uses for textblocks.
 */
export function updateYBody(y: Transactor, yParent: Y.XmlFragment, pNode: PMNode, meta: BindingMeta): void {
  if (!holdsBlocks(pNode)) {
    updateYFragment(y, yParent, pNode, meta);
    return;
  }
  if (yParent instanceof Y.XmlElement && yParent.nodeName !== pNode.type.name) throw new Error('node name mismatch!');
  meta.mapping.set(yParent, pNode);
  y.transact(() => {
    if (yParent instanceof Y.XmlElement) syncAttributes(yParent, pNode);
    const yChildren = yParent.toArray() as YChild[];
    const pChildren = pNode.content.content;
    // Unchanged ends first (a keystroke changes one block of thousands).
    let start = 0;
    const min = Math.min(yChildren.length, pChildren.length);
    while (start < min && meta.mapping.get(yChildren[start]!) === pChildren[start]) start++;
    let end = 0;
    while (end < min - start && meta.mapping.get(yChildren[yChildren.length - 1 - end]!) === pChildren[pChildren.length - 1 - end]) end++;
    const ys = yChildren.slice(start, yChildren.length - end);
    const ps = pChildren.slice(start, pChildren.length - end);
    // Walk the anchors; between two, pair the leftovers in order when their types match, else replace.
    let at = start; // index in yParent of the next unvisited child
    let yi = 0;
    let pi = 0;
    const gap = (yEnd: number, pEnd: number) => {
      for (; yi < yEnd && pi < pEnd; yi++, pi++) {
        const yc = ys[yi]!;
        const pc = ps[pi]!;
        if (yc instanceof Y.XmlElement && yc.nodeName === pc.type.name) updateChild(y, yc, pc, meta);
        else {
          deleteChildren(yParent, at, 1, meta);
          insertChildren(y, yParent, at, [pc], meta);
        }
        at++;
      }
      deleteChildren(yParent, at, yEnd - yi, meta);
      yi = yEnd;
      insertChildren(y, yParent, at, ps.slice(pi, pEnd), meta);
      at += pEnd - pi;
      pi = pEnd;
    };
    for (const [ya, pa] of anchors(ys, ps)) {
      gap(ya, pa);
      updateChild(y, ys[ya] as Y.XmlElement, ps[pa]!, meta);
      yi++;
      pi++;
      at++;
    }
    gap(ys.length, ps.length);
  }, ySyncPluginKey);
}
