import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { docFields } from '../../model/documentDoc';
import {
  consultationStatus,
  enterPhase,
  localIsoDate,
  NEXT_PHASES,
  readPhaseState,
  setConsultationWindow,
  type Phase,
} from '../../model/consultation/phases';
import { listVersions, versionsArray } from '../../model/consultation/snapshots';
import type { Actor } from '../../model/comments/threadTypes';
import { capabilitiesOf } from '../../../../common/roles';
import { formatDate, t, tp } from '../../i18n';
import { useY } from '../hooks';
import { formatWhen } from '../comments/format';
import { modelMessage } from '../errors';
import { useOptionalComments } from '../comments/CommentsContext';
import { useWorkspace } from '../../state/workspaceContext';
import { FormActions } from '../FormActions';
import { PublicationControl } from './PublicationControl';
import { DateInput } from '../DateInput';

type Pending = null | { to: Phase } | { to: 'window' };

/**
 * The draft's consultation phase (drafting -> consultation -> revision -> final, by the model's rules): the
 * current phase and window, the moves allowed from here, and the named versions recorded on each move.
 */
export function PhaseControl({ doc, comments, actor, canEdit }: { doc: Y.Doc; comments: Y.Doc | null; actor: Actor; canEdit: boolean }) {
  const state = useY(docFields(doc), () => readPhaseState(doc));
  const versions = useY(versionsArray(doc), () => listVersions(doc));
  const [pending, setPending] = useState<Pending>(null);
  const id = useId();
  if (!state) return null;
  const today = localIsoDate();
  const status = consultationStatus(state, today);

  return (
    <div className="fields-subsection phase-control" role="group" aria-labelledby={`${id}-h`}>
      <h3 className="fields-subtitle" id={`${id}-h`}>
        {t('phase.title')}
      </h3>
      <ol className="phase-steps" aria-label={t('phase.steps')}>
        {(['drafting', 'consultation', 'revision', 'final'] as const).map((p) => (
          <li key={p} className={p === state.phase ? 'is-current' : ''} aria-current={p === state.phase ? 'step' : undefined}>
            {t(`phase.${p}`)}
          </li>
        ))}
      </ol>
      {state.phase === 'consultation' && state.opensOn && state.closesOn && (
        <p className="phase-window">
          {t('phase.window', { opens: formatDate(state.opensOn), closes: formatDate(state.closesOn) })} · <strong>{t(`phase.status.${status}`)}</strong>
        </p>
      )}
      {canEdit && !pending && (
        <div className="phase-actions">
          {NEXT_PHASES[state.phase].map((to) => (
            <button key={to} type="button" className={to === 'consultation' ? 'primary' : undefined} onClick={() => setPending({ to })}>
              {t(`phase.move.${state.phase}.${to}`)}
            </button>
          ))}
          {state.phase === 'consultation' && (
            <button type="button" onClick={() => setPending({ to: 'window' })}>
              {t('phase.changeDates')}
            </button>
          )}
        </div>
      )}
      {canEdit && comments && capabilitiesOf(actor.role).setDisposition && <PublicationControl comments={comments} actor={actor} />}
      {canEdit && pending && (
        <PhaseForm
          key={pending.to}
          doc={doc}
          comments={comments}
          actor={actor}
          to={pending.to}
          from={state.phase}
          opensOn={state.opensOn ?? today}
          closesOn={state.closesOn ?? ''}
          onDone={() => setPending(null)}
        />
      )}
      {versions.length > 0 && (
        <details className="versions">
          <summary>{tp('phase.versions', versions.length)}</summary>
          <ol className="version-list">
            {[...versions].reverse().map((v) => (
              <li key={v.id}>
                <strong>{v.name}</strong> <span className="muted small">· {t(`phase.${v.phase}`, {})} · {formatWhen(v.createdAt)} · {v.createdByName}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function PhaseForm(props: { doc: Y.Doc; comments: Y.Doc | null; actor: Actor; to: Phase | 'window'; from: Phase; opensOn: string; closesOn: string; onDone: () => void }) {
  const { doc, comments, actor, to, onDone } = props;
  const today = localIsoDate();
  const [opensOn, setOpensOn] = useState(props.opensOn);
  const [closesOn, setClosesOn] = useState(props.closesOn);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const needsWindow = to === 'consultation' || to === 'window';
  const defaultName = to === 'window' ? '' : t('phase.versionName', { phase: t(`phase.${to}`), date: formatDate(today) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (to === 'window') setConsultationWindow(doc, opensOn, closesOn, actor, today);
      else enterPhase(doc, to, actor, { name: name.trim() || defaultName, opensOn, closesOn, comments, today });
      onDone();
    } catch (err) {
      setError(modelMessage(err));
    }
  };

  return (
    <form className="phase-form" onSubmit={submit} aria-labelledby={`${id}-title`} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <p className="phase-form-title" id={`${id}-title`}>
        <strong>{to === 'window' ? t('phase.changeDates') : t(`phase.move.${props.from}.${to}`)}</strong>
      </p>
      <div className="phase-form-grid">
        {needsWindow && (
          <>
            <label className="field">
              <span className="field-label">{t('phase.opensOn')}</span>
              <DateInput value={opensOn} onChange={setOpensOn} required autoFocus />
            </label>
            <label className="field">
              <span className="field-label">{t('phase.closesOn')}</span>
              <DateInput value={closesOn} min={today} onChange={setClosesOn} required />
            </label>
          </>
        )}
        {to !== 'window' && (
          <label className="field phase-version-name">
            <span className="field-label">{t('phase.versionNameLabel')}</span>
            <input value={name} placeholder={defaultName} onChange={(e) => setName(e.target.value)} autoFocus={!needsWindow} aria-describedby={`${id}-note`} />
          </label>
        )}
      </div>
      {to !== 'window' && (
        <p className="muted small" id={`${id}-note`}>
          {t('phase.versionNote')}
        </p>
      )}
      <FormActions error={error} onCancel={onDone} submitLabel={to === 'window' ? t('phase.saveDates') : t(`phase.move.${props.from}.${to}`)} />
    </form>
  );
}

/** The phase control of the open draft, with its comments doc and the user from the document screen. */
export function DraftPhase({ doc }: { doc: Y.Doc }) {
  const data = useOptionalComments();
  const { canEdit } = useWorkspace();
  if (!data) return null;
  return <PhaseControl doc={doc} comments={data.comments} actor={data.actor} canEdit={canEdit} />;
}
