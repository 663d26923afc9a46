import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { rapporteurSchema } from '../schema/schema';
import { BLOCK_ID_ATTR, blockIdFixes } from '../schema/blockId';
import { updateYBody } from './updateYBody';
import { rehomeMovedText } from './rehomeMovedText';

const schema = rapporteurSchema();
const LOCAL = 'local';
let ids = 0;

function replicas(n: number, ...paragraphs: string[]): Y.Doc[] {
  const docs = Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc({ gc: false }); // documents run with gc off (storage/openDocs.ts)
    doc.clientID = i + 1;
    rehomeMovedText(doc, doc.getXmlFragment('body'), (tr) => tr.origin === LOCAL);
    return doc;
  });
  const root = schema.nodes.doc!.create(null, paragraphs.map((t, i) => schema.nodes.paragraph!.create({ bid: `p${i}` }, schema.text(t))));
  docs[0]!.transact(() => updateYBody(docs[0]!, docs[0]!.getXmlFragment('body'), root, { mapping: new Map(), isOMark: new Map() }), LOCAL);
  for (const d of docs.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[0]!));
  return docs;
}

const read = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('body'), schema);
const texts = (doc: Y.Doc) => read(doc).children.map((b) => b.textContent);

function edit(doc: Y.Doc, change: (tr: Transaction, pos: (block: number, offset: number) => number) => void): void {
  const state = EditorState.create({ schema, doc: read(doc) });
  const tr = state.tr;
  const pos = (block: number, offset: number) => {
    let p = 0;
    for (let i = 0; i < block; i++) p += state.doc.child(i).nodeSize;
    return p + 1 + offset;
  };
  change(tr, pos);
  for (const fix of blockIdFixes(tr.doc, { doc: state.doc, mapping: tr.mapping })) tr.setNodeAttribute(fix.pos, BLOCK_ID_ATTR, fix.bid ?? `n${ids++}`);
  doc.transact(() => updateYBody(doc, doc.getXmlFragment('body'), tr.doc, { mapping: new Map(), isOMark: new Map() }), LOCAL);
}

/** Delivers everything to everyone until nothing changes (a fix is itself an update to deliver). */
function settle(docs: Y.Doc[]): void {
  for (let round = 0; round < 4; round++)
    for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('rehomeMovedText: text typed into text another replica moved follows it', () => {
  it('a word typed into the half of a paragraph that a concurrent split moved lands in that half', () => {
    const [a, b] = replicas(2, 'alpha beta');
    edit(a, (tr, pos) => tr.split(pos(0, 3))); // "alp" | "ha beta": the new element is "alp"
    edit(b, (tr, pos) => tr.insertText('X', pos(0, 1)));
    settle([a, b]);
    expect(texts(a)).toEqual(['aXlp', 'ha beta']);
    expect(texts(b)).toEqual(texts(a));
  });

  it('typing into a paragraph that a concurrent join removed is kept in the joined paragraph, letters typed after it follow', () => {
    const [a, b, c] = replicas(3, 'alpha', 'gamma delta');
    edit(a, (tr, pos) => tr.join(pos(1, 0) - 1)); // "gamma delta" is longer: its element stays, "alpha" is copied in
    edit(b, (tr, pos) => tr.insertText('X', pos(0, 2)));
    edit(b, (tr, pos) => tr.insertText('Y', pos(0, 3)));
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b)); // a third replica sees the typing first, the join later
    settle([a, b, c]);
    expect(texts(a)).toEqual(['alXYphagamma delta']);
    expect(texts(b)).toEqual(texts(a));
    expect(texts(c)).toEqual(texts(a));
  });

  it('without it, the same typing is lost or misplaced', () => {
    const docs = [new Y.Doc({ gc: false }), new Y.Doc({ gc: false })];
    docs[0]!.clientID = 1;
    docs[1]!.clientID = 2;
    const root = schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create({ bid: 'p0' }, schema.text('alpha beta'))]);
    docs[0]!.transact(() => updateYBody(docs[0]!, docs[0]!.getXmlFragment('body'), root, { mapping: new Map(), isOMark: new Map() }), LOCAL);
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!));
    edit(docs[0]!, (tr, pos) => tr.split(pos(0, 3)));
    edit(docs[1]!, (tr, pos) => tr.insertText('X', pos(0, 1)));
    settle(docs);
    expect(texts(docs[0]!)).toEqual(['alp', 'Xha beta']);
  });
});
