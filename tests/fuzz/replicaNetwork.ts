import * as Y from 'yjs';
import * as prng from 'lib0/prng';

// A simulated network between Y.Doc replicas, after Yjs' own TestConnector (tests/testHelper.js): every ordered
// pair of replicas is a link with a buffer. Local updates are buffered per link and delivered later, one at a
// time, in random order (so Yjs sees out-of-order updates and must hold pending structs). A disconnected link
// loses what was in flight and what is sent while it is down, as a dropped websocket does; reconnecting runs the
// y-protocols sync step (the sender's diff against the receiver's state vector), itself buffered like any update.

/** Origin of updates applied from the network: never re-broadcast (no relaying, full mesh). */
export const REMOTE = Symbol('remote');

interface Link {
  from: number;
  to: number;
  queue: Uint8Array[];
  connected: boolean;
}

export class ReplicaNetwork {
  readonly docs: Y.Doc[];
  private readonly links: Link[] = [];
  delivered = 0;
  dropped = 0;
  /** updates made by the replicas themselves (edits, undo, and y-tiptap's own repairs while reading) */
  localUpdates = 0;

  constructor(docs: Y.Doc[]) {
    this.docs = docs;
    docs.forEach((_, from) =>
      docs.forEach((__, to) => {
        if (from !== to) this.links.push({ from, to, queue: [], connected: true });
      }),
    );
    docs.forEach((doc, from) =>
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        this.localUpdates++;
        for (const link of this.links) {
          if (link.from !== from) continue;
          if (link.connected) link.queue.push(update);
          else this.dropped++;
        }
      }),
    );
  }

  pending(): number {
    return this.links.reduce((n, l) => n + l.queue.length, 0);
  }

  /** Delivers one buffered update, chosen at random among all links. Returns false when nothing is buffered. */
  deliverRandom(gen: prng.PRNG): boolean {
    const busy = this.links.filter((l) => l.connected && l.queue.length > 0);
    if (busy.length === 0) return false;
    const link = prng.oneOf(gen, busy);
    const [update] = link.queue.splice(prng.int31(gen, 0, link.queue.length - 1), 1);
    Y.applyUpdate(this.docs[link.to], update, REMOTE);
    this.delivered++;
    return true;
  }

  /** Flips one random link: a disconnect drops its buffer; a reconnect queues the sync-step diff. */
  toggleRandomLink(gen: prng.PRNG): void {
    const link = prng.oneOf(gen, this.links);
    if (link.connected) {
      link.connected = false;
      this.dropped += link.queue.length;
      link.queue = [];
    } else this.reconnect(link);
  }

  private reconnect(link: Link): void {
    link.connected = true;
    const diff = Y.encodeStateAsUpdate(this.docs[link.from], Y.encodeStateVector(this.docs[link.to]));
    link.queue.push(diff);
  }

  /** Reconnects every link and delivers everything, in random order, until nothing is left in flight. */
  flushAll(gen: prng.PRNG): void {
    for (const link of this.links) if (!link.connected) this.reconnect(link);
    while (this.deliverRandom(gen));
    // A final sync step on every link covers what random-order delivery left pending (it should be nothing).
    for (const link of this.links) this.reconnect(link);
    while (this.deliverRandom(gen));
  }
}
