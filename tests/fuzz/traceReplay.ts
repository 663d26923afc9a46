import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

// Replays a concurrent editing trace from josephg/editing-traces (CC BY 4.0; friendsforever recorded by Joseph
// Gentle) into one Y.Doc per agent. A txn applies to the merged state of its `parents`: before applying it, the
// agent's replica receives the recorded Yjs update of every ancestor it does not have yet, in trace order (the
// trace is topologically ordered, so dependencies always arrive first). This needs each agent's previous txn to
// be an ancestor of its next one, which replay() checks.

export interface ConcurrentTrace {
  kind?: string;
  endContent: string;
  numAgents: number;
  txns: Array<{ parents: number[]; agent: number; patches: Array<[number, number, string]> }>;
}

export function loadTrace(path: string): ConcurrentTrace | null {
  if (!existsSync(path)) return null;
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ConcurrentTrace;
}

export interface ReplayResult {
  agents: Y.Doc[];
  /** the Yjs update each txn produced, by txn index */
  updates: Uint8Array[];
}

export function replay(trace: ConcurrentTrace, clientIds?: number[]): ReplayResult {
  const agents = Array.from({ length: trace.numAgents }, (_, i) => {
    const doc = new Y.Doc();
    if (clientIds) doc.clientID = clientIds[i];
    return doc;
  });
  const applied = agents.map(() => new Uint8Array(trace.txns.length));
  const lastOwn = agents.map(() => -1);
  const updates: Uint8Array[] = new Array(trace.txns.length);
  trace.txns.forEach((txn, index) => {
    const a = txn.agent;
    const doc = agents[a];
    // Collect the ancestors this replica lacks (stopping at what it has), then apply them oldest first.
    const missing: number[] = [];
    const stack = [...txn.parents];
    // The walk only crosses txns this replica lacks, so it meets the agent's previous txn iff that is an ancestor.
    let sawOwn = lastOwn[a] < 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (p === lastOwn[a]) sawOwn = true;
      if (applied[a][p]) continue;
      applied[a][p] = 1;
      missing.push(p);
      stack.push(...trace.txns[p].parents);
    }
    if (!sawOwn) throw new Error(`txn ${index}: agent ${a}'s previous txn is not an ancestor`);
    missing.sort((x, y) => x - y);
    for (const p of missing) Y.applyUpdate(doc, updates[p], 'remote');
    const text = doc.getText('text');
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    doc.on('update', capture);
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
    }, 'local');
    doc.off('update', capture);
    if (!update) throw new Error(`txn ${index} produced no update`);
    updates[index] = update;
    applied[a][index] = 1;
    lastOwn[a] = index;
  });
  return { agents, updates };
}

/** A replica that receives every txn's update in an order shuffled within windows (out-of-order delivery). */
export function shuffledObserver(updates: Uint8Array[], gen: prng.PRNG, window = 8): Y.Doc {
  const doc = new Y.Doc();
  for (let start = 0; start < updates.length; start += window) {
    const chunk = updates.slice(start, start + window);
    for (let i = chunk.length - 1; i > 0; i--) {
      const j = prng.int31(gen, 0, i);
      [chunk[i], chunk[j]] = [chunk[j], chunk[i]];
    }
    for (const u of chunk) Y.applyUpdate(doc, u, 'remote');
  }
  return doc;
}
