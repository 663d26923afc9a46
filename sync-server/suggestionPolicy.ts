// Attribution of suggestions comes from the token (issue 12). An update to a document room that adds or changes
// an entry of the `suggestions` map (common/suggestionsSchema.ts) must give it the connection's own user id as
// `authorId` (for Word imports too: the importer is the author of record, Word's author name is free text).
// Removing entries (accepting or rejecting someone's suggestion) is an ordinary editor's act and is not checked.
//
// Most updates are body keystrokes: their items are placed without decoding anything but their neighbours, found
// in the room's doc or earlier in the same update. Only when a neighbour is in neither (it is in an update still
// being committed) is the update applied to a scratch copy and the changed entries read there.
import * as Y from 'yjs';
import { SUGGESTION_AUTHOR_KEY, SUGGESTIONS_ROOT } from '../common/suggestionsSchema';
import { inRanges, structRanges, type DecodedUpdate } from './updateEffect';

type Place = { root: string; direct: boolean; key: string | null } | 'unknown';
const MAX_DEPTH = 64;

// The items of accepted updates still being committed, decoded once, and where each item sits once known. An item
// in a pending update usually hangs off the previous update's items (typing), so placing it must not walk the whole
// chain of pending updates again: places are remembered across calls (an item's place never changes).
const pendingItems = new WeakMap<Uint8Array, Y.Item[]>();
const knownPlaces = new WeakMap<Y.Item, Exclude<Place, 'unknown'>>();
function itemsOf(update: Uint8Array): Y.Item[] {
  let items = pendingItems.get(update);
  if (!items) pendingItems.set(update, (items = Y.decodeUpdate(update).structs.filter((s): s is Y.Item => s instanceof Y.Item)));
  return items;
}

function entryProblem(value: unknown, key: string | null, sub: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a suggestion entry must be an object';
  const v = value as Record<string, unknown>;
  if (v[SUGGESTION_AUTHOR_KEY] !== sub) return "a suggestion's authorId must be the token's sub";
  if (key !== null && v.id !== undefined && v.id !== key) return "a suggestion's id must be its key";
  return null;
}

const ownEntry = (value: unknown, sub: string) =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)[SUGGESTION_AUTHOR_KEY] === sub;

/** Where an item sits: its root type's name, whether it is a direct entry of that root, and its key there. */
function placeOfDocItem(item: Y.Item): Place {
  let type = item.parent as Y.AbstractType<unknown> | null;
  let direct = true;
  let key = item.parentSub;
  for (let i = 0; type && type._item !== null; i++) {
    if (i > MAX_DEPTH) return 'unknown';
    direct = false;
    key = type._item.parentSub;
    type = type._item.parent as Y.AbstractType<unknown> | null;
  }
  if (!type) return 'unknown';
  return { root: Y.findRootTypeKey(type), direct, key };
}

export function suggestionAuthorProblem(
  doc: Y.Doc,
  unapplied: readonly Uint8Array[],
  update: Uint8Array,
  decoded: DecodedUpdate,
  sub: string,
): string | null {
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  if (!pendingItems.has(update)) pendingItems.set(update, items); // the same objects, with their places, once pending
  const within = (list: readonly Y.Item[], id: Y.ID): Y.Item | null => {
    for (const s of list) if (s.id.client === id.client && id.clock >= s.id.clock && id.clock < s.id.clock + s.length) return s;
    return null;
  };
  // This update first, then the pending ones newest first: a keystroke hangs off the one just before it, so the
  // search stops at once however many updates wait for their commit.
  const findOwn = (id: Y.ID): Y.Item | null => {
    const here = within(items, id);
    if (here) return here;
    for (let i = unapplied.length - 1; i >= 0; i--) {
      const found = within(itemsOf(unapplied[i]!), id);
      if (found) return found;
    }
    return null;
  };
  const inDoc = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found = Y.getItem(doc.store, id);
    return found instanceof Y.Item ? found : null;
  };
  const place = (item: Y.Item, depth: number): Place => {
    const known = knownPlaces.get(item);
    if (known) return known;
    let result: Place;
    if (depth > MAX_DEPTH) result = 'unknown';
    else if (typeof item.parent === 'string') result = { root: item.parent, direct: true, key: item.parentSub };
    else if (item.parent instanceof Y.ID) {
      const parentId = item.parent;
      const mine = findOwn(parentId);
      const theirs = mine ? null : inDoc(parentId);
      const up = mine ? place(mine, depth + 1) : theirs ? placeOfDocItem(theirs) : 'unknown';
      result = up === 'unknown' ? up : { root: up.root, direct: false, key: up.key };
    } else if (item.parent === null || item.parent === undefined) {
      const ref = item.origin ?? item.rightOrigin;
      const mine = ref ? findOwn(ref) : null;
      const theirs = ref && !mine ? inDoc(ref) : null;
      result = mine ? place(mine, depth + 1) : theirs ? placeOfDocItem(theirs) : 'unknown';
    } else result = placeOfDocItem(item);
    if (result !== 'unknown') knownPlaces.set(item, result);
    return result;
  };

  let unknown = false;
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue;
    const p = place(s, 0);
    if (p === 'unknown') {
      unknown = true;
      continue;
    }
    if (p.root !== SUGGESTIONS_ROOT) continue;
    if (!p.direct) return 'a suggestion entry must be a plain value';
    if (!(s.content instanceof Y.ContentAny)) return 'a suggestion entry must be a plain value';
    for (const value of s.content.arr) {
      const problem = entryProblem(value, p.key, sub);
      if (problem) return problem;
    }
    // Overwriting a live entry: it must be the connection's own (no taking over someone else's suggestion).
    const previous = s.origin ? inDoc(s.origin) : null;
    if (s.origin && !previous) {
      unknown = true; // the overwritten entry is not committed yet: read it on the scratch copy
      continue;
    }
    if (previous && !previous.deleted && previous.content instanceof Y.ContentAny && !ownEntry(previous.content.arr.at(-1), sub))
      return "may not change another author's suggestion entry";
  }
  return unknown ? scratchProblem(doc, unapplied, update, decoded, sub) : null;
}

/** The general check: apply to a copy, then read the entries this update's items hold. */
function scratchProblem(doc: Y.Doc, unapplied: readonly Uint8Array[], update: Uint8Array, decoded: DecodedUpdate, sub: string): string | null {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    for (const u of unapplied) Y.applyUpdate(scratch, u);
    Y.applyUpdate(scratch, update);
    const ranges = structRanges(decoded);
    const map = scratch.getMap(SUGGESTIONS_ROOT);
    const before = doc.getMap(SUGGESTIONS_ROOT);
    for (const [key, item] of map._map) {
      if (item.deleted || !inRanges(ranges, item.id)) continue;
      const prior = before._map.get(key);
      if (prior && !prior.deleted && prior.content instanceof Y.ContentAny && !ownEntry(prior.content.arr.at(-1), sub))
        return "may not change another author's suggestion entry";
      if (!(item.content instanceof Y.ContentAny)) return 'a suggestion entry must be a plain value';
      const problem = entryProblem(item.content.arr[item.content.arr.length - 1], key, sub);
      if (problem) return problem;
    }
    // Nested types under an entry: refused.
    let nested = false;
    for (const s of decoded.structs) {
      if (!(s instanceof Y.Item)) continue;
      const live = Y.getItem(scratch.store, s.id);
      if (!(live instanceof Y.Item) || live.deleted) continue;
      const p = placeOfDocItem(live);
      if (p !== 'unknown' && p.root === SUGGESTIONS_ROOT && !p.direct) nested = true;
    }
    return nested ? 'a suggestion entry must be a plain value' : null;
  } finally {
    scratch.destroy();
  }
}
