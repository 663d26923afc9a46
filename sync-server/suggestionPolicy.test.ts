import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { suggestionAuthorProblem } from './suggestionPolicy';

/** The update `change` makes on a copy of `base` (a client in sync with `base`). */
function updateOf(base: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}
const check = (doc: Y.Doc, unapplied: Uint8Array[], u: Uint8Array, sub: string) => suggestionAuthorProblem(doc, unapplied, u, Y.decodeUpdate(u), sub);

describe('suggestionAuthorProblem', () => {
  it("places body keystrokes without a scratch copy and lets them through", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, updateOf(doc, (d) => d.getXmlFragment('body').insert(0, [new Y.XmlText('abc')])));
    const u = updateOf(doc, (d) => (d.getXmlFragment('body').get(0) as Y.XmlText).insert(3, 'def'));
    expect(check(doc, [], u, 'ed1')).toBeNull();
  });

  it('falls back to a scratch copy when the previous value is in an update not applied yet, and still refuses a forged author', () => {
    const doc = new Y.Doc();
    const pendingWrite = updateOf(doc, (d) => d.getMap('suggestions').set('k', { id: 'k', authorId: 'ed1' }));
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, pendingWrite);
    const forged = updateOf(ahead, (d) => d.getMap('suggestions').set('k', { id: 'k', authorId: 'ed1' }));
    expect(check(doc, [pendingWrite], forged, 'ed2')).toMatch(/authorId/);
    const own = updateOf(ahead, (d) => d.getMap('suggestions').set('k2', { id: 'k2', authorId: 'ed2' }));
    expect(check(doc, [pendingWrite], own, 'ed2')).toBeNull();
  });
});
