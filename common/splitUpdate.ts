// Splits one Yjs update (v1) into several, each at most `maxBytes` long, that apply one after another in causal
// order: a piece never needs a struct of a later piece. A week of offline work then travels as frames under any
// server's frame cap (client -> server and server -> client), and the stock protocol is unchanged: every piece is
// an ordinary update. Structs are re-encoded with Yjs's own Item.write; a struct larger than a piece (one big paste)
// is sliced the way Yjs slices it when merging updates. The delete set travels last, with the last piece when it fits.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from './syncProtocol';

interface Segment {
  encoder: Y.UpdateEncoderV1;
  count: number;
  firstClock: number;
  nextClock: number;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** Bytes of the frame around an update (message type, sync type, length prefix): generous. */
export const FRAME_OVERHEAD_BYTES = 16;

function encodedSize(s: Struct): number {
  const e = new Y.UpdateEncoderV1();
  s.write(e, 0);
  return encoding.length(e.restEncoder);
}

/** The right part of `left` from `diff` on; `left` keeps the first `diff` units (as Yjs's own sliceStruct). */
function sliceItem(left: Y.Item, diff: number): Y.Item {
  const { client, clock } = left.id;
  return new Y.Item(
    Y.createID(client, clock + diff),
    null,
    Y.createID(client, clock + diff - 1),
    null,
    left.rightOrigin,
    left.parent,
    left.parentSub,
    left.content.splice(diff),
  );
}

function depsOf(s: Struct): Y.ID[] {
  if (!(s instanceof Y.Item)) return [];
  const out: Y.ID[] = [];
  if (s.origin) out.push(s.origin);
  if (s.rightOrigin) out.push(s.rightOrigin);
  if (s.parent instanceof Y.ID) out.push(s.parent);
  return out;
}

/** Returns the update itself when it fits, else pieces that each fit (unless one struct cannot be sliced). */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update];
  const { structs } = Y.decodeUpdate(update) as { structs: Struct[] };
  const queues = new Map<number, Struct[]>();
  for (const s of structs) {
    const q = queues.get(s.id.client);
    if (q) q.push(s);
    else queues.set(s.id.client, [s]);
  }
  const firstClock = new Map<number, number>();
  const done = new Map<number, number>();
  const pos = new Map<number, number>();
  for (const [client, q] of queues) {
    const first = q[0]?.id.clock ?? 0;
    firstClock.set(client, first);
    done.set(client, first);
    pos.set(client, 0);
  }
  const satisfied = (id: Y.ID, own: number): boolean => {
    if (id.client === own) return true; // own structs go in clock order
    const first = firstClock.get(id.client);
    if (first === undefined || id.clock < first) return true; // the receiver has it already (or never will from us)
    return id.clock < (done.get(id.client) ?? 0);
  };

  const pieces: Uint8Array[] = [];
  const budget = Math.max(64, maxBytes - 64);
  let chunk = new Map<number, Segment>();
  let chunkBytes = 0;
  const flush = () => {
    if (chunk.size === 0) return;
    const e = new Y.UpdateEncoderV1();
    encoding.writeVarUint(e.restEncoder, chunk.size);
    for (const [client, seg] of chunk) {
      encoding.writeVarUint(e.restEncoder, seg.count);
      e.writeClient(client);
      encoding.writeVarUint(e.restEncoder, seg.firstClock);
      encoding.writeUint8Array(e.restEncoder, seg.encoder.toUint8Array());
    }
    encoding.writeVarUint(e.restEncoder, 0); // empty delete set
    pieces.push(e.toUint8Array());
    chunk = new Map();
    chunkBytes = 0;
  };
  const put = (s: Struct, size: number) => {
    const client = s.id.client;
    let seg = chunk.get(client);
    if ((seg && seg.nextClock !== s.id.clock) || chunkBytes + size > budget) {
      flush();
      seg = undefined;
    }
    if (!seg) {
      seg = { encoder: new Y.UpdateEncoderV1(), count: 0, firstClock: s.id.clock, nextClock: s.id.clock };
      chunk.set(client, seg);
      chunkBytes += 12;
    }
    s.write(seg.encoder, 0);
    seg.count++;
    seg.nextClock = s.id.clock + s.length;
    chunkBytes += size;
  };
  const emit = (s: Struct) => {
    const size = encodedSize(s);
    let cur = s;
    // A struct bigger than a piece is sliced (strings, JSON/any arrays, deleted ranges; embeds and binaries cannot be).
    if (size > budget && cur instanceof Y.Item && cur.length > 1 && cur.content.isCountable()) {
      const units = Math.max(1, Math.floor((cur.length * budget) / size / 4));
      while (cur.length > units) {
        const right = sliceItem(cur, units);
        put(cur, encodedSize(cur));
        cur = right;
      }
    }
    put(cur, cur === s ? size : encodedSize(cur));
    done.set(s.id.client, s.id.clock + s.length);
  };

  let remaining = structs.length;
  while (remaining > 0) {
    let progressed = false;
    for (const [client, q] of queues) {
      let i = pos.get(client) ?? 0;
      while (i < q.length) {
        const s = q[i] as Struct;
        if (s instanceof Y.Skip) {
          // a gap in this client's clocks: what follows starts a new run
          done.set(client, s.id.clock + s.length);
          flush();
        } else if (depsOf(s).every((d) => satisfied(d, client))) {
          emit(s);
        } else break;
        i++;
        remaining--;
        progressed = true;
      }
      pos.set(client, i);
    }
    if (!progressed) {
      // Not possible for a well-formed update; keep going rather than loop (the receiver holds what it cannot apply).
      for (const [client, q] of queues) {
        const i = pos.get(client) ?? 0;
        const s = q[i];
        if (s) {
          emit(s);
          pos.set(client, i + 1);
          remaining--;
          break;
        }
      }
    }
  }
  flush();
  // The delete set (compact ranges) goes with the last piece, or after it.
  const deletions = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update));
  const last = pieces.pop();
  const merged = last ? Y.mergeUpdates([last, deletions]) : deletions;
  if (last && merged.byteLength > maxBytes) pieces.push(last, deletions);
  else pieces.push(merged);
  return pieces;
}

const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * A y-websocket frame as frames under `maxFrameBytes`: a sync step 2 or update that is too big becomes several
 * update frames, the last keeping the original sync type (so a step 2 still marks the end of the initial exchange).
 * Any other frame is returned as it is.
 */
export function splitSyncFrame(frame: Uint8Array, maxFrameBytes: number): Uint8Array[] {
  if (frame.byteLength <= maxFrameBytes) return [frame];
  let syncType: number;
  let update: Uint8Array;
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.Sync) return [frame];
    syncType = decoding.readVarUint(d);
    if (syncType !== SYNC_STEP2 && syncType !== SYNC_UPDATE) return [frame];
    update = decoding.readVarUint8Array(d);
  } catch {
    return [frame];
  }
  const pieces = splitUpdate(update, maxFrameBytes - FRAME_OVERHEAD_BYTES);
  return pieces.map((piece, i) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, i === pieces.length - 1 ? syncType : SYNC_UPDATE);
    encoding.writeVarUint8Array(e, piece);
    return encoding.toUint8Array(e);
  });
}
