import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { listStakeholders, resolveStakeholder, type Stakeholder } from '../../model/stakeholders';
import { wsStakeholders } from '../../model/workspaceDoc';
import { STAKEHOLDER_GROUPS } from '../../model/kinds';
import { type CommentType, type Purpose } from '../../model/comments/threadTypes';
import { addComment, assertMayComment } from '../../model/consultation/commentGate';
import { t } from '../../i18n';
import { capabilitiesOf } from '../../../../common/roles';
import { useY } from '../hooks';
import { useComments } from './CommentsContext';
import { useCommentsUi } from './commentsUiStore';
import { modelMessage } from '../errors';
import { LabeledField } from '../document/fields/LabeledField';
import { CommentFields } from './CommentFields';
import { FormActions } from '../FormActions';
import { DateInput } from '../DateInput';

const ME = '';

/** Why a stakeholder comment cannot be added now (the model's message), or null when it can. */
export function stakeholderRefusal(data: Pick<ReturnType<typeof useComments>, 'doc' | 'actor'>): string | null {
  try {
    assertMayComment(data.doc, 'stakeholder', data.actor);
    return null;
  } catch (e) {
    return modelMessage(e);
  }
}

/** The form for a new comment on the selected text (or on the whole document). */
export function CommentComposer() {
  const data = useComments();
  const { doc, comments, actor, windowStatus } = data;
  const { doc: ws } = useWorkspace();
  const composer = useCommentsUi((s) => s.composer);
  const close = useCommentsUi((s) => s.closeComposer);
  const activate = useCommentsUi((s) => s.activate);
  const stakeholders = useY(wsStakeholders(ws), () => listStakeholders(ws));
  const refusal = stakeholderRefusal(data);
  const isEditor = capabilitiesOf(actor.role).annotate;
  const mayActOnBehalf = capabilitiesOf(actor.role).commentOnBehalf;
  const [purpose, setPurpose] = useState<Purpose>(refusal && isEditor ? 'annotation' : 'stakeholder');
  const [onBehalf, setOnBehalf] = useState(ME);
  const [type, setType] = useState<CommentType>('substantive');
  const [body, setBody] = useState('');
  const [wording, setWording] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();

  useEffect(() => {
    const form = formRef.current;
    opener.current = document.activeElement;
    form?.querySelector<HTMLElement>('select, textarea, input')?.focus();
    return () => {
      // Focus goes back where the user was (the text, or the button) unless it already moved elsewhere.
      const el = opener.current;
      const lost = document.activeElement === document.body || !!form?.contains(document.activeElement) || !document.activeElement;
      if (el instanceof HTMLElement && el.isConnected && lost) el.focus({ preventScroll: true });
    };
  }, [composer]);

  const byGroup = useMemo(() => {
    const groups = new Map<string, Stakeholder[]>();
    for (const g of STAKEHOLDER_GROUPS) groups.set(g, []);
    for (const s of stakeholders) groups.get(s.group)?.push(s);
    return [...groups].filter(([, list]) => list.length > 0);
  }, [stakeholders]);

  if (!composer || !comments) return null;
  const own = actor.stakeholderId ? resolveStakeholder(ws, actor.stakeholderId) : null;
  const ownLabel = own?.organisation ? `${actor.name} (${own.organisation})` : actor.name;
  // A late submission (received within the window, entered by an editor after it closed) is let through by the gate.
  const lateEntry = isEditor && purpose === 'stakeholder' && windowStatus === 'closed';
  const blocked = purpose === 'stakeholder' && refusal !== null && !(lateEntry && receivedOn);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      // Only editors enter comments on behalf of someone; a commenter's identity comes from their invite.
      const stakeholder = mayActOnBehalf && purpose === 'stakeholder' && onBehalf ? (resolveStakeholder(ws, onBehalf) ?? undefined) : undefined;
      const threadId = addComment(doc, comments, {
        anchor: composer.anchor,
        type,
        body,
        proposedWording: wording,
        purpose,
        stakeholder,
        receivedOn: lateEntry && receivedOn ? receivedOn : undefined,
      }, actor);
      close();
      activate(threadId, { scrollPanel: true });
    } catch (err) {
      setError(modelMessage(err));
    }
  };

  return (
    <form ref={formRef} className="comment-composer" aria-labelledby={`${id}-title`} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}>
      <h3 id={`${id}-title`} className="composer-title">
        {composer.anchor ? t('comments.new.title') : t('comments.new.titleGeneral')}
      </h3>
      {composer.anchor && (
        <blockquote className="thread-quote" aria-label={t('comments.quote')}>
          {composer.anchor.quote}
        </blockquote>
      )}
      {isEditor && (
        <fieldset className="composer-purpose">
          <legend className="field-label">{t('comments.new.purpose')}</legend>
          {(['stakeholder', 'annotation'] as const).map((p) => (
            <label key={p} className="radio-line">
              <input type="radio" name={`${id}-purpose`} value={p} checked={purpose === p} onChange={() => setPurpose(p)} />
              {t(`comments.purpose.${p}`)}
            </label>
          ))}
        </fieldset>
      )}
      {purpose === 'stakeholder' && refusal && (
        <p className={`composer-refusal${blocked ? ' is-blocking' : ''}`} role={blocked && !isEditor ? 'alert' : undefined} id={`${id}-refusal`}>
          {refusal}
          {isEditor && !lateEntry && <> {t('comments.new.annotateInstead')}</>}
        </p>
      )}
      {lateEntry && (
        <label className="field">
          <span className="field-label">{t('comments.new.receivedOn')}</span>
          <DateInput value={receivedOn} onChange={setReceivedOn} aria-describedby={`${id}-refusal`} />
        </label>
      )}
      {!mayActOnBehalf && <p className="composer-as">{t('comments.new.as', { name: ownLabel })}</p>}
      {mayActOnBehalf && purpose === 'stakeholder' && (
        <LabeledField label={t('comments.new.onBehalf')}>
          {(fid) => (
          <select id={fid} value={onBehalf} onChange={(e) => setOnBehalf(e.target.value)}>
            <option value={ME}>{t('comments.new.myself', { name: actor.name })}</option>
            {byGroup.map(([group, list]) => (
              <optgroup key={group} label={t(`group.${group}`)}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.organisation ? `${s.name} (${s.organisation})` : s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          )}
        </LabeledField>
      )}
      <CommentFields type={type} onType={setType} body={body} onBody={setBody} wording={wording} onWording={setWording} bodyInvalid={!!error && !body.trim()} />
      <FormActions error={error} onCancel={close} submitLabel={t('comments.new.submit')} disabled={blocked} />
    </form>
  );
}
