import * as Y from 'yjs';
import { DocPersistence } from './docPersistence';
import { catalogDb } from './catalogDb';
import { expectedScope } from './localCopyScope';
import type { OwnComments } from '../model/comments/restoreOwn';
import { workspaceOfDocName } from '../../../common/rooms';
import { desktopApi } from '../platform/desktop';

// Holds the Y.Docs that are open, by name, with reference counting: a screen and the background sync can share
// one doc, and the doc is destroyed (its writes flushed) when the last user releases it.

export interface DocHandle {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly persistence: DocPersistence;
  /** resolves when the local state has been loaded from IndexedDB */
  readonly ready: Promise<void>;
  release(): void;
}

interface Entry {
  doc: Y.Doc;
  persistence: DocPersistence;
  ready: Promise<void>;
  refs: number;
}

type OpenListener = (name: string, doc: Y.Doc) => (() => void) | void;

/** The read scope a local copy of `name` must hold (storage/localCopyScope.ts), from its workspace's invite. */
export type ScopeOf = (name: string) => Promise<string | null>;

/** The scope from the catalog's connection settings of the doc's workspace. */
export const scopeFromCatalog: ScopeOf = async (name) => {
  const ws = workspaceOfDocName(name);
  return ws ? expectedScope(name, await catalogDb.workspaces.get(ws)) : null;
};

export class OpenDocs {
  constructor(private readonly scopeOf: ScopeOf | null = null) {}

  private entries = new Map<string, Entry>();
  private openListeners = new Set<OpenListener>();
  private cleanups = new Map<string, Array<() => void>>();

  /** `gc: false` keeps deleted content so named snapshots of drafts can be restored. */
  acquire(name: string, { gc = true }: { gc?: boolean } = {}): DocHandle {
    let entry = this.entries.get(name);
    if (!entry) {
      const doc = new Y.Doc({ gc, guid: name });
      const scopeOf = this.scopeOf;
      const persistence = new DocPersistence(name, doc, scopeOf ? () => scopeOf(name).catch(() => null) : undefined);
      entry = { doc, persistence, ready: persistence.whenSynced.then(() => undefined), refs: 0 };
      this.entries.set(name, entry);
      const cleanups: Array<() => void> = [];
      for (const l of this.openListeners) {
        const c = l(name, doc);
        if (c) cleanups.push(c);
      }
      this.cleanups.set(name, cleanups);
    }
    entry.refs++;
    const e = entry;
    let released = false;
    return {
      name,
      doc: e.doc,
      persistence: e.persistence,
      ready: e.ready,
      release: () => {
        if (released) return;
        released = true;
        if (--e.refs === 0) void this.close(name);
      },
    };
  }

  /** The read scope the local copy of open doc `name` holds, once loaded (localCopyScope.ts); undefined: not open. */
  async scopeOfOpen(name: string): Promise<string | null | undefined> {
    const entry = this.entries.get(name);
    if (!entry || !this.scopeOf) return undefined;
    await entry.ready.catch(() => undefined);
    // Storage that failed to open holds nothing stale: the doc lives in memory only.
    return entry.persistence.state === 'error' ? undefined : entry.persistence.scope;
  }

  /** What was kept aside of the reader's own comments when open doc `name`'s stale copy was dropped, once. */
  async takeRescued(name: string): Promise<OwnComments | null> {
    const entry = this.entries.get(name);
    return entry ? entry.persistence.takeRescued().catch(() => null) : null;
  }

  /** Writes every open doc's buffered edits now (the page is going away). */
  flushAll(): void {
    for (const e of this.entries.values()) e.persistence.flushBuffered();
  }

  /** Writes every open doc's buffered edits now and resolves once IndexedDB has committed them. */
  async flushedAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.persistence.flushed()));
  }

  isOpen(name: string): boolean {
    return this.entries.has(name);
  }

  openNames(): string[] {
    return [...this.entries.keys()];
  }

  /** Called for every doc opened from now on (e.g. to attach a sync provider); returns a cleanup run on close. */
  onOpen(listener: OpenListener): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  private async close(name: string) {
    const entry = this.entries.get(name);
    if (!entry || entry.refs > 0) return;
    this.entries.delete(name);
    for (const c of this.cleanups.get(name) ?? []) c();
    this.cleanups.delete(name);
    await entry.persistence.destroy();
    entry.doc.destroy();
  }

  /** Runs `fn` with a doc that is opened (and loaded) for the duration only. */
  async withDoc<T>(name: string, fn: (doc: Y.Doc) => T | Promise<T>, opts?: { gc?: boolean }): Promise<T> {
    const handle = this.acquire(name, opts);
    try {
      await handle.ready;
      return await fn(handle.doc);
    } finally {
      handle.release();
    }
  }
}

export const openDocs = new OpenDocs(scopeFromCatalog);

// A window closed (or reloaded) within a frame of a keystroke: the edits still waiting for the frame to end are
// handed to IndexedDB as the page goes, which commits them as the page unloads. On desktop the shell also holds
// the window's close until they are committed (electron/main/closeGuard.ts).
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => openDocs.flushAll());
  desktopApi.onBeforeClose(() => openDocs.flushedAll());
}
