import type { ImportResult } from './importDocx';
import type { ImportErrorCode } from './importError';

// Messages between the app and the import worker (importWorker.ts). Plain data: they are structured-cloned.

export interface ImportWorkerRequest {
  /** the file, transferred */
  bytes: ArrayBuffer;
}

export type ImportWorkerReply = { ok: true; result: ImportResult } | { ok: false; code: ImportErrorCode | 'failed'; message: string };
