import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Mapping, type Mappable } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newId } from '../../../common/ids';
import { changedRange, topLevelRange } from './changedRange';

// Every paragraph and heading carries a persistent id (`bid`), so paragraph numbers and comment locations stay
// stable while text above them changes. Ids are assigned by local edits only: a remote change (from Yjs) never
// triggers a write, so merely opening a document writes nothing.
//
// An id follows the bulk of its block's text. When Enter splits a paragraph, the half holding more of the old
// text keeps the id (Enter at the start of a paragraph leaves the id on the text, not on the new empty line); when
// Backspace or a deletion joins blocks, the joined block takes the id of the block that gave it the most text.
// The editor's write path (editor/updateYBody.ts) keeps the Y element whose id a block carries, with its text
// items, so the half that keeps the id is also where another replica's concurrent typing lands.

export const BLOCK_ID_TYPES = ['paragraph', 'heading'];
export const BLOCK_ID_ATTR = 'bid';

export const BlockId = Extension.create({
  name: 'blockId',
  addGlobalAttributes() {
    return [
      {
        types: BLOCK_ID_TYPES,
        attributes: {
          [BLOCK_ID_ATTR]: {
            default: null,
            // Pasted or imported HTML never brings ids: fresh ones are assigned below.
            parseHTML: () => null,
            renderHTML: (attrs) => (attrs[BLOCK_ID_ATTR] ? { 'data-bid': attrs[BLOCK_ID_ATTR] } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('blockId'),
        appendTransaction(transactions, oldState, state) {
          const local = transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey)?.isChangeOrigin);
          if (!local) return null;
          const mapping = new Mapping();
          for (const t of transactions) mapping.appendMapping(t.mapping);
          const tr = state.tr;
          for (const fix of changedBlockIdFixes(state.doc, { doc: oldState.doc, mapping })) tr.setNodeAttribute(fix.pos, BLOCK_ID_ATTR, fix.bid ?? newId());
          if (!tr.docChanged) return null;
          return tr.setMeta('addToHistory', false);
        },
      }),
    ];
  },
});

/** A block whose id must change: `bid` null means a fresh id (the caller makes it). */
export interface BlockIdFix {
  pos: number;
  bid: string | null;
}

interface IdBlock {
  pos: number;
  from: number;
  to: number;
  bid: string | null;
}

function idBlocks(doc: PMNode, from = 0, to = doc.content.size): IdBlock[] {
  const out: IdBlock[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!BLOCK_ID_TYPES.includes(node.type.name)) return true;
    const bid = node.attrs[BLOCK_ID_ATTR] as unknown;
    out.push({ pos, from: pos + 1, to: pos + 1 + node.content.size, bid: typeof bid === 'string' && bid ? bid : null });
    return false;
  });
  return out;
}

/**
 * blockIdFixes for a local change, looking only at the top-level blocks the change touched (found by comparing
 * the two documents, which share every untouched node): typing in a long document no longer walks all of it.
 * Ids outside the touched blocks are unique and stay as they are, so the fixes are those of the whole document;
 * when the touched blocks bring an id that was not there before (content inserted with ids), the whole document
 * is checked as before.
 */
export function changedBlockIdFixes(doc: PMNode, before: { doc: PMNode; mapping: Mappable }): BlockIdFix[] {
  const change = changedRange(before.doc, doc);
  if (!change) return [];
  const now = topLevelRange(doc, change.from, change.toAfter);
  const was = topLevelRange(before.doc, change.from, change.toBefore);
  const blocks = idBlocks(doc, now.from, now.to);
  const oldBlocks = idBlocks(before.doc, was.from, was.to);
  const oldIds = new Set(oldBlocks.map((b) => b.bid));
  if (blocks.some((b) => b.bid !== null && !oldIds.has(b.bid))) return blockIdFixes(doc, before);
  return fixesFor(blocks, oldBlocks, before.mapping);
}

/**
 * The id changes a local change needs so that every paragraph and heading has a unique id and ids follow text.
 * `before` is the document before the change and the change's mapping; without it, duplicates and missing ids
 * get fresh ids and the first of equal ids keeps it.
 */
export function blockIdFixes(doc: PMNode, before?: { doc: PMNode; mapping: Mappable }): BlockIdFix[] {
  return fixesFor(idBlocks(doc), before ? idBlocks(before.doc) : [], before?.mapping);
}

function fixesFor(blocks: IdBlock[], oldList: IdBlock[], mapping: Mappable | undefined): BlockIdFix[] {
  const count = new Map<string, number>();
  for (const b of blocks) if (b.bid) count.set(b.bid, (count.get(b.bid) ?? 0) + 1);
  const seen = new Set<string>();
  const oldBlocks = oldList.filter((b) => b.bid && !seen.has(b.bid) && seen.add(b.bid));
  const broken = blocks.some((b) => !b.bid || count.get(b.bid)! > 1) || oldBlocks.some((o) => !count.has(o.bid!));
  if (!broken) return [];
  // Each old id goes to the new block that holds the most of its old text (largest overlap first; on a tie, the
  // block that already carries it, then the first).
  const pairs: Array<{ bid: string; block: number; weight: number; own: boolean }> = [];
  for (const old of oldBlocks) {
    const from = mapping!.map(old.from, 1);
    const to = Math.max(from, mapping!.map(old.to, -1));
    // Blocks are in document order and do not overlap: start at the first that ends at or after `from`.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.to < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blocks.length && blocks[i]!.from <= to; i++) {
      const b = blocks[i]!;
      pairs.push({ bid: old.bid!, block: i, weight: Math.min(to, b.to) - Math.max(from, b.from), own: b.bid === old.bid });
    }
  }
  pairs.sort((a, b) => b.weight - a.weight || Number(b.own) - Number(a.own) || a.block - b.block);
  const assigned = new Map<number, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (assigned.has(p.block) || taken.has(p.bid)) continue;
    assigned.set(p.block, p.bid);
    taken.add(p.bid);
  }
  // Blocks no old id went to keep their own id if it is still free (first come), else get a fresh one.
  const fixes: BlockIdFix[] = [];
  blocks.forEach((b, i) => {
    let bid = assigned.get(i) ?? null;
    if (bid === null && b.bid && !taken.has(b.bid)) bid = b.bid;
    if (bid !== null) taken.add(bid);
    if (bid !== b.bid || bid === null) fixes.push({ pos: b.pos, bid });
  });
  return fixes;
}
