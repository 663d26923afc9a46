// Group commit. Accepted updates are queued; once per event-loop turn (setImmediate, after the poll phase has
// read every message that arrived) the queue is committed in one durable transaction, and only then handed
// back to be applied and broadcast. Up to `store.concurrentAppends` commits are in flight at a time (1 for SQLite,
// whose one writer serialises them anyway; more for PostgreSQL, so an update that arrives during a commit does not
// wait for that commit's fsync before its own starts). Batches are handed back strictly in the order they were
// made, each only once it and every batch before it has finished.
import type { DocStore } from './docStore';
import { errorFields, type Logger } from '../log';
import type { Metrics } from '../metrics';

export interface PendingWrite<T> {
  docName: string;
  update: Uint8Array;
  /** caller's context, returned with the result */
  context: T;
}

export interface Committed<T> extends PendingWrite<T> {
  seq: number;
}

interface Batch<T> {
  writes: PendingWrite<T>[];
  /** set when its commit finished */
  result: { seqs: number[] } | { err: unknown } | null;
}

export class GroupCommitter<T> {
  private queue: PendingWrite<T>[] = [];
  private scheduled = false;
  /** batches being committed or waiting for an earlier one, in the order they were made */
  private readonly inFlight: Batch<T>[] = [];
  private idleWaiters: Array<() => void> = [];
  private readonly maxInFlight: number;

  constructor(
    private readonly store: DocStore,
    private readonly metrics: Metrics,
    private readonly onCommitted: (batch: Committed<T>[]) => void,
    private readonly onFailed: (batch: PendingWrite<T>[], err: unknown) => void,
    private readonly logger: Logger,
  ) {
    this.maxInFlight = Math.max(1, store.concurrentAppends ?? 1);
  }

  get queued(): number {
    return this.queue.length;
  }

  enqueue(write: PendingWrite<T>): void {
    this.queue.push(write);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight.length >= this.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start(): void {
    if (this.queue.length === 0 || this.inFlight.length >= this.maxInFlight) return;
    const batch: Batch<T> = { writes: this.queue, result: null };
    this.queue = [];
    this.inFlight.push(batch);
    const started = performance.now();
    this.store.append(batch.writes.map((w) => ({ docName: w.docName, update: w.update }))).then(
      (seqs) => {
        this.metrics.persistSeconds.observe((performance.now() - started) / 1000);
        batch.result = { seqs };
      },
      (err: unknown) => {
        batch.result = { err };
      },
    ).finally(() => this.settle());
  }

  /** Hands back every finished batch at the head of the line, then starts the next commit. */
  private settle(): void {
    for (let head = this.inFlight[0]; head?.result; head = this.inFlight[0]) {
      this.inFlight.shift();
      try {
        this.handBack(head.writes, head.result);
      } catch (err) {
        this.logger.error('commit_handler_failed', errorFields(err));
      }
    }
    if (this.queue.length > 0) this.schedule();
    else if (this.inFlight.length === 0 && !this.scheduled) this.notifyIdle();
  }

  private handBack(batch: PendingWrite<T>[], result: { seqs: number[] } | { err: unknown }): void {
    if ('err' in result) {
      this.metrics.persistFailures.inc();
      this.onFailed(batch, result.err);
      return;
    }
    const seqs = result.seqs;
    if (seqs.length !== batch.length) {
      // A store bug: without a sequence number per update, compaction could not tell what it folded.
      this.metrics.persistFailures.inc();
      this.onFailed(batch, new Error(`store returned ${seqs.length} sequence numbers for ${batch.length} updates`));
      return;
    }
    this.metrics.persistedUpdates.inc(batch.length);
    const committed: Committed<T>[] = [];
    seqs.forEach((seq, i) => {
      const write = batch[i];
      if (write) committed.push({ ...write, seq });
    });
    this.onCommitted(committed);
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves once everything queued so far has been committed and handed back. */
  drain(): Promise<void> {
    if (!this.scheduled && this.inFlight.length === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
