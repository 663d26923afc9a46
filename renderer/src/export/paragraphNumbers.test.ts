import { describe, it, expect } from 'vitest';
import type { PMNode } from '../model/bodyJson';
import { paragraphNumbers, paragraphNumbersByBid, isEmptyParagraph } from './paragraphNumbers';

const p = (bid: string, text?: string, extra: PMNode[] = []): PMNode => ({ type: 'paragraph', attrs: { bid }, content: [...(text ? [{ type: 'text', text }] : []), ...extra] });

describe('paragraphNumbers (the app\'s "para N")', () => {
  const body: PMNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1, bid: 'h' }, content: [{ type: 'text', text: 'Heading' }] },
      p('a', 'First'),
      p('empty'),
      p('space', '   ', [{ type: 'hardBreak' }]),
      p('fn', undefined, [{ type: 'footnote', attrs: { text: 'only a note' } }]),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('li', 'In a list'), { type: 'blockquote', content: [p('lq', 'Quote in list')] }] }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('cell', 'In a table')] }] }] },
      { type: 'blockquote', content: [p('q', 'Quoted')] },
      p('z', 'Last'),
    ],
  };

  it('counts non-empty paragraphs in reading order, including lists and quotes, never tables or headings', () => {
    expect(Object.fromEntries(paragraphNumbersByBid(body))).toEqual({ a: 1, fn: 2, li: 3, lq: 4, q: 5, z: 6 });
    expect(paragraphNumbers(body).size).toBe(6);
  });

  it('treats whitespace and hard breaks as empty, a footnote as content', () => {
    expect(isEmptyParagraph(p('x'))).toBe(true);
    expect(isEmptyParagraph(p('x', ' \t', [{ type: 'hardBreak' }]))).toBe(true);
    expect(isEmptyParagraph(p('x', undefined, [{ type: 'footnote', attrs: { text: '' } }]))).toBe(false);
  });
});
