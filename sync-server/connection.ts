// One websocket connection: reads frames, answers sync step 1, passes updates through the role policy to the
// loaded room, relays awareness. Any frame that cannot be decoded closes this connection only (MalformedMessage);
// a refused update closes it with ForbiddenUpdate. Nothing here throws into `ws`.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../common/closeCodes';
import type { RoomRef } from '../common/rooms';
import type { TokenClaims } from '../common/tokenClaims';
import type { LoadedRooms, Peer, Room } from './loadedRooms';
import { errorFields, type Logger } from './log';
import { AwarenessGuard, type AwarenessLimits } from './awarenessGuard';
import type { Metrics } from './metrics';
import { decideUpdate } from './policy';
import { splitSyncFrame } from '../common/splitUpdate';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, MalformedMessageError, readMessage } from './wireMessages';
import { MalformedUpdateError } from './updateEffect';

export interface ConnectionDeps {
  rooms: LoadedRooms;
  metrics: Metrics;
  logger: Logger;
  maxBufferedBytes: number;
  maxEarlyMessages: number;
  maxHeldBytes: number;
  /** the frame cap (--max-message-bytes): a sync step 2 answer larger than it is split */
  maxFrameBytes: number;
  awareness: AwarenessLimits;
}

let nextId = 1;
/** setTimeout's limit; tokens expiring later than this are not timed (they are re-checked on reconnect). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Connection implements Peer {
  readonly id = nextId++;
  alive = true;
  private room: Room | null = null;
  private closed = false;
  private early: Uint8Array[] = [];
  private held: Uint8Array | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  /** set once the room is joined: this connection's awareness rules (awarenessGuard.ts) */
  private awareness: AwarenessGuard | null = null;
  /** the socket is corked until the end of this tick (see send) */
  private corked = false;

  constructor(
    private readonly ws: WebSocket,
    /** the upgraded socket under `ws` */
    private readonly socket: Pick<Duplex, 'cork' | 'uncork'>,
    readonly claims: TokenClaims,
    readonly ref: RoomRef,
    readonly docName: string,
    readonly ip: string,
    private readonly deps: ConnectionDeps,
    private readonly onGone: (conn: Connection) => void,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', (code) => this.onClose(code));
    ws.on('error', (err) => deps.logger.warn('socket_error', { conn: this.id, ...errorFields(err) }));
    const msLeft = claims.exp * 1000 - Date.now();
    if (msLeft < MAX_TIMER_MS) {
      this.expiryTimer = setTimeout(() => this.close(CloseCode.TokenExpired, 'token expired'), Math.max(0, msLeft));
      this.expiryTimer.unref();
    }
  }

  /** Loads the room, joins it, sends our sync step 1 and the current awareness, then handles early frames. */
  async start(): Promise<void> {
    let room: Room;
    try {
      room = await this.deps.rooms.acquireFor(this.docName, this.ref, this.claims);
    } catch (err) {
      this.deps.logger.error('doc_load_failed', { doc: this.docName, ...errorFields(err) });
      this.close(CloseCode.StorageUnavailable, 'document unavailable');
      return;
    }
    if (this.closed) return;
    this.room = room;
    this.awareness = new AwarenessGuard(room.awareness, this.claims, this.deps.awareness);
    this.deps.rooms.join(room, this);
    this.send(encodeSyncStep1(room.doc));
    const states = room.awareness.getStates();
    if (states.size > 0) this.send(encodeAwareness(room.awareness, Array.from(states.keys())));
    const early = this.early;
    this.early = [];
    for (const data of early) {
      if (this.closed) break;
      this.handle(room, data);
    }
  }

  /** The pieces of one answer: the slow-consumer check is made once, before the first. */
  private sendAll(frames: Uint8Array[]): void {
    const [first, ...rest] = frames;
    if (!first) return;
    this.send(first);
    for (const frame of rest) {
      if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
      this.ws.send(frame);
      this.deps.metrics.messagesOut.inc();
      this.deps.metrics.bytesOut.inc(frame.byteLength);
    }
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.deps.maxBufferedBytes) {
      this.deps.logger.warn('slow_consumer', { conn: this.id, buffered: this.ws.bufferedAmount });
      this.terminate();
      return;
    }
    // Every message to this peer in this tick (the updates of one group commit or of one Redis read, their
    // awareness) leaves in one write: a write to a loopback or LAN socket costs a system call and a wake-up of the
    // reader, far more than the bytes.
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(this.uncork);
    }
    this.ws.send(message);
    this.deps.metrics.messagesOut.inc();
    this.deps.metrics.bytesOut.inc(message.byteLength);
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.socket.uncork();
  };

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    this.leave();
  }

  terminate(): void {
    this.closed = true;
    this.ws.terminate();
    this.leave();
  }

  ping(): void {
    if (!this.alive) {
      this.deps.logger.info('connection_dead', { conn: this.id });
      this.terminate();
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.terminate();
    }
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    this.deps.metrics.messagesIn.inc();
    this.deps.metrics.bytesIn.inc(data.byteLength);
    if (!isBinary) {
      this.malformed('text frame');
      return;
    }
    if (!this.room) {
      if (this.early.length >= this.deps.maxEarlyMessages) this.close(CloseCode.PolicyViolation, 'too many messages before sync');
      else this.early.push(data);
      return;
    }
    this.handle(this.room, data);
  }

  private handle(room: Room, data: Uint8Array): void {
    try {
      const message = readMessage(data);
      switch (message.type) {
        case 'syncStep1':
          // A big backlog goes as several frames under the frame cap, the step 2 last (common/splitUpdate.ts).
          this.sendAll(splitSyncFrame(encodeSyncStep2(room.doc, message.stateVector), this.deps.maxFrameBytes));
          return;
        case 'syncStep2':
        case 'update':
          this.handleUpdate(room, message.update, message.type === 'syncStep2');
          return;
        case 'awareness':
          this.handleAwareness(room, message.update);
          return;
        case 'queryAwareness':
          if (this.awareness?.allow()) this.send(encodeAwareness(room.awareness, Array.from(room.awareness.getStates().keys())));
          else this.deps.metrics.awarenessDropped.inc(1, { reason: 'rate' });
          return;
        case 'auth':
          return; // the y-websocket auth message is server-to-client only; ignore
      }
    } catch (err) {
      if (err instanceof MalformedMessageError || err instanceof MalformedUpdateError) this.malformed(err.message);
      else {
        // Anything else (e.g. a JSON error inside an awareness update) is still the client's bad input.
        this.deps.logger.warn('message_failed', { conn: this.id, doc: this.docName, ...errorFields(err) });
        this.malformed('could not handle message');
      }
    }
  }

  private handleUpdate(room: Room, update: Uint8Array, syncStep2: boolean): void {
    const decision = decideUpdate({
      role: this.claims.role,
      room: this.ref.kind,
      who: this.claims,
      doc: room.doc,
      unapplied: room.unapplied,
      held: this.held,
      update,
      projectionSync: room.projection && syncStep2,
    });
    switch (decision.kind) {
      case 'accept': {
        this.held = null;
        const problem = this.deps.rooms.submitFrom(room, this, decision.update);
        if (problem !== null) this.refuse(problem);
        return;
      }
      case 'noop':
        return;
      case 'hold':
        if (decision.update.byteLength > this.deps.maxHeldBytes) {
          this.refuse('held update too large');
          return;
        }
        this.held = decision.update;
        this.deps.logger.debug('update_held', { conn: this.id, doc: this.docName, bytes: decision.update.byteLength });
        return;
      case 'refuse':
        this.refuse(decision.reason);
        return;
    }
  }

  private handleAwareness(room: Room, update: Uint8Array): void {
    if (!this.awareness) return;
    const verdict = this.awareness.check(update);
    switch (verdict.kind) {
      case 'apply':
        if (verdict.dropped > 0) this.deps.metrics.awarenessDropped.inc(verdict.dropped, { reason: 'other-client' });
        awarenessProtocol.applyAwarenessUpdate(room.awareness, verdict.update, this);
        return;
      case 'drop':
        this.deps.metrics.awarenessDropped.inc(verdict.dropped, { reason: verdict.reason });
        return;
      case 'refuse':
        this.deps.metrics.awarenessDropped.inc(1, { reason: 'refused' });
        this.deps.logger.warn('awareness_refused', { conn: this.id, doc: this.docName, role: this.claims.role, sub: this.claims.sub, reason: verdict.reason });
        this.close(CloseCode.ForbiddenUpdate, 'presence not allowed for your token');
        return;
    }
  }

  private refuse(reason: string): void {
    this.deps.metrics.refusedUpdates.inc(1, { role: this.claims.role });
    this.deps.logger.warn('update_refused', { conn: this.id, doc: this.docName, role: this.claims.role, sub: this.claims.sub, reason });
    this.close(CloseCode.ForbiddenUpdate, 'update not allowed for your role');
  }

  private malformed(reason: string): void {
    this.deps.metrics.malformedMessages.inc();
    this.deps.logger.warn('malformed_message', { conn: this.id, doc: this.docName, reason: reason.slice(0, 200) });
    this.close(CloseCode.MalformedMessage, 'malformed message');
  }

  private leave(): void {
    if (this.expiryTimer) {
      clearTimeout(this.expiryTimer);
      this.expiryTimer = null;
    }
    if (this.held) this.deps.logger.info('held_update_dropped', { conn: this.id, doc: this.docName });
    this.held = null;
    this.early = [];
    if (this.room) {
      const room = this.room;
      this.deps.rooms.leave(room, this);
      // The registry removed our state; forget its clock too, or every client id ever seen stays in memory.
      const own = this.awareness?.release() ?? null;
      if (own !== null && !room.awareness.states.has(own)) room.awareness.meta.delete(own);
      this.room = null;
    }
  }

  private onClose(code: number): void {
    this.closed = true;
    this.leave();
    this.onGone(this);
    this.deps.logger.info('connection_closed', { conn: this.id, doc: this.docName, code });
  }
}
