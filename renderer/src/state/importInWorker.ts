import type { ImportResult } from '../export/import/importDocx';
import type { TrackedParagraph } from '../export/import/trackedParse';
import { ImportError } from '../export/import/importError';
import type { ImportWorkerReply, ImportWorkerRequest } from '../export/import/importWorkerProtocol';

// Runs File > Import DOCX in a dedicated worker, so a hostile or huge file never freezes the editor: the UI thread
// only posts the bytes and waits. Two budgets bound the import:
//   - memory: the importer's own caps (per-part inflate caps, elements and runs counted before parsing,
//     export/import/safeUnzip.ts DEFAULT_LIMITS), which keep the worst accepted file well under a gigabyte. A
//     browser gives a page no way to cap a worker's heap (performance.memory is Chromium-only, reports the
//     page's own heap, not the worker's, and is coarse), so the caps are the memory budget;
//   - time: past IMPORT_TIME_LIMIT_MS the worker is terminated, which stops it wherever it is and frees its heap.

export const IMPORT_TIME_LIMIT_MS = 60_000;

/** Why a worker import did not give a result. `timeout`: it ran past the time limit and was stopped. */
export class ImportWorkerError extends Error {
  constructor(
    readonly code: 'timeout' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

export interface WorkerImportOptions {
  timeLimitMs?: number;
  /** makes the worker (tests pass their own) */
  createWorker?: () => Worker;
  /** aborting terminates the worker (the dialog closed) */
  signal?: AbortSignal;
}

const defaultWorker = () => new Worker(new URL('../export/import/importWorker.ts', import.meta.url), { type: 'module' });

/** Imports a DOCX in a worker; rejects with ImportError (refused) or ImportWorkerError (timeout, crash). */
export function importDocxInWorker(bytes: Uint8Array, options: WorkerImportOptions = {}): Promise<ImportResult> {
  // No workers (Node, old test runners): the same import on this thread.
  if (typeof Worker === 'undefined') return import('../export/import/importDocx').then((m) => m.importDocx(bytes));
  return runImportWorker(bytes, undefined, options).then((reply) => (reply as { result: ImportResult }).result);
}

/** Reads the tracked changes of a DOCX in the same worker, with the same vetting and budgets. */
export function readTrackedDocxInWorker(bytes: Uint8Array, options: WorkerImportOptions = {}): Promise<TrackedParagraph[]> {
  if (typeof Worker === 'undefined') return import('../export/import/trackedParse').then((m) => m.readTrackedDocx(bytes));
  return runImportWorker(bytes, 'tracked', options).then((reply) => (reply as { tracked: TrackedParagraph[] }).tracked);
}

function runImportWorker(bytes: Uint8Array, mode: ImportWorkerRequest['mode'], options: WorkerImportOptions): Promise<Extract<ImportWorkerReply, { ok: true }>> {
  const limit = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  const worker = (options.createWorker ?? defaultWorker)();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      options.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(new ImportWorkerError('failed', 'cancelled'));
    };
    options.signal?.addEventListener('abort', abort);
    const timer = setTimeout(() => {
      done();
      reject(new ImportWorkerError('timeout', `the import took longer than ${Math.round(limit / 1000)} s`));
    }, limit);
    worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
      done();
      const reply = event.data;
      if (reply.ok) resolve(reply);
      else if (reply.code === 'failed') reject(new ImportWorkerError('failed', reply.message));
      else reject(new ImportError(reply.code, undefined, reply.message));
    };
    worker.onerror = (event: ErrorEvent) => {
      // An uncaught error or an out-of-memory crash of the worker.
      event.preventDefault();
      done();
      reject(new ImportWorkerError('failed', event.message || 'the import stopped unexpectedly'));
    };
    const copy = bytes.slice().buffer;
    const request: ImportWorkerRequest = { bytes: copy, ...(mode ? { mode } : {}) };
    worker.postMessage(request, [copy]);
  });
}
