import * as Y from 'yjs';

// Text typed by another replica into text this replica has just moved goes where the text went.
//
// Yjs cannot move text between elements: when this replica splits a paragraph or joins two, the write path deletes
// the moved characters from one Y.XmlText and inserts a copy in another. A character another replica types
// concurrently is anchored to the character on its left (its `origin`); if that character was moved, the new one
// lands where the original was (a deleted stretch of the old paragraph, or a deleted paragraph, where it is lost).
// The replica that made the move remembers, for this session, where each moved character's copy is; when a remote
// character arrives anchored to one of them, it deletes it there and types it after the copy, in its own
// transaction (so every replica receives the fix). Characters typed after it are anchored to it and follow.
//
// Only the replica that moved the text fixes it, so a fix is made once. Moves are found in each local write by
// matching the string deleted from a Y.XmlText with the same string inserted elsewhere in that transaction.

/** How many moved characters are remembered (oldest forgotten first). */
const REMEMBERED = 200_000;

type Char = { text: Y.XmlText; item: Y.Item; offset: number };
const key = (client: number, clock: number) => `${client}:${clock}`;

interface Run {
  text: Y.XmlText;
  str: string;
  /** the id of each character */
  ids: Y.ID[];
}

function inScope(scope: Y.XmlFragment, item: Y.Item): boolean {
  return item.parent instanceof Y.XmlText && Y.isParentOf(scope as unknown as Parameters<typeof Y.isParentOf>[0], item);
}

/** Strings of each Y.XmlText in document order, made of the given items. */
function runs(items: Y.Item[]): Run[] {
  const byText = new Map<Y.XmlText, Set<Y.Item>>();
  for (const item of items) {
    const text = item.parent as Y.XmlText;
    if (!byText.has(text)) byText.set(text, new Set());
    byText.get(text)!.add(item);
  }
  const out: Run[] = [];
  for (const [text, set] of byText) {
    const run: Run = { text, str: '', ids: [] };
    for (let n = text._start; n !== null; n = n.right) {
      if (!set.has(n)) continue;
      const str = (n.content as Y.ContentString).str;
      run.str += str;
      for (let i = 0; i < str.length; i++) run.ids.push(Y.createID(n.id.client, n.id.clock + i));
    }
    out.push(run);
  }
  return out;
}

/** The visible index in its Y.XmlText just after a character (after the place it had, if it was deleted). */
function indexAfter(char: Char): number {
  let index = 0;
  for (let n = char.text._start; n !== null && n !== char.item; n = n.right) if (!n.deleted && n.countable) index += n.length;
  return index + (char.item.deleted ? 0 : char.offset + 1);
}

function charAt(doc: Y.Doc, id: Y.ID): Char | null {
  const item = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  if (!(item instanceof Y.Item) || !(item.parent instanceof Y.XmlText)) return null;
  return { text: item.parent, item, offset: id.clock - item.id.clock };
}

/** Items of the given transaction's new structs (clock at or after the state before it), optionally of one client. */
function newItems(tr: Y.Transaction, accept: (client: number) => boolean): Y.Item[] {
  const out: Y.Item[] = [];
  tr.afterState.forEach((after, client) => {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before || !accept(client)) return;
    const structs = tr.doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i]!;
      if (s.id.clock >= after) break;
      if (s instanceof Y.Item && s.content instanceof Y.ContentString) out.push(s);
    }
  });
  return out;
}

/**
 * Starts fixing, on `doc`, remote text typed into text that local writes to `scope` moved. `isLocalWrite` says
 * which transactions are the editor's own writes; remote ones are those applied from updates. Returns a stop.
 */
export function rehomeMovedText(doc: Y.Doc, scope: Y.XmlFragment, isLocalWrite: (tr: Y.Transaction) => boolean, origin: unknown = 'rehome'): () => void {
  const moved = new Map<string, Y.ID>();
  const remember = (from: Y.ID, to: Y.ID) => {
    moved.set(key(from.client, from.clock), to);
    if (moved.size > REMEMBERED) moved.delete(moved.keys().next().value!);
  };

  const recordMoves = (tr: Y.Transaction) => {
    const deleted: Y.Item[] = [];
    Y.iterateDeletedStructs(tr, tr.deleteSet, (s) => {
      if (s instanceof Y.Item && s.content instanceof Y.ContentString && s.id.clock < (tr.beforeState.get(s.id.client) ?? 0) && inScope(scope, s)) deleted.push(s);
    });
    if (deleted.length === 0) return;
    const inserted = runs(newItems(tr, (c) => c === doc.clientID).filter((s) => !s.deleted && inScope(scope, s)));
    for (const from of runs(deleted)) {
      for (const to of inserted) {
        // The whole deleted string inside an inserted one (a split's moved half, a joined paragraph), or the reverse.
        let at = to.str.indexOf(from.str);
        if (at >= 0) from.ids.forEach((id, i) => remember(id, to.ids[at + i]!));
        else if ((at = from.str.indexOf(to.str)) >= 0 && to.str.length > 0) to.ids.forEach((id, i) => remember(from.ids[at + i]!, id));
        else continue;
        break;
      }
    }
  };

  /** Where an arrival belongs: after the copy of the character on its left, or, typed at the very start of a text, before the copy of the one on its right. */
  const destination = (s: Y.Item): { char: Char; before: boolean } | null => {
    const left = s.origin && moved.get(key(s.origin.client, s.origin.clock));
    const right = !s.origin && s.rightOrigin ? moved.get(key(s.rightOrigin.client, s.rightOrigin.clock)) : undefined;
    const char = left ? charAt(doc, left) : right ? charAt(doc, right) : null;
    return char ? { char, before: !left } : null;
  };

  const rehome = (tr: Y.Transaction) => {
    if (moved.size === 0) return;
    const isMoved = (s: Y.Item) =>
      (s.origin !== null && moved.has(key(s.origin.client, s.origin.clock))) || (s.origin === null && s.rightOrigin !== null && moved.has(key(s.rightOrigin.client, s.rightOrigin.clock)));
    // In clock order, so a character typed after an arrival follows it once that one is moved.
    const arrivals = newItems(tr, (c) => c !== doc.clientID).filter((s) => inScope(scope, s));
    if (!arrivals.some(isMoved)) return;
    arrivals.sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock);
    doc.transact(() => {
      for (const item of arrivals) {
        if (!isMoved(item) || !(item.content instanceof Y.ContentString)) continue;
        const parent = item.parent as Y.XmlText;
        // Deleted in a live text: its author (or someone) deleted it, nothing to keep. In a deleted text (a joined
        // paragraph) it was deleted with the text.
        if (item.deleted && !parent._item?.deleted) continue;
        const dest = destination(item);
        if (!dest || dest.char.text._item?.deleted) continue;
        const str = item.content.str;
        if (!item.deleted) parent.delete(indexAfter({ text: parent, item, offset: -1 }), str.length);
        const clock = Y.getState(doc.store, doc.clientID);
        const at = dest.before ? indexAfter({ ...dest.char, offset: dest.char.offset - 1 }) : indexAfter(dest.char);
        dest.char.text.insert(at, str);
        for (let i = 0; i < str.length; i++) remember(Y.createID(item.id.client, item.id.clock + i), Y.createID(doc.clientID, clock + i));
      }
    }, origin);
  };

  const onAfter = (tr: Y.Transaction) => {
    if (tr.local && isLocalWrite(tr)) recordMoves(tr);
    else if (!tr.local) rehome(tr);
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}
