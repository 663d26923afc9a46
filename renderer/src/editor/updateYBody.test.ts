import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { BLOCK_ID_ATTR, blockIdFixes } from '../schema/blockId';
import { updateYBody } from './updateYBody';

const schema = rapporteurSchema();
let ids = 0;
const meta = () => ({ mapping: new Map(), isOMark: new Map() });

const para = (bid: string, text: string) => schema.nodes.paragraph!.create({ bid }, text ? schema.text(text) : null);

function docWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const root = schema.nodes.doc!.create(null, paragraphs.map((t, i) => para(`p${i}`, t)));
  doc.transact(() => updateYBody(doc, doc.getXmlFragment('body'), root, meta()));
  return doc;
}

function fork(doc: Y.Doc, clientID: number): Y.Doc {
  const other = new Y.Doc();
  other.clientID = clientID;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

const read = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('body'), schema);
const texts = (doc: Y.Doc) => read(doc).children.map((b) => b.textContent);

/** A local edit as the editor makes it: a transaction, the block-id plugin's fixes, then the write path. */
function edit(doc: Y.Doc, change: (tr: Transaction) => void, write = updateYBody): PMNode {
  const state = EditorState.create({ schema, doc: read(doc) });
  const tr = state.tr;
  change(tr);
  for (const fix of blockIdFixes(tr.doc, { doc: state.doc, mapping: tr.mapping })) tr.setNodeAttribute(fix.pos, BLOCK_ID_ATTR, fix.bid ?? `n${ids++}`);
  doc.transact(() => write(doc, doc.getXmlFragment('body'), tr.doc, meta()));
  return tr.doc;
}

/** The PM position of character `offset` of paragraph `index` (top-level paragraphs). */
function at(doc: Y.Doc, index: number, offset: number): number {
  const root = read(doc);
  let pos = 0;
  for (let i = 0; i < index; i++) pos += root.child(i).nodeSize;
  return pos + 1 + offset;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const element = (doc: Y.Doc, i: number) => doc.getXmlFragment('body').get(i) as Y.XmlElement;

describe('updateYBody: a split keeps the Y element (and its text items) on the half that keeps the block id', () => {
  it('Enter at the start of a paragraph keeps the element on the text, so text typed concurrently stays in it', () => {
    const a = docWith('alpha beta', 'gamma delta');
    const b = fork(a, 2);
    const before = element(a, 1);
    edit(a, (tr) => tr.split(at(a, 1, 0)));
    expect(element(a, 2)).toBe(before); // the text's element moved down, a new empty one above it
    expect(element(a, 2).getAttribute('bid')).toBe('p1');
    edit(b, (tr) => tr.insertText('X', at(b, 1, 2)));
    sync(a, b);
    expect(texts(a)).toEqual(['alpha beta', '', 'gaXmma delta']);
    expect(texts(b)).toEqual(texts(a));
  });

  it('a split keeps the element on the longer half; y-tiptap kept it on the left one', () => {
    for (const [write, expected] of [
      [updateYBody, ['alp', 'ha beXta', 'gamma delta']],
      [updateYFragment, ['alpX', 'ha beta', 'gamma delta']],
    ] as const) {
      const a = docWith('alpha beta', 'gamma delta');
      const b = fork(a, 2);
      edit(a, (tr) => tr.split(at(a, 0, 3)), write);
      edit(b, (tr) => tr.insertText('X', at(b, 0, 8)));
      sync(a, b);
      expect(texts(a)).toEqual(expected);
    }
  });

  it('a join keeps the element of the block that gave it the most text', () => {
    const a = docWith('alpha', 'gamma delta epsilon');
    const b = fork(a, 2);
    const longer = element(a, 1);
    edit(a, (tr) => tr.join(at(a, 1, 0) - 1));
    expect(element(a, 0)).toBe(longer);
    expect(element(a, 0).getAttribute('bid')).toBe('p1');
    edit(b, (tr) => tr.insertText('X', at(b, 1, 3)));
    sync(a, b);
    expect(texts(a)).toEqual(['alphagamXma delta epsilon']);
  });

  it('two replicas joining a middle paragraph to each neighbour lose nothing', () => {
    const a = docWith('alpha', 'gamma delta epsilon', 'zeta');
    const b = fork(a, 2);
    edit(a, (tr) => tr.join(at(a, 1, 0) - 1));
    edit(b, (tr) => tr.join(at(b, 2, 0) - 1));
    sync(a, b);
    expect(texts(a)).toEqual(['alphagamma delta epsilonzeta']);
  });

  it('two replicas splitting one paragraph on either side of its middle get three paragraphs, nothing doubled', () => {
    const a = docWith('alpha beta gamma delta');
    const b = fork(a, 2);
    edit(a, (tr) => tr.split(at(a, 0, 5)));
    edit(b, (tr) => tr.split(at(b, 0, 16)));
    sync(a, b);
    expect(texts(a)).toEqual(['alpha', ' beta gamma', ' delta']);
  });
});

describe('updateYBody writes what ProseMirror holds', () => {
  it('lists, tables and headings round-trip, and a change inside a list item edits that item only', () => {
    const doc = new Y.Doc();
    const root = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1, bid: 'h' }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'bulletList', content: [
          { type: 'listItem', content: [{ type: 'paragraph', attrs: { bid: 'l1' }, content: [{ type: 'text', text: 'one' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', attrs: { bid: 'l2' }, content: [{ type: 'text', marks: [{ type: 'bold' }], text: 'two' }] }] },
        ] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', attrs: { bid: 't' }, content: [{ type: 'text', text: 'cell' }] }] }] }] },
      ],
    });
    doc.transact(() => updateYBody(doc, doc.getXmlFragment('body'), root, meta()));
    expect(read(doc).toJSON()).toEqual(root.toJSON());
    const list = element(doc, 1);
    const second = list.get(1) as Y.XmlElement;
    let two = -1;
    read(doc).descendants((n, pos) => {
      if (n.isText && n.text === 'two') two = pos;
    });
    const changed = edit(doc, (tr) => tr.split(two + 1, 2));
    expect(read(doc).toJSON()).toEqual(changed.toJSON());
    expect(element(doc, 1)).toBe(list);
    expect(list.length).toBe(3);
    expect(list.get(2)).toBe(second); // "two" split after "t": the longer half "wo" keeps the item
    expect(texts(doc)[1]).toBe('onetwo');
  });

  it('an unchanged document writes nothing', () => {
    const doc = docWith('alpha', 'beta');
    let updates = 0;
    doc.on('update', () => updates++);
    doc.transact(() => updateYBody(doc, doc.getXmlFragment('body'), read(doc), meta()));
    expect(updates).toBe(0);
  });
});
