// A draft output has one status. While it is being drafted, its author's steps say where it stands (Outline, In
// progress, Ready for review); once a consultation has opened, the phase does (Consultation, Revision, Final),
// and the draft status follows it, so the title page of the export says the same as the screen.
import { DRAFT_STATUSES, isOneOf, type DraftStatus } from '../kinds';
import { PHASES, type Phase } from './phases';

/** The steps a person chooses while drafting; "Final" is reached through the phase (Mark as final). */
export const DRAFTING_STATUSES = ['outline', 'in-progress', 'ready-for-review'] as const satisfies readonly DraftStatus[];

export type ReportStatus = { by: 'draft'; status: DraftStatus } | { by: 'phase'; phase: Exclude<Phase, 'drafting'> };

/** The one status of a draft from its stored fields (`status`, `phase`; any values). */
export function reportStatus(status: unknown, phase: unknown): ReportStatus {
  const p = isOneOf(PHASES, phase) ? phase : 'drafting';
  if (p !== 'drafting') return { by: 'phase', phase: p };
  return { by: 'draft', status: isOneOf(DRAFT_STATUSES, status) ? status : 'outline' };
}

/** The draft status that goes with entering a phase (written with it), or null to keep the current one. */
export function statusForPhase(phase: Phase): DraftStatus | null {
  return phase === 'final' ? 'final' : phase === 'revision' ? 'in-progress' : null;
}
