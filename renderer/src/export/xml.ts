// Sanitising for XML. The DOCX writer (word/) passes every string it hands the docx library through cleanText
// (word/text.ts), so control characters, lone surrogates and other characters XML 1.0 forbids never reach a part:
// docx escapes markup but does not drop those.

/** Anything outside XML 1.0's Char production. With the `u` flag a lone surrogate is one code point in D800-DFFF. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that are not allowed in XML 1.0 (C0 controls except tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
export function cleanText(s: string): string {
  return s.replace(INVALID_XML, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escaped, sanitised text content. */
export function esc(s: string): string {
  return cleanText(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** An attribute value: also folds newlines and tabs, which attribute normalisation would turn into spaces anyway. */
export function attr(s: string): string {
  return esc(s).replace(/[\t\n\r]/g, ' ');
}

/** cm to twentieths of a point (twips), the unit of most WordprocessingML lengths. */
export const cmToTwips = (cm: number) => Math.round((cm / 2.54) * 1440);
