// The loaded rooms: one Room (Y.Doc + awareness + peers) per loaded document. Loads from the
// DocStore on first use, applies and broadcasts updates only after the GroupCommitter has made them durable,
// compacts every `compactEvery` updates and on unload, and unloads a room `unloadDelayMs` after its last peer.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../common/closeCodes';
import { capabilitiesOf, readsProjection } from '../common/roles';
import { commenterCommentsDocName, commentsProjectionDocName, workspaceProjectionDocName, type RoomRef } from '../common/rooms';
import type { TokenClaims } from '../common/tokenClaims';
import { newServerDoc, replayInto } from './storage/compaction';
import type { DocStore } from './storage/docStore';
import { errorFields, type Logger } from './log';
import type { Metrics } from './metrics';
import { GroupCommitter, type Committed, type PendingWrite } from './storage/groupCommit';
import { encodeAwareness, encodeUpdate } from './wireMessages';
import { mirrorWorkspace } from './workspaceProjection';
import { mirrorComments } from './commentsProjection';
import { mirrorCommenterComments, writeBackCommenterChange, writeBackProblem } from './commenterProjection';
import type { RedisFanout } from './fanout';

/** Origin of what another instance committed and fanned out (fanout.ts): applied here, never published again. */
export const FANOUT_ORIGIN = Symbol('fanout');

/** Writes into a projection doc what its readers may see of the source doc. */
type Mirror = (source: Y.Doc, target: Y.Doc) => void;
/** Writes into the source what a reader's accepted update changed in their projection (`before` -> `after`); or,
 *  writing nothing, returns why it may not be carried there. */
type WriteBack = (before: Y.Doc, after: Y.Doc, source: Y.Doc) => string | null;

interface Projection {
  docName: string;
  mirror: Mirror;
  /** set for projections their reader writes to (commenterProjection.ts) */
  writeBack?: WriteBack;
}

/** The projection a reader with `claims` reads instead of room `ref` (common/roles.ts `reads`), or null. */
function projectionOf(ref: RoomRef, claims: Pick<TokenClaims, 'role' | 'stakeholder' | 'sub'>): Projection | null {
  if (!readsProjection(claims.role, ref.kind)) return null;
  if (ref.kind === 'comments' && capabilitiesOf(claims.role).reads.comments === 'own-or-open') {
    const reader = { sub: claims.sub };
    return {
      docName: commenterCommentsDocName(ref.workspaceId, ref.docId, claims.sub),
      mirror: (source, target) => mirrorCommenterComments(source, target, reader),
      writeBack: (before, after, source) => {
        const problem = writeBackProblem(before, after, source, reader);
        if (problem === null) writeBackCommenterChange(before, after, source);
        return problem;
      },
    };
  }
  switch (ref.kind) {
    case 'workspace': {
      const docName = workspaceProjectionDocName(ref.workspaceId, claims.stakeholder);
      const reader = docName.split('.').length === 3 ? { stakeholder: claims.stakeholder } : {};
      return { docName, mirror: (source, target) => mirrorWorkspace(source, target, reader) };
    }
    case 'comments':
      return { docName: commentsProjectionDocName(ref.workspaceId, ref.docId), mirror: mirrorComments };
    case 'document':
      return null;
  }
}

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
  /** a server-maintained projection (workspaceProjection.ts, commentsProjection.ts, commenterProjection.ts): a sync
   *  step 2 from a reader who may not write is dropped; a writer's accepted updates go through LoadedRooms.submitFrom */
  projection = false;
  appliedSeq = 0;
  updatesSinceCompaction = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  compacting: Promise<void> | null = null;
  compactionScheduled = false;
  /** deleted items counted in the doc (cached until the next change), for the fan-out summaries */
  deletedCount: number | null = null;
  /** what another instance announced that this room lacked (fan-out); checked again one period later */
  behind: { sv: Map<number, number>; deleted: number } | null = null;
  private appliedWaiters: Array<() => void> = [];
  /** awareness changes, with their origin (set by LoadedRooms to fan out its own connections' presence) */
  onAwarenessChange: ((changed: number[], origin: unknown) => void) | null = null;

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
        const changed = added.concat(updated, removed);
        if (this.peers.size > 0) this.broadcast(encodeAwareness(this.awareness, changed));
        this.onAwarenessChange?.(changed, origin);
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

/** A projection kept in step with its source room while it has readers. */
interface ProjectionLink {
  room: Room;
  source: Room;
  /** joins the source as a peer so it stays loaded; receives nothing */
  holder: Peer;
  writeBack?: WriteBack;
  stop(): void;
}

let nextHolderId = -1;

interface WriteContext {
  room: Room;
  origin: Peer | null;
}

export class LoadedRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly committer: GroupCommitter<WriteContext>;
  /** projections with readers, by projection doc name */
  private readonly links = new Map<string, ProjectionLink>();
  private readonly linking = new Map<string, Promise<void>>();
  /** fanned-out updates that arrived while their document was loading, applied once it is */
  private readonly earlyRemote = new Map<string, Uint8Array[]>();

  constructor(
    private readonly store: DocStore,
    private readonly options: LoadedRoomsOptions,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    /** other instances (Redis); null for a single instance */
    private readonly fanout: RedisFanout | null = null,
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

  /** Clients' awareness ids (states and remembered clocks) held across loaded rooms; the rooms' own are not counted. */
  get awarenessClientCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) for (const id of room.awareness.meta.keys()) if (id !== room.awareness.clientID) n++;
    return n;
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

  /**
   * The room a connection with `claims` reads for `docName`: the stored room, or, where common/roles.ts says the
   * role reads a projection, the projection room, kept in step with its source as long as it has readers.
   */
  async acquireFor(docName: string, ref: RoomRef, claims: Pick<TokenClaims, 'role' | 'stakeholder' | 'sub'>): Promise<Room> {
    const projection = projectionOf(ref, claims);
    if (!projection) return this.acquire(docName, ref);
    for (;;) {
      const room = await this.acquire(projection.docName, ref);
      room.projection = true;
      await this.link(room, docName, ref, projection.mirror, projection.writeBack);
      if (room.state === 'open') return room;
    }
  }

  /**
   * Queues an update accepted from `origin`. In a projection its reader writes to (commenterProjection.ts), what the
   * update changes is first written into the source (queued before the projection's own write, so the mirror that
   * follows finds both sides equal). Returns why the update may not be carried to the source (the caller refuses
   * it; nothing is queued), or null. A projection that has lost its source closes the writer, who resends later.
   */
  submitFrom(room: Room, origin: Peer, update: Uint8Array): string | null {
    if (!room.projection) {
      this.submit(room, origin, update);
      return null;
    }
    const link = this.links.get(room.docName);
    if (!link?.writeBack) {
      if (link) this.submit(room, origin, update); // a read-only projection: policy.ts accepted nothing that changes it
      else origin.close(INTERNAL_ERROR, 'document reloaded');
      return null;
    }
    const before = scratchOf(room.doc, room.unapplied);
    const after = scratchOf(room.doc, room.unapplied);
    const source = scratchOf(link.source.doc, link.source.unapplied);
    const updates: Uint8Array[] = [];
    let problem: string | null;
    try {
      Y.applyUpdate(after, update);
      source.on('update', (u: Uint8Array) => updates.push(u));
      problem = link.writeBack(before, after, source);
    } finally {
      before.destroy();
      after.destroy();
      source.destroy();
    }
    if (problem !== null) return problem;
    if (updates.length > 0) this.submit(link.source, null, Y.mergeUpdates(updates));
    this.submit(room, origin, update);
    return null;
  }

  private async link(room: Room, sourceName: string, ref: RoomRef, mirror: Mirror, writeBack?: WriteBack): Promise<void> {
    for (;;) {
      const pending = this.linking.get(room.docName);
      if (pending) {
        await pending;
        continue;
      }
      const linked = this.links.get(room.docName);
      if (linked && linked.room === room && linked.source.state === 'open') return;
      if (linked) this.unlink(room.docName);
      const linking = this.startLink(room, sourceName, ref, mirror, writeBack).finally(() => this.linking.delete(room.docName));
      this.linking.set(room.docName, linking);
      await linking;
      return;
    }
  }

  private async startLink(room: Room, sourceName: string, ref: RoomRef, mirror: Mirror, writeBack?: WriteBack): Promise<void> {
    const source = await this.acquire(sourceName, ref);
    const holder: Peer = { id: nextHolderId--, send() {}, close: () => this.unlink(room.docName, true) };
    this.join(source, holder);
    let dirty = false;
    let running: Promise<void> | null = null;
    const refresh = (): Promise<void> => {
      dirty = true;
      running ??= (async () => {
        while (dirty && room.state === 'open' && source.state === 'open') {
          dirty = false;
          await room.whenApplied();
          const change = projectedChange(source.doc, room.doc, mirror);
          if (change) {
            this.submit(room, null, change);
            await room.whenApplied();
          }
        }
      })()
        .catch((err) => this.logger.error('projection_failed', { doc: room.docName, ...errorFields(err) }))
        .finally(() => {
          running = null;
        });
      return running;
    };
    const onUpdate = () => void refresh();
    source.doc.on('update', onUpdate);
    this.links.set(room.docName, { room, source, holder, ...(writeBack ? { writeBack } : {}), stop: () => source.doc.off('update', onUpdate) });
    await refresh();
  }

  private unlink(name: string, closeReaders = false): void {
    const link = this.links.get(name);
    if (!link) return;
    this.links.delete(name);
    link.stop();
    this.leave(link.source, link.holder);
    if (closeReaders) for (const peer of Array.from(link.room.peers.keys())) peer.close(INTERNAL_ERROR, 'document reloaded');
  }

  private async load(docName: string, ref: RoomRef): Promise<Room> {
    const started = performance.now();
    const fanned = this.fanout !== null && fansOut(docName);
    if (fanned) {
      // Subscribed before reading the store: an update committed elsewhere is either in what we read or arrives
      // as a message (kept in earlyRemote until the room exists).
      this.earlyRemote.set(docName, []);
      await this.fanout?.subscribe(docName);
    }
    let stored: Awaited<ReturnType<DocStore['load']>>;
    try {
      stored = await this.store.load(docName);
    } catch (err) {
      this.earlyRemote.delete(docName);
      if (fanned) this.fanout?.unsubscribe(docName);
      throw err;
    }
    const room = new Room(docName, ref);
    const failed = replayInto(room.doc, stored);
    const early = this.earlyRemote.get(docName) ?? [];
    this.earlyRemote.delete(docName);
    for (const update of early) {
      try {
        Y.applyUpdate(room.doc, update, FANOUT_ORIGIN);
      } catch {
        /* counted nowhere: the store holds it and the next load retries */
      }
    }
    if (fanned) {
      // afterTransaction, not 'update': an 'update' observer makes Yjs encode every transaction as an update.
      room.doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (changedDoc(tr)) room.deletedCount = null;
      });
      room.onAwarenessChange = (changed, origin) => {
        // Our own connections' presence (and its removal when they leave); never what came from Redis or timeouts.
        if (origin === FANOUT_ORIGIN || origin === 'timeout' || changed.length === 0) return;
        if (origin !== null && !room.peers.has(origin as Peer)) return;
        this.fanout?.publishAwareness(docName, awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed));
      };
    }
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
    if (fanned) {
      this.announce(room);
      this.startAnnouncing();
    }
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
    if (room.peers.size === 0 && this.links.get(room.docName)?.room === room) this.unlink(room.docName);
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
      if (this.fanout && fansOut(room.docName)) this.fanout.publishUpdate(room.docName, write.update);
      if (room.updatesSinceCompaction >= this.options.compactEvery) this.scheduleCompaction(room);
    }
  }

  private commitFailed(batch: PendingWrite<WriteContext>[], err: unknown): void {
    this.logger.error('commit_failed', { updates: batch.length, ...errorFields(err) });
    for (const write of batch) {
      write.context.room.shiftUnapplied();
      // The client still has its update and sends it again in its sync step 2 after reconnecting.
      write.context.origin?.close(CloseCode.StorageUnavailable, 'storage unavailable, nothing was saved');
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
      this.fanout?.unsubscribe(room.docName);
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
      this.fanout?.unsubscribe(room.docName);
      this.logger.info('doc_unloaded', { doc: room.docName });
    })()
      .catch((err) => this.logger.error('unload_failed', { doc: room.docName, ...errorFields(err) }))
      .finally(() => this.unloading.delete(room.docName));
    this.unloading.set(room.docName, done);
    await done;
  }

  /** Shutdown: commit what is queued, compact and drop every room. Peers must be closed already. */
  async closeAll(): Promise<void> {
    if (this.announceTimer) clearInterval(this.announceTimer);
    this.announceTimer = null;
    for (const name of Array.from(this.links.keys())) this.unlink(name);
    await Promise.allSettled(Array.from(this.loading.values()));
    await this.committer.drain();
    await Promise.all(Array.from(this.unloading.values()));
    for (const room of Array.from(this.rooms.values())) {
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      room.state = 'unloading';
      await this.compact(room);
      room.destroy();
      this.fanout?.unsubscribe(room.docName);
    }
    this.rooms.clear();
  }

  /** Updates from other instances received in this event-loop turn, per room: applied at its end, see applyRemote. */
  private remoteBatches = new Map<Room, Uint8Array[]>();

  /**
   * An update another instance committed and published: sent to our peers at once, as received, and applied to
   * the room's doc at the end of this event-loop turn, in one Yjs transaction with the other updates the same
   * Redis read brought for this room (a transaction's fixed cost is most of applying a keystroke's update).
   * Nothing else runs in between: every other reader of the doc (a connection's sync, a local commit, a summary,
   * compaction) runs in a later callback. Never re-published.
   *
   * Forwarding as received is enough for our peers even when the update waits for a dependency: the peer then
   * holds it pending as we do, and a peer that joined later got it in its sync step 2 (Yjs includes pending
   * structs in encodeStateAsUpdate). An update we already had is forwarded too, which Yjs ignores.
   */
  applyRemote(docName: string, update: Uint8Array): void {
    const early = this.earlyRemote.get(docName);
    if (early) {
      early.push(update);
      return;
    }
    const room = this.rooms.get(docName);
    if (!room || room.state !== 'open') return;
    if (room.peers.size > 0) room.broadcast(encodeUpdate(update));
    const batch = this.remoteBatches.get(room);
    if (batch) batch.push(update);
    else {
      if (this.remoteBatches.size === 0) process.nextTick(this.applyRemoteBatches);
      this.remoteBatches.set(room, [update]);
    }
  }

  private readonly applyRemoteBatches = (): void => {
    const batches = this.remoteBatches;
    this.remoteBatches = new Map();
    for (const [room, updates] of batches) {
      if (room.state !== 'open') continue;
      room.doc.transact(() => {
        for (const update of updates) {
          try {
            Y.applyUpdate(room.doc, update, FANOUT_ORIGIN);
            this.metrics.fanoutApplied.inc();
          } catch (err) {
            this.logger.warn('fanout_apply_failed', { doc: room.docName, ...errorFields(err) });
          }
        }
      }, FANOUT_ORIGIN);
      // A gap: an update builds on structs we never received (an instance committed them and died before
      // publishing, or a message was lost). The store has them: read it again.
      if (room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null) this.scheduleResync(room);
    }
  };

  private readonly resyncing = new Set<Room>();

  private scheduleResync(room: Room): void {
    if (this.resyncing.has(room)) return;
    this.resyncing.add(room);
    void this.resync(room).finally(() => this.resyncing.delete(room));
  }

  private announceTimer: NodeJS.Timeout | null = null;

  private startAnnouncing(): void {
    if (this.announceTimer || !this.fanout) return;
    this.announceTimer = setInterval(() => this.announceAll(), ANNOUNCE_MS);
    this.announceTimer.unref();
  }

  /** Every period: a room still behind what another instance announced last period is re-read; then announce. */
  private announceAll(): void {
    for (const room of this.rooms.values()) {
      if (room.state !== 'open' || !fansOut(room.docName)) continue;
      const behind = room.behind;
      room.behind = null;
      if (behind && isBehind(room, behind.sv, behind.deleted)) this.scheduleResync(room);
      this.announce(room);
    }
  }

  private announce(room: Room): void {
    this.fanout?.publishState(room.docName, encodeSummary(deletedCountOf(room), Y.encodeStateVector(room.doc)));
  }

  /** Another instance's summary: remember what we lack; re-read only if still lacking one period later. */
  applyRemoteState(docName: string, summary: Uint8Array): void {
    const room = this.rooms.get(docName);
    if (!room || room.state !== 'open') return;
    const { deleted, sv } = decodeSummary(summary);
    if (!isBehind(room, sv, deleted)) return;
    const prev = room.behind;
    if (prev) {
      for (const [client, clock] of sv) prev.sv.set(client, Math.max(clock, prev.sv.get(client) ?? 0));
      prev.deleted = Math.max(prev.deleted, deleted);
    } else room.behind = { sv, deleted };
  }

  /** Presence from another instance's connections. */
  applyRemoteAwareness(docName: string, update: Uint8Array): void {
    const room = this.rooms.get(docName);
    if (!room || room.state !== 'open') return;
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, FANOUT_ORIGIN);
  }

  /**
   * Re-reads every loaded (fanned-out) document from the store, the durable truth, and applies and broadcasts
   * what this instance lacks: what was published while it was cut off from Redis. Retried while the store fails.
   */
  async resyncAll(): Promise<void> {
    const rooms = Array.from(this.rooms.values()).filter((r) => r.state === 'open' && fansOut(r.docName));
    await Promise.all(rooms.map((room) => this.resync(room)));
  }

  private async resync(room: Room): Promise<void> {
    for (let attempt = 0; room.state === 'open'; attempt++) {
      try {
        const stored = await this.store.load(room.docName);
        if (room.state !== 'open') return;
        const scratch = newServerDoc();
        replayInto(scratch, stored);
        // encodeStateAsUpdate always carries the whole delete set, so deletions missed are included too.
        const diff = Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(room.doc));
        scratch.destroy();
        this.metrics.fanoutResyncs.inc();
        this.applyRemote(room.docName, diff);
        return;
      } catch (err) {
        if (attempt === 0) this.logger.warn('resync_failed', { doc: room.docName, ...errorFields(err) });
        await new Promise((r) => setTimeout(r, Math.min(200 * (attempt + 1), 2_000)));
      }
    }
  }
}

/** A scratch copy of `doc` with the accepted but not yet applied `unapplied` updates. */
function scratchOf(doc: Y.Doc, unapplied: readonly Uint8Array[]): Y.Doc {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  for (const u of unapplied) Y.applyUpdate(scratch, u);
  return scratch;
}

/** The update that brings projection `target` in step with `source` for `reader`, or null when none is needed.
 *  Written on a scratch copy: the room's doc changes only once the update is committed. */
function projectedChange(source: Y.Doc, target: Y.Doc, mirror: Mirror): Uint8Array | null {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(target));
  const updates: Uint8Array[] = [];
  scratch.on('update', (u: Uint8Array) => updates.push(u));
  mirror(source, scratch);
  scratch.destroy();
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}

/** Projections (pub.*) are derived by each instance from its own, fanned-out, source rooms: not fanned out. */
const fansOut = (docName: string): boolean => !docName.startsWith('pub.');

/** How often each instance announces its loaded documents' summaries (fan-out gap detection). */
const ANNOUNCE_MS = 2_000;

/** Whether a transaction changed its doc (new structs or deletions): Yjs emits 'update' for exactly these. */
function changedDoc(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** Deleted items in a doc (cached on the room until its next change). */
function deletedCountOf(room: Room): number {
  if (room.deletedCount !== null) return room.deletedCount;
  let n = 0;
  for (const structs of room.doc.store.clients.values()) for (const s of structs) if (s.deleted) n += s.length;
  room.deletedCount = n;
  return n;
}

function isBehind(room: Room, sv: Map<number, number>, deleted: number): boolean {
  const own = Y.decodeStateVector(Y.encodeStateVector(room.doc));
  for (const [client, clock] of sv) if ((own.get(client) ?? 0) < clock) return true;
  return deletedCountOf(room) < deleted;
}

function encodeSummary(deleted: number, sv: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, deleted);
  encoding.writeVarUint8Array(encoder, sv);
  return encoding.toUint8Array(encoder);
}

function decodeSummary(summary: Uint8Array): { deleted: number; sv: Map<number, number> } {
  const decoder = decoding.createDecoder(summary);
  const deleted = decoding.readVarUint(decoder);
  return { deleted, sv: Y.decodeStateVector(decoding.readVarUint8Array(decoder)) };
}
