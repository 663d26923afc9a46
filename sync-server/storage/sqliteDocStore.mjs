// @ts-check
// DocStore on an embedded SQLite file (better-sqlite3), synchronous calls. The server runs it in a worker
// thread (workerDocStore.ts) so that commits never block the event loop; tools and tests use it directly.
// WAL with synchronous=FULL by default: every commit is fsynced before `append` returns, so neither a crash nor
// a power cut can lose an update that was broadcast. NORMAL (opt-in) skips that fsync: still safe against a
// process crash (the WAL write is in the OS page cache), not against power loss or a kernel crash.
// Plain JavaScript (types in JSDoc, checked by tsc): the worker thread loads it without a TypeScript loader.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** @import { AppendEntry, DocStore, DocStoreStats, StoredDoc } from './docStore' */
/** @typedef {'FULL' | 'NORMAL'} SyncMode */

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

/** @param {Buffer} b */
const toBytes = (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** @implements {DocStore} */
export class SqliteDocStore {
  /**
   * TS-private rather than `#`: a test reads the connection's pragmas.
   * @private
   * @type {Database.Database}
   */
  db;
  /** @type {Database.Statement<[string, Uint8Array]>} */
  #insert;
  /** @type {Database.Statement<[string], { data: Buffer; upto: number }>} */
  #selectState;
  /** @type {Database.Statement<[string, number], Buffer>} */
  #selectUpdates;
  /** @type {Database.Statement<[string], number | null>} */
  #selectLastSeq;
  /** @type {Database.Statement<[string, number], { n: number }>} */
  #countUpdates;
  /** @type {Database.Statement<[string, Uint8Array, number, number]>} */
  #upsertState;
  /** @type {Database.Statement<[string, number]>} */
  #deleteUpTo;
  /** @type {Database.Statement<[string, number]>} */
  #deleteOne;
  /** @type {(entries: readonly AppendEntry[]) => number[]} */
  #appendTx;
  /** @type {(docName: string, state: Uint8Array, uptoSeq: number) => void} */
  #compactTx;
  #closed = false;

  /**
   * @param {string} file
   * @param {SyncMode} [synchronous]
   */
  constructor(file, synchronous = 'FULL') {
    /** @readonly */
    this.file = file;
    /** @readonly */
    this.synchronous = synchronous;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Documents are private: create the file owner-only (SQLite gives its -wal and -shm files the same mode).
    closeSync(openSync(file, 'a', 0o600));
    const db = new Database(file);
    this.db = db;
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    this.#insert = db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.#selectState = db.prepare('SELECT data, upto FROM doc_states WHERE doc = ?');
    // pluck: rows come back as bare Buffers (a load may read hundreds of thousands of them)
    this.#selectUpdates = /** @type {Database.Statement<[string, number], Buffer>} */ (
      db.prepare('SELECT data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq').pluck()
    );
    this.#selectLastSeq = /** @type {Database.Statement<[string], number | null>} */ (
      db.prepare('SELECT max(seq) FROM updates WHERE doc = ?').pluck()
    );
    this.#countUpdates = db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ? AND seq > ?');
    this.#upsertState = db.prepare(
      'INSERT INTO doc_states (doc, data, upto, compacted_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto = excluded.upto, compacted_at = excluded.compacted_at',
    );
    this.#deleteUpTo = db.prepare('DELETE FROM updates WHERE doc = ? AND seq <= ?');
    this.#deleteOne = db.prepare('DELETE FROM updates WHERE doc = ? AND seq = ?');
    this.#appendTx = db.transaction((/** @type {readonly AppendEntry[]} */ entries) =>
      entries.map((e) => Number(this.#insert.run(e.docName, e.update).lastInsertRowid)),
    );
    this.#compactTx = db.transaction((/** @type {string} */ docName, /** @type {Uint8Array} */ state, /** @type {number} */ uptoSeq) => {
      const current = this.#selectState.get(docName);
      // A compaction computed from an older view must never replace a newer one.
      if (current && current.upto > uptoSeq) return;
      this.#upsertState.run(docName, state, uptoSeq, Date.now());
      this.#deleteUpTo.run(docName, uptoSeq);
    });
  }

  /**
   * @param {string} docName
   * @returns {StoredDoc}
   */
  loadSync(docName) {
    // One read transaction, so the state, the updates and their last seq come from the same snapshot.
    return this.db.transaction(() => {
      const row = this.#selectState.get(docName);
      const upto = row?.upto ?? 0;
      const rows = this.#selectUpdates.all(docName, upto);
      return {
        state: row ? toBytes(row.data) : null,
        updates: rows.map(toBytes),
        lastSeq: rows.length > 0 ? (this.#selectLastSeq.get(docName) ?? upto) : upto,
      };
    })();
  }

  /**
   * @param {string} docName
   * @returns {Promise<StoredDoc>}
   */
  async load(docName) {
    return this.loadSync(docName);
  }

  /**
   * @param {readonly AppendEntry[]} entries
   * @returns {number[]}
   */
  appendSync(entries) {
    return entries.length === 0 ? [] : this.#appendTx(entries);
  }

  /**
   * @param {readonly AppendEntry[]} entries
   * @returns {Promise<number[]>}
   */
  async append(entries) {
    return this.appendSync(entries);
  }

  /**
   * @param {string} docName
   * @param {Uint8Array} state
   * @param {number} uptoSeq
   */
  compactSync(docName, state, uptoSeq) {
    this.#compactTx(docName, state, uptoSeq);
  }

  /**
   * @param {string} docName
   * @param {Uint8Array} state
   * @param {number} uptoSeq
   * @returns {Promise<void>}
   */
  async compact(docName, state, uptoSeq) {
    this.compactSync(docName, state, uptoSeq);
  }

  /**
   * @param {string} docName
   * @param {readonly number[]} seqs
   */
  discardSync(docName, seqs) {
    this.db.transaction(() => seqs.forEach((s) => this.#deleteOne.run(docName, s)))();
  }

  /**
   * @param {string} docName
   * @param {readonly number[]} seqs
   * @returns {Promise<void>}
   */
  async discard(docName, seqs) {
    this.discardSync(docName, seqs);
  }

  /**
   * @param {string} docName
   * @returns {number}
   */
  pendingUpdatesSync(docName) {
    const upto = this.#selectState.get(docName)?.upto ?? 0;
    return this.#countUpdates.get(docName, upto)?.n ?? 0;
  }

  /**
   * @param {string} docName
   * @returns {Promise<number>}
   */
  async pendingUpdates(docName) {
    return this.pendingUpdatesSync(docName);
  }

  /** @returns {DocStoreStats} */
  statsSync() {
    /** @type {Database.Statement<[], { n: number }>} */
    const countDocs = this.db.prepare('SELECT count(*) AS n FROM (SELECT doc FROM updates UNION SELECT doc FROM doc_states)');
    /** @type {Database.Statement<[], { n: number }>} */
    const countAll = this.db.prepare('SELECT count(*) AS n FROM updates');
    return { docs: countDocs.get()?.n ?? 0, updates: countAll.get()?.n ?? 0 };
  }

  /** @returns {Promise<DocStoreStats>} */
  async stats() {
    return this.statsSync();
  }

  closeSync() {
    if (this.#closed) return;
    this.#closed = true;
    // Fold the WAL back into the main file so the data dir is a single file at rest.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }

  /** @returns {Promise<void>} */
  async close() {
    this.closeSync();
  }
}
