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
// One suggestion id per change (a run of consecutive changed parts in one block, or one whole block), each with a
// SuggestionMeta (source 'editor') naming who takes the export and when.
import type { JSONContent } from '@tiptap/core';
import type { PMNode } from '../bodyJson';
import type { SuggestionMeta } from '../suggestions/suggestionMeta';
import { alignBodies, compareAligned, wholeBlock, type BlockChange, type InlinePart, type PMMark } from './compare';

export const BOUNDARY = '\u200B';

export interface ChangesSinceAuthor {
  authorId: string;
  authorName: string;
  at: number;
}

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
      if (p.boundary) out.push({ type: 'text', text: BOUNDARY, marks: [mark] });
      else if (p.node) out.push({ ...p.node, marks: [...(p.node.marks ?? []), mark] });
      else if (p.text) out.push({ type: 'text', text: p.text, marks: [...(p.marks ?? []), mark] });
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

  const replacement = new Map<number, PMNode[]>();
  const before: PMNode[] = [];
  let lastNew = -1;
  for (const e of entries) {
    const oldSide = e.kind === 'deleted' || e.kind === 'movedAway';
    const nodes = nodesOf(e);
    if (!oldSide) {
      lastNew = e.newIndex!;
      replacement.set(lastNew, nodes);
    } else if (lastNew < 0) before.push(...nodes);
    else replacement.get(lastNew)!.push(...nodes);
  }
  if (before.length && al.neu.length) replacement.get(0)!.unshift(...before);

  const body = structuredClone(newBody) as PMNode;
  if (!al.neu.length) body.content = [...(body.content ?? []), ...before];
  for (let i = al.neu.length - 1; i >= 0; i--) {
    const path = al.neu[i].path;
    let parent = body;
    for (const k of path.slice(0, -1)) parent = parent.content![k];
    parent.content!.splice(path[path.length - 1], 1, ...replacement.get(i)!);
  }
  return { body: body as JSONContent, suggestions };
}
