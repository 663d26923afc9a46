import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportWorkerError, importDocxInWorker } from './importInWorker';
import { ImportError } from '../export/import/importError';

/** A worker that answers as told, or never. */
function fakeWorker(reply?: unknown) {
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    terminated: false,
    terminate() {
      w.terminated = true;
    },
    postMessage() {
      if (reply !== undefined) setTimeout(() => w.onmessage?.({ data: reply } as MessageEvent), 1);
    },
  };
  return w;
}

describe('importDocxInWorker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('stops a worker that runs past the time limit', async () => {
    vi.stubGlobal('Worker', class {});
    const w = fakeWorker();
    const error = await importDocxInWorker(new Uint8Array(4), { timeLimitMs: 30, createWorker: () => w as unknown as Worker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportWorkerError);
    expect((error as ImportWorkerError).code).toBe('timeout');
    expect(w.terminated).toBe(true);
  });

  it('gives back a refusal as an ImportError with the worker\'s message, and ends the worker', async () => {
    vi.stubGlobal('Worker', class {});
    const w = fakeWorker({ ok: false, code: 'bomb', message: 'Too big. (detail)' });
    const error = await importDocxInWorker(new Uint8Array(4), { createWorker: () => w as unknown as Worker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('bomb');
    expect((error as ImportError).message).toBe('Too big. (detail)');
    expect(w.terminated).toBe(true);
  });

  it('terminates the worker when the caller aborts', async () => {
    vi.stubGlobal('Worker', class {});
    const w = fakeWorker();
    const controller = new AbortController();
    const pending = importDocxInWorker(new Uint8Array(4), { createWorker: () => w as unknown as Worker, signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toBeInstanceOf(ImportWorkerError);
    expect(w.terminated).toBe(true);
  });
});
