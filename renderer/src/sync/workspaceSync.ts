import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { openDocs, type OpenDocs } from '../storage/openDocs';
import { DocPersistence } from '../storage/docPersistence';
import { listDocumentMetas, wsDocuments } from '../model/workspaceDoc';
import { commentsDocName, documentDocName, roomForDocName, workspaceDocName, workspaceOfDocName } from '../../../common/rooms';
import { closeReasonKey } from '../../../common/closeCodes';
import { summarizeSync, type RetryNotice, type SyncSummary } from './syncStatus';
import { createSyncProvider, type RetryInfo, type SyncProviderOptions } from './syncProvider';
import { runBounded } from './boundedQueue';
import { expectedScope, keepsLocalCopy } from '../storage/localCopyScope';
import { restoreOwnComments } from '../model/comments/restoreOwn';
import { readClaimsUnverified, type TokenClaims } from '../../../common/tokenClaims';
import { syncedDerivation, type SyncedDerivation, type SyncedDoc } from '../storage/syncedDerivation';
import { userPause } from '../platform/userPause';

// Connects the open Y.Docs of one workspace to its sync server, one stock y-websocket provider per doc, and walks
// every document in the background (bounded concurrency) so a laptop that goes offline carries the whole workspace.
// Once the device holds the workspace (a full sync completed here), a walk loads each doc that is not open only in
// a pause of the person's work (platform/userPause.ts).

export interface SyncUser {
  id: string;
  name: string;
  color: string;
}

export interface SyncSnapshot extends SyncSummary {
  lastFullSyncAt: number | null;
  /** progress of the running full sync, null when idle */
  progress: { done: number; total: number } | null;
}

const FULL_SYNC_CONCURRENCY = 3;
const DOC_SYNC_TIMEOUT_MS = 20_000;
const FULL_SYNC_INTERVAL_MS = 10 * 60_000;
/** A retry notice stays until a connection has synced and stayed up this long. */
const RETRY_NOTICE_CLEAR_MS = 5_000;
/** Closes that are the network's or our own doing, not a refusal worth telling. */
const QUIET_CLOSE_CODES = new Set([1000, 1001, 1005, 1006]);

/** The browser's network state. Anywhere else (Node 21+ has a `navigator` without `onLine`) counts as online. */
const isOnline = (): boolean => globalThis.navigator?.onLine !== false;

export class WorkspaceSync {
  private providers = new Map<string, WebsocketProvider>();
  private pendingByDoc = new Map<string, number>();
  private listeners = new Set<(s: SyncSnapshot) => void>();
  private refusal: string | null = null;
  private refusalCode: number | null = null;
  private retry: RetryNotice | null = null;
  private retryClear: ReturnType<typeof setTimeout> | null = null;
  private progress: SyncSnapshot['progress'] = null;
  private stopped = false;
  private fullSyncRunning = false;
  private disposers: Array<() => void> = [];
  private snapshot: SyncSnapshot;
  private readonly claims: TokenClaims | null;

  constructor(
    readonly workspaceId: string,
    readonly serverUrl: string,
    private readonly token: string,
    private user: SyncUser,
    private lastFullSyncAt: number | null,
    private readonly onFullSync: (at: number) => void,
    private readonly registry: OpenDocs = openDocs,
    private readonly providerOptions: Pick<SyncProviderOptions, 'WebSocketImpl' | 'maxFrameBytes' | 'maxBackoffMs' | 'stableMs'> = {},
    /** derives catalog rows and comment entries of the docs a full sync brings (storage/syncedDerivation.ts) */
    private readonly derivation: SyncedDerivation = syncedDerivation,
    /** what a full sync waits for before it loads a doc that is not open (platform/userPause.ts) */
    private readonly pause: () => Promise<void> = userPause,
  ) {
    this.claims = readClaimsUnverified(token);
    this.snapshot = this.compute();
  }

  start(): void {
    this.disposers.push(this.registry.onOpen((name, doc) => (workspaceOfDocName(name) === this.workspaceId ? this.attach(name, doc) : undefined)));
    const onOnline = () => {
      // A socket that outlived a network drop may be dead without knowing it: reconnect, so the sync exchange
      // sends whatever waited, and the count clears only once the server has answered.
      for (const p of this.providers.values()) {
        if (p.wsconnected) {
          p.disconnect();
          p.connect();
        }
      }
      this.emit();
      void this.fullSync();
    };
    const onOffline = () => this.emit();
    globalThis.addEventListener?.('online', onOnline);
    globalThis.addEventListener?.('offline', onOffline);
    this.disposers.push(() => {
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
    });
    const timer = setInterval(() => void this.fullSync(), FULL_SYNC_INTERVAL_MS);
    this.disposers.push(() => clearInterval(timer));
    // Docs opened before we started (the workspace doc, an open document) get their providers now.
    for (const name of this.registry.openNames()) {
      if (workspaceOfDocName(name) !== this.workspaceId || this.providers.has(name)) continue;
      const handle = this.registry.acquire(name);
      const cleanup = this.attach(name, handle.doc);
      this.disposers.push(() => {
        cleanup?.();
        handle.release();
      });
    }
    void this.fullSync();
  }

  stop(): void {
    this.stopped = true;
    for (const d of this.disposers.splice(0)) d();
    if (this.retryClear) clearTimeout(this.retryClear);
    for (const p of this.providers.values()) p.destroy();
    this.providers.clear();
    this.listeners.clear();
  }

  setUser(user: SyncUser): void {
    this.user = user;
    for (const p of this.providers.values()) p.awareness.setLocalStateField('user', user);
  }

  providerFor(name: string): WebsocketProvider | undefined {
    return this.providers.get(name);
  }

  subscribe(listener: (s: SyncSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  getSnapshot(): SyncSnapshot {
    return this.snapshot;
  }

  private attach(name: string, doc: Y.Doc): (() => void) | undefined {
    const room = roomForDocName(name);
    if (!room || this.stopped) return undefined;
    const provider = createSyncProvider(this.serverUrl, room, doc, this.token, {
      ...this.providerOptions,
      onRetry: (info) => this.onRetry(info),
      connect: false,
    });
    provider.awareness.setLocalStateField('user', this.user);
    this.providers.set(name, provider);
    // Connects once the local copy is known to hold what this invite reads (storage/localCopyScope.ts): a copy of
    // another scope (the role changed while it was open) is not synced; it is dropped when the doc is next opened.
    const expected = expectedScope(name, { role: this.claims?.role, token: this.token });
    void this.registry.scopeOfOpen(name).then((scope) => {
      if (this.stopped || this.providers.get(name) !== provider) return;
      if (scope !== undefined && !keepsLocalCopy(scope ?? undefined, expected)) return;
      if (!this.refusal) provider.connect(); // refused: no new attempts until a new invite restarts the sync
    });
    let restored = false;
    const restoreOwn = () => {
      if (restored || !name.endsWith('.comments')) return;
      restored = true;
      void this.registry.takeRescued(name).then((own) => {
        if (own && !this.stopped) restoreOwnComments(doc, own);
      });
    };
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      // A local change while this doc is not connected and synced waits for the connection
      // (changes from the server, or loaded from IndexedDB, are not waiting for anything).
      if (origin === provider || origin instanceof DocPersistence) return;
      const online = isOnline();
      if (online && provider.wsconnected && provider.synced) return;
      this.pendingByDoc.set(name, (this.pendingByDoc.get(name) ?? 0) + 1);
      this.emit();
    };
    const onSync = (synced: boolean) => {
      if (synced) {
        this.pendingByDoc.delete(name);
        this.scheduleRetryClear();
        restoreOwn();
      }
      this.emit();
    };
    const onStatus = () => this.emit();
    // A terminal close (4400-4499: the provider stops): say why; the data stays local, nothing is deleted.
    const onClosed = (close: { code: number }) => {
      this.refusal = closeReasonKey(close.code) ?? 'sync.closed.other';
      this.refusalCode = close.code;
      this.retry = null;
      for (const p of this.providers.values()) p.disconnect();
      this.emit();
    };
    doc.on('update', onUpdate);
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    provider.on('closed', onClosed);
    this.emit();
    return () => {
      doc.off('update', onUpdate);
      provider.destroy();
      if (this.providers.get(name) === provider) this.providers.delete(name);
      this.emit();
    };
  }

  /** A server that closed us with a reason is retried with backoff; the status bar says so and when. */
  private onRetry(info: RetryInfo): void {
    if (QUIET_CLOSE_CODES.has(info.code) || (info.code >= 4400 && info.code < 4500)) return;
    if (this.retryClear) clearTimeout(this.retryClear);
    this.retryClear = null;
    this.retry = { code: info.code, seconds: Math.max(1, Math.round(info.delayMs / 1000)), reason: closeReasonKey(info.code) };
    this.emit();
  }

  private scheduleRetryClear(): void {
    if (!this.retry || this.retryClear) return;
    this.retryClear = setTimeout(() => {
      this.retryClear = null;
      this.retry = null;
      this.emit();
    }, RETRY_NOTICE_CLEAR_MS);
  }

  /** Opens every document (and its comments) of the workspace long enough to sync it. */
  async fullSync(): Promise<void> {
    if (this.fullSyncRunning || this.stopped || this.refusal) return;
    if (!isOnline()) return;
    this.fullSyncRunning = true;
    try {
      const wsName = workspaceDocName(this.workspaceId);
      const ws = this.registry.acquire(wsName);
      try {
        await ws.ready;
        if (!(await this.waitSynced(wsName))) return;
        const parts = new Map<string, SyncedDoc>();
        for (const meta of listDocumentMetas(ws.doc)) {
          parts.set(documentDocName(this.workspaceId, meta.id), { part: 'body', meta });
          parts.set(commentsDocName(this.workspaceId, meta.id), { part: 'comments', docId: meta.id });
        }
        const names = [...parts.keys()];
        const holdsWorkspace = this.lastFullSyncAt !== null;
        // Derived data (catalog rows, comment entries) of docs whose content changed since last derived here.
        const pass = await this.derivation.begin(this.workspaceId, ws.doc).catch((e) => {
          console.error('Derivation of synced documents not started', e);
          return null;
        });
        let failed = 0;
        const result = await runBounded(
          names,
          FULL_SYNC_CONCURRENCY,
          async (name) => {
            // Loading a doc decodes it on this thread: not while the person opens a document or types, once this
            // device holds the workspace (its first sync runs at once: the person waits for it, and sees its progress).
            if (holdsWorkspace && !this.registry.isOpen(name)) await this.pause();
            if (this.stopped) return;
            const handle = this.registry.acquire(name, { gc: name.endsWith('.comments') });
            try {
              await handle.ready;
              if (!(await this.waitSynced(name))) throw new Error('timeout');
              // Once per doc and pass, after its sync settled; a failure leaves the doc for the next pass.
              const part = parts.get(name);
              if (pass && part && !this.stopped) await pass.derive(name, handle.doc, part).catch((e) => console.error('Synced document not derived', name, e));
            } finally {
              handle.release();
            }
          },
          (done, total, f) => {
            failed = f;
            this.progress = this.lastFullSyncAt ? null : { done, total };
            this.emit();
          },
          () => this.stopped,
        );
        if (!this.stopped && failed === 0 && result.done === names.length) {
          this.lastFullSyncAt = Date.now();
          this.onFullSync(this.lastFullSyncAt);
        }
      } finally {
        ws.release();
      }
    } finally {
      this.fullSyncRunning = false;
      this.progress = null;
      this.emit();
    }
  }

  /** Documents added by others while we are connected are fetched too. */
  watchNewDocuments(ws: Y.Doc): () => void {
    const docs = wsDocuments(ws);
    const onChange = () => void this.fullSync();
    docs.observe(onChange);
    return () => docs.unobserve(onChange);
  }

  private waitSynced(name: string): Promise<boolean> {
    return new Promise((resolve) => {
      const provider = this.providers.get(name);
      if (!provider) return resolve(false);
      if (provider.synced) return resolve(true);
      const timer = setTimeout(() => done(false), DOC_SYNC_TIMEOUT_MS);
      const onSync = (s: boolean) => s && done(true);
      const onClosed = () => done(false);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        provider.off('sync', onSync);
        provider.off('closed', onClosed);
        resolve(ok);
      };
      provider.on('sync', onSync);
      provider.on('closed', onClosed);
    });
  }

  private compute(): SyncSnapshot {
    const pending = [...this.pendingByDoc.values()].reduce((a, b) => a + b, 0);
    const summary = summarizeSync({
      configured: true,
      online: isOnline(),
      providers: [...this.providers.values()].map((p) => ({ connected: p.wsconnected, synced: p.synced })),
      pending,
      refusal: this.refusal,
      refusalCode: this.refusalCode,
      retry: this.retry,
    });
    return { ...summary, lastFullSyncAt: this.lastFullSyncAt, progress: this.progress };
  }

  private emit(): void {
    this.snapshot = this.compute();
    for (const l of this.listeners) l(this.snapshot);
  }
}
