// Strips what Word and web pages put into the clipboard that our schema must never see or that confuses the
// parser: conditional comments, Office namespaces, scripts, styles, frames and event-handler attributes.
// This is string-level defence in depth; ProseMirror then parses in an inert document with our schema only.

// Elements dropped with their content (only when closed: an unclosed one must not swallow the rest of the paste;
// its stray tags are removed below and any leftover text is inert).
const DROP_ELEMENTS = /<(script|style|iframe|frame|frameset|object|embed|noscript|template|svg|math|xml|title|head)\b[\s\S]*?<\/\1\s*>/gi;
const STRAY_TAGS = /<\/?(script|style|iframe|frame|frameset|object|embed|noscript|template|svg|math|xml|title|head|meta|link|base|input|img)\b[^>]*>/gi;

export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(DROP_ELEMENTS, '')
    .replace(STRAY_TAGS, '')
    .replace(/<\/?o:p>/gi, '')
    .replace(/<\/?[a-z]+:[^>]*>/gi, '')
    .replace(/\s(on[a-z]+|style|class|id|srcset|formaction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\shref\s*=\s*("\s*(?:javascript|data|file|vbscript):[^"]*"|'\s*(?:javascript|data|file|vbscript):[^']*'|(?:javascript|data|file|vbscript):[^\s>]*)/gi, '');
}
