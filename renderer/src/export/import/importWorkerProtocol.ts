import type { ImportResult } from './importDocx';
import type { TrackedParagraph } from './trackedParse';
import type { ImportErrorCode } from './importError';

// Messages between the app and the import worker (importWorker.ts). Plain data: they are structured-cloned.

export interface ImportWorkerRequest {
  /** the file, transferred */
  bytes: ArrayBuffer;
  /** 'tracked': read the tracked changes (Import changes from DOCX…, trackedParse.ts) instead of importing a document */
  mode?: 'tracked';
}

export type ImportWorkerReply = { ok: true; result: ImportResult } | { ok: true; tracked: TrackedParagraph[] } | { ok: false; code: ImportErrorCode | 'failed'; message: string };
