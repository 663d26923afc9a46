/// <reference lib="webworker" />
import { importDocx } from './importDocx';
import { readTrackedDocx } from './trackedParse';
import { ImportError } from './importError';
import type { ImportWorkerReply, ImportWorkerRequest } from './importWorkerProtocol';

// The DOCX import off the UI thread: the app posts the file's bytes here and gets the result or the refusal back.
// A file that gets past the caps and still takes too long is stopped from outside: the app terminates this worker
// (state/importInWorker.ts), which frees all its memory at once.

const post = (reply: ImportWorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  try {
    if (event.data.mode === 'tracked') post({ ok: true, tracked: readTrackedDocx(new Uint8Array(event.data.bytes)) });
    else post({ ok: true, result: await importDocx(new Uint8Array(event.data.bytes)) });
  } catch (e) {
    post(e instanceof ImportError ? { ok: false, code: e.code, message: e.message } : { ok: false, code: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
