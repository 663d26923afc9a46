// The app's y-websocket provider: the stock WebsocketProvider with (1) a socket that splits an oversized sync
// step 2 or update into frames under any server's cap, so a week of offline work always arrives, and (2) a
// reconnect backoff that only a connection that stayed up resets, so a server that accepts and then closes us
// (1009, 1011, 4503...) is retried exponentially, never in a loop; and (3) sends that leave the keystroke: the
// doc updates and awareness changes of a frame go out after it is painted (issue 13).
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { frameBatch } from '../platform/afterPaint';
import { splitSyncFrame } from '../../../common/splitUpdate';
import { MessageType, tokenSubprotocols } from '../../../common/syncProtocol';

/** Frames the client sends are at most this big: far under the server's default cap (16 MiB) and any sane one. */
export const MAX_SEND_FRAME_BYTES = 256 * 1024;
export const MAX_BACKOFF_MS = 10_000;
/** A connection that stayed up this long resets the backoff. */
export const STABLE_CONNECTION_MS = 30_000;

type SocketClass = typeof WebSocket;

/** A WebSocket class whose binary sends never exceed `maxFrameBytes` for sync messages. */
export function chunkingWebSocket(Base: SocketClass, maxFrameBytes = MAX_SEND_FRAME_BYTES): SocketClass {
  return class ChunkingWebSocket extends Base {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && data.byteLength > maxFrameBytes) {
        for (const frame of splitSyncFrame(data, maxFrameBytes)) super.send(frame);
        return;
      }
      super.send(data);
    }
  };
}

export interface RetryInfo {
  /** close code the server (or the network) gave */
  code: number;
  /** when the next attempt starts */
  delayMs: number;
  /** consecutive failed connections */
  failures: number;
}

export interface SyncProviderOptions {
  /** the platform WebSocket (tests pass `ws`) */
  WebSocketImpl?: SocketClass;
  maxFrameBytes?: number;
  maxBackoffMs?: number;
  stableMs?: number;
  onRetry?: (info: RetryInfo) => void;
  /** false: created disconnected (the caller connects once the local copy is checked) */
  connect?: boolean;
}

export function createSyncProvider(serverUrl: string, room: string, doc: Y.Doc, token: string, options: SyncProviderOptions = {}): WebsocketProvider {
  const Base = options.WebSocketImpl ?? globalThis.WebSocket;
  const maxBackoffMs = options.maxBackoffMs ?? MAX_BACKOFF_MS;
  const stableMs = options.stableMs ?? STABLE_CONNECTION_MS;
  // The token travels as a subprotocol (Sec-WebSocket-Protocol), not in the URL, so proxies do not log it.
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    protocols: tokenSubprotocols(token),
    connect: options.connect ?? true,
    maxBackoffTime: maxBackoffMs,
    disableBc: true,
    WebSocketPolyfill: chunkingWebSocket(Base, options.maxFrameBytes),
  });
  sendAfterPaint(provider);
  let failures = 0;
  let openedAt: number | null = null;
  provider.on('status', ({ status }) => {
    if (status === 'connected') openedAt = Date.now();
  });
  // y-websocket resets its own counter once a connection syncs; a server that sends its step 2 and then closes us
  // would be retried every 200 ms. Our count survives that; the provider adds one after this event.
  provider.on('connection-close', (event) => {
    const stayedUp = openedAt !== null && Date.now() - openedAt >= stableMs;
    openedAt = null;
    failures = stayedUp ? 0 : failures + 1;
    provider.wsUnsuccessfulReconnects = Math.max(0, failures - 1);
    const delayMs = Math.min(2 ** failures * 100, maxBackoffMs);
    if (provider.shouldConnect) options.onRetry?.({ code: event?.code ?? 1006, delayMs, failures });
  });
  return provider;
}

/**
 * Replaces the provider's two send handlers (doc `update`, awareness `update`) with ones that gather a frame's
 * changes and send them after it is painted: the doc updates one message each, and one awareness message for the
 * clients whose state changed. Awareness received from the server is not echoed back (the server relayed it).
 * A disconnect sends what is gathered first; what never went out reaches the server with the next sync step.
 */
function sendAfterPaint(provider: WebsocketProvider): void {
  const send = (message: Uint8Array) => {
    const ws = provider.ws;
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(message);
  };
  // Each update goes as its own message, as the stock provider sends it, so a peer applies the same transactions
  // (a frame rarely holds more than one update: deferring, not merging, takes the send out of the keystroke).
  const updates = frameBatch<Uint8Array>((batch) => {
    for (const update of batch) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      send(encoding.toUint8Array(encoder));
    }
  });
  const awareness = frameBatch<number[]>((batch) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(provider.awareness, [...new Set(batch.flat())]));
    send(encoding.toUint8Array(encoder));
  });
  provider.doc.off('update', provider._updateHandler);
  provider.awareness.off('update', provider._awarenessUpdateHandler);
  // destroy() detaches whatever these fields hold
  provider._updateHandler = (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) updates.add(update);
  };
  provider._awarenessUpdateHandler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin !== provider) awareness.add([...added, ...updated, ...removed]);
  };
  provider.doc.on('update', provider._updateHandler);
  provider.awareness.on('update', provider._awarenessUpdateHandler);
  const flush = () => {
    updates.flush();
    awareness.flush();
  };
  const disconnect = provider.disconnect.bind(provider);
  provider.disconnect = () => {
    flush();
    disconnect();
  };
  // A page going away sends what it gathered (its last keystroke, a comment just posted).
  if (typeof window === 'undefined') return;
  window.addEventListener('pagehide', flush);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    window.removeEventListener('pagehide', flush);
    destroy();
  };
}
