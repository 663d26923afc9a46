// Two sync-server instances on one real PostgreSQL, fanned out through one real Redis; stock WebsocketProvider
// clients. Live co-editing and presence across instances, kill -9 mid-burst, Redis restarted, PostgreSQL stopped,
// compaction by both instances at once.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import { documentDocName } from '../common/rooms';
import { CloseCode } from '../common/closeCodes';
import type { RunningServer } from './server';
import { loggedErrors, ProcessInstance, provider, sameState, startInstance, storedDoc } from './scaleOutHelpers';
import { describeWithEngines, startPostgres, startRedis, type TestPostgres, type TestRedis } from './testEngines';
import { openPostgresDocStore } from './storage/postgresDocStore';
import { encodeFanoutMessage, FANOUT_CHANNEL, KIND_UPDATE } from './fanout';
import { makeToken, roomUrl, sleep, tryUpgrade, waitFor } from './testHelpers';

const editor = makeToken({ ws: 'ws1', role: 'editor' });

describeWithEngines('scale-out: two instances on PostgreSQL + Redis', (bins) => {
  let pg: TestPostgres;
  let redis: TestRedis;
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  beforeAll(async () => {
    pg = await startPostgres(bins);
    redis = await startRedis(bins);
  }, 120_000);
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => {
    await redis?.destroy();
    pg?.destroy();
  });

  async function twoInstances(extra: Parameters<typeof startInstance>[2] = {}): Promise<[RunningServer, RunningServer]> {
    const a = await startInstance(pg, redis, extra);
    cleanups.push(() => a.close());
    const b = await startInstance(pg, redis, extra);
    cleanups.push(() => b.close());
    return [a, b];
  }

  function client(url: string, room: string, token = editor) {
    const c = provider(url, room, token);
    cleanups.push(() => c.provider.destroy());
    return c;
  }

  it('clients on two instances co-edit live and converge; PostgreSQL holds the result', async () => {
    const [a, b] = await twoInstances();
    const ca = client(a.url, 'ws1/live');
    const cb = client(b.url, 'ws1/live');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    ca.doc.getText('t').insert(0, 'from A. ');
    await waitFor(() => cb.doc.getText('t').toString() === 'from A. ', 5_000, 'A -> B');
    cb.doc.getText('t').insert(cb.doc.getText('t').length, 'from B.');
    await waitFor(() => ca.doc.getText('t').toString() === 'from A. from B.', 5_000, 'B -> A');
    for (let i = 0; i < 50; i++) (i % 2 ? ca : cb).doc.getArray('n').push([i]);
    await waitFor(() => sameState(ca.doc, cb.doc) && ca.doc.getArray('n').length === 50, 10_000, 'convergence');
    expect(sameState(await storedDoc(pg, 'ws1/live'), ca.doc)).toBe(true);
    expect(a.metrics.fanoutApplied.get()).toBeGreaterThan(0);
    expect(b.metrics.fanoutApplied.get()).toBeGreaterThan(0);
  });

  it('an update fanned out before the one it builds on reaches the clients once the gap closes (both, not only the last)', async () => {
    const [a] = await twoInstances();
    const c = client(a.url, 'ws1/gap');
    await waitFor(() => c.provider.synced, 10_000, 'synced');
    // Another instance's two updates from one writer, the second building on the first, arriving out of order.
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    writer.getArray<string>('items').push(['first']);
    writer.getArray<string>('items').push(['second']);
    const [first, second] = updates as [Uint8Array, Uint8Array];
    const publisher = new Redis(redis.url, { lazyConnect: true });
    cleanups.push(() => publisher.disconnect());
    await publisher.connect();
    const message = (u: Uint8Array) => encodeFanoutMessage(Buffer.alloc(8, 7), [{ kind: KIND_UPDATE, docName: documentDocName('ws1', 'gap'), payload: u }]); // a foreign id
    const channel = FANOUT_CHANNEL;
    await publisher.publish(channel, message(second));
    await sleep(200);
    await publisher.publish(channel, message(first));
    await waitFor(() => c.doc.getArray('items').length === 2, 5_000, 'both items at the client');
    expect(c.doc.getArray('items').toArray()).toEqual(['first', 'second']);
  });

  it("what one instance publishes in one turn leaves as one Redis message (a burst's updates share messages), and all of it arrives", async () => {
    const [a, b] = await twoInstances();
    const ca = client(a.url, 'ws1/batched');
    const cb = client(b.url, 'ws1/batched');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    const counter = async (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${a.httpUrl}/metrics`)).text())?.[1]);
    const before = { records: await counter('rapporteur_redis_published_total'), messages: await counter('rapporteur_redis_messages_total') };
    // 40 updates sent back to back: they reach A in a few reads, are committed in a few group commits
    for (let i = 0; i < 40; i++) ca.doc.getArray<number>('n').push([i]);
    await waitFor(() => cb.doc.getArray('n').length === 40, 10_000, 'the burst at B');
    const records = (await counter('rapporteur_redis_published_total')) - before.records;
    const messages = (await counter('rapporteur_redis_messages_total')) - before.messages;
    expect(records).toBeGreaterThanOrEqual(40);
    expect(messages).toBeLessThan(records / 2);
    expect(sameState(ca.doc, cb.doc)).toBe(true);
  });

  it('presence crosses instances, and goes when its client leaves', async () => {
    const [a, b] = await twoInstances();
    const ca = client(a.url, 'ws1/presence');
    const cb = client(b.url, 'ws1/presence');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    ca.provider.awareness.setLocalStateField('user', { name: 'editor user', id: 'editor-sub' });
    ca.provider.awareness.setLocalStateField('cursor', 7);
    const idA = ca.provider.awareness.clientID;
    await waitFor(() => (cb.provider.awareness.getStates().get(idA) as { cursor?: number } | undefined)?.cursor === 7, 5_000, "A's presence at B");
    ca.provider.awareness.setLocalStateField('cursor', 9);
    await waitFor(() => (cb.provider.awareness.getStates().get(idA) as { cursor?: number } | undefined)?.cursor === 9, 5_000, "A's moved caret at B");
    ca.provider.destroy();
    await waitFor(() => !cb.provider.awareness.getStates().has(idA), 5_000, "A's presence removed at B");
  });

  it('kill -9 of one instance mid-burst from 5 clients: every acknowledged update is on every replica and in PostgreSQL, once', async () => {
    const instances = [await ProcessInstance.create(pg, redis), await ProcessInstance.create(pg, redis)];
    for (const i of instances) cleanups.push(() => i.destroy());
    const [ia, ib] = instances as [ProcessInstance, ProcessInstance];
    const room = 'ws1/burst';
    const writers = [0, 1, 2, 3, 4].map((n) => client(n < 3 ? ia.url : ib.url, room));
    // Observers on each instance: what one of them received was committed (broadcast only after the commit).
    const observers = [client(ia.url, room), client(ib.url, room)];
    await waitFor(() => [...writers, ...observers].every((c) => c.provider.synced), 15_000, 'all synced');
    let stop = false;
    const counts = [0, 0, 0, 0, 0];
    const bursts = writers.map(async (w, n) => {
      while (!stop) {
        w.doc.getArray<string>('items').push([`w${n}-${counts[n]}`]);
        counts[n] = (counts[n] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    await waitFor(() => (observers[1]?.doc.getArray('items').length ?? 0) > 300, 20_000, 'the burst to flow across');
    await ia.kill();
    const acknowledged = new Set<string>();
    for (const o of observers) for (const item of o.doc.getArray<string>('items').toArray()) acknowledged.add(item);
    await new Promise((r) => setTimeout(r, 300)); // clients of A write while A is dead
    stop = true;
    await Promise.all(bursts);
    await ia.start(); // same port: A's clients reconnect by themselves
    const fresh = client(ia.url, room); // a reader of the restarted replica
    const everyone = [...writers, ...observers, fresh];
    await waitFor(() => everyone.every((c) => c.provider.synced && sameState(c.doc, writers[0]!.doc)), 30_000, 'all replicas to converge').catch((err: Error) => {
      const seen = everyone.map((c) => `${c.provider.wsconnected ? 'c' : '-'}${c.provider.synced ? 's' : '-'}${c.doc.getArray('items').length}`);
      throw new Error(`${err.message}: ${seen.join(' ')} of ${counts.reduce((x, y) => x + y, 0)}`);
    });
    const stored = await storedDoc(pg, room);
    const all = [...everyone.map((c) => c.doc), stored];
    for (const doc of all) {
      const items = doc.getArray<string>('items').toArray();
      expect(new Set(items).size).toBe(items.length); // no duplicates
      for (const item of acknowledged) expect(items).toContain(item);
      expect(items.length).toBe(counts.reduce((x, y) => x + y, 0)); // and nothing written was lost either
    }
    expect(acknowledged.size).toBeGreaterThan(300);
  }, 90_000);

  it('Redis restarted mid-session: clients on both instances converge with no user action', async () => {
    const [a, b] = await twoInstances();
    const ca = client(a.url, 'ws1/redis');
    const cb = client(b.url, 'ws1/redis');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    ca.doc.getText('t').insert(0, 'before;');
    await waitFor(() => cb.doc.getText('t').toString() === 'before;', 5_000, 'first edit across');
    await redis.stop('SIGKILL');
    ca.doc.getText('t').insert(ca.doc.getText('t').length, 'A-while-down;');
    cb.doc.getArray('b').push(['B-while-down']);
    // Each instance still serves its own clients (committed, applied) while Redis is away.
    await waitFor(async () => (await storedDoc(pg, 'ws1/redis')).getArray('b').length === 1, 5_000, "B's edit stored");
    expect(ca.doc.getArray('b').length).toBe(0);
    await redis.start();
    await waitFor(() => sameState(ca.doc, cb.doc) && ca.doc.getArray('b').length === 1 && cb.doc.getText('t').toString().includes('A-while-down'), 15_000, 'catch-up after Redis returns');
    cb.doc.getText('t').insert(0, 'after;');
    await waitFor(() => ca.doc.getText('t').toString().startsWith('after;'), 10_000, 'live again');
    expect(ca.closes).toEqual([]); // nobody was disconnected
    expect(cb.closes).toEqual([]);
  }, 60_000);

  it('PostgreSQL stopped: writes are refused visibly (4504, /healthz 503), nothing acknowledged is lost, service resumes', async () => {
    const [a, b] = await twoInstances();
    const ca = client(a.url, 'ws1/pgdown');
    const cb = client(b.url, 'ws1/pgdown');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    ca.doc.getText('t').insert(0, 'acked;');
    await waitFor(() => cb.doc.getText('t').toString() === 'acked;', 5_000, 'acknowledged edit across');
    pg.stop('fast');
    let restarted = false;
    try {
      ca.doc.getText('t').insert(ca.doc.getText('t').length, 'during;');
      await waitFor(() => ca.closes.includes(CloseCode.StorageUnavailable), 10_000, 'the write refused with 4504');
      expect(cb.doc.getText('t').toString()).toBe('acked;'); // not applied or broadcast anywhere
      const health = await fetch(`${a.httpUrl}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'storage-unavailable', postgres: false });
      pg.start();
      restarted = true;
    } finally {
      if (!restarted) pg.start();
    }
    // The client kept its edit and sends it again on reconnect; it is committed, then crosses to B.
    await waitFor(() => cb.doc.getText('t').toString() === 'acked;during;', 20_000, 'resumed after PostgreSQL returns');
    await waitFor(async () => (await fetch(`${a.httpUrl}/healthz`)).status === 200, 10_000, 'healthy again');
    expect((await storedDoc(pg, 'ws1/pgdown')).getText('t').toString()).toBe('acked;during;');
  }, 60_000);

  it('both instances compacting one document at once lose no update', async () => {
    const [a, b] = await twoInstances({ compactEvery: 10 });
    const ca = client(a.url, 'ws1/compact');
    const cb = client(b.url, 'ws1/compact');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    // Rounds of 10 updates per instance, each round committed and crossed before the next: every round reaches
    // compactEvery on both instances, so both compact the same document again and again while the other writes.
    for (let round = 0; round < 20; round++) {
      for (let i = round * 10; i < round * 10 + 10; i++) {
        ca.doc.getArray('x').push([`a${i}`]);
        cb.doc.getArray('x').push([`b${i}`]);
      }
      const want = (round + 1) * 20;
      await waitFor(() => ca.doc.getArray('x').length === want && cb.doc.getArray('x').length === want, 10_000, `round ${round}`);
    }
    await waitFor(() => sameState(ca.doc, cb.doc) && ca.doc.getArray('x').length === 400, 15_000, 'convergence');
    await waitFor(() => a.metrics.persistedUpdates.get() >= 200 && b.metrics.persistedUpdates.get() >= 200, 10_000, 'all stored');
    expect(loggedErrors.filter((l) => l.startsWith('compaction_failed'))).toEqual([]);
    expect(a.metrics.compactions.get()).toBeGreaterThan(3);
    expect(b.metrics.compactions.get()).toBeGreaterThan(3);
    const stored = (await storedDoc(pg, 'ws1/compact')).getArray<string>('x').toArray();
    expect(new Set(stored).size).toBe(400);
  }, 60_000);

  it('every instance verifies tokens with the same secret: accepted by both, another secret refused by both', async () => {
    const [a, b] = await twoInstances();
    const forged = makeToken({ ws: 'ws1', role: 'editor' }, Buffer.from('another-secret-another-secret-xx', 'utf8'));
    for (const server of [a, b]) {
      expect((await tryUpgrade(roomUrl(server.url, 'ws1/auth', editor))).status).toBe(101);
      expect((await tryUpgrade(roomUrl(server.url, 'ws1/auth', forged))).status).toBe(401);
    }
  });

  it('SIGTERM drains one instance: its clients are closed with 4503, what it committed is in PostgreSQL, the other serves on', async () => {
    const drained = await ProcessInstance.create(pg, redis);
    cleanups.push(() => drained.destroy());
    const [b] = await twoInstances();
    const ca = client(drained.url, 'ws1/drain');
    const cb = client(b.url, 'ws1/drain');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    for (let i = 0; i < 20; i++) ca.doc.getArray('x').push([i]);
    await waitFor(() => cb.doc.getArray('x').length === 20, 5_000, 'edits across');
    expect(await drained.server?.stop('SIGTERM')).toBe(0);
    expect(ca.closes).toContain(CloseCode.ServerShutdown);
    expect((await storedDoc(pg, 'ws1/drain')).getArray('x').length).toBe(20);
    cb.doc.getArray('x').push(['still served']);
    await waitFor(async () => (await storedDoc(pg, 'ws1/drain')).getArray('x').length === 21, 5_000, 'the other instance still commits');
  }, 60_000);

  it('an update an instance committed but never published (it died in between) still reaches the others', async () => {
    const [a, b] = await twoInstances();
    const ca = client(a.url, 'ws1/gap');
    const cb = client(b.url, 'ws1/gap');
    await waitFor(() => ca.provider.synced && cb.provider.synced, 10_000, 'both synced');
    ca.doc.getArray('x').push(['first']);
    await waitFor(() => cb.doc.getArray('x').length === 1, 5_000, 'first across');
    // What a third instance does before it dies: commit to PostgreSQL, never publish.
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(ca.doc));
    writer.getArray('x').push(['committed, never published']);
    const store = await openPostgresDocStore(pg.url);
    await store.append([{ docName: 'doc.ws1.gap', update: Y.encodeStateAsUpdate(writer, Y.encodeStateVector(ca.doc)) }]);
    await store.close();
    await sleep(300);
    expect(ca.doc.getArray('x').length).toBe(1); // nothing told A or B
    // The instance comes back and loads the document (announcing it); A and B see they are behind and re-read.
    const c = await startInstance(pg, redis);
    cleanups.push(() => c.close());
    client(c.url, 'ws1/gap');
    await waitFor(() => ca.doc.getArray('x').length === 2 && cb.doc.getArray('x').length === 2, 10_000, 'the unpublished update everywhere');
  }, 30_000);

  it('/metrics reports Redis and PostgreSQL figures', async () => {
    const [a] = await twoInstances();
    const text = await (await fetch(`${a.httpUrl}/metrics`)).text();
    expect(text).toMatch(/^rapporteur_redis_connected 1$/m);
    expect(text).toMatch(/^rapporteur_postgres_healthy 1$/m);
    expect(text).toMatch(/^rapporteur_postgres_pool_connections \d+$/m);
    expect(text).toMatch(/^# TYPE rapporteur_redis_published_total counter$/m);
  });
});
