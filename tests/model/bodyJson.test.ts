import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { bodyToJSON, docBody, fragmentToJSON, type PMNode } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { generateReport } from '../bench/corpus';

// bodyJson reads bodies without loading ProseMirror; its reader must give what y-tiptap's gives.

const rich: PMNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Findings' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain, ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'footnote', attrs: { text: 'A note.' } },
        { type: 'citation', attrs: { source: 'c1', quote: 'Quoted words', cid: 'x1' } },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One item' }] }] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Region' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] },
      ],
    },
  ],
};

describe('fragmentToJSON', () => {
  it('gives the JSON that y-tiptap gives, for every node and mark kind of the schema', () => {
    const doc = new Y.Doc();
    appendJSONToBody(doc, rich);
    expect(bodyToJSON(doc)).toEqual(yXmlFragmentToProsemirrorJSON(docBody(doc)));
    expect(JSON.stringify(bodyToJSON(doc))).toContain('"type":"footnote"');
  });

  it('gives the JSON that y-tiptap gives for the 25,000-word bench report', () => {
    const doc = new Y.Doc();
    appendJSONToBody(doc, generateReport(25_000));
    const ours = bodyToJSON(doc);
    expect(ours).toEqual(yXmlFragmentToProsemirrorJSON(docBody(doc)));
    expect(ours.content!.length).toBeGreaterThan(250); // top-level blocks of 50 sections
  });

  it('reads a mark stored under a hashed name (a mark that may occur twice) by its name', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('f');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    fragment.insert(0, [p]);
    text.insert(0, 'kept', { 'insertion--a1B2c3D4': { id: 's1' }, bold: {} });
    const json = fragmentToJSON(fragment);
    expect(json.content![0]!.content![0]!.marks).toEqual([{ type: 'insertion', attrs: { id: 's1' } }, { type: 'bold' }]);
    expect(json).toEqual(yXmlFragmentToProsemirrorJSON(fragment));
  });
});
