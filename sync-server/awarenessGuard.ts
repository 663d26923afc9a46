// Awareness (presence) is bound to the connection and its token. Per connection:
//   - its own client id is the first one it announces in an awareness update that no other connection of the
//     room owns; it may hold that one state and no other;
//   - entries for any other client id are dropped, not applied: the stock y-websocket client echoes every remote
//     state it receives and broadcasts the removal of states it timed out, so such entries are normal traffic and
//     must not cost the sender its connection (they are counted in rapporteur_awareness_dropped_total);
//   - its own state must be a JSON object of at most maxStateBytes, whose `user.name` and `user.id`, when present,
//     are the token's name and sub; anything else is refused (the connection closes with ForbiddenUpdate, as a
//     forbidden document change does), because no honest client sends it;
//   - awareness and query-awareness messages pass a token bucket (ratePerSecond, burst); messages over it are
//     dropped, since the next presence update supersedes them anyway.
// Wire format of an awareness update (y-protocols/awareness.js encodeAwarenessUpdate), read and written here:
//   varUint(count) { varUint(clientID) varUint(clock) varString(JSON state, `null` for removed) }*
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** the JSON text as sent; 'null' removes the state */
  json: string;
}

export interface AwarenessLimits {
  /** bytes of one state's JSON text */
  maxStateBytes: number;
  ratePerSecond: number;
  burst: number;
}

export interface AwarenessIdentity {
  sub: string;
  name: string;
}

export type AwarenessVerdict =
  /** apply `update` (only the connection's own entry); `dropped` entries were left out */
  | { kind: 'apply'; update: Uint8Array; dropped: number }
  /** nothing to apply: over the rate, or only other clients' entries */
  | { kind: 'drop'; reason: 'rate' | 'other-client'; dropped: number }
  | { kind: 'refuse'; reason: string };

export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientID, clock, json: decoding.readVarString(decoder) });
  }
  return entries;
}

export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientID);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.json);
  }
  return encoding.toUint8Array(encoder);
}

/** Why `json` is not an acceptable own state for `who`, or null when it is. Throws when it is not JSON (malformed). */
export function stateProblem(json: string, who: AwarenessIdentity, maxStateBytes: number): string | null {
  if (Buffer.byteLength(json, 'utf8') > maxStateBytes) return `awareness state larger than ${maxStateBytes} bytes`;
  const state: unknown = JSON.parse(json);
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) return 'awareness state is not an object';
  const user = (state as { user?: unknown }).user;
  if (user === undefined) return null;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return 'awareness user is not an object';
  const { name, id } = user as { name?: unknown; id?: unknown };
  if (name !== undefined && name !== who.name) return "awareness user.name is not the token's name";
  if (id !== undefined && id !== who.sub) return "awareness user.id is not the token's sub";
  return null;
}

/** Refills `burst` tokens at `ratePerSecond`; take() spends one. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Client ids owned in one room, by owner (a connection). One map per room's Awareness, kept here. */
const ownersByRoom = new WeakMap<object, Map<number, object>>();

function ownersOf(room: object): Map<number, object> {
  let owners = ownersByRoom.get(room);
  if (!owners) ownersByRoom.set(room, (owners = new Map()));
  return owners;
}

/** One connection's awareness rules. `room` is any object identifying the room (its Awareness instance). */
export class AwarenessGuard {
  private own: number | null = null;
  private readonly bucket: TokenBucket;

  constructor(
    private readonly room: object,
    private readonly who: AwarenessIdentity,
    private readonly limits: AwarenessLimits,
    now?: () => number,
  ) {
    this.bucket = new TokenBucket(limits.ratePerSecond, limits.burst, now);
  }

  get ownClientId(): number | null {
    return this.own;
  }

  /** Rate check for any awareness traffic (updates and queries). */
  allow(): boolean {
    return this.bucket.take();
  }

  /** Throws (lib0 decoding, JSON) when the update cannot be decoded; the caller treats that as malformed. */
  check(update: Uint8Array): AwarenessVerdict {
    if (!this.allow()) return { kind: 'drop', reason: 'rate', dropped: 1 };
    const entries = readAwarenessUpdate(update);
    const owners = ownersOf(this.room);
    if (this.own === null) {
      const claimable = entries.find((e) => e.json !== 'null' && !owners.has(e.clientID));
      if (claimable) {
        this.own = claimable.clientID;
        owners.set(claimable.clientID, this);
      }
    }
    const mine = entries.filter((e) => e.clientID === this.own);
    const dropped = entries.length - mine.length;
    // Several entries for the same own id in one message: only the last one counts (as y-protocols would apply).
    const last = mine[mine.length - 1];
    if (!last) return { kind: 'drop', reason: 'other-client', dropped };
    const problem = stateProblem(last.json, this.who, this.limits.maxStateBytes);
    if (problem) return { kind: 'refuse', reason: problem };
    return { kind: 'apply', update: writeAwarenessUpdate([last]), dropped: dropped + mine.length - 1 };
  }

  /** Frees the own client id (call after the connection's state was removed from the room). */
  release(): number | null {
    const own = this.own;
    if (own !== null && ownersOf(this.room).get(own) === this) ownersOf(this.room).delete(own);
    this.own = null;
    return own;
  }
}
