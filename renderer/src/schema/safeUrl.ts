/** Only these schemes ever become links (editor, paste, import and export alike). */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedLink(href: string | null | undefined): boolean {
  if (!href) return false;
  try {
    return ALLOWED.has(new URL(href.trim()).protocol);
  } catch {
    return false;
  }
}
