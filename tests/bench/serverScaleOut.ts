// Scale-out benchmark (part of `npm run bench -- server`; `BENCH_ONLY=scaleout` runs just this part). Same load
// as server_fanout / server_throughput (200 clients over 50 documents), against, in one run:
//   sqlite      one instance on SQLite (synchronous=FULL): the floor
//   postgres    one instance on PostgreSQL (no Redis)
//   scaleout    two instances on PostgreSQL + Redis; each document's 4 clients split 2 + 2 across the instances
// Emits updates/s, fan-out p50/p99 (for scaleout: deliveries across instances, and within one), CPU time per
// update (process_cpu_seconds_total of every instance / updates committed: over both phases, and for the paced and
// the saturated phase apart), the ratios to the single SQLite instance and of scaleout to one PostgreSQL instance
// (target <= 1.3x), websocket messages sent per update, and PostgreSQL commit latency p99
// (rapporteur_persist_seconds histogram). PostgreSQL and Redis are started from the Debian packages on temp dirs
// (sync-server/engines.ts); without them this part reports `skipped`.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEngines, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../../sync-server/engines';
import { signToken } from '../../sync-server/token';
import {
  BenchClient,
  clientLoopDelay,
  CLIENTS,
  DOCS,
  emit,
  LATENCY_RATE_PER_CLIENT,
  LATENCY_SECONDS,
  percentile,
  PREPARED_UPDATES_PER_CLIENT,
  round,
  SECRET,
  sendTimes,
  sleep,
  startProcess,
  stop,
  throughput,
  type Target,
} from './server';

interface Instance {
  proc: ChildProcess;
  url: string;
  httpUrl: string;
}

async function startInstance(dataDir: string, extra: string[]): Promise<Instance> {
  const { proc, port } = await startProcess(
    ['sync-server/cli.ts', '--port', '0', '--data', dataDir, '--max-conn-per-ip', '100000', ...extra],
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
  return { proc, url: `ws://127.0.0.1:${port}`, httpUrl: `http://127.0.0.1:${port}` };
}

async function scrape(instance: Instance): Promise<Map<string, number>> {
  const text = await (await fetch(`${instance.httpUrl}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const at = line.lastIndexOf(' ');
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return values;
}

/** p99 from a cumulative Prometheus histogram: the smallest bucket bound holding 99% of observations. */
function histogramP99(values: Map<string, number>, name: string): number {
  const count = values.get(`${name}_count`) ?? 0;
  const bounds = Array.from(values.entries())
    .filter(([k]) => k.startsWith(`${name}_bucket{le="`) && !k.includes('+Inf'))
    .map(([k, v]) => ({ le: Number(k.slice(`${name}_bucket{le="`.length, -2)), v }))
    .sort((a, b) => a.le - b.le);
  return bounds.find((b) => b.v >= 0.99 * count)?.le ?? Infinity;
}

interface Deployment {
  name: 'sqlite' | 'postgres' | 'scaleout';
  instances: Instance[];
}

const token = () =>
  signToken({ ws: 'bench', role: 'editor', name: 'bench', sub: 'bench', exp: Math.floor(Date.now() / 1000) + 86_400 }, Buffer.from(SECRET));

async function run(deployment: Deployment): Promise<Record<string, number>> {
  const t = token();
  const clients: BenchClient[] = [];
  const instanceOf = new Map<BenchClient, number>();
  for (let i = 0; i < CLIENTS; i++) {
    // client i edits doc i % DOCS; the 4 clients of a doc are split 2 + 2 over two instances
    const inst = Math.floor(i / DOCS) % deployment.instances.length;
    const c = new BenchClient(`${deployment.instances[inst]!.url}/bench/doc${i % DOCS}?token=${t}`, PREPARED_UPDATES_PER_CLIENT);
    clients.push(c);
    instanceOf.set(c, inst);
    await c.opened();
  }
  await sleep(500);
  const before = await Promise.all(deployment.instances.map(scrape));
  try {
    // Paced load, as server_fanout: each delivery classified as across instances or within one.
    const senderInstance = new Map<number, number>();
    const across: number[] = [];
    const within: number[] = [];
    for (const c of clients) {
      const mine = instanceOf.get(c) ?? 0;
      c.onDelivery = (key) => {
        const sent = sendTimes.get(key);
        if (sent === undefined) return;
        (senderInstance.get(key) === mine ? within : across).push(performance.now() - sent);
      };
    }
    const interval = 1000 / LATENCY_RATE_PER_CLIENT;
    const loop = clientLoopDelay();
    const timers: NodeJS.Timeout[] = [];
    clients.forEach((c, i) => {
      timers.push(
        setTimeout(() => {
          timers.push(setInterval(() => senderInstance.set(c.sendUpdate(), instanceOf.get(c) ?? 0), interval));
        }, (i * interval) / CLIENTS),
      );
    });
    await sleep(LATENCY_SECONDS * 1000);
    timers.forEach((x) => clearInterval(x));
    await sleep(500);
    clients.forEach((c) => (c.onDelivery = null));
    const delay = loop.stop();
    const paced = await Promise.all(deployment.instances.map(scrape));
    const target: Target = { name: deployment.name, url: deployment.instances[0]!.url, proc: deployment.instances[0]!.proc, query: () => '' };
    const tp = await throughput(target, clients);
    const after = await Promise.all(deployment.instances.map(scrape));
    const sum = (snap: Array<Map<string, number>>, name: string) => snap.reduce((n, m) => n + (m.get(name) ?? 0), 0);
    const cpu = sum(after, 'process_cpu_seconds_total') - sum(before, 'process_cpu_seconds_total');
    const updates = sum(after, 'rapporteur_persisted_updates_total') - sum(before, 'rapporteur_persisted_updates_total');
    const pacedCpu = sum(paced, 'process_cpu_seconds_total') - sum(before, 'process_cpu_seconds_total');
    const pacedUpdates = sum(paced, 'rapporteur_persisted_updates_total') - sum(before, 'rapporteur_persisted_updates_total');
    const saturatedCpu = sum(after, 'process_cpu_seconds_total') - sum(paced, 'process_cpu_seconds_total');
    const saturatedUpdates = sum(after, 'rapporteur_persisted_updates_total') - sum(paced, 'rapporteur_persisted_updates_total');
    across.sort((a, b) => a - b);
    within.sort((a, b) => a - b);
    const lat = deployment.instances.length > 1 ? across : within;
    return {
      updates_per_s: Number(tp.updates_per_s),
      p50_ms: round(percentile(lat, 50)),
      p99_ms: round(percentile(lat, 99)),
      within_p50_ms: round(percentile(within, 50)),
      within_p99_ms: round(percentile(within, 99)),
      deliveries: lat.length,
      cpu_us_per_update: round((cpu / updates) * 1e6, 1),
      paced_cpu_us_per_update: round((pacedCpu / pacedUpdates) * 1e6, 1),
      saturated_cpu_us_per_update: round((saturatedCpu / saturatedUpdates) * 1e6, 1),
      // websocket messages sent per committed update, over every instance (3 = one to each other client of its doc)
      messages_out_per_update: round((sum(after, 'rapporteur_messages_out_total') - sum(before, 'rapporteur_messages_out_total')) / updates, 2),
      // the histogram's bucket bound; beyond its last bucket (2.5 s) reported as 2500+ (Infinity -> null in JSON)
      commit_p99_ms: Math.max(...after.map((m) => histogramP99(m, 'rapporteur_persist_seconds'))) * 1000,
      // measured by the server (scaleout only): publish on one instance -> handling on the other
      ...(deployment.instances.length > 1 ? { redis_transit_p99_ms: Math.max(...paced.map((m) => histogramP99(m, 'rapporteur_fanout_transit_seconds'))) * 1000 } : {}),
      // this process (the 200 clients) was late by this much: part of every latency above
      client_loop_delay_p99_ms: delay.p99_ms,
      redis_records_per_message: round(
        (sum(after, 'rapporteur_redis_published_total') - sum(before, 'rapporteur_redis_published_total')) /
          Math.max(1, sum(after, 'rapporteur_redis_messages_total') - sum(before, 'rapporteur_redis_messages_total')),
        2,
      ),
      incomplete: Number(tp.deliveries) === Number(tp.deliveries_expected) ? 0 : 1,
      store_rereads: sum(after, 'rapporteur_fanout_resyncs_total') - sum(before, 'rapporteur_fanout_resyncs_total'),
      redis_publish_failures: sum(after, 'rapporteur_redis_publish_failures_total') - sum(before, 'rapporteur_redis_publish_failures_total'),
    };
  } finally {
    clients.forEach((c) => c.ws.terminate());
    sendTimes.clear();
  }
}

export async function scaleOutBenches(): Promise<void> {
  const engines = findEngines();
  if (!engines.ok) {
    emit({ bench: 'server_scaleout', skipped: engines.reason });
    return;
  }
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  let pg: TestPostgres | null = null;
  let redis: TestRedis | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-scaleout-'));
  const results: Record<Deployment['name'], Array<Record<string, number>>> = { sqlite: [], postgres: [], scaleout: [] };
  try {
    pg = await startPostgres(engines.bins);
    redis = await startRedis(engines.bins);
    let n = 0;
    // Rounds interleave the three deployments, so load from elsewhere on the machine hits all of them.
    // BENCH_DEPLOYMENTS=scaleout (comma-separated) runs only some, e.g. to profile them (BENCH_NODE_ARGS).
    const only = (process.env.BENCH_DEPLOYMENTS ?? 'sqlite,postgres,scaleout').split(',');
    for (let r = 1; r <= rounds; r++) {
      for (const name of (['sqlite', 'postgres', 'scaleout'] as const).filter((d) => only.includes(d))) {
        const instances: Instance[] = [];
        try {
          const dir = () => join(dataDir, `d${n++}`);
          if (name === 'sqlite') instances.push(await startInstance(dir(), []));
          else if (name === 'postgres') instances.push(await startInstance(dir(), ['--store', pg.url]));
          else for (let i = 0; i < 2; i++) instances.push(await startInstance(dir(), ['--store', pg.url, '--redis', redis.url]));
          const result = await run({ name, instances });
          const load = round(loadavg()[0] ?? 0, 2);
          results[name].push({ ...result, loadavg_1m: load });
          emit({ bench: 'server_scaleout_run', round: r, deployment: name, ...result, loadavg_1m: load });
        } finally {
          for (const i of instances) await stop(i.proc);
        }
      }
    }
  } finally {
    await redis?.destroy();
    pg?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const median = (name: Deployment['name'], key: string) => {
    const xs = results[name].map((x) => x[key] ?? NaN).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)] ?? NaN;
  };
  const sqliteUps = median('sqlite', 'updates_per_s');
  const sqliteCpu = median('sqlite', 'cpu_us_per_update');
  const pgCpu = median('postgres', 'cpu_us_per_update');
  for (const name of (['sqlite', 'postgres', 'scaleout'] as const).filter((d) => results[d].length > 0)) {
    emit({
      bench: 'server_scaleout',
      deployment: name,
      instances: name === 'scaleout' ? 2 : 1,
      store: name === 'sqlite' ? 'sqlite (synchronous=FULL)' : 'postgresql',
      fanout: name === 'scaleout' ? 'redis' : null,
      clients: CLIENTS,
      docs: DOCS,
      rounds,
      updates_per_s: median(name, 'updates_per_s'),
      updates_per_s_ratio_to_sqlite: round(median(name, 'updates_per_s') / sqliteUps, 2),
      // scaleout: deliveries to a client on the other instance than the sender's (through Redis)
      fanout_p50_ms: median(name, 'p50_ms'),
      fanout_p99_ms: median(name, 'p99_ms'),
      ...(name === 'scaleout' ? { fanout_p99_target_ms: 10, same_instance_p99_ms: median(name, 'within_p99_ms') } : {}),
      cpu_us_per_update: median(name, 'cpu_us_per_update'),
      cpu_ratio_to_sqlite: round(median(name, 'cpu_us_per_update') / sqliteCpu, 2),
      // the two phases apart: paced (1,000 updates/s: each update its own commit, Redis message and wake-ups) and
      // saturated (the throughput phase: the regime in which instances are added, so the per-update cost that decides
      // scaling on a larger machine)
      paced_cpu_us_per_update: median(name, 'paced_cpu_us_per_update'),
      saturated_cpu_us_per_update: median(name, 'saturated_cpu_us_per_update'),
      ...(name === 'scaleout'
        ? {
            cpu_ratio_to_one_postgres_instance: round(median(name, 'cpu_us_per_update') / pgCpu, 2),
            paced_cpu_ratio_to_one_postgres_instance: round(median(name, 'paced_cpu_us_per_update') / median('postgres', 'paced_cpu_us_per_update'), 2),
            saturated_cpu_ratio_to_one_postgres_instance: round(median(name, 'saturated_cpu_us_per_update') / median('postgres', 'saturated_cpu_us_per_update'), 2),
            cpu_ratio_target: 1.3,
          }
        : {}),
      commit_p99_ms: median(name, 'commit_p99_ms'),
      ...(name === 'scaleout' ? { redis_transit_p99_ms: median(name, 'redis_transit_p99_ms'), redis_records_per_message: median(name, 'redis_records_per_message') } : {}),
      client_loop_delay_p99_ms: median(name, 'client_loop_delay_p99_ms'),
      loadavg_1m_each_round: results[name].map((x) => x.loadavg_1m),
      incomplete_runs: results[name].reduce((n, x) => n + (x.incomplete ?? 0), 0),
    });
  }
}
