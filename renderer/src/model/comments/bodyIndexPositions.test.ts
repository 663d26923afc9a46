// The comments UI relies on one fact: positions of the body index (bodyIndex.ts) are the editor's ProseMirror
// positions. Here the ProseMirror document is built from the Y fragment the way the editor's binding builds it
// (y-tiptap), and every indexed block is checked against it, over lists, tables, footnotes and hard breaks.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../../schema/schema';
import { docBody, type PMNode } from '../bodyJson';
import { appendJSONToBody } from '../bodyWrite';
import { createAnchor, resolveAnchor } from './anchor';
import { buildBodyIndex } from './bodyIndex';

const p = (text: string, bid: string): PMNode => ({ type: 'paragraph', attrs: { bid }, content: text ? [{ type: 'text', text }] : [] });

const BODY: PMNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, bid: 'h1' }, content: [{ type: 'text', text: 'Findings' }] },
    {
      type: 'paragraph',
      attrs: { bid: 'p1' },
      content: [
        { type: 'text', text: 'Access ' },
        { type: 'text', text: 'matters', marks: [{ type: 'bold' }] },
        { type: 'footnote', attrs: { text: 'A note.' } },
        { type: 'text', text: ' here' },
        { type: 'hardBreak' },
        { type: 'text', text: 'and there.' },
      ],
    },
    p('', 'empty'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p('First point.', 'l1')] }, { type: 'listItem', content: [p('Second point.', 'l2')] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [p('Group', 't1')] }, { type: 'tableHeader', content: [p('Share', 't2')] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [p('Civil society', 't3')] }, { type: 'tableCell', content: [p('40%', 't4')] }] },
      ],
    },
    { type: 'blockquote', content: [p('Quoted words.', 'q1')] },
    { type: 'heading', attrs: { level: 2, bid: 'h2' }, content: [{ type: 'text', text: 'Detail' }] },
    p('Last paragraph.', 'p9'),
  ],
};

describe('body index positions are ProseMirror positions', () => {
  const doc = new Y.Doc();
  appendJSONToBody(doc, BODY);
  const index = buildBodyIndex(docBody(doc));
  const pm = yXmlFragmentToProseMirrorRootNode(docBody(doc), rapporteurSchema());

  it('has the same content size', () => {
    expect(index.size).toBe(pm.content.size);
  });

  it('puts every block where ProseMirror has it, with the same text', () => {
    expect(index.blocks.length).toBeGreaterThan(8);
    for (const b of index.blocks) {
      const node = pm.nodeAt(b.start);
      expect(node?.type.name, b.bid ?? '').toBe(b.type);
      expect(b.contentEnd - b.contentStart).toBe(node!.content.size);
      const text = pm.textBetween(b.contentStart, b.contentEnd, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '\uFFFC'));
      expect(text).toBe(b.text);
    }
  });

  it('resolves an anchor made from editor positions back to the same positions', () => {
    let from = -1;
    pm.descendants((node, pos) => {
      if (from < 0 && node.isText && node.text === 'Second point.') from = pos;
      return from < 0;
    });
    const anchor = createAnchor(index, from, from + 'Second'.length);
    expect(anchor.quote).toBe('Second');
    expect(resolveAnchor(index, anchor)).toEqual({ status: 'ok', from, to: from + 6 });
    expect(pm.textBetween(from, from + 6)).toBe('Second');
  });
});
