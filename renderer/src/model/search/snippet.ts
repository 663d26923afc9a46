// A result's snippet: a short window of its text around the first match, with every matched word marked. Works
// on folded text so "developpement" marks "développement" in the original.
import { foldWithOffsets } from './fold';

export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => {
  if (!c) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(c);
};

/** Ranges [from, to) in `text` where a word starts with one of the (folded) terms, in order. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const wanted = [...new Set(terms.filter(Boolean))];
  if (wanted.length === 0 || !text) return [];
  const { folded, offsets } = foldWithOffsets(text);
  return rangesIn(folded, offsets, wanted, 0, folded.length);
}

/** The ranges of matches starting in folded[from, to), merged, in order (offsets into the original text). */
function rangesIn(folded: string, offsets: readonly number[], wanted: readonly string[], from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of wanted) {
    let at = folded.indexOf(term, from);
    while (at !== -1 && at < to) {
      if (!isWordChar(folded[at - 1])) {
        // Mark the whole word the term starts (a prefix match marks "contribution" for "contrib").
        let end = at + term.length;
        while (isWordChar(folded[end])) end++;
        ranges.push([offsets[at], offsets[end]]);
      }
      at = folded.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The first match (folded index of a word start), or -1. */
function firstMatch(folded: string, wanted: readonly string[]): number {
  let first = -1;
  for (const term of wanted) {
    let at = folded.indexOf(term);
    while (at !== -1 && (first === -1 || at < first)) {
      if (!isWordChar(folded[at - 1])) {
        first = at;
        break;
      }
      at = folded.indexOf(term, at + term.length);
    }
  }
  return first;
}

/** The folded index of the first character coming from `original` or after it (offsets never decrease). */
function foldedIndex(offsets: readonly number[], original: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The snippet around the first match (or the start of the text when nothing matches in it). */
export function snippet(text: string, terms: readonly string[], { before = 60, length = 200 } = {}): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  // Only the window around the first match is searched for the rest (a common word occurs hundreds of times).
  const wanted = [...new Set(terms.filter(Boolean))];
  const { folded, offsets } = foldWithOffsets(flat);
  const first = wanted.length > 0 ? firstMatch(folded, wanted) : -1;
  const head: Array<[number, number]> = first === -1 ? [] : rangesIn(folded, offsets, wanted, first, first + 1);
  let start = head.length > 0 ? Math.max(0, head[0][0] - before) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space < head[0][0] ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > (head[0]?.[1] ?? start)) end = space;
  }
  // Matches starting a little before the window (a word cut by its start) to its end.
  const ranges = head.length === 0 ? [] : rangesIn(folded, offsets, wanted, Math.max(0, foldedIndex(offsets, start) - 64), foldedIndex(offsets, end));
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const f = Math.max(from, start);
    const t = Math.min(to, end);
    if (f > at) parts.push({ text: flat.slice(at, f), match: false });
    parts.push({ text: flat.slice(f, t), match: true });
    at = t;
  }
  if (at < end) parts.push({ text: flat.slice(at, end), match: false });
  if (end < flat.length) parts.push({ text: '…', match: false });
  return parts;
}
