import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docBody, type PMNode } from '../bodyJson';
import { appendJSONToBody } from '../bodyWrite';
import { anchorLocation, createAnchor, createAnchorAtBlocks, findQuote, resolveAnchor } from './anchor';
import { blockPointAt, buildBodyIndex, positionOfBlockPoint, textBetween } from './bodyIndex';
import type { StoredAnchor } from './threadTypes';

const p = (bid: string, ...content: PMNode[]): PMNode => ({ type: 'paragraph', attrs: { bid }, content: content.length ? content : undefined });
const txt = (text: string, bold = false): PMNode => (bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text });
const h = (bid: string, level: number, text: string): PMNode => ({ type: 'heading', attrs: { bid, level }, content: [txt(text)] });

function makeDoc(content: PMNode[]): Y.Doc {
  const doc = new Y.Doc();
  appendJSONToBody(doc, { type: 'doc', content });
  return doc;
}

/** Position of the `nth` occurrence of `needle` in the block with id `bid`. */
function at(doc: Y.Doc, bid: string, needle: string, nth = 0): number {
  const index = buildBodyIndex(docBody(doc));
  const b = index.blocks.find((x) => x.bid === bid)!;
  let i = -1;
  for (let k = 0; k <= nth; k++) i = b.text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`no ${needle} in ${bid}`);
  return b.contentStart + i;
}

function anchorOn(doc: Y.Doc, bid: string, needle: string): StoredAnchor {
  const from = at(doc, bid, needle);
  return createAnchor(buildBodyIndex(docBody(doc)), from, from + needle.length);
}

function textOf(doc: Y.Doc, anchor: StoredAnchor): string | 'deleted' | 'pending' {
  const index = buildBodyIndex(docBody(doc));
  const r = resolveAnchor(index, anchor);
  return r.status === 'ok' ? textBetween(index, r.from, r.to) : r.status;
}

const textNode = (doc: Y.Doc, blockIndex: number, child = 0) => {
  const index = buildBodyIndex(docBody(doc));
  return index.blocks[blockIndex].element.get(child) as Y.XmlText;
};

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('body index', () => {
  it('computes ProseMirror positions, block texts and numbers in one walk', () => {
    const doc = makeDoc([
      h('h1', 1, 'Intro'),
      p('p1', txt('ab'), txt('cd', true), { type: 'footnote', attrs: { text: 'n' } }, { type: 'hardBreak' }, txt('ef')),
      p('p2'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('p3', txt('li'))] }] },
      h('h2', 2, 'Sub'),
      p('p4', txt('x')),
    ]);
    const index = buildBodyIndex(docBody(doc));
    expect(index.blocks.map((b) => [b.bid, b.start, b.contentStart, b.contentEnd, b.para, b.section])).toEqual([
      ['h1', 0, 1, 6, null, '1'],
      ['p1', 7, 8, 16, 1, '1'],
      ['p2', 17, 18, 18, null, '1'],
      ['p3', 21, 22, 24, null, '1'], // a list item: lettered, not numbered
      ['h2', 27, 28, 31, null, '1.1'],
      ['p4', 32, 33, 34, 2, '1.1'],
    ]);
    expect(index.size).toBe(35);
    expect(textBetween(index, 8, 16)).toBe('abcd\nef');
    expect(textBetween(index, 3, 10)).toBe('tro\nab');
    expect(blockPointAt(index, 12)).toEqual({ bid: 'p1', offset: 4 });
    expect(positionOfBlockPoint(index, { bid: 'p4', offset: 1 })).toBe(34);
  });
});

describe('anchors', () => {
  it('resolve to the quoted text, through edits before, after and beside the range', () => {
    const doc = makeDoc([p('a', txt('The quick brown fox jumps.')), p('b', txt('Second paragraph.'))]);
    const anchor = anchorOn(doc, 'a', 'quick brown');
    expect(anchor.quote).toBe('quick brown');
    const t = textNode(doc, 0);
    t.insert(0, 'Well, ');
    t.insert(t.toString().indexOf(' fox'), '!!');
    t.insert(t.toString().indexOf('quick'), '>>');
    expect(t.toString()).toBe('Well, The >>quick brown!! fox jumps.');
    expect(textOf(doc, anchor)).toBe('quick brown');
    t.insert(t.toString().indexOf('brown'), 'very ');
    expect(textOf(doc, anchor)).toBe('quick very brown');
  });

  it('are written and read where there is no Buffer and no window (a worker): the same base64 as elsewhere', () => {
    const doc = makeDoc([p('a', txt('The quick brown fox jumps.'))]);
    const anchor = anchorOn(doc, 'a', 'quick brown');
    const buffer = (globalThis as { Buffer?: unknown }).Buffer;
    delete (globalThis as { Buffer?: unknown }).Buffer;
    try {
      expect(textOf(doc, anchor)).toBe('quick brown');
      expect(anchorOn(doc, 'a', 'quick brown')).toEqual(anchor);
    } finally {
      (globalThis as { Buffer?: unknown }).Buffer = buffer;
    }
  });

  it('is on deleted text when the quote is deleted, also when typed over; undo brings it back', () => {
    const doc = makeDoc([p('a', txt('The quick brown fox.'))]);
    const anchor = anchorOn(doc, 'a', 'quick brown');
    const t = textNode(doc, 0);
    const undo = new Y.UndoManager(docBody(doc));
    t.delete(4, 11);
    expect(textOf(doc, anchor)).toBe('deleted');
    undo.undo();
    expect(t.toString()).toBe('The quick brown fox.');
    expect(textOf(doc, anchor)).toBe('quick brown');
    // typing over the selection: delete then insert at the same place
    doc.transact(() => {
      t.delete(4, 11);
      t.insert(4, 'slow red');
    });
    expect(textOf(doc, anchor)).toBe('deleted');
    // deleting part of it keeps the rest
    const b = anchorOn(doc, 'a', 'slow red');
    t.delete(4, 5);
    expect(textOf(doc, b)).toBe('red');
  });

  it('is on deleted text when its paragraph is deleted; a range over two blocks keeps its surviving part', () => {
    const doc = makeDoc([p('a', txt('First one.')), p('b', txt('Second one.')), p('c', txt('Third one.'))]);
    const single = anchorOn(doc, 'b', 'Second');
    const index = buildBodyIndex(docBody(doc));
    const across = createAnchor(index, at(doc, 'a', 'one'), at(doc, 'b', ' one'));
    expect(across.quote).toBe('one.\nSecond');
    expect(textOf(doc, across)).toBe('one.\nSecond');
    docBody(doc).delete(1, 1);
    expect(textOf(doc, single)).toBe('deleted');
    expect(textOf(doc, across)).toBe('one.');
    docBody(doc).delete(0, 1);
    expect(textOf(doc, across)).toBe('deleted');
  });

  it('handles footnotes, hard breaks and formatting inside and at the ends of the range', () => {
    const doc = makeDoc([p('a', { type: 'footnote', attrs: { text: 'n1' } }, txt('bold', true), txt(' plain'), { type: 'hardBreak' }, txt('next'), { type: 'footnote', attrs: { text: 'n2' } })]);
    const index = buildBodyIndex(docBody(doc));
    const b = index.blocks[0];
    // whole paragraph including the leading and trailing footnotes
    const whole = createAnchor(index, b.contentStart, b.contentEnd);
    expect(whole.quote).toBe('bold plain\nnext');
    const inner = createAnchor(index, b.contentStart + 1, b.contentEnd - 1);
    expect(inner.quote).toBe('bold plain\nnext');
    const t = textNode(doc, 0, 1);
    t.insert(0, 'X');
    expect(textOf(doc, whole)).toBe('Xbold plain\nnext');
    expect(textOf(doc, inner)).toBe('bold plain\nnext');
  });

  it('snaps selections made between blocks onto the text, and refuses an empty one', () => {
    const doc = makeDoc([p('a', txt('One.')), p('b'), p('c', txt('Two.'))]);
    const index = buildBodyIndex(docBody(doc));
    // from the very start of the doc to the position between the last two blocks
    const anchor = createAnchor(index, 0, index.blocks[2].start);
    expect(anchor.quote).toBe('One.');
    // a selection from the end of one paragraph to the start of the next covers nothing
    expect(() => createAnchor(index, index.blocks[0].contentEnd, index.blocks[2].contentStart)).toThrow('comments.error.emptySelection');
    expect(() => createAnchor(index, 3, 3)).toThrow('comments.error.emptySelection');
    const byBlocks = createAnchorAtBlocks(index, { bid: 'c', offset: 0 }, { bid: 'c', offset: 3 });
    expect(byBlocks.quote).toBe('Two');
  });

  it('reports where it is: block points, para and section', () => {
    const doc = makeDoc([h('h1', 1, 'One'), p('a', txt('Alpha text.')), h('h2', 2, 'One point one'), p('b', txt('Beta text.'))]);
    const anchor = anchorOn(doc, 'b', 'text');
    const index = buildBodyIndex(docBody(doc));
    expect(anchorLocation(index, resolveAnchor(index, anchor))).toEqual({
      from: { bid: 'b', offset: 5 },
      to: { bid: 'b', offset: 9 },
      para: 2,
      section: '1.1',
      text: 'text',
    });
  });

  it('is pending, not deleted, while the body has not arrived', () => {
    const a = makeDoc([p('a', txt('Hello world.'))]);
    const anchor = anchorOn(a, 'a', 'world');
    const b = new Y.Doc();
    expect(textOf(b, anchor)).toBe('pending');
    sync(a, b);
    expect(textOf(b, anchor)).toBe('world');
  });

  it('created on one replica while another deletes the text: both show it on deleted text, quote kept', () => {
    const a = makeDoc([p('a', txt('Keep this. Remove that part. End.'))]);
    const b = new Y.Doc();
    sync(a, b);
    const anchor = anchorOn(a, 'a', 'that part'); // on replica A, offline
    const tb = textNode(b, 0);
    tb.delete(tb.toString().indexOf('Remove'), 'Remove that part. '.length); // on replica B, offline
    sync(a, b);
    expect(textNode(a, 0).toString()).toBe('Keep this. End.');
    expect(textOf(a, anchor)).toBe('deleted');
    expect(textOf(b, anchor)).toBe('deleted');
    expect(anchor.quote).toBe('that part');
  });

  it('findQuote suggests where deleted text reappears (e.g. after a paragraph split)', () => {
    const doc = makeDoc([p('a', txt('alpha beta')), p('b', txt('gamma beta'))]);
    const index = buildBodyIndex(docBody(doc));
    const hits = findQuote(index, 'beta', index.blocks[1].contentEnd);
    expect(hits.map((r) => textBetween(index, r.from, r.to))).toEqual(['beta', 'beta']);
    expect(hits[0].from).toBeGreaterThan(index.blocks[1].contentStart);
  });
});

describe('positions agree with ProseMirror', () => {
  it('block starts and in-block text match the ProseMirror document of the same body', async () => {
    const { rapporteurSchema } = await import('../../schema/schema');
    const { bodyToJSON } = await import('../bodyJson');
    const cell = (...content: PMNode[]): PMNode => ({ type: 'tableCell', content });
    const doc = makeDoc([
      h('h1', 1, 'Title'),
      p('a', txt('Some '), txt('bold', true), { type: 'footnote', attrs: { text: 'n' } }, txt(' text'), { type: 'hardBreak' }, txt('more')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('l1', txt('item one')), { type: 'bulletList', content: [{ type: 'listItem', content: [p('l2', txt('nested'))] }] }] }] },
      { type: 'blockquote', content: [p('q', txt('quoted'))] },
      { type: 'table', content: [{ type: 'tableRow', content: [cell(p('t1', txt('cell one'))), cell(p('t2', txt('cell two')), p('t3'))] }] },
      p('z', txt('end')),
    ]);
    const pm = rapporteurSchema().nodeFromJSON(bodyToJSON(doc));
    const index = buildBodyIndex(docBody(doc));
    expect(index.size).toBe(pm.content.size);
    const starts: Array<[string, number]> = [];
    pm.descendants((node, pos) => {
      if (node.isTextblock) starts.push([node.attrs.bid as string, pos]);
      return true;
    });
    expect(index.blocks.map((b) => [b.bid, b.start])).toEqual(starts);
    const leaf = (n: { type: { name: string } }) => (n.type.name === 'hardBreak' ? '\n' : '');
    for (const b of index.blocks)
      for (let f = b.contentStart; f <= b.contentEnd; f++)
        for (let t = f; t <= b.contentEnd; t++) expect(textBetween(index, f, t)).toBe(pm.textBetween(f, t, '\n', leaf));
    // and an anchor made from any in-block range quotes what ProseMirror shows there
    const a = index.blocks[1];
    const anchor = createAnchor(index, a.contentStart + 2, a.contentEnd - 1);
    expect(anchor.quote).toBe(pm.textBetween(a.contentStart + 2, a.contentEnd - 1, '\n', leaf));
  });
});
