// Citations in a consolidated reply: inline `citation` atoms (schema/citation.ts) carrying the cited
// contribution's doc id and the quoted passage. Being one Yjs item each, they travel whole through concurrent
// and offline edits. These helpers read them from a body's ProseMirror JSON.
import type { PMNode } from '../bodyJson';

export interface Citation {
  /** the citation's own id (stable through edits) */
  cid: string;
  /** the contribution's doc id */
  source: string;
  quote: string;
}

export function citationsOf(body: PMNode): Citation[] {
  const out: Citation[] = [];
  const walk = (n: PMNode) => {
    if (n.type === 'citation') {
      const source = n.attrs?.source;
      if (typeof source === 'string' && source) out.push({ cid: String(n.attrs?.cid ?? ''), source, quote: String(n.attrs?.quote ?? '') });
    }
    n.content?.forEach(walk);
  };
  walk(body);
  return out;
}

/** The contribution ids a body cites, each once, in order of first citation. */
export function citedSources(body: PMNode): string[] {
  return [...new Set(citationsOf(body).map((c) => c.source))];
}

/** The longest plain quote kept on a citation (a whole contribution pasted as a "passage" is cut). */
export const MAX_QUOTE = 2000;

export function normalizeQuote(text: string): string {
  const q = text.replace(/\s+/g, ' ').trim();
  return q.length > MAX_QUOTE ? `${q.slice(0, MAX_QUOTE - 1)}…` : q;
}

/** Where a quoted passage sits in a source's plain text (whitespace-insensitive), or null when it was edited away. */
export function findPassage(text: string, quote: string): { start: number; end: number } | null {
  const q = normalizeQuote(quote).replace(/…$/, '');
  if (!q) return null;
  // Build a map from the whitespace-collapsed text back to the original offsets.
  const map: number[] = [];
  let collapsed = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!space && collapsed) {
        collapsed += ' ';
        map.push(i);
      }
      space = true;
    } else {
      collapsed += ch;
      map.push(i);
      space = false;
    }
  }
  const at = collapsed.indexOf(q);
  if (at < 0) return null;
  return { start: map[at], end: map[at + q.length - 1] + 1 };
}
