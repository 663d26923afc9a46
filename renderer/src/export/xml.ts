// Sanitising for XML. The DOCX writer (word/) passes every string it hands the docx library through cleanText
// (word/text.ts), so control characters, lone surrogates and other characters XML 1.0 forbids never reach a part:
// docx escapes markup but does not drop those. cleanText itself is the schema's (import and paste use it too).
import { cleanText } from '../schema/cleanText';

export { cleanText };

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
