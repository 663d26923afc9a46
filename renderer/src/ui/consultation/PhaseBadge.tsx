import type * as Y from 'yjs';
import { docFields } from '../../model/documentDoc';
import { consultationStatus, localIsoDate, readPhaseState } from '../../model/consultation/phases';
import { formatDate, t } from '../../i18n';
import { reportStatus } from '../../model/consultation/reportStatus';
import { useY } from '../hooks';

/** The draft's phase as a badge ("Consultation · open until 30 Jun 2025"); nothing for documents without phases. */
export function PhaseBadge({ doc }: { doc: Y.Doc }) {
  const state = useY(docFields(doc), () => readPhaseState(doc));
  if (!state) return null;
  const status = consultationStatus(state, localIsoDate());
  let detail = '';
  if (state.phase === 'consultation') {
    if (status === 'open') detail = t('phase.badge.openUntil', { date: formatDate(state.closesOn ?? '') });
    else if (status === 'notOpenYet') detail = t('phase.badge.opensOn', { date: formatDate(state.opensOn ?? '') });
    else if (status === 'closed') detail = t('phase.badge.closedOn', { date: formatDate(state.closesOn ?? '') });
  }
  // While drafting, the badge also says the draft status: the one status of the report (reportStatus.ts).
  const shown = reportStatus(docFields(doc).get('status'), state.phase);
  if (shown.by === 'draft') detail = t(`status.${shown.status}`);
  const label = detail ? `${t(`phase.${state.phase}`)} · ${detail}` : t(`phase.${state.phase}`);
  return (
    <span className={`phase-badge phase-${state.phase}${status === 'open' ? ' is-open' : ''}`} role="status" aria-label={t('phase.badge.label', { phase: label })}>
      {label}
    </span>
  );
}
