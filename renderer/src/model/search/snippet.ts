// A result's snippet: a short window of its text around the first match, with every matched word marked. Works
// on folded text so "developpement" marks "développement" in the original.
import { foldWithOffsets } from './fold';

export interface SnippetPart {
  text: string;
  match: boolean;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Ranges [from, to) in `text` where a word starts with one of the (folded) terms, in order. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const wanted = [...new Set(terms.filter(Boolean))];
  if (wanted.length === 0 || !text) return [];
  const { folded, offsets } = foldWithOffsets(text);
  const ranges: Array<[number, number]> = [];
  for (const term of wanted) {
    let at = folded.indexOf(term);
    while (at !== -1) {
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

/** The snippet around the first match (or the start of the text when nothing matches in it). */
export function snippet(text: string, terms: readonly string[], { before = 60, length = 200 } = {}): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const ranges = matchRanges(flat, terms);
  let start = ranges.length > 0 ? Math.max(0, ranges[0][0] - before) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space < ranges[0][0] ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > (ranges[0]?.[1] ?? start)) end = space;
  }
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
