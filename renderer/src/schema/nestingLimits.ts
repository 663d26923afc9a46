import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { MAX_LIST_DEPTH, MAX_TABLE_DEPTH } from './limits';

// The editor refuses a local change that nests lists deeper than Word's nine levels or tables deeper than
// MAX_TABLE_DEPTH (a paste, a drop, Tab on a list item). Only the top-level blocks a change touches are measured,
// and a change is refused only when it goes deeper than those blocks already were, so an old document that is
// already too deep stays editable. Remote changes (Yjs) are never refused: that would fork the replica.

export interface Nesting {
  lists: number;
  tables: number;
}

/** The deepest list and table nesting inside `node` (counting `node` itself). */
export function nestingOf(node: PMNode): Nesting {
  let lists = 0;
  let tables = 0;
  const walk = (n: PMNode, l: number, t: number) => {
    const name = n.type.name;
    if (name === 'bulletList' || name === 'orderedList') l++;
    else if (name === 'table') t++;
    if (l > lists) lists = l;
    if (t > tables) tables = t;
    if (!n.isTextblock) n.forEach((c) => walk(c, l, t));
  };
  walk(node, 0, 0);
  return { lists, tables };
}

/** Nesting of the top-level blocks of `doc` that intersect any of `ranges`. */
function nestingIn(doc: PMNode, ranges: Array<[number, number]>): Nesting {
  const out: Nesting = { lists: 0, tables: 0 };
  doc.forEach((child, offset) => {
    const end = offset + child.nodeSize;
    if (!ranges.some(([a, b]) => a <= end && b >= offset)) return;
    const n = nestingOf(child);
    out.lists = Math.max(out.lists, n.lists);
    out.tables = Math.max(out.tables, n.tables);
  });
  return out;
}

/** Whether a transaction nests lists or tables past the limits (and deeper than the blocks it changed were). */
export function nestsTooDeep(tr: Transaction): boolean {
  const after: Array<[number, number]> = [];
  const before: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, i) => {
    const toEnd = tr.mapping.slice(i + 1);
    const toStart = tr.mapping.slice(0, i).invert();
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      after.push([toEnd.map(newStart, -1), toEnd.map(newEnd, 1)]);
      before.push([toStart.map(oldStart, -1), toStart.map(oldEnd, 1)]);
    });
  });
  if (!after.length) return false;
  const now = nestingIn(tr.doc, after);
  if (now.lists <= MAX_LIST_DEPTH && now.tables <= MAX_TABLE_DEPTH) return false;
  const was = nestingIn(tr.before, before);
  return (now.lists > MAX_LIST_DEPTH && now.lists > was.lists) || (now.tables > MAX_TABLE_DEPTH && now.tables > was.tables);
}

export const NestingLimits = Extension.create({
  name: 'nestingLimits',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('nestingLimits'),
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || !nestsTooDeep(tr),
      }),
    ];
  },
});
