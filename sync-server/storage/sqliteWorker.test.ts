// The SQLite worker starts the way production starts it: plain Node, no TypeScript loader (tsx is a devDependency).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDir } from '../testHelpers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** Runs as a script file in a child `node` with no flags: starts the worker, appends one update, loads it back, prints JSON. */
const SCRIPT = `
import { Worker } from 'node:worker_threads';
const [packedUrl, workerUrl, file, updateB64] = process.argv.slice(2);
const { pack, unpack } = await import(packedUrl);
const worker = new Worker(new URL(workerUrl), { workerData: { file, synchronous: 'FULL' } });
const next = () => new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
const ask = (request, transfer) => { const reply = next(); worker.postMessage(request, transfer); return reply; };
const ready = await next();
const update = new Uint8Array(Buffer.from(updateB64, 'base64'));
const packed = pack([update]);
const appended = await ask({ id: 1, op: 'append', docNames: ['ws1/d'], packed }, [packed.buffer]);
const loaded = await ask({ id: 2, op: 'load', docName: 'ws1/d' });
await ask({ id: 3, op: 'close' });
await worker.terminate();
const parts = unpack(loaded.result.packed).map((p) => Buffer.from(p).toString('base64'));
console.log(JSON.stringify({ execArgv: process.execArgv, ready, appended, lastSeq: loaded.result.lastSeq, parts }));
`;

describe('sqliteWorker.mjs', () => {
  it('round-trips an update in plain Node, without tsx', () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'durable');
    const update = Y.encodeStateAsUpdate(doc);
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // nothing may preload a loader
    const script = join(dir.path, 'roundTrip.mjs');
    writeFileSync(script, SCRIPT);
    const run = spawnSync(
      process.execPath,
      [
        script,
        new URL('./packedUpdates.mjs', import.meta.url).href,
        new URL('./sqliteWorker.mjs', import.meta.url).href,
        join(dir.path, 'db.sqlite'),
        Buffer.from(update).toString('base64'),
      ],
      { encoding: 'utf8', env, timeout: 20_000 },
    );
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { execArgv: string[]; ready: unknown; appended: { ok: boolean; result: number[] }; lastSeq: number; parts: string[] };
    expect(out.execArgv).toEqual([]);
    expect(out.ready).toEqual({ id: 0, ok: true, result: 'ready' });
    expect(out.appended).toEqual({ id: 1, ok: true, result: [1] });
    expect(out.lastSeq).toBe(1);
    expect(out.parts).toEqual([Buffer.from(update).toString('base64')]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, new Uint8Array(Buffer.from(out.parts[0] ?? '', 'base64')));
    expect(copy.getText('t').toString()).toBe('durable');
  });
});
