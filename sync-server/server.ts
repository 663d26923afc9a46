// The sync server: an http server that answers /healthz, /metrics and the web build, and upgrades to a
// websocket only after auth (token, room path, workspace) and the per-IP limit have passed. Usable in-process
// (tests, bench) through startServer(); sync-server/cli.ts wraps it for the command line.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../common/closeCodes';
import { authorizeUpgrade } from './auth';
import { Connection } from './connection';
import { LoadedRooms } from './loadedRooms';
import type { DocStore } from './storage/docStore';
import { createLogger, errorFields, type Logger } from './log';
import { DEFAULT_LIMITS, IpLimiter } from './limits';
import { Metrics } from './metrics';
import { loadSecret } from './secret';
import type { SyncMode } from './storage/sqliteDocStore.mjs';
import { createStaticHandler } from './staticFiles';
import { WorkerDocStore } from './storage/workerDocStore';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../dist/web', import.meta.url));
export const DB_FILE_NAME = 'rapporteur.sqlite';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  dataDir: string;
  /** directory of the web build; null serves no files */
  webDir?: string | null;
  maxConnPerIp?: number;
  maxMessageBytes?: number;
  /** overrides RAPPORTEUR_SECRET / <data>/secret */
  secret?: Uint8Array;
  /** overrides the SQLite store in <data> */
  store?: DocStore;
  /** SQLite `synchronous` for the default store: FULL (default, fsync per commit) or NORMAL */
  synchronous?: SyncMode;
  logger?: Logger;
  pingIntervalMs?: number;
  unloadDelayMs?: number;
  compactEvery?: number;
  /** how long close() waits for clients to finish the closing handshake before cutting them */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  /** websocket base URL, e.g. ws://127.0.0.1:4321 */
  url: string;
  /** http base URL */
  httpUrl: string;
  port: number;
  host: string;
  metrics: Metrics;
  secret: Uint8Array;
  /** stops accepting, closes sockets with ServerShutdown, commits and compacts, closes storage */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

function refuseUpgrade(socket: Duplex, status: number): void {
  const body = `${STATUS_TEXT[status] ?? 'Error'}\n`;
  // Destroy once the response is flushed (as ws' own abortHandshake does), so the client reads the status.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createLogger();
  const dataDir = resolve(options.dataDir);
  const maxConnPerIp = options.maxConnPerIp ?? DEFAULT_LIMITS.maxConnPerIp;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_LIMITS.maxMessageBytes;
  let secret: Uint8Array;
  if (options.secret) secret = options.secret;
  else {
    const loaded = loadSecret(dataDir);
    secret = loaded.secret;
    logger.info('secret_loaded', { source: loaded.source, ...(loaded.fixedMode ? { fixedMode: true } : {}) });
  }
  let store: DocStore;
  if (options.store) store = options.store;
  else {
    const workerStore = new WorkerDocStore(join(dataDir, DB_FILE_NAME), options.synchronous ?? 'FULL');
    try {
      await workerStore.ready;
    } catch (err) {
      await workerStore.close().catch(() => {});
      throw err;
    }
    store = workerStore;
  }
  const metrics = new Metrics();
  const rooms = new LoadedRooms(
    store,
    { compactEvery: options.compactEvery ?? 500, unloadDelayMs: options.unloadDelayMs ?? 5000 },
    metrics,
    logger,
  );
  const limiter = new IpLimiter(maxConnPerIp);
  const connections = new Set<Connection>();
  const serveStatic = options.webDir === null ? null : createStaticHandler(options.webDir ?? DEFAULT_WEB_DIR);
  const startedAt = Date.now();
  let shuttingDown = false;

  metrics.gauge('rapporteur_connections', 'Open websocket connections', () => connections.size);
  metrics.gauge('rapporteur_docs_loaded', 'Documents loaded in memory', () => rooms.loadedCount);

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const body = JSON.stringify({
        status: shuttingDown ? 'shutting-down' : 'ok',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        connections: connections.size,
        docsLoaded: rooms.loadedCount,
      });
      res.writeHead(shuttingDown ? 503 : 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === '/metrics' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(metrics.render());
      return;
    }
    if (serveStatic) {
      serveStatic(req, res).catch((err) => {
        logger.error('static_failed', errorFields(err));
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  };

  const http = createServer(onRequest);
  http.on('clientError', (_err, socket) => socket.destroy());

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const ip = req.socket.remoteAddress ?? 'unknown';
    const path = (req.url ?? '').replace(/\?.*$/s, '').slice(0, 200); // never log the query: it holds the token
    const reject = (status: number, reason: string) => {
      metrics.upgradesRejected.inc(1, { status: String(status) });
      logger.info('upgrade_refused', { ip, path, status, reason });
      refuseUpgrade(socket, status);
    };
    if (shuttingDown) return reject(503, 'shutting down');
    const decision = authorizeUpgrade(req.url, secret);
    if (!decision.ok) return reject(decision.status, decision.reason);
    if (!limiter.tryAcquire(ip)) return reject(429, 'too many connections from this address');
    let released = false;
    const release = () => {
      if (!released) limiter.release(ip);
      released = true;
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (shuttingDown) {
        ws.close(CloseCode.ServerShutdown, 'server shutting down');
        return;
      }
      const conn = new Connection(
        ws,
        decision.claims,
        decision.ref,
        decision.docName,
        ip,
        {
          rooms,
          metrics,
          logger,
          maxBufferedBytes: DEFAULT_LIMITS.maxBufferedBytes,
          maxEarlyMessages: DEFAULT_LIMITS.maxEarlyMessages,
          maxHeldBytes: DEFAULT_LIMITS.maxHeldBytes,
        },
        (gone) => {
          connections.delete(gone);
          release();
        },
      );
      connections.add(conn);
      metrics.connectionsAccepted.inc();
      logger.info('connection_opened', {
        conn: conn.id,
        ip,
        doc: decision.docName,
        role: decision.claims.role,
        sub: decision.claims.sub,
      });
      void conn.start();
    });
  });

  const pingTimer = setInterval(() => connections.forEach((c) => c.ping()), options.pingIntervalMs ?? 30_000);
  pingTimer.unref();

  await new Promise<void>((resolveListen, rejectListen) => {
    http.once('error', rejectListen);
    http.listen(options.port ?? 4321, host, () => {
      http.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `ws://${urlHost}:${port}`;
  const httpUrl = `http://${urlHost}:${port}`;
  logger.info('listening', {
    url: httpUrl,
    ws: url,
    dataDir,
    maxConnPerIp,
    maxMessageBytes,
    synchronous: options.store ? 'custom store' : (options.synchronous ?? 'FULL'),
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      shuttingDown = true;
      clearInterval(pingTimer);
      const httpClosed = new Promise<void>((r) => http.close(() => r()));
      for (const conn of connections) conn.close(CloseCode.ServerShutdown, 'server shutting down');
      // Give clients a moment to answer the close frame, then cut whoever is left.
      const grace = options.shutdownGraceMs ?? 1000;
      const deadline = Date.now() + grace;
      while (connections.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const conn of connections) conn.terminate();
      http.closeAllConnections();
      await rooms.closeAll();
      await store.close();
      await httpClosed;
      wss.close();
      logger.info('stopped', {});
    })();
    return closing;
  };

  return { url, httpUrl, port, host, metrics, secret, close };
}
