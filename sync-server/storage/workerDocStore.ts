// The SQLite DocStore in a worker thread: the fsync of a commit (and reading a large document) happens off the
// event loop, so the server keeps reading, checking and broadcasting while a batch is being made durable.
// Requests carry an id; the worker answers each in order. Update bytes cross packed into one transferred buffer.
import { Worker } from 'node:worker_threads';
import type { AppendEntry, DocStore, DocStoreStats, StoredDoc } from './docStore';
import { pack, unpack, type Packed } from './packedUpdates.mjs';
import type { SyncMode } from './sqliteDocStore.mjs';

export type WorkerRequest =
  | { id: number; op: 'load'; docName: string }
  | { id: number; op: 'append'; docNames: string[]; packed: Packed }
  | { id: number; op: 'compact'; docName: string; state: Uint8Array; uptoSeq: number }
  | { id: number; op: 'discard'; docName: string; seqs: number[] }
  | { id: number; op: 'pendingUpdates'; docName: string }
  | { id: number; op: 'stats' }
  | { id: number; op: 'close' };

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The worker is plain JavaScript, so it starts in plain Node as well as under tsx or Vitest. */
const WORKER_ENTRY = new URL('./sqliteWorker.mjs', import.meta.url);

export class WorkerDocStore implements DocStore {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private closed = false;
  /** resolves when the database is open */
  readonly ready: Promise<void>;

  constructor(file: string, synchronous: SyncMode = 'FULL') {
    this.worker = new Worker(WORKER_ENTRY, { workerData: { file, synchronous } });
    this.ready = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.ready.catch((err: Error) => {
      this.failure ??= err;
    });
    this.worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.error));
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`storage worker exited (${code})`));
    });
  }

  private call<T>(request: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('store is closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  async load(docName: string): Promise<StoredDoc> {
    const r = await this.call<{ packed: Packed; hasState: boolean; lastSeq: number }>({ op: 'load', docName });
    const parts = unpack(r.packed);
    return { state: r.hasState ? (parts[0] ?? null) : null, updates: r.hasState ? parts.slice(1) : parts, lastSeq: r.lastSeq };
  }

  append(entries: readonly AppendEntry[]): Promise<number[]> {
    const packed = pack(entries.map((e) => e.update));
    return this.call<number[]>({ op: 'append', docNames: entries.map((e) => e.docName), packed }, [packed.buffer]);
  }

  async compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    await this.call({ op: 'compact', docName, state, uptoSeq });
  }

  async discard(docName: string, seqs: readonly number[]): Promise<void> {
    await this.call({ op: 'discard', docName, seqs: [...seqs] });
  }

  pendingUpdates(docName: string): Promise<number> {
    return this.call<number>({ op: 'pendingUpdates', docName });
  }

  stats(): Promise<DocStoreStats> {
    return this.call<DocStoreStats>({ op: 'stats' });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.failure) await this.call({ op: 'close' });
    } catch {
      // the worker is gone already; nothing left to flush
    } finally {
      this.closed = true;
      await this.worker.terminate();
    }
  }
}
