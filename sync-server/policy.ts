// Role enforcement for incoming updates (sync step 2 and update messages alike). A refused update is never
// stored, applied or broadcast; the caller closes the connection with CloseCode.ForbiddenUpdate.
import * as Y from 'yjs';
import type { RoomRef } from '../common/rooms';
import { capabilitiesOf, mayWrite, type Role } from '../common/roles';
import { checkCommenterUpdate, type CommenterIdentity } from './commenterPolicy';
import { decodeUpdateStrict, updateChangesDoc } from './updateEffect';
import { suggestionAuthorProblem } from './suggestionPolicy';

export type UpdateDecision =
  /** store, apply and broadcast `update` (for a held commenter update: the merge of held and new) */
  | { kind: 'accept'; update: Uint8Array }
  /** changes nothing (e.g. a sync step 2 with nothing new): drop silently */
  | { kind: 'noop' }
  /** keep `update` aside until the structs it depends on arrive */
  | { kind: 'hold'; update: Uint8Array }
  | { kind: 'refuse'; reason: string };

export interface UpdateContext {
  role: Role;
  room: RoomRef['kind'];
  /** the token's identity: the author id, name and stakeholder a commenter must use */
  who: CommenterIdentity;
  doc: Y.Doc;
  /** accepted updates of this room not applied to `doc` yet (queued or being committed) */
  unapplied: readonly Uint8Array[];
  /** this connection's held update, if any */
  held: Uint8Array | null;
  update: Uint8Array;
  /** a sync step 2 into a projection its reader may not write (loadedRooms.ts acquireFor): the reader's local copy may
   *  hold structs from an earlier full sync or another projection, so it is dropped, not refused. Live updates of
   *  such a reader are refused as anywhere else. */
  projectionSync?: boolean;
}

/** Throws MalformedUpdateError when the update cannot be decoded. */
export function decideUpdate(ctx: UpdateContext): UpdateDecision {
  const decoded = decodeUpdateStrict(ctx.update);
  if (capabilitiesOf(ctx.role).trustedWrites) {
    if (!updateChangesDoc(ctx.doc, decoded)) return { kind: 'noop' };
    // Suggestions in the body are attributed by the token (issue 12, sync-server/suggestionPolicy.ts).
    if (ctx.room === 'document') {
      const problem = suggestionAuthorProblem(ctx.doc, ctx.unapplied, ctx.update, decoded, ctx.who.sub);
      if (problem) return { kind: 'refuse', reason: problem };
    }
    return { kind: 'accept', update: ctx.update };
  }
  if (!mayWrite(ctx.role, ctx.room)) {
    if (ctx.projectionSync) return { kind: 'noop' };
    if (ctx.held === null && !updateChangesDoc(ctx.doc, decoded)) return { kind: 'noop' };
    return { kind: 'refuse', reason: `${ctx.role} may not change a ${ctx.room} doc` };
  }
  // A commenter in a comments room.
  const candidate = ctx.held ? Y.mergeUpdates([ctx.held, ctx.update]) : ctx.update;
  const candidateDecoded = ctx.held ? decodeUpdateStrict(candidate) : decoded;
  if (ctx.held === null && !updateChangesDoc(ctx.doc, decoded)) return { kind: 'noop' };
  const verdict = checkCommenterUpdate(ctx.doc, ctx.unapplied, candidate, candidateDecoded, ctx.who);
  if (!verdict.ok) return { kind: 'refuse', reason: verdict.reason };
  return verdict.pending ? { kind: 'hold', update: candidate } : { kind: 'accept', update: candidate };
}
