import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from './splitUpdate';

/** Applies each piece in order to a fresh doc and checks nothing ever waits for a later piece. */
function replay(pieces: Uint8Array[], base?: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (base) Y.applyUpdate(doc, base);
  for (const p of pieces) {
    Y.applyUpdate(doc, p);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
  return doc;
}

describe('splitUpdate', () => {
  it('returns a small update unchanged', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const u = Y.encodeStateAsUpdate(doc);
    expect(splitUpdate(u, 1024)).toEqual([u]);
  });

  it('splits many clients, concurrent edits, deletions and one huge paste into causal pieces under the cap', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const a = new Y.Doc({ gc: false });
    const base = Y.encodeStateAsUpdate(a);
    // several sessions (client ids) each building on the previous one, as a week of offline restarts does
    for (let session = 0; session < 5; session++) {
      const d = new Y.Doc({ gc: false });
      Y.applyUpdate(d, Y.encodeStateAsUpdate(a));
      const frag = d.getXmlFragment('body');
      const text = d.getText('notes');
      for (let i = 0; i < 200; i++) {
        d.transact(() => {
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText('word '.repeat(1 + Math.floor(rand() * 50)))]);
          frag.insert(Math.floor(rand() * (frag.length + 1)), [p]);
          text.insert(Math.floor(rand() * (text.length + 1)), `é${i}😀`);
          if (text.length > 20 && rand() < 0.3) text.delete(Math.floor(rand() * (text.length - 10)), 5);
          if (frag.length > 3 && rand() < 0.1) frag.delete(Math.floor(rand() * (frag.length - 1)), 1);
        });
      }
      d.getMap('m').set('k' + session, { big: 'x'.repeat(100) });
      Y.applyUpdate(a, Y.encodeStateAsUpdate(d));
    }
    a.getText('paste').insert(0, 'p'.repeat(200_000) + 'é'.repeat(50_000));
    const update = Y.encodeStateAsUpdate(a, Y.encodeStateVectorFromUpdate(base));
    const cap = 16 * 1024;
    const pieces = splitUpdate(update, cap);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces) expect(p.byteLength).toBeLessThanOrEqual(cap);
    const b = replay(pieces, base);
    expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
    expect(b.getXmlFragment('body').toString()).toBe(a.getXmlFragment('body').toString());
    expect(b.getText('notes').toString()).toBe(a.getText('notes').toString());
    expect(b.getText('paste').toString()).toBe(a.getText('paste').toString());
    expect(b.getMap('m').toJSON()).toEqual(a.getMap('m').toJSON());
  });
});
