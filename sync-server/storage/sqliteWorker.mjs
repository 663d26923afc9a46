// @ts-check
// Worker thread that owns the SQLite connection (see workerDocStore.ts for the protocol).
// Plain JavaScript importing only packages and other .mjs files, so the worker starts in plain Node: the server
// needs no TypeScript loader (tsx is a devDependency) to run its storage.
import { parentPort, workerData } from 'node:worker_threads';
import { pack, unpack } from './packedUpdates.mjs';
import { SqliteDocStore } from './sqliteDocStore.mjs';

/** @import { WorkerReply, WorkerRequest } from './workerDocStore' */
/** @import { SyncMode } from './sqliteDocStore.mjs' */

if (!parentPort) throw new Error('sqliteWorker.mjs runs only as a worker thread');
const port = parentPort;
const { file, synchronous } = /** @type {{ file: string; synchronous: SyncMode }} */ (workerData);

/**
 * @param {WorkerReply} reply
 * @param {ArrayBuffer[]} [transfer]
 */
const send = (reply, transfer = []) => port.postMessage(reply, transfer);
/** @param {unknown} err */
const messageOf = (err) => (err instanceof Error ? err.message : String(err));

/** @type {SqliteDocStore} */
let store;
try {
  store = new SqliteDocStore(file, synchronous);
  send({ id: 0, ok: true, result: 'ready' });
} catch (err) {
  send({ id: 0, ok: false, error: messageOf(err) });
  process.exit(1);
}

port.on('message', (/** @type {WorkerRequest} */ req) => {
  try {
    switch (req.op) {
      case 'load': {
        const stored = store.loadSync(req.docName);
        const parts = stored.state ? [stored.state, ...stored.updates] : stored.updates;
        const packed = pack(parts);
        send({ id: req.id, ok: true, result: { packed, hasState: stored.state !== null, lastSeq: stored.lastSeq } }, [packed.buffer]);
        return;
      }
      case 'append': {
        const updates = unpack(req.packed);
        if (updates.length !== req.docNames.length) throw new Error('append: one update per document name');
        const seqs = store.appendSync(updates.map((update, i) => ({ docName: /** @type {string} */ (req.docNames[i]), update })));
        send({ id: req.id, ok: true, result: seqs });
        return;
      }
      case 'compact':
        store.compactSync(req.docName, req.state, req.uptoSeq);
        break;
      case 'discard':
        store.discardSync(req.docName, req.seqs);
        break;
      case 'pendingUpdates':
        send({ id: req.id, ok: true, result: store.pendingUpdatesSync(req.docName) });
        return;
      case 'stats':
        send({ id: req.id, ok: true, result: store.statsSync() });
        return;
      case 'close':
        store.closeSync();
        break;
    }
    send({ id: req.id, ok: true, result: null });
  } catch (err) {
    send({ id: req.id, ok: false, error: messageOf(err) });
  }
});
