// DocStore on an embedded SQLite file (better-sqlite3), synchronous calls. The server runs it in a worker
// thread (workerDocStore.ts) so that commits never block the event loop; tools and tests use it directly.
// WAL with synchronous=FULL by default: every commit is fsynced before `append` returns, so neither a crash nor
// a power cut can lose an update that was broadcast. NORMAL (opt-in) skips that fsync: still safe against a
// process crash (the WAL write is in the OS page cache), not against power loss or a kernel crash.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppendEntry, DocStore, DocStoreStats, StoredDoc } from './docStore';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates (doc, seq);
CREATE TABLE IF NOT EXISTS doc_states (
  doc TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto INTEGER NOT NULL,
  compacted_at INTEGER NOT NULL
);
`;

const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export type SyncMode = 'FULL' | 'NORMAL';

export class SqliteDocStore implements DocStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, Uint8Array]>;
  private readonly selectState: Database.Statement<[string], { data: Buffer; upto: number }>;
  private readonly selectUpdates: Database.Statement<[string, number], Buffer>;
  private readonly selectLastSeq: Database.Statement<[string], number | null>;
  private readonly countUpdates: Database.Statement<[string, number], { n: number }>;
  private readonly upsertState: Database.Statement<[string, Uint8Array, number, number]>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;
  private readonly deleteOne: Database.Statement<[string, number]>;
  private readonly appendTx: (entries: readonly AppendEntry[]) => number[];
  private readonly compactTx: (docName: string, state: Uint8Array, uptoSeq: number) => void;
  private closed = false;

  constructor(
    readonly file: string,
    readonly synchronous: SyncMode = 'FULL',
  ) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Documents are private: create the file owner-only (SQLite gives its -wal and -shm files the same mode).
    closeSync(openSync(file, 'a', 0o600));
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.selectState = this.db.prepare('SELECT data, upto FROM doc_states WHERE doc = ?');
    // pluck: rows come back as bare Buffers (a load may read hundreds of thousands of them)
    this.selectUpdates = this.db.prepare<[string, number], Buffer>('SELECT data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq').pluck();
    this.selectLastSeq = this.db.prepare<[string], number | null>('SELECT max(seq) FROM updates WHERE doc = ?').pluck();
    this.countUpdates = this.db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ? AND seq > ?');
    this.upsertState = this.db.prepare(
      'INSERT INTO doc_states (doc, data, upto, compacted_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto = excluded.upto, compacted_at = excluded.compacted_at',
    );
    this.deleteUpTo = this.db.prepare('DELETE FROM updates WHERE doc = ? AND seq <= ?');
    this.deleteOne = this.db.prepare('DELETE FROM updates WHERE doc = ? AND seq = ?');
    this.appendTx = this.db.transaction((entries: readonly AppendEntry[]) =>
      entries.map((e) => Number(this.insert.run(e.docName, e.update).lastInsertRowid)),
    );
    this.compactTx = this.db.transaction((docName: string, state: Uint8Array, uptoSeq: number) => {
      const current = this.selectState.get(docName);
      // A compaction computed from an older view must never replace a newer one.
      if (current && current.upto > uptoSeq) return;
      this.upsertState.run(docName, state, uptoSeq, Date.now());
      this.deleteUpTo.run(docName, uptoSeq);
    });
  }

  loadSync(docName: string): StoredDoc {
    // One read transaction, so the state, the updates and their last seq come from the same snapshot.
    return this.db.transaction(() => {
      const row = this.selectState.get(docName);
      const upto = row?.upto ?? 0;
      const rows = this.selectUpdates.all(docName, upto);
      return {
        state: row ? toBytes(row.data) : null,
        updates: rows.map(toBytes),
        lastSeq: rows.length > 0 ? (this.selectLastSeq.get(docName) ?? upto) : upto,
      };
    })();
  }

  async load(docName: string): Promise<StoredDoc> {
    return this.loadSync(docName);
  }

  appendSync(entries: readonly AppendEntry[]): number[] {
    return entries.length === 0 ? [] : this.appendTx(entries);
  }

  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    return this.appendSync(entries);
  }

  compactSync(docName: string, state: Uint8Array, uptoSeq: number): void {
    this.compactTx(docName, state, uptoSeq);
  }

  async compact(docName: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    this.compactSync(docName, state, uptoSeq);
  }

  discardSync(docName: string, seqs: readonly number[]): void {
    this.db.transaction(() => seqs.forEach((s) => this.deleteOne.run(docName, s)))();
  }

  async discard(docName: string, seqs: readonly number[]): Promise<void> {
    this.discardSync(docName, seqs);
  }

  pendingUpdatesSync(docName: string): number {
    const upto = this.selectState.get(docName)?.upto ?? 0;
    return this.countUpdates.get(docName, upto)?.n ?? 0;
  }

  async pendingUpdates(docName: string): Promise<number> {
    return this.pendingUpdatesSync(docName);
  }

  statsSync(): DocStoreStats {
    const docs = this.db
      .prepare<[], { n: number }>('SELECT count(*) AS n FROM (SELECT doc FROM updates UNION SELECT doc FROM doc_states)')
      .get();
    const updates = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM updates').get();
    return { docs: docs?.n ?? 0, updates: updates?.n ?? 0 };
  }

  async stats(): Promise<DocStoreStats> {
    return this.statsSync();
  }

  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    // Fold the WAL back into the main file so the data dir is a single file at rest.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  async close(): Promise<void> {
    this.closeSync();
  }
}
