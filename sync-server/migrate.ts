// `server migrate --from ./data --to postgres://…`: copies the embedded SQLite store into PostgreSQL, one document
// at a time (its stored state and updates replayed and written as one compacted state), then verifies each copy
// by reading it back from PostgreSQL: the state vectors and the encoded states must be equal. Run it with the
// servers stopped; running it again is harmless (a copy already there folds into itself).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { newServerDoc, replayInto } from './storage/compaction';
import type { StoredDoc } from './storage/docStore';
import { openPostgresDocStore } from './storage/postgresDocStore';
import { SqliteDocStore } from './storage/sqliteDocStore.mjs';

export const DB_FILE = 'rapporteur.sqlite';

export interface MigrationReport {
  docs: number;
  updatesRead: number;
  bytes: number;
  mismatched: string[];
}

function encodedState(stored: StoredDoc): { sv: Uint8Array; state: Uint8Array } {
  const doc = newServerDoc();
  try {
    replayInto(doc, stored);
    return { sv: Y.encodeStateVector(doc), state: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

export async function migrateCommand(dataDir: string, url: string, say: (line: string) => void = () => {}): Promise<MigrationReport> {
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file)) throw new Error(`no embedded store at ${file}`);
  const names = (() => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare<[], { doc: string }>('SELECT doc FROM doc_states UNION SELECT doc FROM updates ORDER BY doc')
        .all()
        .map((r) => r.doc);
    } finally {
      db.close();
    }
  })();
  const source = new SqliteDocStore(file);
  const target = await openPostgresDocStore(url);
  const report: MigrationReport = { docs: 0, updatesRead: 0, bytes: 0, mismatched: [] };
  try {
    for (const name of names) {
      const stored = source.loadSync(name);
      const { sv, state } = encodedState(stored);
      await target.compact(name, state, 0);
      const copied = encodedState(await target.load(name));
      const same = equalBytes(sv, copied.sv) && equalBytes(state, copied.state);
      report.docs += 1;
      report.updatesRead += stored.updates.length;
      report.bytes += state.byteLength;
      if (!same) report.mismatched.push(name);
      say(`${same ? 'ok      ' : 'MISMATCH'} ${name} (${stored.updates.length} updates${stored.state ? ' + state' : ''}, ${state.byteLength} bytes)`);
    }
    say(`${report.docs} documents copied, ${report.docs - report.mismatched.length} verified${report.mismatched.length ? `, ${report.mismatched.length} differ` : ''}`);
    return report;
  } finally {
    source.closeSync();
    await target.close();
  }
}
