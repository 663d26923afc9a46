// "Changes since version" (issue 12): the new body with every difference from an old one as suggestion marks, for
// the Word export's "revised paper, changes shown". Built on the comparison (compare.ts), so the redline on screen
// and the tracked changes in the file agree.
//
// The body keeps the schema (suggestion marks are inline marks only, as the editor's suggest-changes library
// writes them). Conventions, shared with resolveSuggestions.ts (accept all / reject all, pure):
//   - inserted text carries `insertion`, deleted text (re-inserted where it was) carries `deletion`, with its old
//     marks; equal text whose formatting changed is a deletion of the old run plus an insertion of the new one;
//   - a zero-width space (U+200B) under a suggestion mark at the end of a block marks that block's paragraph break:
//     inserted (a split: rejecting it joins the block with the next) or deleted (a join: accepting it joins them);
//     a block whose whole text is inserted or deleted ends with one, so the break goes with it (this is how the
//     library anchors changes that cross a block boundary, and how Word marks a paragraph mark as inserted/deleted);
//   - a block whose type changed (paragraph to heading, heading level) or that moved is the old block deleted and the
//     new one inserted, so both accept-all and reject-all give back a valid body;
//   - deleted blocks are put back after the new block that follows their nearest surviving predecessor, inside that
//     block's container (list item, cell); a deleted table or list therefore comes back as its paragraphs.
// The break convention is Word's: a paragraph's own mark inserted or deleted (w:ins / w:del in its w:pPr/w:rPr).
// It differs from the editor library's anchoring (which joins blocks only when one mark's range runs across the
// break, the U+200B being a text node of its own at the end of the block before): the library's applySuggestions /
// revertSuggestions do not resolve whole inserted or deleted blocks of this body; resolveSuggestions.ts does.
// One suggestion id per change (a run of consecutive changed parts in one block, or one whole block), each with a
// SuggestionMeta (source 'editor') naming who takes the export and when.
import type { JSONContent } from '@tiptap/core';
import type { PMNode } from '../bodyJson';
import type { SuggestionMeta } from '../suggestions/suggestionMeta';
import { SUGGESTION_MARKS } from '../../schema/suggestion';
import { alignBodies, compareAligned, wholeBlock, type BlockChange, type InlinePart, type PMMark } from './compare';

export const BOUNDARY = '\u200B';
const SUGGESTION = new Set<string>(SUGGESTION_MARKS);

export interface ChangesSinceAuthor {
  authorId: string;
  authorName: string;
  at: number;
}

const wrapperKeys = new WeakMap<PMNode, string>();

export function markChangesSince(oldBody: JSONContent, newBody: JSONContent, by: ChangesSinceAuthor): { body: JSONContent; suggestions: SuggestionMeta[] } {
  const al = alignBodies(oldBody as PMNode, newBody as PMNode);
  const { entries } = compareAligned(al);
  const suggestions: SuggestionMeta[] = [];
  let counter = 0;
  const mint = () => {
    const id = `${by.authorId.slice(0, 12)}-since-${by.at.toString(36)}-${(counter++).toString(36)}`;
    suggestions.push({ id, authorId: by.authorId, authorName: by.authorName, at: by.at, source: 'editor' });
    return id;
  };

  /** Inline JSON of parts; a run of consecutive changed parts shares one id. */
  const inline = (parts: InlinePart[]): PMNode[] => {
    const out: PMNode[] = [];
    let id: string | null = null;
    for (const p of parts) {
      if (p.kind === 'same') {
        id = null;
        out.push(p.node ?? { type: 'text', text: p.text, ...(p.marks?.length ? { marks: p.marks } : {}) });
        continue;
      }
      id ??= mint();
      const mark: PMMark = { type: p.kind === 'ins' ? 'insertion' : 'deletion', attrs: { id } };
      // a suggestion still pending in either body gives way to this one (the marks exclude each other)
      const own = (marks: PMMark[] | undefined) => [...(marks ?? []).filter((m) => !SUGGESTION.has(m.type)), mark];
      if (p.boundary) out.push({ type: 'text', text: BOUNDARY, marks: [mark] });
      else if (p.node) out.push({ ...p.node, marks: own(p.node.marks) });
      else if (p.text) out.push({ type: 'text', text: p.text, marks: own(p.marks) });
    }
    return out;
  };
  const block = (node: PMNode, content: PMNode[]): PMNode => {
    const { content: _drop, ...rest } = node;
    return content.length ? { ...rest, content } : rest;
  };

  const nodesOf = (e: BlockChange): PMNode[] => {
    switch (e.kind) {
      case 'unchanged':
        return [e.node];
      case 'typeChanged':
      case 'moved': {
        const ob = al.old[e.oldIndex!];
        const nb = al.neu[e.newIndex!];
        // a moved block's old place is its own 'movedAway' entry
        const gone = e.kind === 'typeChanged' ? [block(ob.node, inline(wholeBlock(ob, 'del')))] : [];
        return [...gone, block(nb.node, inline(wholeBlock(nb, 'ins')))];
      }
      case 'joined': {
        const pieces: InlinePart[][] = [[]];
        for (const p of e.parts) {
          pieces[pieces.length - 1].push(p);
          if (p.boundary && p.kind === 'del') pieces.push([]);
        }
        // joining keeps the first block: it carries the new block's type and attributes
        return pieces.map((piece, k) => block(k === 0 ? e.node : (e.joinedFrom?.[k] ?? e.node), inline(piece)));
      }
      default:
        return [block(e.node, inline(e.parts))];
    }
  };

  // New blocks are replaced in place; old blocks that have no place in the new body (deleted, moved away) go after
  // the new block that follows their nearest surviving predecessor, at the depth where the two parted in the old
  // body, wrapped in copies of their old containers below that depth (a deleted list item comes back as a list item,
  // a deleted row as a row, a deleted paragraph after a table after the table).
  const survivor = (o: number): number => {
    for (let i = o - 1; i >= 0; i--) {
      const n = al.oldToNew[i] >= 0 ? al.oldToNew[i] : al.joinPart[i];
      if (n >= 0 && !al.moved.has(n)) return i;
    }
    return -1;
  };
  const oldAt = (path: number[]): PMNode => {
    let node = oldBody as PMNode;
    for (const k of path) node = node.content![k];
    return node;
  };
  const shell = (node: PMNode): PMNode => {
    const { content: _drop, ...rest } = node;
    return { ...rest, content: [] };
  };
  interface Insert {
    level: number;
    node: PMNode;
    /** old path prefix of `node` when it is a container copy (more deleted blocks may join it) */
    key: string | null;
  }
  const leaves = new Map<number, PMNode[]>();
  const inserts = new Map<number, Insert[]>();
  let anchor = -1;
  for (const e of entries) {
    const nodes = nodesOf(e);
    if (e.kind !== 'deleted' && e.kind !== 'movedAway') {
      anchor = e.newIndex!;
      leaves.set(anchor, nodes);
      continue;
    }
    const ob = al.old[e.oldIndex!];
    const pred = survivor(e.oldIndex!);
    const po = ob.path;
    const pp = pred >= 0 ? al.old[pred].path : [];
    let d = 0;
    while (d < po.length && d < pp.length && po[d] === pp[d]) d++;
    const pn = anchor >= 0 ? al.neu[anchor].path : [0];
    const level = Math.max(1, Math.min(d + 1, pn.length, po.length));
    const list = inserts.get(anchor) ?? inserts.set(anchor, []).get(anchor)!;
    if (level === po.length) {
      for (const node of nodes) list.push({ level, node, key: null });
      continue;
    }
    // inside copies of the old containers from depth `level` down to the block's parent
    const rootKey = po.slice(0, level).join('/');
    let last = list[list.length - 1];
    if (!last || last.key !== rootKey) {
      last = { level, node: shell(oldAt(po.slice(0, level))), key: rootKey };
      list.push(last);
    }
    let container = last.node;
    for (let j = level + 1; j < po.length; j++) {
      const tail = container.content!.at(-1);
      const key = po.slice(0, j).join('/');
      const keyed = tail ? wrapperKeys.get(tail) : undefined;
      if (tail && keyed === key) container = tail;
      else {
        const next = shell(oldAt(po.slice(0, j)));
        wrapperKeys.set(next, key);
        container.content!.push(next);
        container = next;
      }
    }
    container.content!.push(...nodes);
  }

  const body = structuredClone(newBody) as PMNode;
  const at = (path: number[]): PMNode => {
    let node = body;
    for (const k of path) node = node.content![k];
    return node;
  };
  const place = (pn: number[], list: Insert[], after: boolean) => {
    const count = new Map<number, number>();
    for (const ins of list) {
      const parent = at(pn.slice(0, ins.level - 1));
      const c = count.get(ins.level) ?? 0;
      parent.content!.splice((after ? pn[ins.level - 1] + 1 : 0) + c, 0, ins.node);
      count.set(ins.level, c + 1);
    }
  };
  if (!al.neu.length) body.content = [...(body.content ?? []), ...(inserts.get(-1) ?? []).map((i) => i.node)];
  for (let i = al.neu.length - 1; i >= 0; i--) {
    const path = al.neu[i].path;
    at(path.slice(0, -1)).content!.splice(path[path.length - 1], 1, ...leaves.get(i)!);
    if (inserts.has(i)) place(path, inserts.get(i)!, true);
  }
  if (al.neu.length && inserts.has(-1)) place(al.neu[0].path, inserts.get(-1)!.map((x) => ({ ...x, level: 1 })), false);
  return { body: body as JSONContent, suggestions };
}
