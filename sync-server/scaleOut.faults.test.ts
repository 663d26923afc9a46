// A randomized fault schedule in the spirit of Jepsen: 5 stock clients on 2 spawned instances (PostgreSQL +
// Redis), each writing unique items, while a seeded schedule kills (-9) and restarts instances, kills and restarts
// Redis, and disconnects and reconnects clients, for a bounded time. Then everything is healed and we check:
// all clients, a fresh reader on each instance and PostgreSQL hold the same state; every acknowledged edit (one
// some other client received, so a server had committed it) is present; no item is duplicated; and, since clients
// keep their edits offline and resend them, nothing written at all is missing.
// 20 seeds under CI (each 2 s of faults); RAPPORTEUR_FAULT_SEEDS=<n> locally (default 3).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ProcessInstance, provider, sameState, storedDoc } from './scaleOutHelpers';
import { describeWithEngines, startPostgres, startRedis, type TestPostgres, type TestRedis } from './testEngines';
import { makeToken, waitFor } from './testHelpers';

const editor = makeToken({ ws: 'ws1', role: 'editor' });
const SEEDS = Number(process.env.RAPPORTEUR_FAULT_SEEDS ?? (process.env.CI ? 20 : 3));
const FAULT_MS = 2_000;

/** mulberry32: a small seeded PRNG, so a failing seed replays the same schedule. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithEngines('scale-out: randomized fault schedule', (bins) => {
  let pg: TestPostgres;
  let redis: TestRedis;
  let instances: ProcessInstance[] = [];
  beforeAll(async () => {
    pg = await startPostgres(bins);
    redis = await startRedis(bins);
    instances = [await ProcessInstance.create(pg, redis), await ProcessInstance.create(pg, redis)];
  }, 120_000);
  afterAll(async () => {
    for (const i of instances) await i.destroy();
    await redis?.destroy();
    pg?.destroy();
  });

  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}: all replicas and storage converge, every acknowledged edit kept`, async () => {
      const random = prng(seed * 7919);
      const room = `ws1/faults${seed}`;
      const log: string[] = [];
      const clients = [0, 1, 2, 3, 4].map((n) => provider(instances[n % 2]!.url, room, editor));
      const written: string[][] = clients.map(() => []);
      const acknowledged = new Set<string>();
      let redisUp = true;
      const restarting = new Map<ProcessInstance, Promise<void>>();
      try {
        await waitFor(() => clients.every((c) => c.provider.synced), 15_000, 'clients synced');
        const end = Date.now() + FAULT_MS;
        let nextFault = Date.now() + 200 + random() * 300;
        let tick = 0;
        while (Date.now() < end) {
          clients.forEach((c, n) => {
            if (random() < 0.6) {
              const item = `c${n}-${written[n]!.length}`;
              written[n]!.push(item);
              c.doc.getArray<string>('items').push([item]);
            }
          });
          if (++tick % 5 === 0)
            clients.forEach((c, n) => {
              for (const item of c.doc.getArray<string>('items')) if (!item.startsWith(`c${n}-`)) acknowledged.add(item);
            });
          if (Date.now() >= nextFault) {
            nextFault = Date.now() + 150 + random() * 450;
            const r = random();
            const inst = instances[Math.floor(random() * 2)]!;
            if (r < 0.3) {
              if (inst.running && !restarting.has(inst)) {
                log.push(`kill ${inst.port}`);
                await inst.kill();
              } else if (!restarting.has(inst)) {
                log.push(`start ${inst.port}`);
                restarting.set(inst, inst.start().finally(() => restarting.delete(inst)));
              }
            } else if (r < 0.5) {
              log.push(redisUp ? 'redis kill' : 'redis start');
              if (redisUp) await redis.stop('SIGKILL');
              else await redis.start();
              redisUp = !redisUp;
            } else {
              const c = clients[Math.floor(random() * clients.length)]!;
              if (c.provider.shouldConnect) {
                log.push('client disconnect');
                c.provider.disconnect();
              } else {
                log.push('client connect');
                c.provider.connect();
              }
            }
          }
          await sleep(15 + random() * 20);
        }
        // Heal: everything up, every client connected.
        log.push('heal');
        await Promise.all(restarting.values());
        if (!redisUp) await redis.start();
        for (const inst of instances) await inst.start();
        for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
        const readers = instances.map((inst) => provider(inst.url, room, editor));
        const everyone = [...clients, ...readers];
        try {
          await waitFor(() => everyone.every((c) => c.provider.synced && sameState(c.doc, clients[0]!.doc)), 30_000, 'convergence after healing').catch((err: Error) => {
            const seen = everyone.map((c) => `${c.provider.wsconnected ? 'c' : '-'}${c.provider.synced ? 's' : '-'}${c.doc.getArray('items').length}`);
            throw new Error(`${err.message}: ${seen.join(' ')}; schedule: ${log.join(', ')}`);
          });
          const stored = await storedDoc(pg, room);
          expect(sameState(stored, clients[0]!.doc), `storage equals the clients (schedule: ${log.join(', ')})`).toBe(true);
          const total = written.reduce((n, w) => n + w.length, 0);
          for (const doc of [stored, ...everyone.map((c) => c.doc)]) {
            const items = doc.getArray<string>('items').toArray();
            expect(new Set(items).size).toBe(items.length);
            expect(items.length).toBe(total);
            for (const item of acknowledged) expect(items).toContain(item);
          }
          expect(acknowledged.size).toBeGreaterThan(0);
          expect(log.some((l) => l !== 'heal')).toBe(true);
        } finally {
          for (const r of readers) r.provider.destroy();
        }
      } finally {
        for (const c of clients) c.provider.destroy();
      }
    }, 90_000);
  }
});
