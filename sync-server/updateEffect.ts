// What an incoming Yjs update would do to a document, found without applying it: decoding validates the whole
// update (a truncated or garbled one throws here, before anything is stored), and comparing its structs and
// deletions with the document's state tells whether it changes anything at all.
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export class MalformedUpdateError extends Error {
  constructor(cause: unknown) {
    super(`malformed update: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MalformedUpdateError';
  }
}

export function decodeUpdateStrict(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedUpdateError(err);
  }
}

/** True when applying the update would add structs the doc lacks or delete something not yet deleted. */
export function updateChangesDoc(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const store = doc.store;
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > Y.getState(store, s.id.client)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(store, client);
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len <= 0) continue;
      // Deleting structs the doc does not have yet would be kept as a pending delete: a change.
      if (clock + len > state || !structs) return true;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i];
        if (!struct || struct.id.clock >= clock + len) break;
        if (!struct.deleted) return true;
      }
    }
  }
  return false;
}

/** True when every struct and deletion of the update is now part of the doc (nothing left pending). */
export function updateIntegrated(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) if (len > 0 && clock + len > state) return false;
  }
  return true;
}

/** Clock ranges per client covered by the update's structs (to tell its items from others in a transaction). */
export function structRanges(decoded: DecodedUpdate): Map<number, Array<[number, number]>> {
  const ranges = new Map<number, Array<[number, number]>>();
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    let list = ranges.get(s.id.client);
    if (!list) ranges.set(s.id.client, (list = []));
    list.push([s.id.clock, s.id.clock + s.length]);
  }
  return ranges;
}

export function inRanges(ranges: Map<number, Array<[number, number]>>, id: Y.ID): boolean {
  const list = ranges.get(id.client);
  if (!list) return false;
  for (const [from, to] of list) if (id.clock >= from && id.clock < to) return true;
  return false;
}
