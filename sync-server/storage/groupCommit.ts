// Group commit. Accepted updates are queued; once per event-loop turn (setImmediate, after the poll phase has
// read every message that arrived) the queue is committed in one durable transaction, and only then handed
// back to be applied and broadcast. One commit is in flight at a time; what arrives meanwhile forms the next.
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

export class GroupCommitter<T> {
  private queue: PendingWrite<T>[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly store: DocStore,
    private readonly metrics: Metrics,
    private readonly onCommitted: (batch: Committed<T>[]) => void,
    private readonly onFailed: (batch: PendingWrite<T>[], err: unknown) => void,
    private readonly logger: Logger,
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  enqueue(write: PendingWrite<T>): void {
    this.queue.push(write);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.inFlight = this.flush()
        .catch((err) => this.logger.error('commit_handler_failed', errorFields(err)))
        .finally(() => {
        this.inFlight = null;
        if (this.queue.length > 0) this.schedule();
        else this.notifyIdle();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const started = performance.now();
    let seqs: number[];
    try {
      seqs = await this.store.append(batch.map((w) => ({ docName: w.docName, update: w.update })));
    } catch (err) {
      this.metrics.persistFailures.inc();
      this.onFailed(batch, err);
      return;
    }
    if (seqs.length !== batch.length) {
      // A store bug: without a sequence number per update, compaction could not tell what it folded.
      this.metrics.persistFailures.inc();
      this.onFailed(batch, new Error(`store returned ${seqs.length} sequence numbers for ${batch.length} updates`));
      return;
    }
    this.metrics.persistSeconds.observe((performance.now() - started) / 1000);
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
    if (!this.scheduled && !this.inFlight && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
