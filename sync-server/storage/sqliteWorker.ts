// Worker thread that owns the SQLite connection (see workerDocStore.ts for the protocol).
import { parentPort, workerData } from 'node:worker_threads';
import { pack, unpack } from './packedUpdates';
import { SqliteDocStore, type SyncMode } from './sqliteDocStore';
import type { WorkerReply, WorkerRequest } from './workerDocStore';

const { file, synchronous } = workerData as { file: string; synchronous: SyncMode };
const port = parentPort!;
let store: SqliteDocStore;
try {
  store = new SqliteDocStore(file, synchronous);
  port.postMessage({ id: 0, ok: true, result: 'ready' } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  process.exit(1);
}

port.on('message', (req: WorkerRequest) => {
  try {
    switch (req.op) {
      case 'load': {
        const stored = store.loadSync(req.docName);
        const parts = stored.state ? [stored.state, ...stored.updates] : stored.updates;
        const packed = pack(parts);
        const reply: WorkerReply = { id: req.id, ok: true, result: { packed, hasState: stored.state !== null, lastSeq: stored.lastSeq } };
        port.postMessage(reply, [packed.buffer]);
        return;
      }
      case 'append': {
        const updates = unpack(req.packed);
        const seqs = store.appendSync(req.docNames.map((docName, i) => ({ docName, update: updates[i] })));
        port.postMessage({ id: req.id, ok: true, result: seqs } satisfies WorkerReply);
        return;
      }
      case 'compact':
        store.compactSync(req.docName, req.state, req.uptoSeq);
        break;
      case 'discard':
        store.discardSync(req.docName, req.seqs);
        break;
      case 'pendingUpdates':
        port.postMessage({ id: req.id, ok: true, result: store.pendingUpdatesSync(req.docName) } satisfies WorkerReply);
        return;
      case 'stats':
        port.postMessage({ id: req.id, ok: true, result: store.statsSync() } satisfies WorkerReply);
        return;
      case 'close':
        store.closeSync();
        break;
    }
    port.postMessage({ id: req.id, ok: true, result: null } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
});
