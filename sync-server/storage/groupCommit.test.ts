import { describe, expect, it } from 'vitest';
import type { AppendEntry, DocStore, StoredDoc } from './docStore';
import { silentLogger } from '../log';
import { Metrics } from '../metrics';
import { GroupCommitter, type Committed } from './groupCommit';

/** A store whose commits take a while and record their batches. */
class SlowStore implements DocStore {
  batches: number[] = [];
  fail = false;
  private seq = 0;
  async load(): Promise<StoredDoc> {
    return { state: null, updates: [], lastSeq: 0 };
  }
  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    await new Promise((r) => setTimeout(r, 20));
    if (this.fail) throw new Error('disk full');
    this.batches.push(entries.length);
    return entries.map(() => ++this.seq);
  }
  async compact(): Promise<void> {}
  async discard(): Promise<void> {}
  async pendingUpdates(): Promise<number> {
    return 0;
  }
  async stats() {
    return { docs: 0, updates: 0 };
  }
  async close(): Promise<void> {}
}

describe('GroupCommitter', () => {
  it('commits what arrives during a commit as the next batch, and hands back only after commit', async () => {
    const store = new SlowStore();
    const committed: Array<Committed<number>> = [];
    const metrics = new Metrics();
    const gc = new GroupCommitter<number>(store, metrics, (b) => committed.push(...b), () => {}, silentLogger);
    gc.enqueue({ docName: 'a', update: new Uint8Array([1]), context: 1 });
    gc.enqueue({ docName: 'a', update: new Uint8Array([2]), context: 2 });
    await new Promise((r) => setTimeout(r, 5)); // first commit in flight
    expect(committed).toHaveLength(0);
    for (let i = 3; i <= 10; i++) gc.enqueue({ docName: 'b', update: new Uint8Array([i]), context: i });
    await gc.drain();
    expect(store.batches).toEqual([2, 8]);
    expect(committed.map((c) => c.context)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(committed.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(metrics.persistSeconds.observations).toBe(2);
    expect(metrics.persistedUpdates.get()).toBe(10);
  });

  it('reports failed batches and hands nothing back for them', async () => {
    const store = new SlowStore();
    store.fail = true;
    const failed: number[] = [];
    const committed: number[] = [];
    const gc = new GroupCommitter<number>(
      store,
      new Metrics(),
      (b) => committed.push(...b.map((c) => c.context)),
      (b) => failed.push(...b.map((c) => c.context)),
      silentLogger,
    );
    gc.enqueue({ docName: 'a', update: new Uint8Array([1]), context: 1 });
    await gc.drain();
    expect(failed).toEqual([1]);
    expect(committed).toEqual([]);
  });
});

/** A store whose commits may overlap, each taking the time the test gives it. */
class OverlappingStore extends SlowStore {
  readonly concurrentAppends = 3;
  delays: number[] = [];
  started: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private next = 0;
  override async append(entries: readonly AppendEntry[]): Promise<number[]> {
    const mine = this.next++;
    this.started.push(entries.length);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const seqs = entries.map((_, i) => mine * 100 + i);
    await new Promise((r) => setTimeout(r, this.delays[mine] ?? 5));
    this.inFlight -= 1;
    if (this.fail && mine === 0) throw new Error('disk full');
    return seqs;
  }
}

describe('GroupCommitter with a store that takes concurrent appends', () => {
  it('starts the next commit while one is in flight, and hands batches back in order even when a later one finishes first', async () => {
    const store = new OverlappingStore();
    store.delays = [60, 5, 5];
    const handed: number[][] = [];
    const gc = new GroupCommitter<number>(store, new Metrics(), (b) => handed.push(b.map((c) => c.context)), () => {}, silentLogger);
    gc.enqueue({ docName: 'a', update: new Uint8Array([1]), context: 1 });
    await new Promise((r) => setTimeout(r, 10)); // batch 1 in flight (60 ms)
    gc.enqueue({ docName: 'a', update: new Uint8Array([2]), context: 2 });
    await new Promise((r) => setTimeout(r, 10)); // batch 2 started and finished meanwhile, held back
    expect(store.started).toEqual([1, 1]);
    expect(handed).toEqual([]);
    gc.enqueue({ docName: 'a', update: new Uint8Array([3]), context: 3 });
    await gc.drain();
    expect(store.maxInFlight).toBeGreaterThan(1);
    expect(handed).toEqual([[1], [2], [3]]);
  });

  it('hands a failed batch back as failed, in its place, and the ones after it as committed', async () => {
    const store = new OverlappingStore();
    store.fail = true;
    store.delays = [30, 5];
    const events: string[] = [];
    const gc = new GroupCommitter<number>(
      store,
      new Metrics(),
      (b) => events.push(...b.map((c) => `ok${c.context}`)),
      (b) => events.push(...b.map((c) => `failed${c.context}`)),
      silentLogger,
    );
    gc.enqueue({ docName: 'a', update: new Uint8Array([1]), context: 1 });
    await new Promise((r) => setTimeout(r, 5));
    gc.enqueue({ docName: 'a', update: new Uint8Array([2]), context: 2 });
    await gc.drain();
    expect(events).toEqual(['failed1', 'ok2']);
  });
});
