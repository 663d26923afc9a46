// Incremental readThreads for views that re-render on every change: keeps the plain Thread of each thread and
// re-reads only those a transaction touched (observeDeep on the comments root). Registry changes affect
// attributions everywhere: call invalidate() (or pass `ws` to have it observed).
import * as Y from 'yjs';
import { wsStakeholders } from '../workspaceDoc';
import { resolveStakeholder } from '../stakeholders';
import { byCreation, commentsRoot, memoizeRegistry, readOne, type ReadOptions } from './commentsDoc';
import type { Thread } from './threadTypes';

export interface ThreadReader {
  /** All threads, numbered; the same array (and Thread objects) as last time when nothing changed. */
  read(): Thread[];
  invalidate(): void;
  destroy(): void;
}

export function createThreadReader(doc: Y.Doc, opts: ReadOptions & { ws?: Y.Doc } = {}): ThreadReader {
  const root = commentsRoot(doc);
  const ws = opts.ws;
  const base: ReadOptions = ws && !opts.resolveStakeholder ? { resolveStakeholder: (id) => resolveStakeholder(ws, id) } : opts;
  const cache = new Map<string, Thread>();
  let dirty: Set<string> | 'all' = 'all';
  let list: Thread[] = [];

  const onComments = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    if (dirty === 'all') return;
    for (const e of events) {
      if (e.target === (root as unknown)) for (const k of e.changes.keys.keys()) dirty.add(k);
      else if (typeof e.path[0] === 'string') dirty.add(e.path[0]);
    }
  };
  const onRegistry = () => (dirty = 'all');
  root.observeDeep(onComments);
  if (ws) wsStakeholders(ws).observeDeep(onRegistry);

  return {
    read() {
      if (dirty !== 'all' && dirty.size === 0) return list;
      const o = memoizeRegistry(base);
      const ids = dirty === 'all' ? [...root.keys()] : [...dirty];
      if (dirty === 'all') cache.clear();
      for (const id of ids) {
        const t = root.get(id);
        if (t instanceof Y.Map) cache.set(id, readOne(t, id, o));
        else cache.delete(id);
      }
      dirty = new Set();
      // Numbers may shift when a thread arrives with an earlier timestamp: copies for those, the rest kept as is.
      list = [...cache.values()].sort(byCreation).map((t, i) => (t.number === i + 1 ? t : { ...t, number: i + 1 }));
      list.forEach((t) => cache.set(t.id, t));
      return list;
    },
    invalidate() {
      dirty = 'all';
    },
    destroy() {
      root.unobserveDeep(onComments);
      if (ws) wsStakeholders(ws).unobserveDeep(onRegistry);
    },
  };
}
