// The life of a draft output: drafting -> consultation (open and close dates) -> revision -> final.
//
// Allowed moves: drafting -> consultation | final (outputs that need no consultation); consultation -> revision;
// revision -> consultation (a further round) | final; final -> revision (reopened). Only editors move a draft.
// Entering a phase first records a named version of the draft (and of its comments) as it stands.
// Entering consultation needs its window: open and close dates (yyyy-mm-dd, inclusive), opening no later than
// it closes and closing no earlier than today. The window may be changed while in consultation.
//
// Stored in the document's `fields`: phase, consultationOpensOn, consultationClosesOn. Documents that are not
// drafts have no phase (readPhaseState returns null); a draft without the field is in 'drafting'.
import * as Y from 'yjs';
import { capabilitiesOf } from '../../../../common/roles';
import { docFields } from '../documentDoc';
import { isOneOf } from '../kinds';
import { ModelError } from '../modelError';
import type { Actor } from '../comments/threadTypes';
import { recordVersion, type StoredVersion } from './snapshots';
import { statusForPhase } from './reportStatus';

export const PHASES = ['drafting', 'consultation', 'revision', 'final'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_FIELDS = { phase: 'phase', opensOn: 'consultationOpensOn', closesOn: 'consultationClosesOn' } as const;

export const NEXT_PHASES: Record<Phase, readonly Phase[]> = {
  drafting: ['consultation', 'final'],
  consultation: ['revision'],
  revision: ['consultation', 'final'],
  final: ['revision'],
};

export interface PhaseState {
  phase: Phase;
  opensOn: string | null;
  closesOn: string | null;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** yyyy-mm-dd naming a real calendar day (no 30 February). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Today's date where the user is, as yyyy-mm-dd (consultation dates are calendar days, not instants). */
export function localIsoDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function readPhaseState(doc: Y.Doc): PhaseState | null {
  const f = docFields(doc);
  if (f.get('kind') !== 'draft') return null;
  const phase = f.get(PHASE_FIELDS.phase);
  const opensOn = f.get(PHASE_FIELDS.opensOn);
  const closesOn = f.get(PHASE_FIELDS.closesOn);
  return { phase: isOneOf(PHASES, phase) ? phase : 'drafting', opensOn: isIsoDate(opensOn) ? opensOn : null, closesOn: isIsoDate(closesOn) ? closesOn : null };
}

export type WindowStatus = 'open' | 'notOpenYet' | 'closed' | 'notInConsultation';

export function consultationStatus(state: PhaseState, today: string): WindowStatus {
  if (state.phase !== 'consultation' || !state.opensOn || !state.closesOn) return 'notInConsultation';
  if (today < state.opensOn) return 'notOpenYet';
  if (today > state.closesOn) return 'closed';
  return 'open';
}

export const isConsultationOpen = (state: PhaseState | null, today: string) => state !== null && consultationStatus(state, today) === 'open';

function windowIssues(opensOn: string | undefined, closesOn: string | undefined, today: string): ModelError | null {
  if (!isIsoDate(opensOn) || !isIsoDate(closesOn)) return new ModelError('consultation.error.datesRequired', 'A consultation needs an opening and a closing date.');
  if (opensOn > closesOn) return new ModelError('consultation.error.datesOrder', 'The consultation must open before it closes.');
  if (closesOn < today) return new ModelError('consultation.error.closesInPast', 'The closing date has already passed.', { closesOn });
  return null;
}

export function phaseIssue(state: PhaseState, to: Phase, opts: { opensOn?: string; closesOn?: string; today: string }): ModelError | null {
  if (!isOneOf(PHASES, to)) return new ModelError('consultation.error.unknownPhase', `Unknown phase "${String(to)}".`);
  if (!NEXT_PHASES[state.phase].includes(to))
    return new ModelError('consultation.error.transition', `A draft cannot go from ${state.phase} to ${to}.`, { from: state.phase, to });
  return to === 'consultation' ? windowIssues(opts.opensOn, opts.closesOn, opts.today) : null;
}

/**
 * Moves a draft to phase `to`: records the version first (named `name`, default "<phase> <date>"), then sets the
 * phase (and the window, for consultation), all in one transaction of the document doc.
 */
export function enterPhase(
  doc: Y.Doc,
  to: Phase,
  actor: Actor,
  opts: { name?: string; opensOn?: string; closesOn?: string; comments?: Y.Doc | null; now?: number; today?: string } = {},
): StoredVersion {
  if (!capabilitiesOf(actor.role).changePhase) throw new ModelError('consultation.error.editorsOnly', 'Only editors can change the phase of a draft.');
  const state = readPhaseState(doc);
  if (!state) throw new ModelError('consultation.error.notDraft', 'Only draft outputs have phases.');
  const now = opts.now ?? Date.now();
  const today = opts.today ?? localIsoDate(new Date(now));
  const issue = phaseIssue(state, to, { ...opts, today });
  if (issue) throw issue;
  let version!: StoredVersion;
  doc.transact(() => {
    version = recordVersion(doc, { name: opts.name ?? `${to} ${today}`, phase: to, by: actor, now, comments: opts.comments });
    const f = docFields(doc);
    f.set(PHASE_FIELDS.phase, to);
    // One status (reportStatus.ts): the draft status follows the phase.
    const status = statusForPhase(to);
    if (status) f.set('status', status);
    if (to === 'consultation') {
      f.set(PHASE_FIELDS.opensOn, opts.opensOn!);
      f.set(PHASE_FIELDS.closesOn, opts.closesOn!);
    }
  });
  return version;
}

/** Changes the window of a running consultation (extend the deadline, fix a date). */
export function setConsultationWindow(doc: Y.Doc, opensOn: string, closesOn: string, actor: Actor, today = localIsoDate()): void {
  if (!capabilitiesOf(actor.role).changePhase) throw new ModelError('consultation.error.editorsOnly', 'Only editors can change the phase of a draft.');
  const state = readPhaseState(doc);
  if (state?.phase !== 'consultation') throw new ModelError('consultation.error.notInConsultation', 'The draft is not in consultation.');
  const issue = windowIssues(opensOn, closesOn, today);
  if (issue) throw issue;
  doc.transact(() => {
    docFields(doc).set(PHASE_FIELDS.opensOn, opensOn);
    docFields(doc).set(PHASE_FIELDS.closesOn, closesOn);
  });
}
