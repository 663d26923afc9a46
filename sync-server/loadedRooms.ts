// The loaded rooms: one Room (Y.Doc + awareness + peers) per loaded document. Loads from the
// DocStore on first use, applies and broadcasts updates only after the GroupCommitter has made them durable,
// compacts every `compactEvery` updates and on unload, and unloads a room `unloadDelayMs` after its last peer.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { RoomRef } from '../common/rooms';
import { newServerDoc, replayInto } from './storage/compaction';
import type { DocStore } from './storage/docStore';
import { errorFields, type Logger } from './log';
import type { Metrics } from './metrics';
import { GroupCommitter, type Committed, type PendingWrite } from './storage/groupCommit';
import { encodeAwareness, encodeUpdate } from './wireMessages';

/** A connection as the loaded rooms see it. */
export interface Peer {
  readonly id: number;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** 1011: the server hit an unexpected condition; clients reconnect and resync. */
const INTERNAL_ERROR = 1011;

type RoomState = 'open' | 'unloading' | 'failed' | 'destroyed';

export class Room {
  readonly doc: Y.Doc = newServerDoc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** peers and the awareness client ids each controls */
  readonly peers = new Map<Peer, Set<number>>();
  /** accepted updates not applied yet (queued or being committed), in order */
  readonly unapplied: Uint8Array[] = [];
  state: RoomState = 'open';
  appliedSeq = 0;
  updatesSinceCompaction = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  compacting: Promise<void> | null = null;
  compactionScheduled = false;
  private appliedWaiters: Array<() => void> = [];

  constructor(
    readonly docName: string,
    readonly ref: RoomRef,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const controlled = this.peers.get(origin as Peer);
        if (controlled) {
          added.forEach((id) => controlled.add(id));
          removed.forEach((id) => controlled.delete(id));
        }
        if (this.peers.size > 0) this.broadcast(encodeAwareness(this.awareness, added.concat(updated, removed)));
      },
    );
  }

  broadcast(message: Uint8Array, except: Peer | null = null): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }

  shiftUnapplied(): void {
    this.unapplied.shift();
    if (this.unapplied.length === 0) {
      const waiters = this.appliedWaiters;
      this.appliedWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  /** Resolves when every update accepted so far for this room has been applied (or dropped). */
  whenApplied(): Promise<void> {
    if (this.unapplied.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.appliedWaiters.push(resolve));
  }

  destroy(): void {
    this.state = 'destroyed';
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export interface LoadedRoomsOptions {
  compactEvery: number;
  unloadDelayMs: number;
}

interface WriteContext {
  room: Room;
  origin: Peer | null;
}

export class LoadedRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly committer: GroupCommitter<WriteContext>;

  constructor(
    private readonly store: DocStore,
    private readonly options: LoadedRoomsOptions,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {
    this.committer = new GroupCommitter<WriteContext>(
      store,
      metrics,
      (batch) => this.applyCommitted(batch),
      (batch, err) => this.commitFailed(batch, err),
      logger,
    );
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** The loaded room for `docName`, loading it (or waiting for its unload to finish) first. */
  async acquire(docName: string, ref: RoomRef): Promise<Room> {
    for (;;) {
      const unloading = this.unloading.get(docName);
      if (unloading) {
        await unloading;
        continue;
      }
      const room = this.rooms.get(docName);
      if (room) return room;
      let loading = this.loading.get(docName);
      if (!loading) {
        loading = this.load(docName, ref).finally(() => this.loading.delete(docName));
        this.loading.set(docName, loading);
      }
      const loaded = await loading;
      if (loaded.state === 'open') return loaded;
    }
  }

  private async load(docName: string, ref: RoomRef): Promise<Room> {
    const started = performance.now();
    const stored = await this.store.load(docName);
    const room = new Room(docName, ref);
    const failed = replayInto(room.doc, stored);
    room.appliedSeq = stored.lastSeq;
    room.updatesSinceCompaction = stored.updates.length;
    this.rooms.set(docName, room);
    this.logger.info('doc_loaded', {
      doc: docName,
      updates: stored.updates.length,
      compacted: stored.state !== null,
      failedUpdates: failed,
      ms: Math.round(performance.now() - started),
    });
    if (room.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction(room);
    this.scheduleUnload(room); // cancelled by the first join
    return room;
  }

  join(room: Room, peer: Peer): void {
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = null;
    }
    room.peers.set(peer, new Set());
  }

  leave(room: Room, peer: Peer): void {
    const controlled = room.peers.get(peer);
    if (!controlled) return;
    room.peers.delete(peer);
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, Array.from(controlled), null);
    if (room.peers.size === 0 && room.state === 'open') this.scheduleUnload(room);
  }

  /** Queues an accepted update; it is applied and broadcast once committed. */
  submit(room: Room, origin: Peer | null, update: Uint8Array): void {
    room.unapplied.push(update);
    this.committer.enqueue({ docName: room.docName, update, context: { room, origin } });
  }

  private applyCommitted(batch: Committed<WriteContext>[]): void {
    for (const write of batch) {
      const { room, origin } = write.context;
      room.shiftUnapplied();
      if (room.state === 'failed' || room.state === 'destroyed') continue; // stored; the next load picks it up
      try {
        Y.applyUpdate(room.doc, write.update, origin);
      } catch (err) {
        this.applyFailed(room, write, err);
        continue;
      }
      room.appliedSeq = write.seq;
      room.updatesSinceCompaction += 1;
      if (room.peers.size > (origin && room.peers.has(origin) ? 1 : 0)) room.broadcast(encodeUpdate(write.update), origin);
      if (room.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction(room);
    }
  }

  private commitFailed(batch: PendingWrite<WriteContext>[], err: unknown): void {
    this.logger.error('commit_failed', { updates: batch.length, ...errorFields(err) });
    for (const write of batch) {
      write.context.room.shiftUnapplied();
      // The client still has its update and sends it again in its sync step 2 after reconnecting.
      write.context.origin?.close(INTERNAL_ERROR, 'storage failure');
    }
  }

  /**
   * A committed update that decoded cleanly but threw while being applied: the in-memory doc may hold part of
   * it, so the room is dropped without compaction, the update removed from storage, and the peers reconnect
   * to a room reloaded from storage.
   */
  private applyFailed(room: Room, write: Committed<WriteContext>, err: unknown): void {
    this.logger.error('apply_failed', { doc: room.docName, seq: write.seq, ...errorFields(err) });
    room.state = 'failed';
    this.rooms.delete(room.docName);
    for (const peer of Array.from(room.peers.keys())) peer.close(INTERNAL_ERROR, 'document reloaded');
    const done = (async () => {
      await room.whenApplied();
      await room.compacting;
      await this.store.discard(room.docName, [write.seq]);
      room.destroy();
    })()
      .catch((e) => this.logger.error('discard_failed', { doc: room.docName, ...errorFields(e) }))
      .finally(() => this.unloading.delete(room.docName));
    this.unloading.set(room.docName, done);
  }

  private scheduleCompaction(room: Room): void {
    if (room.compactionScheduled || room.state !== 'open') return;
    room.compactionScheduled = true;
    setImmediate(() => {
      room.compactionScheduled = false;
      if (room.state === 'open') void this.compact(room);
    });
  }

  /** Folds everything applied so far into one stored state. */
  async compact(room: Room): Promise<void> {
    while (room.compacting) await room.compacting;
    if (room.updatesSinceCompaction === 0 || room.state === 'failed' || room.state === 'destroyed') return;
    const started = performance.now();
    const upto = room.appliedSeq;
    const folded = room.updatesSinceCompaction;
    const state = Y.encodeStateAsUpdate(room.doc);
    room.compacting = this.store
      .compact(room.docName, state, upto)
      .then(() => {
        room.updatesSinceCompaction -= folded;
        this.metrics.compactions.inc();
        this.logger.debug('doc_compacted', { doc: room.docName, folded, bytes: state.byteLength, ms: Math.round(performance.now() - started) });
      })
      .catch((err) => this.logger.error('compaction_failed', { doc: room.docName, ...errorFields(err) }))
      .finally(() => {
        room.compacting = null;
      });
    await room.compacting;
  }

  private scheduleUnload(room: Room): void {
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null;
      void this.unload(room);
    }, this.options.unloadDelayMs);
    room.unloadTimer.unref();
  }

  private async unload(room: Room): Promise<void> {
    if (room.peers.size > 0 || room.state !== 'open') return;
    room.state = 'unloading';
    this.rooms.delete(room.docName);
    const done = (async () => {
      await room.whenApplied();
      await this.compact(room);
      room.destroy();
      this.logger.info('doc_unloaded', { doc: room.docName });
    })()
      .catch((err) => this.logger.error('unload_failed', { doc: room.docName, ...errorFields(err) }))
      .finally(() => this.unloading.delete(room.docName));
    this.unloading.set(room.docName, done);
    await done;
  }

  /** Shutdown: commit what is queued, compact and drop every room. Peers must be closed already. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(Array.from(this.loading.values()));
    await this.committer.drain();
    await Promise.all(Array.from(this.unloading.values()));
    for (const room of Array.from(this.rooms.values())) {
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      room.state = 'unloading';
      await this.compact(room);
      room.destroy();
    }
    this.rooms.clear();
  }
}
