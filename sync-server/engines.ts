// Real PostgreSQL and Redis for the scale-out tests and benchmark: started from the Debian packages' binaries on
// temporary directories and free loopback ports, without a system service, and stopped by their caller (bounded
// waits). testEngines.ts decides what tests do when the binaries are missing.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface EngineBinaries {
  pgBin: string;
  redisServer: string;
}

/** The PostgreSQL bin directory (newest /usr/lib/postgresql/<n>/bin) and redis-server, or why they are missing. */
export function findEngines(): { ok: true; bins: EngineBinaries } | { ok: false; reason: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  const missing = [versions.length === 0 ? 'PostgreSQL (/usr/lib/postgresql/*/bin, Debian package postgresql)' : null, redisServer ? null : 'redis-server (Debian package redis-server)'].filter(
    (m): m is string => m !== null,
  );
  if (missing.length > 0 || !redisServer || !versions[0]) return { ok: false, reason: `missing ${missing.join(' and ')}` };
  return { ok: true, bins: { pgBin: join(root, versions[0], 'bin'), redisServer } };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const isRoot = () => userInfo().uid === 0;

/** Runs a PostgreSQL tool as `postgres` when we are root (PostgreSQL refuses to run as root). */
function pgTool(bins: EngineBinaries, tool: string, args: string[], timeoutMs = 60_000): void {
  const exe = join(bins.pgBin, tool);
  if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', exe, ...args], { stdio: 'pipe', timeout: timeoutMs });
  else execFileSync(exe, args, { stdio: 'pipe', timeout: timeoutMs });
}

export interface TestPostgres {
  url: string;
  port: number;
  dir: string;
  /** `immediate` is a crash (no checkpoint), `fast` a clean stop */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** stops and removes the data directory */
  destroy(): void;
}

/** initdb on a temp dir, then pg_ctl start on a free loopback port (trust auth, socket in the temp dir). */
export async function startPostgres(bins: EngineBinaries): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-pg-'));
  if (isRoot()) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const data = join(dir, 'data');
  pgTool(bins, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  let running = false;
  const pg: TestPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    start() {
      pgTool(bins, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
      running = true;
    },
    stop(mode = 'fast') {
      if (!running) return;
      running = false;
      pgTool(bins, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
    },
    destroy() {
      try {
        pg.stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  pg.start();
  return pg;
}

export interface TestRedis {
  url: string;
  port: number;
  /** SIGKILL (a crash) or SIGTERM; resolves once the process is gone */
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** redis-server on a free loopback port, no persistence, working dir in a temp dir. */
export async function startRedis(bins: EngineBinaries): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-redis-'));
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      const child = spawn(bins.redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      proc = child;
      await new Promise<void>((resolveReady, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 15_000);
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (/Ready to accept connections/i.test(out)) {
            clearTimeout(timer);
            resolveReady();
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited (${code}): ${out}`));
        });
      });
    },
    async stop(signal = 'SIGKILL') {
      const child = proc;
      proc = null;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(killer);
    },
    async destroy() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
