// Sync server benchmark: `npx tsx tests/bench/server.ts` prints one JSON object per line.
//   server_fanout      200 clients over 50 docs (4 per doc), paced load; send -> receipt at the other 3 clients
//   server_throughput  same clients, each keeping a window of unacknowledged updates; updates/s through one process
//   (against our server persisting to SQLite with synchronous=FULL, the same with NORMAL, and the stock
//    @y/websocket-server 0.1.1 in memory; BENCH_ROUNDS rounds (default 3) interleave the three, medians are
//    reported; ratios are ours / stock)
//   server_compaction  automerge-paper trace: 259,778 single-character updates stored separately, then compacted
// Servers run in child processes; the clients share this process (raw ws clients speaking y-protocols).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../common/syncProtocol';
import { compactStored } from '../../sync-server/storage/compaction';
import { SqliteDocStore } from '../../sync-server/storage/sqliteDocStore.mjs';
import { signToken } from '../../sync-server/token';
import { documentDocName } from '../../common/rooms';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TRACE = resolve(repoRoot, '../shared/bench-data/automerge-paper.json.gz');
export const SECRET = 'bench-secret-bench-secret-bench-secret';
export const CLIENTS = 200;
export const DOCS = 50;
export const LATENCY_RATE_PER_CLIENT = 5; // updates/s per client -> 1,000 updates/s, 3,000 deliveries/s
export const LATENCY_SECONDS = 6;
const THROUGHPUT_UPDATES_PER_CLIENT = 150;
const THROUGHPUT_WINDOW = 8;
export const PREPARED_UPDATES_PER_CLIENT = LATENCY_RATE_PER_CLIENT * (LATENCY_SECONDS + 2) + THROUGHPUT_UPDATES_PER_CLIENT;

export const emit = (obj: Record<string, unknown>) => process.stdout.write(JSON.stringify(obj) + '\n');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round = (n: number, digits = 3) => Number(n.toFixed(digits));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface Target {
  name: string;
  url: string;
  proc: ChildProcess;
  query: (docIndex: number) => string;
}

export function startProcess(args: string[], env: NodeJS.ProcessEnv, isReady: (line: string) => number | null): Promise<{ proc: ChildProcess; port: number }> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof") is passed to the server processes, for profiling.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveStart, reject) => {
    let buf = '';
    let errBuf = '';
    let ready = false;
    // Keep draining both pipes: a child blocked on a full stdout pipe would skew the numbers.
    proc.stderr!.on('data', (c: Buffer) => (errBuf = (errBuf + c.toString()).slice(-4000)));
    proc.stdout!.on('data', (c: Buffer) => {
      if (ready) return;
      buf += c.toString();
      for (const line of buf.split('\n')) {
        const port = isReady(line);
        if (port !== null) {
          ready = true;
          resolveStart({ proc, port });
          return;
        }
      }
    });
    proc.on('exit', (code) => {
      if (!ready) reject(new Error(`${args.join(' ')} exited with ${code}: ${errBuf}`));
    });
  });
}

async function startOurs(dataDir: string, sync: 'full' | 'normal' = 'full'): Promise<Target> {
  const { proc, port } = await startProcess(
    ['sync-server/cli.ts', '--port', '0', '--data', dataDir, '--max-conn-per-ip', '100000', '--sync', sync],
    { RAPPORTEUR_SECRET: SECRET },
    (line) => {
      try {
        const e = JSON.parse(line) as { event?: string; url?: string };
        return e.event === 'listening' && e.url ? Number(new URL(e.url).port) : null;
      } catch {
        return null;
      }
    },
  );
  const token = signToken(
    { ws: 'bench', role: 'editor', name: 'bench', sub: 'bench', exp: Math.floor(Date.now() / 1000) + 86_400 },
    Buffer.from(SECRET),
  );
  const name = sync === 'full' ? 'rapporteur' : 'rapporteur_sync_normal';
  return { name, url: `ws://127.0.0.1:${port}`, proc, query: (d) => `/bench/doc${d}?token=${token}` };
}

async function startStock(): Promise<Target> {
  const { proc, port } = await startProcess(['tests/bench/serverStock.ts'], {}, (line) => {
    try {
      const e = JSON.parse(line) as { event?: string; port?: number };
      return e.event === 'listening' && e.port ? e.port : null;
    } catch {
      return null;
    }
  });
  return { name: 'stock', url: `ws://127.0.0.1:${port}`, proc, query: (d) => `/bench/doc${d}` };
}

/**
 * This (client) process's event-loop delay while measuring: a delivery is timed when this loop gets to it, so a
 * late loop (the 200 clients share it, and the machine's other load) adds to every latency reported. Reported
 * beside the latencies, so the server's part can be told from the clients'.
 */
export function clientLoopDelay(): { stop(): { p50_ms: number; p99_ms: number } } {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  return {
    stop() {
      h.disable();
      return { p50_ms: round(h.percentile(50) / 1e6), p99_ms: round(h.percentile(99) / 1e6) };
    },
  };
}

/** Send time of each update by (client id, clock) of its first struct. */
export const sendTimes = new Map<number, number>();
const keyOf = (client: number, clock: number) => client * 1_000_000 + clock;

export class BenchClient {
  private readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  /** Update frames made before the run (appends to the client's own array), so sending costs one ws.send. */
  private readonly frames: Uint8Array[] = [];
  private readonly keys: number[] = [];
  private next = 0;
  latencies: number[] | null = null;
  onDelivery: ((key: number) => void) | null = null;
  deliveries = 0;

  constructor(url: string, updates: number) {
    const log = this.doc.getArray<number>('log');
    for (let i = 0; i < updates; i++) {
      const sv = Y.encodeStateVector(this.doc);
      log.push([i]);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(this.doc, sv));
      this.frames.push(encoding.toUint8Array(encoder));
      this.keys.push(keyOf(this.doc.clientID, i));
    }
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('message', (data: Buffer) => this.onMessage(data));
    this.ws.on('error', () => {});
  }

  opened(): Promise<void> {
    return new Promise((res, rej) => {
      this.ws.once('open', () => res());
      this.ws.once('error', rej);
    });
  }

  /** Valid on its own (it only appends to this client's array), so the client never applies others' updates. */
  sendUpdate(): number {
    const i = this.next++;
    if (i >= this.frames.length) throw new Error('bench client ran out of prepared updates');
    sendTimes.set(this.keys[i], performance.now());
    this.ws.send(this.frames[i]);
    return this.keys[i];
  }

  private onMessage(data: Buffer): void {
    const now = performance.now();
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      // The prepared updates must reach the server one by one, so answer as a client that has nothing yet.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeSyncStep2(encoder, new Y.Doc(), decoding.readVarUint8Array(decoder));
      this.ws.send(encoding.toUint8Array(encoder));
      return;
    }
    if (step !== syncProtocol.messageYjsUpdate) return;
    // Update v1: numClients, then per client: numStructs, client, clock.
    const update = decoding.readVarUint8Array(decoder);
    const u = decoding.createDecoder(update);
    if (decoding.readVarUint(u) < 1) return;
    decoding.readVarUint(u);
    const client = decoding.readVarUint(u);
    if (client === this.doc.clientID) return; // the stock server echoes updates to their sender
    const clock = decoding.readVarUint(u);
    const key = keyOf(client, clock);
    const sent = sendTimes.get(key);
    if (sent === undefined) return;
    this.deliveries += 1;
    this.latencies?.push(now - sent);
    this.onDelivery?.(key);
  }
}

async function connectAll(target: Target): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const c = new BenchClient(target.url + target.query(i % DOCS), PREPARED_UPDATES_PER_CLIENT);
    clients.push(c);
    await c.opened();
  }
  await sleep(500); // initial sync exchanges settle
  return clients;
}

async function fanout(target: Target, clients: BenchClient[]): Promise<Record<string, unknown>> {
  const latencies: number[] = [];
  const loop = clientLoopDelay();
  clients.forEach((c) => (c.latencies = latencies));
  const interval = 1000 / LATENCY_RATE_PER_CLIENT;
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  clients.forEach((c, i) => {
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          c.sendUpdate();
          sent += 1;
        }, interval),
      );
    }, (i * interval) / CLIENTS);
    timers.push(start);
  });
  await sleep(LATENCY_SECONDS * 1000);
  timers.forEach((t) => clearInterval(t));
  await sleep(500);
  clients.forEach((c) => (c.latencies = null));
  const delay = loop.stop();
  const expected = sent * (CLIENTS / DOCS - 1);
  latencies.sort((a, b) => a - b);
  return {
    bench: 'server_fanout',
    server: target.name,
    clients: CLIENTS,
    docs: DOCS,
    updates_per_s_offered: CLIENTS * LATENCY_RATE_PER_CLIENT,
    updates_sent: sent,
    deliveries: latencies.length,
    deliveries_missing: expected - latencies.length,
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies[latencies.length - 1] ?? NaN),
    client_loop_delay_p99_ms: delay.p99_ms,
  };
}

export async function throughput(target: Target, clients: BenchClient[]): Promise<Record<string, unknown>> {
  const perDoc = CLIENTS / DOCS;
  const total = CLIENTS * THROUGHPUT_UPDATES_PER_CLIENT;
  const expectedDeliveries = total * (perDoc - 1);
  let deliveries = 0;
  let lastDelivery = 0;
  const outstanding = new Map<number, BenchClient>();
  const remaining = new Map<BenchClient, number>(clients.map((c) => [c, THROUGHPUT_UPDATES_PER_CLIENT]));
  const inFlight = new Map<BenchClient, number>(clients.map((c) => [c, 0]));
  const pump = (c: BenchClient) => {
    while ((inFlight.get(c) ?? 0) < THROUGHPUT_WINDOW && (remaining.get(c) ?? 0) > 0) {
      outstanding.set(c.sendUpdate(), c);
      inFlight.set(c, (inFlight.get(c) ?? 0) + 1);
      remaining.set(c, (remaining.get(c) ?? 0) - 1);
    }
  };
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => (finish = r));
  for (const c of clients) {
    c.onDelivery = (key) => {
      deliveries += 1;
      lastDelivery = performance.now();
      // The first receipt by another client acknowledges the update to its sender.
      const sender = outstanding.get(key);
      if (sender) {
        outstanding.delete(key);
        inFlight.set(sender, (inFlight.get(sender) ?? 1) - 1);
        pump(sender);
      }
      if (deliveries >= expectedDeliveries) finish();
    };
  }
  const started = performance.now();
  clients.forEach(pump);
  await Promise.race([done, sleep(120_000)]);
  clients.forEach((c) => (c.onDelivery = null));
  const seconds = (lastDelivery - started) / 1000;
  return {
    bench: 'server_throughput',
    server: target.name,
    clients: CLIENTS,
    docs: DOCS,
    window: THROUGHPUT_WINDOW,
    updates: total,
    deliveries,
    deliveries_expected: expectedDeliveries,
    seconds: round(seconds),
    updates_per_s: Math.round(total / seconds),
    deliveries_per_s: Math.round(deliveries / seconds),
  };
}

async function runAgainst(target: Target): Promise<RunResult> {
  const clients = await connectAll(target);
  try {
    const f = await fanout(target, clients);
    const t = await throughput(target, clients);
    return { fanout: f, throughput: t, persist: target.name === 'stock' ? null : await persistStats(target) };
  } finally {
    clients.forEach((c) => c.ws.terminate());
    sendTimes.clear();
  }
}

interface RunResult {
  fanout: Record<string, unknown>;
  throughput: Record<string, unknown>;
  persist: Record<string, unknown> | null;
}

/** Commit latency as the server measured it (histogram from /metrics). */
export async function persistStats(target: Target): Promise<Record<string, unknown>> {
  const text = await (await fetch(target.url.replace('ws:', 'http:') + '/metrics')).text();
  const value = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(name + ' '));
    return line ? Number(line.slice(name.length + 1)) : NaN;
  };
  const count = value('rapporteur_persist_seconds_count');
  return {
    commits: count,
    updates_persisted: value('rapporteur_persisted_updates_total'),
    mean_commit_ms: round((value('rapporteur_persist_seconds_sum') / count) * 1000),
    commits_under_1ms: round(value('rapporteur_persist_seconds_bucket{le="0.001"}') / count),
    commits_under_5ms: round(value('rapporteur_persist_seconds_bucket{le="0.005"}') / count),
    // the smallest histogram bucket bound holding 99% of commits
    commit_p99_ms: (() => {
      for (const le of ['0.0005', '0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5'])
        if (value(`rapporteur_persist_seconds_bucket{le="${le}"}`) >= 0.99 * count) return Number(le) * 1000;
      return null;
    })(),
  };
}

export async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function compactionBench(): Promise<void> {
  if (!existsSync(TRACE)) {
    emit({ bench: 'server_compaction', skipped: `trace not found at ${TRACE}` });
    return;
  }
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8')) as {
    startContent: string;
    endContent: string;
    txns: Array<{ patches: Array<[number, number, string]> }>;
  };
  const doc = new Y.Doc({ gc: false });
  const text = doc.getText('body');
  if (trace.startContent) text.insert(0, trace.startContent);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const txn of trace.txns) {
    for (const [pos, del, ins] of txn.patches) {
      doc.transact(() => {
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'));
  const store = new SqliteDocStore(join(dir, 'bench.sqlite'));
  try {
    const name = documentDocName('bench', 'automerge-paper');
    const storeStarted = performance.now();
    for (let i = 0; i < updates.length; i += 10_000) {
      await store.append(updates.slice(i, i + 10_000).map((update) => ({ docName: name, update })));
    }
    const storeMs = performance.now() - storeStarted;
    const started = performance.now();
    const result = await compactStored(store, name);
    const compactMs = performance.now() - started;
    // Check the compacted state, and time what a loaded room pays to compact a doc of this size.
    const restored = new Y.Doc({ gc: false });
    Y.applyUpdate(restored, (await store.load(name)).state!);
    const correct = restored.getText('body').toString() === trace.endContent;
    const loadedStarted = performance.now();
    const state = Y.encodeStateAsUpdate(restored);
    await store.compact(name, state, result.uptoSeq);
    const loadedMs = performance.now() - loadedStarted;
    emit({
      bench: 'server_compaction',
      trace: 'automerge-paper',
      updates: result.updatesFolded,
      update_bytes: updates.reduce((n, u) => n + u.byteLength, 0),
      store_ms: Math.round(storeMs),
      compact_ms: Math.round(compactMs),
      load_ms: Math.round(result.ms.load),
      replay_ms: Math.round(result.ms.replay),
      encode_ms: Math.round(result.ms.encode),
      write_ms: Math.round(result.ms.write),
      state_bytes: result.stateBytes,
      content_matches: correct,
      loaded_doc_compact_ms: Math.round(loadedMs),
      loadavg_1m: round(loadavg()[0], 2),
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const num = (r: Record<string, unknown> | null, key: string) => Number(r?.[key]);

async function serverBenches(rounds: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-data-'));
  const kinds = ['rapporteur', 'rapporteur_sync_normal', 'stock'] as const;
  const runs: Record<(typeof kinds)[number], RunResult[]> = { rapporteur: [], rapporteur_sync_normal: [], stock: [] };
  try {
    // Rounds interleave the three servers, so a burst of load from elsewhere on the machine hits all of them.
    for (let r = 1; r <= rounds; r++) {
      for (const kind of kinds) {
        const target =
          kind === 'stock' ? await startStock() : await startOurs(join(dataDir, `${kind}-${r}`), kind === 'rapporteur' ? 'full' : 'normal');
        try {
          const result = await runAgainst(target);
          runs[kind].push(result);
          emit({
            bench: 'server_run',
            round: r,
            server: kind,
            p50_ms: result.fanout.p50_ms,
            p99_ms: result.fanout.p99_ms,
            updates_per_s: result.throughput.updates_per_s,
            mean_commit_ms: result.persist?.mean_commit_ms,
            commit_p99_ms: result.persist?.commit_p99_ms,
            client_loop_delay_p99_ms: result.fanout.client_loop_delay_p99_ms,
            loadavg_1m: round(loadavg()[0], 2),
          });
        } finally {
          await stop(target.proc);
        }
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const summary = (kind: (typeof kinds)[number]) => {
    const rs = runs[kind];
    const p50 = rs.map((x) => num(x.fanout, 'p50_ms'));
    const p99 = rs.map((x) => num(x.fanout, 'p99_ms'));
    const ups = rs.map((x) => num(x.throughput, 'updates_per_s'));
    return { p50: median(p50), p99: median(p99), ups: median(ups), p99s: p99, upss: ups, missing: rs.reduce((n, x) => n + num(x.fanout, 'deliveries_missing'), 0), incomplete: rs.filter((x) => num(x.throughput, 'deliveries') !== num(x.throughput, 'deliveries_expected')).length };
  };
  for (const kind of kinds) {
    const m = summary(kind);
    emit({
      bench: 'server_fanout',
      server: kind,
      clients: CLIENTS,
      docs: DOCS,
      updates_per_s_offered: CLIENTS * LATENCY_RATE_PER_CLIENT,
      rounds,
      p50_ms: m.p50,
      p99_ms: m.p99,
      p99_ms_each_round: m.p99s,
      client_loop_delay_p99_ms_each_round: runs[kind].map((x) => x.fanout.client_loop_delay_p99_ms),
      deliveries_missing: m.missing,
    });
    emit({
      bench: 'server_throughput',
      server: kind,
      clients: CLIENTS,
      docs: DOCS,
      window: THROUGHPUT_WINDOW,
      rounds,
      updates_per_s: m.ups,
      updates_per_s_each_round: m.upss,
      incomplete_runs: m.incomplete,
    });
    if (kind !== 'stock') {
      const ps = runs[kind].map((x) => x.persist);
      emit({
        bench: 'server_persist',
        server: kind,
        synchronous: kind === 'rapporteur' ? 'FULL' : 'NORMAL',
        mean_commit_ms: median(ps.map((p) => num(p, 'mean_commit_ms'))),
        commits_under_1ms: median(ps.map((p) => num(p, 'commits_under_1ms'))),
        commits_under_5ms: median(ps.map((p) => num(p, 'commits_under_5ms'))),
        commit_p99_ms: median(ps.map((p) => num(p, 'commit_p99_ms'))),
        updates_per_commit: round(median(ps.map((p) => num(p, 'updates_persisted') / num(p, 'commits'))), 1),
      });
    }
  }
  const stock = summary('stock');
  for (const kind of ['rapporteur', 'rapporteur_sync_normal'] as const) {
    const m = summary(kind);
    emit({
      bench: 'server_vs_stock',
      server: kind,
      throughput_ratio: round(m.ups / stock.ups, 2),
      p50_ratio: round(m.p50 / stock.p50, 2),
      p99_ratio: round(m.p99 / stock.p99, 2),
      note:
        kind === 'rapporteur'
          ? 'ours commits every update to SQLite (WAL, synchronous=FULL: fsynced) before broadcasting; stock keeps docs in memory only'
          : 'ours with synchronous=NORMAL (no fsync per commit: survives a crash, not a power cut), for comparison',
    });
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY; // 'servers', 'compaction' or 'scaleout' runs just that part
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  // Latency figures depend on what else the machine runs (fsync in particular): say so next to them.
  emit({ bench: 'server_env', node: process.version, cpus: cpus().length, loadavg_1m: round(loadavg()[0], 2) });
  if (only === undefined || only === 'servers') await serverBenches(rounds);
  if (only === undefined || only === 'compaction') await compactionBench();
  // Scale-out (PostgreSQL + Redis, 2 instances) against a single SQLite instance in the same run.
  if (only === undefined || only === 'scaleout') await (await import('./serverScaleOut')).scaleOutBenches();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
