// Storage behind the sync server. Async so that a networked store (PostgreSQL) can implement it; the SQLite
// store resolves at once. Contract: when `append` resolves, every entry is durable (committed), so the server
// may apply and broadcast it. Sequence numbers grow across the whole store and are never reused.

export interface StoredDoc {
  /** compacted state (a Yjs update) or null when the doc was never compacted */
  state: Uint8Array | null;
  /** updates appended after `state`, in commit order */
  updates: Uint8Array[];
  /** sequence number of the last update included (0 when none) */
  lastSeq: number;
}

export interface AppendEntry {
  docName: string;
  update: Uint8Array;
}

export interface DocStoreStats {
  docs: number;
  updates: number;
}

export interface DocStore {
  /** Everything stored for a document (empty for an unknown name). */
  load(docName: string): Promise<StoredDoc>;
  /** Commits all entries in one durable transaction; resolves with each entry's sequence number. */
  append(entries: readonly AppendEntry[]): Promise<number[]>;
  /** Replaces the stored state and every update with seq <= uptoSeq by `state` (which must contain them). */
  compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /** Removes single updates (used when a committed update turned out not to apply). */
  discard(docName: string, seqs: readonly number[]): Promise<void>;
  /** Number of updates stored after the compacted state. */
  pendingUpdates(docName: string): Promise<number>;
  stats(): Promise<DocStoreStats>;
  close(): Promise<void>;
  /** How many `append`s may be in flight at once (default 1). A networked store commits the next batch while the
   *  previous one waits for its fsync; the group committer still hands batches back in the order they were made. */
  readonly concurrentAppends?: number;
}
