import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { Observable } from 'lib0/observable';
import { fetchUpdates, storeState, PREFERRED_TRIM_SIZE } from 'y-indexeddb';
import { checkLocalCopy, openLocalCopy, takeRescued } from './localCopyScope';
import type { OwnComments } from '../model/comments/restoreOwn';
import { frameBatch } from '../platform/afterPaint';

// Persists one Y.Doc in IndexedDB in y-indexeddb's format (database = doc name, stores `updates` and `custom`),
// reusing its fetchUpdates/storeState. It differs from IndexeddbPersistence in two ways:
// - Opening writes nothing. IndexeddbPersistence appends the in-memory state on every open (an extra row each
//   time, even when nothing was edited); here a doc opened without edits leaves its store byte-for-byte unchanged.
// - It counts writes in flight, so the status bar can say "Saving…" or "Saved on this device" truthfully.
// - Writes leave the keystroke: the updates of a frame are merged and written after it is painted (issue 13).
// - Its 'update' listener is attached only after loading: an 'update' listener makes Yjs encode every
//   transaction, and encoding the whole loaded state once more costs a large document hundreds of ms on open.
//   Changes that arrive while loading (from a sync provider) are noticed cheaply and stored in one row.

export type SaveState = 'loading' | 'saving' | 'saved' | 'error';

export class DocPersistence extends Observable<'synced' | 'state'> {
  readonly doc: Y.Doc;
  readonly name: string;
  db: IDBDatabase | null = null;
  // Fields read by y-indexeddb's fetchUpdates/storeState.
  _dbref = 0;
  _dbsize = 0;
  _destroyed = false;
  synced = false;
  readonly whenSynced: Promise<this>;
  private pending = 0;
  private failed = false;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;

  /** the read scope the store holds (storage/localCopyScope.ts), once loaded; null: none recorded */
  scope: string | null = null;

  /**
   * `expectedScope`: the read scope this store must hold (storage/localCopyScope.ts); a store holding another one is
   * emptied before it is loaded. Null or absent: not checked.
   */
  constructor(name: string, doc: Y.Doc, expectedScope?: () => Promise<string | null>) {
    super();
    this.name = name;
    this.doc = doc;
    this.whenSynced = new Promise((resolve, reject) => {
      // The scope is looked up while the database opens (it reads the catalog, which may still be opening).
      Promise.all([openLocalCopy(name), expectedScope ? expectedScope() : null])
        .then(async ([db, expected]) => {
          this.db = db;
          if (this._destroyed) return;
          const checked = await checkLocalCopy(db, name, expected);
          this.scope = checked.scope;
          if (this._destroyed) return;
          return fetchUpdates(this as never, () => {}, () => {
            if (this._destroyed) return;
            this.doc.off('afterTransaction', this.noticeEarlyChange);
            this.doc.on('update', this.storeUpdate);
            if (this.changedWhileLoading) this.storeUpdate(Y.encodeStateAsUpdate(this.doc), null);
            this.synced = true;
            this.emit('synced', [this]);
            this.emitState();
          }).then(() => resolve(this));
        })
        .catch((error) => {
          this.failed = true;
          this.emitState();
          reject(error);
        });
    });
    doc.on('afterTransaction', this.noticeEarlyChange);
    doc.on('destroy', this.destroy);
  }

  private changedWhileLoading = false;

  private noticeEarlyChange = (tr: Y.Transaction) => {
    if (tr.origin !== this && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0)) this.changedWhileLoading = true;
  };

  get state(): SaveState {
    if (this.failed) return 'error';
    if (!this.synced) return 'loading';
    return this.pending > 0 ? 'saving' : 'saved';
  }

  /** updates not yet handed to IndexedDB: written together after the frame that made them (never in the keystroke) */
  private readonly buffered = frameBatch<Uint8Array>((updates) => this.write(updates));
  private lastState: SaveState | null = null;

  /** Emits 'state' only when the state changes (a keystroke must not re-render the status bar twice). */
  private emitState() {
    const state = this.state;
    if (state === this.lastState) return;
    this.lastState = state;
    this.emit('state', [state]);
  }

  private storeUpdate = (update: Uint8Array, origin: unknown) => {
    if (!this.db || origin === this || this._destroyed) return;
    this.buffered.add(update);
    if (this.buffered.size === 1) this.pending++;
    this.emitState();
  };

  /** Writes the buffered updates now, not after the frame. */
  flushBuffered() {
    this.buffered.flush();
  }

  /** Writes updates as one row (merged), in one IndexedDB transaction. */
  private write(updates: Uint8Array[]) {
    if (!this.db) {
      this.pending--;
      this.emitState();
      return;
    }
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const [store] = idb.transact(this.db, ['updates']);
    const written = idb.addAutoKey(store, update as unknown as ArrayBuffer);
    // Committed now rather than when this task ends: a write issued as the page goes away (pagehide) is otherwise
    // aborted with the page's connection.
    store.transaction.commit?.();
    written
      .then(() => {
        this.pending--;
        this.emitState();
      })
      .catch(() => {
        this.failed = true;
        this.emitState();
      });
    if (++this._dbsize >= PREFERRED_TRIM_SIZE) this.scheduleCompaction();
  }

  private scheduleCompaction() {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (!this._destroyed) void storeState(this as never, false);
    }, 1000);
  }

  /** Takes what was kept aside of the reader's own comments when a stale copy was dropped (localCopyScope.ts). */
  async takeRescued(): Promise<OwnComments | null> {
    await this.whenSynced;
    return this.db && !this._destroyed ? takeRescued(this.db) : null;
  }

  /** Resolves when every write issued so far has committed. */
  async flushed(): Promise<void> {
    this.flushBuffered();
    for (let i = 0; i < 200 && this.pending > 0; i++) await new Promise((r) => setTimeout(r, 5));
  }

  override destroy = async (): Promise<void> => {
    if (this._destroyed) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.doc.off('update', this.storeUpdate);
    this.doc.off('afterTransaction', this.noticeEarlyChange);
    this.doc.off('destroy', this.destroy);
    await this.flushed();
    this._destroyed = true;
    this.db?.close();
  };
}

/** Removes a document's local store (used when leaving a workspace). */
export const deleteLocalDoc = (name: string) => idb.deleteDB(name);
