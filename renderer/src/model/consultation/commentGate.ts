// Who may add what, when. Stakeholder comments on a draft are taken only while its consultation is open (phase
// consultation and today within the window, both dates included); outside it they are refused with a message
// saying why. Editors may always annotate (purpose 'annotation'), and may enter a stakeholder's submission late
// when it arrived within the window (receivedOn). Commenters' replies follow the same window; editors' do not.
// Documents without phases (meetings, contributions) take comments at any time.
import type * as Y from 'yjs';
import { capabilitiesOf } from '../../../../common/roles';
import { addReply, addThread, type NewThreadInput } from '../comments/commentsDoc';
import { ModelError } from '../modelError';
import type { Actor, Purpose } from '../comments/threadTypes';
import { consultationStatus, localIsoDate, readPhaseState, type PhaseState } from './phases';

function closedError(state: PhaseState, today: string): ModelError | null {
  switch (consultationStatus(state, today)) {
    case 'open':
      return null;
    case 'notOpenYet':
      return new ModelError('consultation.error.notOpenYet', `The consultation opens on ${state.opensOn}; stakeholder comments are taken from then.`, { opensOn: state.opensOn! });
    case 'closed':
      return new ModelError('consultation.error.closed', `The consultation closed on ${state.closesOn}; no more stakeholder comments are taken.`, { closesOn: state.closesOn! });
    default:
      return new ModelError('consultation.error.notInConsultation', `Stakeholder comments are taken only during a consultation; this draft is in ${state.phase}.`, { phase: state.phase });
  }
}

/** Throws a ModelError (i18n id + English) when `actor` may not add a comment of `purpose` to the document now. */
export function assertMayComment(document: Y.Doc, purpose: Purpose, actor: Actor, opts: { today?: string; receivedOn?: string } = {}): void {
  const can = capabilitiesOf(actor.role);
  if (!can.comment) throw new ModelError('comments.error.readOnly', 'You can read comments but not write them.');
  if (purpose === 'annotation') {
    if (!can.annotate) throw new ModelError('comments.error.commenterAnnotation', 'Commenters add stakeholder comments, not annotations.');
    return;
  }
  const state = readPhaseState(document);
  if (!state) return;
  const today = opts.today ?? localIsoDate();
  const refusal = closedError(state, today);
  if (!refusal) return;
  // A submission that arrived within the window, entered afterwards by an editor.
  if (can.enterLateComments && opts.receivedOn && state.opensOn && state.closesOn && opts.receivedOn >= state.opensOn && opts.receivedOn <= state.closesOn && opts.receivedOn <= today)
    return;
  throw refusal;
}

export function assertMayReply(document: Y.Doc, actor: Actor, opts: { today?: string } = {}): void {
  const can = capabilitiesOf(actor.role);
  if (!can.comment) throw new ModelError('comments.error.readOnly', 'You can read comments but not write them.');
  if (can.enterLateComments) return;
  const state = readPhaseState(document);
  const refusal = state && closedError(state, opts.today ?? localIsoDate());
  if (refusal) throw refusal;
}

/** addThread behind the gate. `document` is the commented document's Y.Doc (for its phase), `comments` its companion. */
export function addComment(document: Y.Doc, comments: Y.Doc, input: NewThreadInput, actor: Actor, opts: { today?: string; now?: number; id?: string } = {}): string {
  assertMayComment(document, input.purpose, actor, { today: opts.today, receivedOn: input.receivedOn });
  return addThread(comments, input, actor, { now: opts.now, id: opts.id });
}

export function addCommentReply(document: Y.Doc, comments: Y.Doc, threadId: string, body: string, actor: Actor, opts: { today?: string; now?: number } = {}): string {
  assertMayReply(document, actor, { today: opts.today });
  return addReply(comments, threadId, body, actor, { now: opts.now });
}
