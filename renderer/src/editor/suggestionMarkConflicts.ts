import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { SUGGESTION_MARKS } from '../schema/suggestion';
import { changedRange } from '../schema/changedRange';

// Suggestion marks exclude one another in ProseMirror, but Yjs merges formatting attributes: when one replica
// suggests deleting text that another, concurrently, has (re)marked as its own insertion, the merged run carries
// both, and the document is invalid (Node.check fails; accept and reject then act on text that is both). Every
// replica resolves such a run the same way, from the same merged state, so they converge:
//   insertion wins over deletion and modification (deleting someone's proposed text is rejecting it, which the
//   reviewer can still do; keeping the deletion alone would turn a rejected deletion into accepted inserted text),
//   and deletion wins over modification (a format change of text proposed for removal is moot).
// Only remote changes (y-sync change-origin transactions) can merge marks, and only in the range they changed.

const PRIORITY: readonly string[] = SUGGESTION_MARKS; // insertion, deletion, modification

const key = new PluginKey('suggestionMarkConflicts');

/** Removes the losing suggestion marks in [from, to) of `doc`; null when nothing conflicts. */
function resolveConflicts(doc: PMNode, tr: Transaction, from: number, to: number): Transaction | null {
  let changed = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const kinds = node.marks.filter((m) => PRIORITY.includes(m.type.name));
    if (kinds.length < 2) return false;
    const keep = kinds.reduce((best, m) => (PRIORITY.indexOf(m.type.name) < PRIORITY.indexOf(best.type.name) ? m : best));
    for (const m of kinds) if (m !== keep) tr.removeMark(pos, pos + node.nodeSize, m);
    changed = true;
    return false;
  });
  return changed ? tr : null;
}

export function suggestionMarkConflictsPlugin(): Plugin {
  return new Plugin({
    key,
    appendTransaction(trs, oldState, newState) {
      if (!trs.some((tr) => tr.docChanged && tr.getMeta(ySyncPluginKey)?.isChangeOrigin)) return null;
      const change = changedRange(oldState.doc, newState.doc);
      if (!change) return null;
      const tr = resolveConflicts(newState.doc, newState.tr, change.from, change.toAfter);
      return tr?.setMeta('addToHistory', false) ?? null;
    },
  });
}
