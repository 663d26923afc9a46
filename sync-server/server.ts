// The sync server: an http server that answers /healthz, /metrics and the web build (with security headers), and
// upgrades to a websocket only after the Origin check and auth (token, room path, workspace). Every TCP socket
// counts toward the per-IP and global caps from the moment it connects, upgraded or not. Usable in-process
// (tests, bench) through startServer(); sync-server/cli.ts wraps it for the command line.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../common/closeCodes';
import { authCloseCode, authorizeUpgrade, offersAppSubprotocol, selectProtocol } from './auth';
import type { AwarenessLimits } from './awarenessGuard';
import { Connection } from './connection';
import { LoadedRooms } from './loadedRooms';
import type { DocStore } from './storage/docStore';
import { createLogger, errorFields, LogThrottle, type Logger } from './log';
import { DEFAULT_LIMITS, IpLimiter } from './limits';
import { Metrics } from './metrics';
import { createOriginCheck } from './originCheck';
import { securityHeaders } from './securityHeaders';
import { loadSecret } from './secret';
import type { SyncMode } from './storage/sqliteDocStore.mjs';
import { createStaticHandler } from './staticFiles';
import { WorkerDocStore } from './storage/workerDocStore';
import type { PostgresDocStore } from './storage/postgresDocStore';
import type { RedisFanout } from './fanout';

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
  /** open TCP sockets in all (upgraded or not); beyond it requests get 503 */
  maxConnections?: number;
  maxMessageBytes?: number;
  /** origins (scheme://host:port) allowed to open websockets besides the server's own and app://rapporteur */
  allowOrigins?: readonly string[];
  /** other sync servers the web build may connect to (CSP connect-src), besides its own */
  connectSrc?: readonly string[];
  /** serve /metrics on this port (same host) instead of the main one; 0 picks a free port */
  metricsPort?: number;
  /** require `Authorization: Bearer <token>` for /metrics */
  metricsToken?: string;
  /** overrides RAPPORTEUR_SECRET / <data>/secret */
  secret?: Uint8Array;
  /** overrides the SQLite store in <data> */
  store?: DocStore;
  /** postgres://… : store in PostgreSQL instead of SQLite in <data> (several instances may share it) */
  storeUrl?: string;
  /** redis://… : fan updates and presence out to the other instances sharing the store */
  redisUrl?: string;
  /** SQLite `synchronous` for the default store: FULL (default, fsync per commit) or NORMAL */
  synchronous?: SyncMode;
  logger?: Logger;
  pingIntervalMs?: number;
  unloadDelayMs?: number;
  compactEvery?: number;
  /** how long close() waits for clients to finish the closing handshake before cutting them */
  shutdownGraceMs?: number;
  /** per-connection presence limits (tests lower them) */
  awarenessLimits?: AwarenessLimits;
}

export interface RunningServer {
  /** websocket base URL, e.g. ws://127.0.0.1:4321 */
  url: string;
  /** http base URL */
  httpUrl: string;
  port: number;
  host: string;
  metrics: Metrics;
  /** where /metrics is served: the main http URL, or the separate metrics port's */
  metricsUrl: string;
  secret: Uint8Array;
  /** stops accepting, closes sockets with ServerShutdown, commits and compacts, closes storage */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
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
  const maxConnections = options.maxConnections ?? DEFAULT_LIMITS.maxConnections;
  const originAllowed = createOriginCheck(options.allowOrigins ?? []);
  const connectSrc = options.connectSrc ?? [];
  const refusalLog = new LogThrottle(DEFAULT_LIMITS.refusedLogLinesPerMinute);
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
  // pg and ioredis load only for a scale-out deployment
  else if (options.storeUrl) store = await (await import('./storage/postgresDocStore')).openPostgresDocStore(options.storeUrl);
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
  let fanout: RedisFanout | null = null;
  if (options.redisUrl) {
    const { RedisFanout } = await import('./fanout');
    fanout = new RedisFanout(options.redisUrl, logger);
  }
  const rooms = new LoadedRooms(
    store,
    { compactEvery: options.compactEvery ?? 500, unloadDelayMs: options.unloadDelayMs ?? 5000 },
    metrics,
    logger,
    fanout,
  );
  if (fanout) {
    const f = fanout;
    try {
      await f.start({
        update: (doc, update) => rooms.applyRemote(doc, update),
        awareness: (doc, update) => rooms.applyRemoteAwareness(doc, update),
        state: (doc, summary) => rooms.applyRemoteState(doc, summary),
        resync: () => void rooms.resyncAll(),
        transit: (seconds) => metrics.fanoutTransitSeconds.observe(seconds),
      });
    } catch (err) {
      await f.close().catch(() => {});
      await store.close().catch(() => {});
      throw err;
    }
    metrics.gauge('rapporteur_redis_connected', 'Whether both Redis connections (publish, subscribe) are up (1) or not (0)', () => (f.connected ? 1 : 0));
    metrics.counterFn('rapporteur_redis_published_total', 'Records published to Redis (updates, presence, summaries)', () => f.stats().published);
    metrics.counterFn('rapporteur_redis_received_total', 'Records received from other instances through Redis for documents loaded here', () => f.stats().received);
    metrics.counterFn('rapporteur_redis_publish_failures_total', 'Publishes that failed or waited for Redis (updates are sent when it is back)', () => f.stats().publishFailures);
    metrics.counterFn('rapporteur_redis_messages_total', 'Redis messages published: each carries what the instance published in one event-loop turn', () => f.stats().messages);
    metrics.counterFn('rapporteur_redis_reconnects_total', 'Redis reconnections (each re-reads the loaded documents from the store)', () => f.stats().reconnects);
  }
  const pgStore = 'postgresStats' in store ? (store as PostgresDocStore) : null;
  if (pgStore) {
    metrics.gauge('rapporteur_postgres_healthy', 'Whether PostgreSQL answers (1) or not (0); writes are refused with 4504 while not', () => (pgStore.healthy ? 1 : 0));
    metrics.gauge('rapporteur_postgres_pool_connections', 'PostgreSQL pool connections open', () => pgStore.postgresStats().poolTotal);
    metrics.gauge('rapporteur_postgres_pool_idle', 'PostgreSQL pool connections idle', () => pgStore.postgresStats().poolIdle);
    metrics.gauge('rapporteur_postgres_pool_waiting', 'Queries waiting for a PostgreSQL pool connection', () => pgStore.postgresStats().poolWaiting);
    metrics.counterFn('rapporteur_postgres_query_failures_total', 'PostgreSQL queries that failed', () => pgStore.postgresStats().queryFailures);
    metrics.counterFn('rapporteur_postgres_compaction_lock_waits_total', 'Compactions that waited for another instance\'s advisory lock on the same document', () => pgStore.postgresStats().lockWaits);
  }
  const limiter = new IpLimiter(maxConnPerIp);
  const connections = new Set<Connection>();
  const serveStatic = options.webDir === null ? null : createStaticHandler(options.webDir ?? DEFAULT_WEB_DIR);
  const startedAt = Date.now();
  let shuttingDown = false;

  metrics.gauge('rapporteur_connections', 'Open websocket connections', () => connections.size);
  metrics.gauge('rapporteur_docs_loaded', 'Documents loaded in memory', () => rooms.loadedCount);
  metrics.counterFn('process_cpu_seconds_total', 'CPU time of this process (user + system), from process.cpuUsage()', () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  });
  metrics.gauge('rapporteur_awareness_clients', 'Awareness client ids held in memory across loaded rooms', () => rooms.awarenessClientCount);

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => selectProtocol(offered),
  });

  const serveMetrics = (req: IncomingMessage, res: ServerResponse) => {
    if (options.metricsToken !== undefined && !bearerMatches(req.headers.authorization, options.metricsToken)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' });
      res.end('Unauthorized\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(metrics.render());
  };

  /** Sockets over the per-IP or global cap, with the status their request gets. */
  const overLimit = new WeakMap<Socket, number>();

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders(req.headers.host, connectSrc))) res.setHeader(name, value);
    const refusedStatus = overLimit.get(req.socket);
    if (refusedStatus !== undefined) {
      res.writeHead(refusedStatus, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end(`${STATUS_TEXT[refusedStatus] ?? 'Error'}\n`);
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const storageDown = pgStore !== null && !pgStore.healthy;
      const body = JSON.stringify({
        status: shuttingDown ? 'shutting-down' : storageDown ? 'storage-unavailable' : 'ok',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        connections: connections.size,
        docsLoaded: rooms.loadedCount,
        ...(pgStore ? { postgres: pgStore.healthy } : {}),
        // Redis down leaves the instance serving its own clients: reported, not unhealthy.
        ...(fanout ? { redis: fanout.connected } : {}),
      });
      res.writeHead(shuttingDown || storageDown ? 503 : 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === '/metrics' && req.method === 'GET' && options.metricsPort === undefined) {
      serveMetrics(req, res);
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

  // Every socket counts from the moment it connects: one that never finishes its request holds a slot as much as
  // an open websocket. Over a cap, the socket's request (upgrade or not) is answered 429/503, and a socket that
  // sends nothing is cut after a short while instead of the usual header timeout.
  let openSockets = 0;
  metrics.gauge('rapporteur_sockets', 'Open TCP sockets counted toward the connection caps (upgraded or not)', () => openSockets);
  http.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? 'unknown';
    if (openSockets >= maxConnections || !limiter.tryAcquire(ip)) {
      overLimit.set(socket, openSockets >= maxConnections ? 503 : 429);
      socket.setTimeout(DEFAULT_LIMITS.refusedSocketTimeoutMs, () => socket.destroy());
      return;
    }
    openSockets += 1;
    socket.once('close', () => {
      openSockets -= 1;
      limiter.release(ip);
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const ip = req.socket.remoteAddress ?? 'unknown';
    const path = (req.url ?? '').replace(/\?.*$/s, '').slice(0, 200); // never log the query: it holds the token
    const logRefusal = (status: number, reason: string, closeCode?: number) => {
      metrics.upgradesRejected.inc(1, { status: String(status) });
      const suppressed = refusalLog.admit(reason);
      if (suppressed === null) metrics.upgradeLogsSuppressed.inc();
      else logger.info('upgrade_refused', { ip, path, status, reason, ...(closeCode ? { closeCode } : {}), ...(suppressed > 0 ? { suppressed } : {}) });
    };
    const reject = (status: number, reason: string) => {
      logRefusal(status, reason);
      refuseUpgrade(socket, status);
    };
    if (shuttingDown) return reject(503, 'shutting down');
    const capped = overLimit.get(req.socket);
    if (capped !== undefined) return reject(capped, capped === 503 ? 'too many connections' : 'too many connections from this address');
    if (!originAllowed(req.headers.origin, req.headers.host)) return reject(403, 'origin not allowed');
    const decision = authorizeUpgrade(req.url, secret, undefined, req.headers['sec-websocket-protocol']);
    if (!decision.ok) {
      // Browsers never see an upgrade's HTTP status, only a close: a client that offers the app's subprotocol is
      // told why with a close code (4401 expired, 4410 not valid here), on a socket that opens only to say it.
      // Stock clients (token in the query) keep the HTTP 401/403.
      const closeCode = decision.status === 404 ? null : authCloseCode(decision.reason);
      if (closeCode !== null && offersAppSubprotocol(req.headers['sec-websocket-protocol'])) {
        logRefusal(decision.status, decision.reason, closeCode);
        wss.handleUpgrade(req, socket, head, (ws) => ws.close(closeCode, 'invite not valid'));
        return;
      }
      return reject(decision.status, decision.reason);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (shuttingDown) {
        ws.close(CloseCode.ServerShutdown, 'server shutting down');
        return;
      }
      const conn = new Connection(
        ws,
        socket,
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
          maxFrameBytes: maxMessageBytes,
          awareness: options.awarenessLimits ?? DEFAULT_LIMITS.awareness,
        },
        (gone) => {
          connections.delete(gone);
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
  let metricsHttp: Server | null = null;
  let metricsUrl = httpUrl;
  if (options.metricsPort !== undefined) {
    const server = createServer((req, res) => {
      if ((req.url ?? '/').split('?')[0] === '/metrics' && req.method === 'GET') serveMetrics(req, res);
      else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found\n');
      }
    });
    server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(options.metricsPort, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    }).catch(async (err: unknown) => {
      http.close();
      await rooms.closeAll();
      await fanout?.close();
      await store.close();
      throw err;
    });
    metricsHttp = server;
    metricsUrl = `http://${urlHost}:${(server.address() as AddressInfo).port}`;
  }
  logger.info('listening', {
    url: httpUrl,
    ws: url,
    dataDir,
    maxConnPerIp,
    maxConnections,
    maxMessageBytes,
    allowOrigins: options.allowOrigins ?? [],
    metrics: metricsUrl === httpUrl ? (options.metricsToken ? 'main port, bearer token' : 'main port') : metricsUrl,
    synchronous: options.store ? 'custom store' : options.storeUrl ? 'postgres' : (options.synchronous ?? 'FULL'),
    store: options.store ? 'custom' : options.storeUrl ? 'postgres' : 'sqlite',
    ...(fanout ? { fanout: 'redis', instance: fanout.instanceId.toString('hex') } : {}),
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
      if (metricsHttp) {
        const m = metricsHttp;
        await new Promise<void>((r) => m.close(() => r()));
      }
      await rooms.closeAll();
      await fanout?.close();
      await store.close();
      await httpClosed;
      wss.close();
      logger.info('stopped', {});
    })();
    return closing;
  };

  return { url, httpUrl, port, host, metrics, metricsUrl, secret, close };
}

/** Constant-time check of `Authorization: Bearer <token>`. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
