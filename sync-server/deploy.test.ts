// The shipped scale-out deployment (deploy/scale-out): the compose file's services and their wiring, checked from
// the parsed YAML; and the shipped nginx.conf, validated by `nginx -t` and then run for real in front of two
// instances on real PostgreSQL and Redis (the only change: the compose service names and the listen port become
// loopback addresses). Without Docker, this is as far as the deployment can be exercised here.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './server';
import { provider, sameState, startInstance } from './scaleOutHelpers';
import { describeWithEngines, freePort, startPostgres, startRedis, type TestPostgres, type TestRedis } from './testEngines';
import { makeToken, REPO_ROOT, tempDir, waitFor } from './testHelpers';

const DEPLOY = join(REPO_ROOT, 'deploy/scale-out');
const NGINX_CONF = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
  volumes?: string[];
  stop_signal?: string;
}

const compose = load(readFileSync(join(DEPLOY, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const upstreams = Array.from(NGINX_CONF.matchAll(/^\s*server\s+([\w.-]+):(\d+)\b/gm), (m) => ({ host: m[1]!, port: Number(m[2]) }));

describe('deploy/scale-out/docker-compose.yml', () => {
  const services = compose.services;
  const syncNames = Object.keys(services).filter((n) => services[n]?.command?.includes('sync-server/cli.ts'));

  it('runs PostgreSQL, Redis, nginx and two sync instances', () => {
    expect(Object.keys(services).sort()).toEqual(['nginx', 'postgres', 'redis', 'sync-a', 'sync-b']);
    expect(syncNames.sort()).toEqual(['sync-a', 'sync-b']);
  });

  it('gives every instance the same secret, store and Redis, each its own data volume, and drains on SIGTERM', () => {
    const envs = syncNames.map((n) => services[n]!.environment ?? {});
    for (const env of envs) {
      expect(env.RAPPORTEUR_SECRET).toMatch(/^\$\{RAPPORTEUR_SECRET:\?/); // required, from the operator's secret store
      expect(env.RAPPORTEUR_STORE).toMatch(/^postgres:\/\/rapporteur:.*@postgres:5432\/rapporteur$/);
      expect(env.RAPPORTEUR_REDIS).toBe('redis://redis:6379');
    }
    expect(new Set(envs.map((e) => JSON.stringify(e))).size).toBe(1);
    expect(new Set(syncNames.map((n) => JSON.stringify(services[n]!.volumes))).size).toBe(syncNames.length);
    for (const n of syncNames) expect(services[n]!.stop_signal).toBe('SIGTERM');
    const pg = services.postgres!.environment ?? {};
    expect([pg.POSTGRES_USER, pg.POSTGRES_DB]).toEqual(['rapporteur', 'rapporteur']);
  });

  it('health-checks each instance on /healthz of the port it listens on, after PostgreSQL is healthy', () => {
    for (const n of syncNames) {
      const s = services[n]!;
      const port = s.command![s.command!.indexOf('--port') + 1];
      expect(s.command).toContain('0.0.0.0');
      expect(s.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/healthz`);
      expect(s.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    }
    expect(services.postgres!.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('publishes only the load balancer, whose upstreams are exactly the instances on their port', () => {
    for (const [name, s] of Object.entries(services)) if (name !== 'nginx') expect(s.ports, name).toBeUndefined();
    expect(services.nginx!.ports).toEqual(['8080:80']);
    expect(services.nginx!.volumes).toContain('./nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    const expected = syncNames.map((n) => ({ host: n, port: Number(services[n]!.command![services[n]!.command!.indexOf('--port') + 1]) }));
    expect(upstreams).toEqual(expected);
  });

  it('builds the image the instances run from the Dockerfile beside it', () => {
    for (const n of syncNames) expect(services[n]!.build).toEqual({ context: '../..', dockerfile: 'deploy/scale-out/Dockerfile' });
    expect(existsSync(join(DEPLOY, 'Dockerfile'))).toBe(true);
  });
});

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;

/** The shipped site config inside a minimal main config, with its upstreams and listen port on loopback. */
function nginxConfig(dir: string, lbPort: number, ports: [number, number]): string {
  const site = NGINX_CONF.replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${lbPort};`)
    .replace(/server sync-a:4321/, `server 127.0.0.1:${ports[0]}`)
    .replace(/server sync-b:4321/, `server 127.0.0.1:${ports[1]}`);
  writeFileSync(join(dir, 'site.conf'), site);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d), { recursive: true });
  const main = `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`;
  writeFileSync(join(dir, 'nginx.conf'), main);
  return join(dir, 'nginx.conf');
}

if (!NGINX && process.env.CI) throw new Error('CI requires nginx (nginx-light) for deploy/scale-out/nginx.conf');
if (!NGINX) console.warn('[skipped] nginx in front of two instances: nginx not installed (apt-get install nginx-light)');

describeWithEngines('deploy/scale-out/nginx.conf in front of two instances', (bins) => {
  let pg: TestPostgres;
  let redis: TestRedis;
  let instances: RunningServer[] = [];
  let nginx: ChildProcess | null = null;
  let lbPort = 0;
  const dir = tempDir('rapporteur-nginx-');
  const editor = makeToken({ ws: 'ws1', role: 'editor' });

  beforeAll(async () => {
    if (!NGINX) return;
    pg = await startPostgres(bins);
    redis = await startRedis(bins);
    instances = [await startInstance(pg, redis), await startInstance(pg, redis)];
    lbPort = await freePort();
    const conf = nginxConfig(dir.path, lbPort, [instances[0]!.port, instances[1]!.port]);
    const check = spawnSync(NGINX, ['-t', '-p', dir.path, '-c', conf], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
    nginx = spawn(NGINX, ['-p', dir.path, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${lbPort}/healthz`).catch(() => null))?.ok === true, 10_000, 'nginx up');
  }, 120_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const i of instances) await i.close().catch(() => {});
    await redis?.destroy();
    pg?.destroy();
    dir.remove();
  });

  it.skipIf(!NGINX)('passes nginx -t, proxies /healthz, hides /metrics, spreads websocket clients over both instances that co-edit', async () => {
    expect((await fetch(`http://127.0.0.1:${lbPort}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${lbPort}/metrics`)).status).toBe(404);
    const lb = `ws://127.0.0.1:${lbPort}`;
    const clients = [0, 1, 2, 3].map(() => provider(lb, 'ws1/lb', editor));
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), 15_000, 'all synced through nginx');
      // least_conn: the four open connections are spread over both instances
      const open = await Promise.all(instances.map(async (i) => Number(/^rapporteur_connections (\d+)/m.exec(await (await fetch(`${i.httpUrl}/metrics`)).text())?.[1])));
      expect(open.every((n) => n > 0)).toBe(true);
      clients.forEach((c, n) => c.doc.getArray('n').push([n]));
      await waitFor(() => clients.every((c) => c.doc.getArray('n').length === 4 && sameState(c.doc, clients[0]!.doc)), 10_000, 'convergence through nginx');
    } finally {
      clients.forEach((c) => c.provider.destroy());
    }
  });

  it.skipIf(!NGINX)('sends new clients to the instance that is still up when one is stopped', async () => {
    await instances[0]!.close();
    const lb = `ws://127.0.0.1:${lbPort}`;
    const clients = [0, 1, 2].map(() => provider(lb, 'ws1/failover', editor));
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), 15_000, 'synced through nginx with one instance down');
      clients[0]!.doc.getText('t').insert(0, 'still served');
      await waitFor(() => clients.every((c) => c.doc.getText('t').toString() === 'still served'), 10_000, 'edit through the remaining instance');
    } finally {
      clients.forEach((c) => c.provider.destroy());
    }
  });
});
