// Fan-out between server instances through Redis pub/sub (ioredis), one channel per document.
// What crosses: committed updates (after the commit, as the local broadcast) and awareness updates of the
// instance's own connections. Each message carries the sender's instance id; an instance ignores its own
// messages and never re-publishes what it received (received updates are applied with loadedRooms.ts FANOUT_ORIGIN).
//
// Why pub/sub and not streams: the durable truth is PostgreSQL, not Redis. Pub/sub is at-most-once, and the gap
// it leaves is closed from PostgreSQL: whenever the subscriber connection becomes ready again (after any
// disconnect), the instance re-subscribes its loaded documents and then re-reads each from the store, applying
// and broadcasting what it lacks (`onResync`). So an update published while an instance was cut off from Redis
// still arrives. Updates this instance could not publish (its publisher was down) are kept per document (merged)
// and published when the publisher is back. Streams would add retention and trimming to manage for no extra
// guarantee. Awareness is ephemeral: lost presence messages are renewed by clients every 15 s.
// One gap the reconnect does not cover: an instance that committed an update and died before publishing it. So
// every instance also announces, on load and every 2 s, each loaded document's state vector and deleted count;
// an instance that is still behind an announced summary one period later re-reads the document from the store.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { errorFields, type Logger } from './log';

const CHANNEL_PREFIX = 'rapporteur:doc:';
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_STATE = 2;
const ID_BYTES = 8;

export interface FanoutHandlers {
  update(docName: string, update: Uint8Array): void;
  awareness(docName: string, update: Uint8Array): void;
  /** another instance's summary of a document (state vector + deleted count), for gap detection */
  state(docName: string, summary: Uint8Array): void;
  /** the subscriber is (again) connected: re-read these loaded documents from the store */
  resync(): void;
}

export interface FanoutStats {
  connected: boolean;
  published: number;
  received: number;
  publishFailures: number;
  reconnects: number;
  pendingDocs: number;
}

export class RedisFanout {
  readonly instanceId = randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channels = new Set<string>();
  /** updates not published because the publisher was down, merged per document */
  private readonly pending = new Map<string, Uint8Array[]>();
  private handlers: FanoutHandlers | null = null;
  private everReady = false;
  private started = false;
  private closed = false;
  private counts = { published: 0, received: 0, publishFailures: 0, reconnects: 0 };

  constructor(
    readonly url: string,
    private readonly logger: Logger,
  ) {
    const common = { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(50 * times, 500) };
    // Auto-pipelining: the publishes of one group commit leave in one write.
    this.pub = new Redis(url, { ...common, enableOfflineQueue: false, enableAutoPipelining: true, connectionName: 'rapporteur-pub' });
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
    if (this.everReady) this.counts.reconnects += 1;
    this.everReady = true;
    if (!this.started || this.channels.size === 0) return; // nothing loaded yet: nothing to catch up on
    this.logger.info('redis_reconnected', { docs: this.channels.size });
    // Our subscriptions are registered in Redis before we read the store, so nothing falls in between.
    if (this.channels.size > 0) {
      try {
        await this.sub.subscribe(...this.channels);
      } catch (err) {
        // ioredis' own re-subscription (autoResubscribe) may still succeed; the announcements catch up otherwise
        this.logger.warn('redis_resubscribe_failed', errorFields(err));
      }
    }
    this.handlers?.resync();
  }

  /** Starts receiving a document's messages; waits for Redis only when it is up (never blocks a load otherwise). */
  async subscribe(docName: string): Promise<void> {
    const channel = CHANNEL_PREFIX + docName;
    this.channels.add(channel);
    if (this.sub.status !== 'ready') return; // subscribed (and resynced) when Redis is back
    try {
      await this.sub.subscribe(channel);
    } catch (err) {
      this.logger.warn('redis_subscribe_failed', { doc: docName, ...errorFields(err) });
    }
  }

  unsubscribe(docName: string): void {
    const channel = CHANNEL_PREFIX + docName;
    if (!this.channels.delete(channel)) return;
    if (this.sub.status === 'ready') this.sub.unsubscribe(channel).catch(() => {});
  }

  publishUpdate(docName: string, update: Uint8Array): void {
    if (this.pub.status !== 'ready') {
      this.keep(docName, update);
      return;
    }
    this.publish(docName, KIND_UPDATE, update).catch(() => this.keep(docName, update));
  }

  /** A document's summary (loadedRooms.ts announces them); lost ones are simply sent again later. */
  publishState(docName: string, summary: Uint8Array): void {
    if (this.pub.status !== 'ready') return;
    this.publish(docName, KIND_STATE, summary).catch(() => undefined);
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    if (this.pub.status !== 'ready') return; // ephemeral; clients renew it
    this.publish(docName, KIND_AWARENESS, update).catch(() => undefined);
  }

  private async publish(docName: string, kind: number, payload: Uint8Array): Promise<void> {
    const message = Buffer.allocUnsafe(ID_BYTES + 1 + payload.byteLength);
    this.instanceId.copy(message, 0);
    message[ID_BYTES] = kind;
    message.set(payload, ID_BYTES + 1);
    try {
      await this.pub.publish(CHANNEL_PREFIX + docName, message);
      this.counts.published += 1;
    } catch (err) {
      this.counts.publishFailures += 1;
      throw err;
    }
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
    if (message.byteLength < ID_BYTES + 1 || !this.handlers) return;
    if (message.subarray(0, ID_BYTES).equals(this.instanceId)) return; // our own
    const docName = channel.toString('utf8').slice(CHANNEL_PREFIX.length);
    const payload = new Uint8Array(message.buffer, message.byteOffset + ID_BYTES + 1, message.byteLength - ID_BYTES - 1);
    this.counts.received += 1;
    try {
      if (message[ID_BYTES] === KIND_UPDATE) this.handlers.update(docName, payload);
      else if (message[ID_BYTES] === KIND_AWARENESS) this.handlers.awareness(docName, payload);
      else if (message[ID_BYTES] === KIND_STATE) this.handlers.state(docName, payload);
    } catch (err) {
      this.logger.warn('fanout_message_failed', { doc: docName, ...errorFields(err) });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.flushPending();
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
