// The one text sanitiser. Text enters a document from three places, and each passes it through here: the DOCX
// importer, the editor's paste handler, and the DOCX writer (which must also keep every part valid XML). Control
// characters, NUL, U+FFFE/FFFF and lone surrogates are never content: in the body they sync to every peer and make
// exported XML invalid.

/** Anything outside XML 1.0's Char production. With the `u` flag a lone surrogate is one code point in D800-DFFF. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that are not allowed in XML 1.0 (C0 controls except tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
export function cleanText(s: string): string {
  return s.replace(INVALID_XML, '');
}
