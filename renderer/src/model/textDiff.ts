import type * as Y from 'yjs';

// Plain-text fields (agenda, key messages) are edited in a <textarea> but stored as Y.Text. Replacing the whole
// string on each keystroke would make concurrent edits overwrite each other; applying only the changed span
// (common prefix and suffix kept) lets Yjs merge them character by character.

export interface TextChange {
  /** UTF-16 index where prev and next start to differ */
  index: number;
  deleteCount: number;
  insert: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The single span that turns `prev` into `next`, or null when they are equal. Never splits a surrogate pair. */
export function diffText(prev: string, next: string): TextChange | null {
  if (prev === next) return null;
  const max = Math.min(prev.length, next.length);
  let prefix = 0;
  while (prefix < max && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHigh(prev.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(prev.charCodeAt(prev.length - suffix))) suffix--;
  return { index: prefix, deleteCount: prev.length - prefix - suffix, insert: next.slice(prefix, next.length - suffix) };
}

/** Makes `text` read `next` with one delete and one insert, in one transaction. Returns whether anything changed. */
export function applyTextChange(text: Y.Text, next: string, origin?: unknown): boolean {
  const change = diffText(text.toString(), next);
  if (!change) return false;
  const apply = () => {
    if (change.deleteCount > 0) text.delete(change.index, change.deleteCount);
    if (change.insert) text.insert(change.index, change.insert);
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
  return true;
}

/** Where a caret at `pos` ends up after a Y.Text delta made by someone else (an insert at the caret stays after it). */
export function transformIndex(pos: number, delta: ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>): number {
  let oldIndex = 0;
  let out = pos;
  for (const op of delta) {
    if (oldIndex >= pos) break;
    if (op.retain !== undefined) oldIndex += op.retain;
    else if (op.insert !== undefined) out += typeof op.insert === 'string' ? op.insert.length : 1;
    else if (op.delete !== undefined) {
      out -= Math.min(op.delete, pos - oldIndex);
      oldIndex += op.delete;
    }
  }
  return Math.max(0, out);
}

/** Where the caret belongs after one's own change arrives as a delta (undo/redo): just after its last edit. */
export function caretAfterDelta(delta: ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>): number | null {
  let index = 0;
  let caret: number | null = null;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (op.insert !== undefined) {
      index += typeof op.insert === 'string' ? op.insert.length : 1;
      caret = index;
    } else if (op.delete !== undefined) caret = index;
  }
  return caret;
}
