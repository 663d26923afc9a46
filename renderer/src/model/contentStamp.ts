import * as Y from 'yjs';

/**
 * A Y.Doc's content in a few bytes that differ whenever it does: its state vector AND its delete set (a deletion
 * adds nothing to the state vector). Equal stamps: the same content, so the same ProseMirror positions.
 */
export const contentStamp = (doc: Y.Doc): Uint8Array => Y.encodeSnapshot(Y.snapshot(doc));

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
