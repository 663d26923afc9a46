// Test helpers for multi-instance deployments: instances (in-process or spawned, on fixed ports so stock clients
// reconnect to a restarted one by themselves) sharing a real PostgreSQL and Redis (testEngines.ts).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { silentLogger, type Logger } from './log';
import { startServer, type RunningServer, type ServerOptions } from './server';
import { newServerDoc, replayInto } from './storage/compaction';
import { openPostgresDocStore } from './storage/postgresDocStore';
import { docNameOf, parseRoomPath } from '../common/rooms';
import { spawnServer, TEST_SECRET, tempDir, type SpawnedServer } from './testHelpers';
import { freePort, type TestPostgres, type TestRedis } from './engines';

/** Error lines of in-process instances: a test asserts there were none it did not expect. */
export const loggedErrors: string[] = [];
const errorLogger: Logger = { ...silentLogger, error: (event, fields) => loggedErrors.push(`${event} ${JSON.stringify(fields ?? {})}`) };

export async function startInstance(pg: TestPostgres, redis: TestRedis, extra: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    dataDir: tempDir().path,
    secret: TEST_SECRET,
    webDir: null,
    logger: errorLogger,
    storeUrl: pg.url,
    redisUrl: redis.url,
    maxConnPerIp: 500,
    ...extra,
  });
}

/** A spawned instance (cli.ts) on a fixed port: kill -9 it, start it again on the same port. */
export class ProcessInstance {
  server: SpawnedServer | null = null;
  readonly dir = tempDir();
  private constructor(
    readonly port: number,
    private readonly pg: TestPostgres,
    private readonly redis: TestRedis,
  ) {}

  static async create(pg: TestPostgres, redis: TestRedis): Promise<ProcessInstance> {
    const instance = new ProcessInstance(await freePort(), pg, redis);
    await instance.start();
    return instance;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    this.server = await spawnServer(
      ['--port', String(this.port), '--data', this.dir.path, '--store', this.pg.url, '--redis', this.redis.url, '--max-conn-per-ip', '500'],
    );
  }

  async kill(): Promise<void> {
    const s = this.server;
    this.server = null;
    await s?.stop('SIGKILL');
  }

  async destroy(): Promise<void> {
    await this.kill();
    this.dir.remove();
  }
}

export function provider(url: string, room: string, token: string, doc = new Y.Doc()): { provider: WebsocketProvider; doc: Y.Doc; closes: number[] } {
  const p = new WebsocketProvider(url, room, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true, maxBackoffTime: 300 });
  const closes: number[] = [];
  p.on('connection-close', (e) => closes.push(e?.code ?? -1));
  return { provider: p, doc, closes };
}

/** What PostgreSQL holds for a room (read through a fresh store, as a new instance would). */
export async function storedDoc(pg: TestPostgres, room: string): Promise<Y.Doc> {
  const ref = parseRoomPath(room);
  if (!ref) throw new Error(`not a room: ${room}`);
  const store = await openPostgresDocStore(pg.url);
  try {
    const doc = newServerDoc();
    replayInto(doc, await store.load(docNameOf(ref)));
    return doc;
  } finally {
    await store.close();
  }
}

/** Same state vector and delete set: the same content, whatever the order the shared types were first used in. */
export const sameState = (a: Y.Doc, b: Y.Doc): boolean => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
