// DocStore on PostgreSQL (node-postgres `pg`, pooled), for several server instances sharing one store.
// - append: one INSERT statement per group commit (autocommit = one transaction, synchronous_commit as the server
//   is configured, on by default), so `append` resolves only once every entry is durable. A named (prepared)
//   statement, one round trip; up to `concurrentAppends` commits in flight.
// - Sequence numbers come from one BIGSERIAL: they grow across the store and are never reused. Several instances
//   commit concurrently, so a smaller seq may commit after a larger one: nothing here deletes "every seq <= n".
// - compact: under `pg_advisory_xact_lock` keyed per document, in one transaction, reads the stored state and
//   updates, folds them together with the caller's state (committed updates as this instance applied them, maybe
//   fewer than are stored: other instances write too), writes the new state, and deletes exactly the update rows
//   it read. An update committed meanwhile is not among them, so it stays; two instances compacting one
//   document run one after the other and the second folds the first's result.
// - health: a failed query marks the store unhealthy at once; a 1 s probe (`SELECT 1`) marks it healthy again.
import pg from 'pg';
import * as Y from 'yjs';
import type { AppendEntry, DocStore, DocStoreStats, StoredDoc } from './docStore';
import { newServerDoc } from './compaction';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rapporteur_updates (
  seq BIGSERIAL PRIMARY KEY,
  doc TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS rapporteur_updates_by_doc ON rapporteur_updates (doc, seq);
CREATE TABLE IF NOT EXISTS rapporteur_doc_states (
  doc TEXT PRIMARY KEY,
  data BYTEA NOT NULL,
  upto BIGINT NOT NULL,
  compacted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`;

/** First key of the two-int advisory locks this store takes (the second is hashtext(doc)). */
const LOCK_NAMESPACE = 0x52_41_50; // "RAP"

export interface PostgresDocStoreOptions {
  /** pool size per instance */
  max?: number;
  /** a query (or waiting for a pooled connection) that takes longer fails; a lost server is seen quickly */
  queryTimeoutMs?: number;
  healthProbeMs?: number;
  /** tests only: a pause between compaction's read and write (to interleave a second compaction) */
  compactionPause?: (docName: string) => Promise<void>;
  /** tests only: compact without the advisory lock, to show what the lock prevents */
  unsafeWithoutLock?: boolean;
}

export interface PostgresStats {
  healthy: boolean;
  poolTotal: number;
  poolIdle: number;
  poolWaiting: number;
  queryFailures: number;
  lockWaits: number;
}

const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class PostgresDocStore implements DocStore {
  /** Group commits in flight at once (groupCommit.ts): the next batch is sent while one waits for its WAL flush,
   *  and PostgreSQL flushes the WAL of concurrent commits together. Each is still durable before it is acknowledged
   *  (synchronous_commit stays on). */
  readonly concurrentAppends = 4;
  private readonly pool: pg.Pool;
  private healthyNow = false;
  private queryFailures = 0;
  private lockWaits = 0;
  private probe: NodeJS.Timeout | null = null;
  private closed = false;
  readonly ready: Promise<void>;

  constructor(
    readonly url: string,
    private readonly options: PostgresDocStoreOptions = {},
  ) {
    const timeout = options.queryTimeoutMs ?? 5_000;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      idleTimeoutMillis: 30_000,
      application_name: 'rapporteur-sync',
    });
    // An idle client whose server went away emits here; without a listener the process would crash.
    this.pool.on('error', () => this.markFailed());
    this.ready = this.init();
  }

  private async init(): Promise<void> {
    await this.pool.query(SCHEMA);
    this.healthyNow = true;
    this.probe = setInterval(() => void this.checkHealth(), this.options.healthProbeMs ?? 1_000);
    this.probe.unref();
  }

  private markFailed(): void {
    this.healthyNow = false;
    this.queryFailures += 1;
  }

  private async checkHealth(): Promise<void> {
    if (this.closed) return;
    try {
      await this.pool.query('SELECT 1');
      this.healthyNow = true;
    } catch {
      this.markFailed();
    }
  }

  /** false from a failed query until a probe succeeds again */
  get healthy(): boolean {
    return this.healthyNow;
  }

  postgresStats(): PostgresStats {
    return {
      healthy: this.healthyNow,
      poolTotal: this.pool.totalCount,
      poolIdle: this.pool.idleCount,
      poolWaiting: this.pool.waitingCount,
      queryFailures: this.queryFailures,
      lockWaits: this.lockWaits,
    };
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      this.markFailed();
      throw err;
    }
  }

  load(docName: string): Promise<StoredDoc> {
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        // One snapshot for both reads, so a compaction committing in between cannot hide updates.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const state = await client.query<{ data: Buffer }>('SELECT data FROM rapporteur_doc_states WHERE doc = $1', [docName]);
        const updates = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM rapporteur_updates WHERE doc = $1 ORDER BY seq', [docName]);
        await client.query('COMMIT');
        const stateRow = state.rows[0];
        const last = updates.rows[updates.rows.length - 1];
        return {
          state: stateRow ? toBytes(stateRow.data) : null,
          updates: updates.rows.map((r) => toBytes(r.data)),
          lastSeq: last ? Number(last.seq) : 0,
        };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    });
  }

  append(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return this.run(async () => {
      // Inserted in input order (ORDER BY ord), so ascending seqs match the entries one for one.
      // A named statement: parsed and planned once per pooled connection, not at every commit.
      const result = await this.pool.query<{ seq: string }>({
        name: 'rapporteur_append',
        text: `WITH input AS (SELECT * FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc, data, ord)),
              ins AS (INSERT INTO rapporteur_updates (doc, data) SELECT doc, data FROM input ORDER BY ord RETURNING seq)
         SELECT seq FROM ins ORDER BY seq`,
        values: [entries.map((e) => e.docName), entries.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength))],
      });
      return result.rows.map((r) => Number(r.seq));
    });
  }

  compact(docName: string, state: Uint8Array, _uptoSeq: number): Promise<void> {
    return this.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        if (!this.options.unsafeWithoutLock) {
          const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, docName]);
          if (!got.rows[0]?.ok) {
            this.lockWaits += 1;
            await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, docName]);
          }
        }
        const stored = await client.query<{ data: Buffer }>('SELECT data FROM rapporteur_doc_states WHERE doc = $1', [docName]);
        const updates = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM rapporteur_updates WHERE doc = $1 ORDER BY seq', [docName]);
        if (this.options.compactionPause) await this.options.compactionPause(docName);
        const doc = newServerDoc();
        let folded: Uint8Array;
        let upto = 0;
        try {
          doc.transact(() => {
            const storedState = stored.rows[0];
            if (storedState) Y.applyUpdate(doc, toBytes(storedState.data));
            Y.applyUpdate(doc, state);
            for (const row of updates.rows) {
              try {
                Y.applyUpdate(doc, toBytes(row.data));
              } catch {
                /* an update that does not apply is dropped here as replayInto skips it on load */
              }
              upto = Math.max(upto, Number(row.seq));
            }
          });
          folded = Y.encodeStateAsUpdate(doc);
        } finally {
          doc.destroy();
        }
        await client.query(
          `INSERT INTO rapporteur_doc_states (doc, data, upto, compacted_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (doc) DO UPDATE SET data = EXCLUDED.data, upto = GREATEST(rapporteur_doc_states.upto, EXCLUDED.upto), compacted_at = now()`,
          [docName, Buffer.from(folded.buffer, folded.byteOffset, folded.byteLength), upto],
        );
        if (updates.rows.length > 0)
          await client.query('DELETE FROM rapporteur_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [docName, updates.rows.map((r) => r.seq)]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    });
  }

  discard(docName: string, seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return Promise.resolve();
    return this.run(async () => {
      await this.pool.query('DELETE FROM rapporteur_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [docName, seqs.map(String)]);
    });
  }

  pendingUpdates(docName: string): Promise<number> {
    return this.run(async () => {
      const r = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM rapporteur_updates WHERE doc = $1', [docName]);
      return Number(r.rows[0]?.n ?? 0);
    });
  }

  stats(): Promise<DocStoreStats> {
    return this.run(async () => {
      const r = await this.pool.query<{ docs: string; updates: string }>(
        `SELECT (SELECT count(*) FROM (SELECT doc FROM rapporteur_doc_states UNION SELECT doc FROM rapporteur_updates) d) AS docs,
                (SELECT count(*) FROM rapporteur_updates) AS updates`,
      );
      return { docs: Number(r.rows[0]?.docs ?? 0), updates: Number(r.rows[0]?.updates ?? 0) };
    });
  }

  /** Every stored document name (the migration's verification walks them). */
  docNames(): Promise<string[]> {
    return this.run(async () => {
      const r = await this.pool.query<{ doc: string }>('SELECT doc FROM rapporteur_doc_states UNION SELECT doc FROM rapporteur_updates ORDER BY doc');
      return r.rows.map((row) => row.doc);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.probe) clearInterval(this.probe);
    await this.ready.catch(() => {});
    await this.pool.end();
  }
}

/** Opens a PostgreSQL store and waits for its schema; a store that cannot start is closed again. */
export async function openPostgresDocStore(url: string, options?: PostgresDocStoreOptions): Promise<PostgresDocStore> {
  const store = new PostgresDocStore(url, options);
  try {
    await store.ready;
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  return store;
}

export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//.test(value);
