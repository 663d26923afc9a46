// Fan-out between server instances through Redis pub/sub (ioredis), on one channel for the deployment.
// What crosses: committed updates (after the commit, as the local broadcast) and awareness updates of the
// instance's own connections. Everything an instance publishes in one event-loop turn (the updates of one group
// commit, presence, summaries) leaves as one message: its instance id, then records (kind, document, payload).
// Per-message cost in ioredis (command, RESP parse, dispatch) was the largest part of the fan-out's CPU cost with a
// message per update. An instance ignores its own messages, records for documents it has not loaded, and never
// re-publishes what it received (received updates are applied with loadedRooms.ts FANOUT_ORIGIN).
// One channel rather than one per document: every instance receives every record. That suits the deployments this
// is for (a few instances behind a load balancer without sticky sessions, so most active documents are loaded on
// most instances); the cost of a record for a document not loaded here is reading its name.
//
// Why pub/sub and not streams: the durable truth is PostgreSQL, not Redis. Pub/sub is at-most-once, and the gap
// it leaves is closed from PostgreSQL: whenever the subscriber connection becomes ready again (after any
// disconnect), the instance subscribes again and then re-reads each loaded document from the store, applying
// and broadcasting what it lacks (`onResync`). So an update published while an instance was cut off from Redis
// still arrives. Updates this instance could not publish (its publisher was down) are kept per document (merged)
// and published when the publisher is back. Streams would add retention and trimming to manage for no extra
// guarantee. Awareness is ephemeral: lost presence messages are renewed by clients every 15 s.
// One gap the reconnect does not cover: an instance that committed an update and died before publishing it. So
// every instance also announces, on load and every 2 s, each loaded document's state vector and deleted count;
// an instance that is still behind an announced summary one period later re-reads the document from the store.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { errorFields, type Logger } from './log';

/** the deployment's one fan-out channel */
export const FANOUT_CHANNEL = 'rapporteur:fanout';
export const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_STATE = 2;
const ID_BYTES = 8;

interface FanoutRecord {
  kind: number;
  docName: string;
  payload: Uint8Array;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
const wallNow = (): number => performance.timeOrigin + performance.now();

/** One fan-out message: the sender's instance id, when it was sent (float64 ms, for the transit histogram), then each
 *  record as kind (byte), document name, payload. */
export function encodeFanoutMessage(instanceId: Uint8Array, records: readonly FanoutRecord[], sentAt = wallNow()): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, instanceId);
  encoding.writeFloat64(encoder, sentAt);
  for (const r of records) {
    encoding.writeUint8(encoder, r.kind);
    encoding.writeVarString(encoder, r.docName);
    encoding.writeVarUint8Array(encoder, r.payload);
  }
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface FanoutHandlers {
  update(docName: string, update: Uint8Array): void;
  awareness(docName: string, update: Uint8Array): void;
  /** another instance's summary of a document (state vector + deleted count), for gap detection */
  state(docName: string, summary: Uint8Array): void;
  /** the subscriber is (again) connected: re-read these loaded documents from the store */
  resync(): void;
  /** seconds from another instance's publish to our receipt of the message (Redis hop and our event-loop wait) */
  transit?(seconds: number): void;
}

export interface FanoutStats {
  connected: boolean;
  published: number;
  received: number;
  publishFailures: number;
  reconnects: number;
  /** Redis messages published (each carries the records of one event-loop turn) */
  messages: number;
  pendingDocs: number;
}

const CHANNEL_BYTES = Buffer.from(FANOUT_CHANNEL);

export class RedisFanout {
  readonly instanceId = randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** loaded documents whose records we apply (the others' are skipped) */
  private readonly docs = new Set<string>();
  /** records published in this event-loop turn, sent as one message at its end */
  private outbox: FanoutRecord[] = [];
  private flushScheduled = false;
  /** the channel subscription being (re)made, which loads wait for */
  private subscribing: Promise<void> | null = null;
  /** updates not published because the publisher was down, merged per document */
  private readonly pending = new Map<string, Uint8Array[]>();
  private handlers: FanoutHandlers | null = null;
  private everReady = false;
  private started = false;
  private closed = false;
  private counts = { published: 0, received: 0, publishFailures: 0, reconnects: 0, messages: 0 };

  constructor(
    readonly url: string,
    private readonly logger: Logger,
  ) {
    const common = { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(50 * times, 500) };
    // No auto-pipelining: what an event-loop turn publishes is already one message (flushOutbox), and
    // auto-pipelining would hold it for one more turn.
    this.pub = new Redis(url, { ...common, enableOfflineQueue: false, connectionName: 'rapporteur-pub' });
    this.sub = new Redis(url, { ...common, connectionName: 'rapporteur-sub' });
    for (const [name, conn] of [['pub', this.pub], ['sub', this.sub]] as const) {
      conn.on('error', (err: unknown) => this.logger.debug('redis_error', { conn: name, ...errorFields(err) }));
      conn.on('end', () => undefined);
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel, message));
    this.sub.on('ready', () => void this.onSubReady());
    this.pub.on('ready', () => this.flushPending());
    this.sub.on('close', () => {
      if (this.everReady && !this.closed) this.logger.warn('redis_disconnected', {});
    });
  }

  /**
   * Connects both connections and waits up to `waitMs` for them. Redis being down at start does not stop the
   * instance: it serves its own clients and catches up (re-reads its loaded documents) once Redis is there.
   */
  async start(handlers: FanoutHandlers, waitMs = 3_000): Promise<void> {
    this.handlers = handlers;
    this.started = true;
    const ready = (conn: Redis) =>
      conn.status === 'ready' ? Promise.resolve() : new Promise<void>((r) => conn.once('ready', () => r()));
    this.pub.connect().catch(() => undefined); // retried by retryStrategy
    this.sub.connect().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      Promise.all([ready(this.pub), ready(this.sub)]).then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), waitMs))),
    ]);
    clearTimeout(timer);
    if (gaveUp) this.logger.warn('redis_unavailable_at_start', { url: redactUrl(this.url) });
  }

  get connected(): boolean {
    return this.sub.status === 'ready' && this.pub.status === 'ready';
  }

  stats(): FanoutStats {
    return { connected: this.connected, ...this.counts, pendingDocs: this.pending.size };
  }

  private async onSubReady(): Promise<void> {
    const again = this.everReady;
    if (again) this.counts.reconnects += 1;
    this.everReady = true;
    if (!this.started) return;
    // Our subscription is registered in Redis before we read the store, so nothing falls in between.
    const subscribing = this.sub.subscribe(FANOUT_CHANNEL).then(
      () => undefined,
      // ioredis' own re-subscription (autoResubscribe) may still succeed; the announcements catch up otherwise
      (err: unknown) => this.logger.warn('redis_subscribe_failed', errorFields(err)),
    );
    this.subscribing = subscribing;
    await subscribing;
    if (this.subscribing === subscribing) this.subscribing = null;
    if (!again || this.docs.size === 0) return; // nothing loaded before: nothing to catch up on
    this.logger.info('redis_reconnected', { docs: this.docs.size });
    this.handlers?.resync();
  }

  /** Starts applying a document's records; waits for the channel subscription when it is being made (never blocks
   *  a load while Redis is down: the document is re-read once Redis is back). */
  async subscribe(docName: string): Promise<void> {
    this.docs.add(docName);
    if (this.subscribing) await this.subscribing;
  }

  unsubscribe(docName: string): void {
    this.docs.delete(docName);
  }

  publishUpdate(docName: string, update: Uint8Array): void {
    if (this.pub.status !== 'ready') {
      this.keep(docName, update);
      return;
    }
    this.enqueue({ kind: KIND_UPDATE, docName, payload: update });
  }

  /** A document's summary (loadedRooms.ts announces them); lost ones are simply sent again later. */
  publishState(docName: string, summary: Uint8Array): void {
    if (this.pub.status !== 'ready') return;
    this.enqueue({ kind: KIND_STATE, docName, payload: summary });
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    if (this.pub.status !== 'ready') return; // ephemeral; clients renew it
    this.enqueue({ kind: KIND_AWARENESS, docName, payload: update });
  }

  private enqueue(record: FanoutRecord): void {
    this.outbox.push(record);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate: after every message this turn read (a group commit's updates are applied in one go)
    setImmediate(() => this.flushOutbox());
  }

  private flushOutbox(): void {
    this.flushScheduled = false;
    const records = this.outbox;
    this.outbox = [];
    if (records.length === 0) return;
    const keepUpdates = () => {
      for (const r of records) if (r.kind === KIND_UPDATE) this.keep(r.docName, r.payload);
    };
    if (this.pub.status !== 'ready') {
      keepUpdates();
      return;
    }
    this.pub.publish(FANOUT_CHANNEL, encodeFanoutMessage(this.instanceId, records)).then(
      () => {
        this.counts.published += records.length;
        this.counts.messages += 1;
      },
      () => keepUpdates(),
    );
  }

  private keep(docName: string, update: Uint8Array): void {
    this.counts.publishFailures += 1;
    const list = this.pending.get(docName) ?? [];
    list.push(update);
    // bounded: merge as it grows
    this.pending.set(docName, list.length > 64 ? [Y.mergeUpdates(list)] : list);
  }

  private flushPending(): void {
    const entries = Array.from(this.pending.entries());
    this.pending.clear();
    for (const [docName, updates] of entries) this.publishUpdate(docName, updates.length === 1 && updates[0] ? updates[0] : Y.mergeUpdates(updates));
  }

  private onMessage(channel: Buffer, message: Buffer): void {
    if (message.byteLength < ID_BYTES || !this.handlers) return;
    if (!channel.equals(CHANNEL_BYTES)) return;
    if (message.subarray(0, ID_BYTES).equals(this.instanceId)) return; // our own
    const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    const decoder = decoding.createDecoder(bytes);
    decoder.pos = ID_BYTES;
    let docName = '?';
    try {
      const sentAt = decoding.readFloat64(decoder);
      this.handlers.transit?.((wallNow() - sentAt) / 1000);
      while (decoding.hasContent(decoder)) {
        const kind = decoding.readUint8(decoder);
        docName = decoding.readVarString(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (!this.docs.has(docName)) continue; // not loaded here (or still loading: loadedRooms keeps those)
        this.counts.received += 1;
        try {
          if (kind === KIND_UPDATE) this.handlers.update(docName, payload);
          else if (kind === KIND_AWARENESS) this.handlers.awareness(docName, payload);
          else if (kind === KIND_STATE) this.handlers.state(docName, payload);
        } catch (err) {
          this.logger.warn('fanout_message_failed', { doc: docName, ...errorFields(err) });
        }
      }
    } catch (err) {
      this.logger.warn('fanout_message_malformed', { after: docName, ...errorFields(err) });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.flushPending(); // into the outbox when the publisher is up
    this.flushOutbox(); // sent before the QUIT below
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

/** A Redis URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://?';
  }
}
