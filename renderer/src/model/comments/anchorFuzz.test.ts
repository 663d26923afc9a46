// Anchors under concurrent editing: three replicas edit one body offline and exchange updates in random order
// (seeded), anchors are created on random replicas at random times. The expected text of an anchor is computed
// independently of anchor.ts, from Yjs' item list: the live characters between the first and the last quoted
// character, in list order (so: the quote itself when nobody touched it, "deleted" when none is left).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docBody, type PMNode } from '../bodyJson';
import { appendJSONToBody } from '../bodyWrite';
import { createAnchor, decodeRelativePosition, resolveAnchor } from './anchor';
import { buildBodyIndex, textBetween } from './bodyIndex';
import { seededRng, type Rng } from '../../../../tests/fixtures/prng';
import type { StoredAnchor } from './threadTypes';

interface Replica {
  doc: Y.Doc;
  inbox: Uint8Array[];
}

interface Made {
  anchor: StoredAnchor;
  on: number;
}

const WORDS = ['policy', 'access', 'internet', 'gender', 'data', 'open', 'rights', 'local', 'network', 'users'];

function randomText(rng: Rng): string {
  const n = rng.int(1, 3);
  return Array.from({ length: n }, () => rng.pick(WORDS)).join(' ') + (rng.chance(0.3) ? '. ' : ' ');
}

function paragraphs(doc: Y.Doc): Y.XmlElement[] {
  return docBody(doc)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph');
}

function texts(p: Y.XmlElement): Y.XmlText[] {
  return p.toArray().filter((n): n is Y.XmlText => n instanceof Y.XmlText);
}

const plain = (t: Y.XmlText) => (t.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');

function isLive(type: { _item: Y.Item | null }): boolean {
  for (let item = type._item; item; item = (item.parent as unknown as { _item: Y.Item | null })._item) if (item.deleted) return false;
  return true;
}

/** Ground truth from Yjs internals: 'pending', 'deleted', or the live text between the two anchored characters. */
function expected(doc: Y.Doc, anchor: StoredAnchor): string {
  const f = decodeRelativePosition(anchor.from)!.item!;
  const t = decodeRelativePosition(anchor.to)!.item!;
  if (Y.getState(doc.store, f.client) <= f.clock || Y.getState(doc.store, t.client) <= t.clock) return 'pending';
  const first = Y.getItem(doc.store, f) as Y.Item | Y.GC;
  if (!(first instanceof Y.Item)) return 'deleted';
  const parent = first.parent as Y.XmlText;
  if (!isLive(parent)) return 'deleted';
  let out = '';
  let inside = false;
  for (let item = parent._start; item; item = item.right) {
    const len = item.length;
    for (let k = 0; k < len; k++) {
      const clock = item.id.clock + k;
      const isFrom = item.id.client === f.client && clock === f.clock;
      const isTo = item.id.client === t.client && clock === t.clock;
      if (isFrom) inside = true;
      if (inside && !item.deleted && item.content instanceof Y.ContentString) out += item.content.str[k];
      if (isTo) return out === '' ? 'deleted' : out;
    }
  }
  throw new Error('anchored characters not found in list order');
}

function actual(doc: Y.Doc, anchor: StoredAnchor): string {
  const index = buildBodyIndex(docBody(doc));
  const r = resolveAnchor(index, anchor);
  return r.status === 'ok' ? textBetween(index, r.from, r.to) : r.status;
}

function run(seed: number, rounds: number, gc: boolean) {
  const rng = seededRng(seed);
  const replicas: Replica[] = [0, 1, 2].map(() => ({ doc: new Y.Doc({ gc }), inbox: [] }));
  replicas.forEach((r, i) => (r.doc.clientID = 1000 + i));
  const initial: PMNode[] = Array.from({ length: 6 }, (_, i) => ({
    type: 'paragraph',
    attrs: { bid: `p${i}` },
    content: [{ type: 'text', text: `Paragraph ${i} says that ${WORDS.slice(i).join(' ')}.` }],
  }));
  appendJSONToBody(replicas[0].doc, { type: 'doc', content: initial });
  const seedUpdate = Y.encodeStateAsUpdate(replicas[0].doc);
  for (const r of replicas.slice(1)) Y.applyUpdate(r.doc, seedUpdate);
  replicas.forEach((r, i) =>
    r.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      replicas.forEach((o, j) => j !== i && o.inbox.push(u));
    }),
  );
  const made: Made[] = [];
  const stats = { checks: 0, unchanged: 0, deleted: 0, edited: 0, pending: 0 };

  const check = (ri: number) => {
    const doc = replicas[ri].doc;
    for (const m of made) {
      const want = expected(doc, m.anchor);
      expect(actual(doc, m.anchor), `seed ${seed} replica ${ri} anchor on "${m.anchor.quote}"`).toBe(want);
      stats.checks++;
      if (want === 'pending') stats.pending++;
    }
  };

  for (let round = 0; round < rounds; round++) {
    const ri = rng.int(0, 2);
    const doc = replicas[ri].doc;
    const ps = paragraphs(doc);
    const op = rng.next();
    if (op < 0.35 && ps.length) {
      const p = rng.pick(ps);
      const ts = texts(p);
      if (ts.length) {
        const t = rng.pick(ts);
        t.insert(rng.int(0, t.length), randomText(rng), rng.chance(0.2) ? { bold: true } : {});
      } else p.insert(0, [new Y.XmlText(randomText(rng))]);
    } else if (op < 0.55 && ps.length) {
      const ts = texts(rng.pick(ps)).filter((t) => t.length > 0);
      if (ts.length) {
        const t = rng.pick(ts);
        const at = rng.int(0, t.length - 1);
        t.delete(at, rng.int(1, Math.min(8, t.length - at)));
      }
    } else if (op < 0.6) {
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('bid', `n${seed}-${round}`);
      p.insert(0, [new Y.XmlText(randomText(rng))]);
      docBody(doc).insert(rng.int(0, docBody(doc).length), [p]);
    } else if (op < 0.63 && docBody(doc).length > 3) {
      docBody(doc).delete(rng.int(0, docBody(doc).length - 1), 1);
    } else if (op < 0.73 && ps.length) {
      const candidates = ps.flatMap(texts).filter((t) => t.length >= 2);
      if (!candidates.length) continue;
      const t = rng.pick(candidates);
      const a = rng.int(0, t.length - 2);
      const b = rng.int(a + 1, Math.min(t.length, a + 14));
      const index = buildBodyIndex(docBody(doc));
      const base = index.textStart.get(t)!;
      const quote = plain(t).slice(a, b);
      if (!quote) continue;
      const anchor = createAnchor(index, base + a, base + b);
      expect(anchor.quote).toBe(quote);
      expect(actual(doc, anchor)).toBe(quote);
      made.push({ anchor, on: ri });
    } else if (op < 0.97) {
      const r = replicas[ri];
      rng.shuffle(r.inbox);
      const k = rng.int(0, r.inbox.length);
      for (const u of r.inbox.splice(0, k)) Y.applyUpdate(r.doc, u, 'remote');
    } else check(ri);
  }
  // Everyone gets everything, in random order.
  for (const r of replicas) for (const u of rng.shuffle(r.inbox.splice(0))) Y.applyUpdate(r.doc, u, 'remote');
  const json = replicas.map((r) => JSON.stringify(docBody(r.doc).toJSON()));
  expect(json[1]).toBe(json[0]);
  expect(json[2]).toBe(json[0]);
  for (let ri = 0; ri < 3; ri++) check(ri);
  for (const m of made) {
    const got = actual(replicas[0].doc, m.anchor);
    if (got === 'deleted') stats.deleted++;
    else if (got === m.anchor.quote) stats.unchanged++;
    else stats.edited++;
  }
  return { stats, anchors: made.length, createdOn: new Set(made.map((m) => m.on)).size };
}

describe('anchors through concurrent edits (3 replicas, random delivery order)', () => {
  for (const [seed, gc] of [
    [1, true],
    [2, false],
    [3, true],
    [4, false],
    [5, true],
  ] as const) {
    it(`seed ${seed}, gc ${gc}: every anchor resolves to its ground truth on every replica`, () => {
      const { stats, anchors, createdOn } = run(seed, 1500, gc);
      expect(anchors).toBeGreaterThan(50);
      expect(createdOn).toBe(3);
      // The fuzz must exercise all three outcomes, and check anchors while updates are still in flight.
      expect(stats.unchanged).toBeGreaterThan(5);
      expect(stats.deleted).toBeGreaterThan(2);
      expect(stats.edited).toBeGreaterThan(2);
      expect(stats.pending).toBeGreaterThan(0);
    });
  }
});
