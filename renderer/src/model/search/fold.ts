// Accent and case folding for the workspace search: "Développement", "DESARROLLO" and "développement" index and
// match as "developpement", "desarrollo". One home for the rule, used by the index (terms) and the snippets.

const MARKS = /\p{M}+/gu;

/** Lower case, accents and other combining marks removed, ligatures opened (œ → oe, æ → ae, ß → ss). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => (c === 'œ' ? 'oe' : c === 'æ' ? 'ae' : 'ss'));
}

/** Words as the index sees them: runs of letters and digits (inner apostrophes and hyphens split words). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The folded text with, for each of its characters, the offset of the original character it came from (folding
 * changes lengths: "é" is two code units after NFD, "œ" becomes two letters), so a match found in the folded text
 * can be highlighted in the original.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  const parts: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    // A run of ASCII (most of the text): lower-cased as is, one character for one.
    let j = i;
    while (j < text.length && text.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      parts.push(text.slice(i, j).toLowerCase());
      for (let k = i; k < j; k++) offsets.push(k);
      i = j;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = fold(ch);
    parts.push(f);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    i += ch.length;
  }
  offsets.push(text.length);
  return { folded: parts.join(''), offsets };
}
