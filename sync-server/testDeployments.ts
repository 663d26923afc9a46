// Deployments the integration tests run against unchanged: one instance on SQLite (the default), and two
// instances on PostgreSQL + Redis (writes through one, reads through the other). A test suite written against
// `Deployment` is parametrised with describe.each(testDeployments()), not copied.
import { join } from 'node:path';
import * as Y from 'yjs';
import { docNameOf, parseRoomPath } from '../common/rooms';
import { silentLogger } from './log';
import type { Metrics } from './metrics';
import { startInstance } from './scaleOutHelpers';
import { DB_FILE_NAME, startServer, type ServerOptions } from './server';
import { newServerDoc, replayInto } from './storage/compaction';
import { openPostgresDocStore } from './storage/postgresDocStore';
import { SqliteDocStore } from './storage/sqliteDocStore.mjs';
import { findEngines, startPostgres, startRedis } from './engines';
import { TEST_SECRET, tempDir } from './testHelpers';

export interface Deployment {
  /** where clients that write connect */
  writeUrl: string;
  /** where readers and watchers connect: another instance in a scale-out deployment */
  readUrl: string;
  /** metrics of the instance at writeUrl */
  metrics: Metrics;
  /** what the storage holds for a room, read outside the servers */
  stored(room: string): Promise<Y.Doc>;
  close(): Promise<void>;
}

export interface DeploymentKind {
  name: string;
  start(options?: Partial<ServerOptions>): Promise<Deployment>;
}

function docNameOfRoom(room: string): string {
  const ref = parseRoomPath(room);
  if (!ref) throw new Error(`not a room: ${room}`);
  return docNameOf(ref);
}

const single: DeploymentKind = {
  name: 'one instance on SQLite',
  async start(options = {}) {
    const dir = tempDir();
    const server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, ...options });
    return {
      writeUrl: server.url,
      readUrl: server.url,
      metrics: server.metrics,
      async stored(room) {
        // A second connection to the SQLite file (WAL allows a reader next to the running server).
        const store = new SqliteDocStore(join(dir.path, DB_FILE_NAME));
        try {
          const doc = newServerDoc();
          replayInto(doc, store.loadSync(docNameOfRoom(room)));
          return doc;
        } finally {
          store.closeSync();
        }
      },
      async close() {
        await server.close();
        dir.remove();
      },
    };
  },
};

const scaleOut: DeploymentKind = {
  name: 'two instances on PostgreSQL + Redis',
  async start(options = {}) {
    const engines = findEngines();
    if (!engines.ok) throw new Error(`CI requires PostgreSQL and Redis: ${engines.reason}`);
    const pg = await startPostgres(engines.bins);
    const redis = await startRedis(engines.bins);
    const a = await startInstance(pg, redis, options);
    const b = await startInstance(pg, redis, options);
    return {
      writeUrl: a.url,
      readUrl: b.url,
      metrics: a.metrics,
      async stored(room) {
        const store = await openPostgresDocStore(pg.url);
        try {
          const doc = newServerDoc();
          replayInto(doc, await store.load(docNameOfRoom(room)));
          return doc;
        } finally {
          await store.close();
        }
      },
      async close() {
        await a.close();
        await b.close();
        await redis.destroy();
        pg.destroy();
      },
    };
  },
};

/** Both deployments; the scale-out one only where the engines exist (skipped with a reason, required under CI). */
export function testDeployments(): DeploymentKind[] {
  const engines = findEngines();
  if (engines.ok || process.env.CI) return [single, scaleOut];
  console.warn(`[skipped] two-instance deployment: ${engines.reason}`);
  return [single];
}
