import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { resolve } from 'node:path';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { updateYBody } from '../../renderer/src/editor/updateYBody';
import { rehomeMovedText } from '../../renderer/src/editor/rehomeMovedText';
import { rapporteurSchema } from '../../renderer/src/schema/schema';
import { BODY } from '../../renderer/src/model/bodyJson';
import { ReplicaNetwork } from './replicaNetwork';
import { ensureBlockIds, resetBlockIds } from './pmOps';
import { loadTrace, type ConcurrentTrace } from './traceReplay';

// Intent under concurrent paragraph splits and joins. Each replica's body is edited the way the editor does it (a
// ProseMirror transaction, the block-id rule of schema/blockId.ts, written back with editor/updateYBody.ts, and
// editor/rehomeMovedText.ts running on the replica as editor/collaboration.ts runs it) and, in the same Yjs
// transaction, the same edit is applied to a plain-text model (a Y.Text where '\n' separates paragraphs) in the same
// Y.Doc, so both travel in the same updates. Yjs keeps the model's characters where they were typed; the body
// should say the same. A character the body puts elsewhere (e.g. a word typed into a paragraph while another
// replica splits it, or lost with a paragraph another replica joined) is "misplaced": max(|body|, |model|) -
// LCS(body, model), body paragraphs joined with '\n'.
// Guaranteed (asserted): every replica converges, body and model alike; misplaced characters stay under the bound
// measured when the write path was fixed (a regression fails). Printed: the figures.
// Why not zero: Yjs cannot move text between elements, so a split or join copies text. Two replicas that move the
// same text concurrently (both join the same two paragraphs; both split one paragraph keeping the same side)
// each make a copy: the text is doubled. A join or split against a paragraph that another replica restructured
// the other way can leave text in a deleted element. See rehomeMovedText.ts for what is re-homed.

const SEEDS = Number(process.env.FUZZ_INTENT_SEEDS ?? 30);
const STEPS = 120;
const REPLICAS = 3;
const schema = rapporteurSchema();
const MODEL = 'intent';
/** Documents run with gc off in the app (openDocs), which keeps what is typed into a deleted paragraph. */
const GC = process.env.FUZZ_GC === '1';

const figures = {
  seeds: 0,
  misplaced: 0,
  seedsWithMisplaced: 0,
  chars: 0,
  /** local edits not made because that replica's body already disagreed with the model (no cascade) */
  skippedDiverged: 0,
  trace: null as null | { txns: number; misplaced: number; chars: number; ms: number },
};
afterAll(() => console.log(`[fuzz] split intent: ${JSON.stringify(figures)}`));

function joined(doc: PMNode): string {
  const out: string[] = [];
  doc.forEach((block) => out.push(block.textContent));
  return out.join('\n');
}

/** PM position of a joined-text offset (paragraphs only). */
function pmPos(doc: PMNode, offset: number): number {
  let pos = 0;
  let left = offset;
  for (let i = 0; i < doc.childCount; i++) {
    const block = doc.child(i);
    if (left <= block.content.size) return pos + 1 + left;
    left -= block.content.size + 1;
    pos += block.nodeSize;
  }
  return pos - 1;
}

/** One edit in joined-text coordinates, as the editor makes it: delete (across paragraphs joins them), type, Enter. */
function patchTr(state: EditorState, offset: number, del: number, ins: string): Transaction {
  const tr = state.tr;
  if (del > 0) tr.delete(pmPos(tr.doc, offset), pmPos(tr.doc, offset + del));
  let at = offset;
  for (const [i, part] of ins.split('\n').entries()) {
    if (i > 0) {
      tr.split(pmPos(tr.doc, at));
      at += 1;
    }
    if (part) {
      tr.insertText(part, pmPos(tr.doc, at));
      at += part.length;
    }
  }
  return tr;
}

function edit(doc: Y.Doc, offset: number, del: number, ins: string, origin: unknown = 'local'): void {
  const fragment = doc.getXmlFragment(BODY);
  const model = doc.getText(MODEL);
  const root = fragment.length === 0 ? schema.nodes.doc!.create(null, schema.nodes.paragraph!.create()) : yXmlFragmentToProseMirrorRootNode(fragment, schema);
  let state = EditorState.create({ schema, doc: root });
  const tr = patchTr(state, offset, del, ins);
  const next = state.apply(tr);
  state = next.apply(ensureBlockIds(next, { doc: state.doc, mapping: tr.mapping }));
  doc.transact(() => {
    updateYBody(doc, fragment, state.doc, { mapping: new Map(), isOMark: new Map() });
    if (del > 0) model.delete(offset, del);
    if (ins) model.insert(offset, ins);
  }, origin);
}

function bodyText(doc: Y.Doc): string {
  return joined(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY), schema));
}

/** max(|a|, |b|) - LCS(a, b), after trimming the common prefix and suffix. */
export function misplaced(a: string, b: string): number {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  const x = a.slice(s, a.length - e);
  const y = b.slice(s, b.length - e);
  if (x.length * y.length > 4e7) return Math.max(x.length, y.length); // too far apart to be worth an exact figure
  let prev = new Uint32Array(y.length + 1);
  let cur = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return Math.max(x.length, y.length) - prev[y.length]!;
}

function runSeed(seed: number): { misplaced: number; chars: number } {
  const gen = prng.create(seed);
  resetBlockIds();
  const docs = Array.from({ length: REPLICAS }, (_, i) => {
    const doc = new Y.Doc({ gc: GC });
    doc.clientID = i + 1 + seed * 10;
    if (!process.env.NO_REHOME) rehomeMovedText(doc, doc.getXmlFragment(BODY), (tr) => tr.origin === 'local');
    return doc;
  });
  const net = new ReplicaNetwork(docs);
  edit(docs[0]!, 0, 0, 'alpha beta gamma\ndelta epsilon zeta\neta theta iota');
  net.flushAll(gen);
  let word = 0;
  for (let step = 0; step < STEPS; step++) {
    const r = gen.next();
    const doc = prng.oneOf(gen, docs);
    const text = bodyText(doc);
    // The user edits what they see; once the body already disagrees with the model here, an edit in body
    // coordinates would mean something else in the model, so it is skipped (the figure counts merge damage only).
    if (r < 0.72 && text !== doc.getText(MODEL).toString()) {
      figures.skippedDiverged++;
      continue;
    }
    if (r < 0.45) {
      // type a word (unique, so a misplaced piece is visible) somewhere in a paragraph
      edit(doc, prng.int31(gen, 0, text.length), 0, `${prng.oneOf(gen, [' ', ''])}w${(word++).toString(36)}x`);
    } else if (r < 0.6) {
      edit(doc, prng.int31(gen, 0, text.length), 0, '\n'); // Enter: split the paragraph
    } else if (r < 0.68) {
      const breaks = [...text].flatMap((c, i) => (c === '\n' ? [i] : []));
      if (breaks.length > 1) edit(doc, prng.oneOf(gen, breaks), 1, ''); // Backspace at a paragraph start: join
    } else if (r < 0.72) {
      if (text.length > 4) edit(doc, prng.int31(gen, 0, text.length - 3), prng.int31(gen, 1, 3), '');
    } else if (r < 0.9) {
      for (let i = prng.int31(gen, 1, 6); i > 0 && net.deliverRandom(gen); i--);
    } else net.toggleRandomLink(gen); // offline and back
  }
  net.flushAll(gen);
  const model = docs[0]!.getText(MODEL).toString();
  const body = bodyText(docs[0]!);
  for (const doc of docs) {
    expect(doc.getText(MODEL).toString()).toBe(model);
    expect(bodyText(doc)).toBe(body);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(docs[0]!));
  }
  return { misplaced: misplaced(body, model), chars: model.length };
}

describe(`intent: ${REPLICAS} replicas type into paragraphs while others split and join them`, () => {
  it(`${SEEDS} seeds converge; misplaced characters are measured`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = runSeed(seed);
      figures.seeds++;
      figures.misplaced += r.misplaced;
      figures.chars += r.chars;
      if (r.misplaced > 0) figures.seedsWithMisplaced++;
    }
    // Before the write path kept elements by block id (y-tiptap's updateYFragment, first of a split keeping the id):
    // 765 misplaced of 3,175 over the 30 default seeds (24.1%), 1,983 of 9,316 over 100 (21.3%). After: 650 of 3,629
    // (17.9%), 1,684 of 10,979 (15.3%). (How much is typed depends on how often a replica's body already disagrees,
    // so compare the ratios.) The run is deterministic (seeded), so the default seeds are held exactly.
    if (SEEDS === 30 && !GC) expect(figures.misplaced).toBeLessThanOrEqual(650);
    expect(figures.misplaced / figures.chars).toBeLessThanOrEqual(0.18);
  }, 120_000);
});

const TRACE_PATH = resolve(import.meta.dirname, '../../../shared/bench-data/friendsforever.json.gz');
const trace = loadTrace(TRACE_PATH);
if (!trace) console.log(`[fuzz] split intent: friendsforever skipped: ${TRACE_PATH} does not exist`);

/** friendsforever through the editor's write path: each txn's patches as PM edits, the model gets the same. */
function replayThroughEditor(t: ConcurrentTrace, txns: number): Y.Doc[] {
  resetBlockIds();
  const agents = Array.from({ length: t.numAgents }, (_, i) => {
    const doc = new Y.Doc({ gc: GC });
    doc.clientID = i + 1;
    if (!process.env.NO_REHOME) rehomeMovedText(doc, doc.getXmlFragment(BODY), (tr) => tr.origin === 'local');
    return doc;
  });
  const applied = agents.map(() => new Uint8Array(t.txns.length));
  const updates: Uint8Array[] = new Array(t.txns.length);
  t.txns.slice(0, txns).forEach((txn, index) => {
    const doc = agents[txn.agent]!;
    const missing: number[] = [];
    const stack = [...txn.parents];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (applied[txn.agent]![p]) continue;
      applied[txn.agent]![p] = 1;
      missing.push(p);
      stack.push(...t.txns[p]!.parents);
    }
    missing.sort((x, y) => x - y);
    for (const p of missing) Y.applyUpdate(doc, updates[p]!, 'remote');
    const parts: Uint8Array[] = [];
    const capture = (u: Uint8Array) => parts.push(u);
    doc.on('update', capture);
    for (const [pos, del, ins] of txn.patches) edit(doc, pos, del, ins);
    doc.off('update', capture);
    updates[index] = Y.mergeUpdates(parts);
    applied[txn.agent]![index] = 1;
  });
  // Twice: a replica may fix moved text when it receives the others' (rehomeMovedText), which is sent on the second.
  for (let round = 0; round < 2; round++)
    for (const a of agents) for (const b of agents) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  return agents;
}

describe('intent: the friendsforever concurrent trace through the editor write path', () => {
  // The whole trace takes minutes through the editor path: FUZZ_TRACE_TXNS=all replays it, the default a prefix.
  const txns = process.env.FUZZ_TRACE_TXNS === 'all' ? Infinity : Number(process.env.FUZZ_TRACE_TXNS ?? 3000);
  it.skipIf(!trace)('replicas converge, the model on the trace text; misplaced body characters are measured', () => {
    const t0 = performance.now();
    const n = Math.min(txns, trace!.txns.length);
    const agents = replayThroughEditor(trace!, n);
    const model = agents[0]!.getText(MODEL).toString();
    if (n === trace!.txns.length) expect(model).toBe(trace!.endContent);
    for (const a of agents) expect(a.getText(MODEL).toString()).toBe(model);
    const body = bodyText(agents[0]!);
    for (const a of agents) expect(bodyText(a)).toBe(body);
    figures.trace = { txns: n, misplaced: misplaced(body, model), chars: model.length, ms: Math.round(performance.now() - t0) };
    expect(figures.trace.misplaced).toBe(0);
  }, 300_000);
});
