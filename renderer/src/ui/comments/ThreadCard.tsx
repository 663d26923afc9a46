import { memo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { editReply, editThread, responseFragment, setResolved } from '../../model/comments/commentsDoc';
import { setResponse } from '../../model/comments/responseWrite';
import { addCommentReply } from '../../model/consultation/commentGate';
import { type Actor, type CommentType, type HistoryEntry, type Reply, type Thread } from '../../model/comments/threadTypes';
import type { MatrixRow } from '../../model/comments/matrix';
import { formatDate, t, tp } from '../../i18n';
import { mayEditComment } from '../../../../common/roles';
import { DispositionControl } from './DispositionControl';
import { ResponseEditor } from './ResponseEditor';
import { constituency, dispositionText, formatWhen, locationLabel, speakerName } from './format';
import { modelMessage } from '../errors';
import { CommentFields } from './CommentFields';
import { FormActions } from '../FormActions';
import { ApplyWording } from '../suggestions/ApplyWording';

export interface ThreadCardProps {
  thread: Thread;
  row: MatrixRow | undefined;
  active: boolean;
  doc: Y.Doc;
  comments: Y.Doc;
  actor: Actor;
  canEdit: boolean;
  canComment: boolean;
  numberOf: (id: string) => number | null;
  idOfNumber: (n: number) => string | null;
  onOpen: (threadId: string) => void;
  onClose: () => void;
}

/** One comment thread in the panel: a summary, and when opened the decision, response, replies and edits. */
export const ThreadCard = memo(function ThreadCard(props: ThreadCardProps) {
  const { thread: th, row, active, comments, actor, canEdit, numberOf } = props;
  const location = row ? locationLabel(row) : '';
  const deleted = row?.status === 'deleted';
  const a = th.attribution;
  const who = speakerName(th);
  const headingId = `thread-${th.id}-h`;
  const openId = `thread-${th.id}-open`;
  const decided = th.disposition.value !== 'open';
  return (
    <article
      className={`thread-card${active ? ' is-active' : ''}${th.resolved ? ' is-resolved' : ''}`}
      aria-labelledby={openId}
      data-thread-card={th.id}
      onClick={() => !active && props.onOpen(th.id)}
    >
      <h3 id={headingId} className="thread-heading">
        <button
          id={openId}
          type="button"
          className="thread-open"
          aria-expanded={active}
          aria-label={t('comments.thread.open', { n: String(th.number), location })}
          onClick={(e) => {
            e.stopPropagation();
            if (active) props.onClose();
            else props.onOpen(th.id);
          }}
        >
          <span className="thread-number">#{th.number}</span>
          <span className="thread-location">{location}</span>
        </button>
        <span className="thread-chips">
          {th.purpose === 'annotation' && <span className="chip chip-annotation">{t('comments.purpose.annotation')}</span>}
          <span className="chip">{t(`commentType.${th.type}`)}</span>
          {th.resolved && <span className="chip chip-resolved">{t('comments.resolved')}</span>}
        </span>
      </h3>
      {th.anchor && (
        <div className={`thread-quote-wrap${deleted ? ' is-deleted' : ''}`}>
          {deleted && <p className="deleted-marker">{t('comments.onDeletedText')}</p>}
          <blockquote className="thread-quote" aria-label={deleted ? t('comments.originalQuote') : t('comments.quote')}>
            {deleted ? <del>{th.anchor.quote}</del> : th.anchor.quote}
          </blockquote>
        </div>
      )}
      <p className="thread-author">
        <strong>{who}</strong>
        {a?.organisation && <>, {a.organisation}</>}
        {constituency(a) && <span className="thread-constituency"> · {constituency(a)}</span>}
        {th.stakeholderId === null && a === null && th.purpose === 'stakeholder' && <span className="muted"> · {t('comments.selfAttributed')}</span>}
      </p>
      {who !== th.authorName && (
        <p className="thread-meta muted small">{t('comments.enteredBy', { name: th.authorName, date: formatWhen(th.createdAt) })}</p>
      )}
      {who === th.authorName && <p className="thread-meta muted small">{formatWhen(th.createdAt)}</p>}
      {th.receivedOn && <p className="thread-meta muted small">{t('comments.receivedOn', { date: formatDate(th.receivedOn) })}</p>}
      <ThreadBody {...props} />
      <ApplyWording thread={th} comments={comments} actor={actor} canEdit={canEdit} />
      {!active && (
        <p className="thread-summary small">
          <span className={`disposition-pill disposition-${th.disposition.value}`}>{dispositionText(th, numberOf)}</span>
          {th.replies.length > 0 && <span className="muted"> · {tp('comments.replies', th.replies.length)}</span>}
          {th.response && <span className="muted"> · {t('comments.hasResponse')}</span>}
        </p>
      )}
      {active && (
        <div className="thread-details" onClick={(e) => e.stopPropagation()}>
          <section className="thread-decision" aria-label={t('comments.decision')}>
            <h4 className="thread-subheading">{t('comments.disposition')}</h4>
            {canEdit ? (
              <DispositionControl
                comments={comments}
                threadId={th.id}
                number={th.number}
                value={th.disposition.value}
                duplicateOf={th.disposition.duplicateOf ?? null}
                actor={actor}
                idOfNumber={props.idOfNumber}
                numberOf={numberOf}
              />
            ) : (
              <p className={`disposition-pill disposition-${th.disposition.value}`}>{dispositionText(th, numberOf)}</p>
            )}
            {decided && th.disposition.setAt !== undefined && (
              <p className="muted small">{t('comments.disposition.setBy', { name: th.disposition.setByName || th.disposition.setBy || '?', date: formatWhen(th.disposition.setAt) })}</p>
            )}
            <h4 className="thread-subheading">{t('comments.response')}</h4>
            <ResponseArea thread={th} comments={comments} actor={actor} canEdit={canEdit} />
          </section>
          <Replies {...props} />
          {canEdit && (
            <div className="thread-actions">
              <button type="button" onClick={() => setResolved(comments, th.id, !th.resolved, actor)}>
                {th.resolved ? t('comments.reopen') : t('comments.resolve')}
              </button>
            </div>
          )}
        </div>
      )}
    </article>
  );
});

/** The comment's text and proposed wording, its edit form for its author (or an editor) and its history. */
function ThreadBody({ thread: th, active, comments, actor, canComment }: ThreadCardProps) {
  const [editing, setEditing] = useState(false);
  const mayEdit = canComment && mayEditComment(actor.role, th.authorId, actor.id);
  if (editing) return <EditThreadForm thread={th} comments={comments} actor={actor} onDone={() => setEditing(false)} />;
  return (
    <>
      <p className={`thread-body${active ? '' : ' is-clamped'}`}>{th.body}</p>
      {th.proposedWording && (
        <div className="proposed-wording">
          <p className="field-label">{t('comments.proposedWording')}</p>
          <p className={active ? '' : 'is-clamped'}>{th.proposedWording}</p>
        </div>
      )}
      {active && (th.editedAt !== null || mayEdit) && (
        <div className="thread-edit-line" onClick={(e) => e.stopPropagation()}>
          {th.editedAt !== null && <History entries={th.history} label={t('comments.history.of', { n: String(th.number) })} editedAt={th.editedAt} />}
          {mayEdit && (
            <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={t('comments.edit.of', { n: String(th.number) })}>
              {t('common.edit')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

function History({ entries, label, editedAt }: { entries: readonly HistoryEntry[]; label: string; editedAt: number }) {
  return (
    <details className="history">
      <summary aria-label={label}>
        {t('comments.edited', { date: formatWhen(editedAt) })} · {tp('comments.history.count', entries.length)}
      </summary>
      <ol className="history-list" reversed>
        {[...entries].reverse().map((h, i) => (
          <li key={i}>
            <p className="muted small">{t('comments.history.until', { date: formatWhen(h.editedAt) })}{h.type && <> · {t(`commentType.${h.type}`)}</>}</p>
            <p>{h.body}</p>
            {h.proposedWording && (
              <p className="small">
                <span className="muted">{t('comments.proposedWording')}: </span>
                {h.proposedWording}
              </p>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

function EditThreadForm({ thread: th, comments, actor, onDone }: { thread: Thread; comments: Y.Doc; actor: Actor; onDone: () => void }) {
  const [type, setType] = useState<CommentType>(th.type);
  const [body, setBody] = useState(th.body);
  const [wording, setWording] = useState(th.proposedWording);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      editThread(comments, th.id, { type, body, proposedWording: wording }, actor);
      onDone();
    } catch (err) {
      setError(modelMessage(err));
    }
  };
  return (
    <form className="thread-edit" onSubmit={submit} onClick={(e) => e.stopPropagation()} aria-label={t('comments.edit.of', { n: String(th.number) })}>
      <CommentFields type={type} onType={setType} body={body} onBody={setBody} wording={wording} onWording={setWording} autoFocus />
      <FormActions error={error} onCancel={onDone} submitLabel={t('comments.edit.save')} />
    </form>
  );
}

/** Editors write the response as rich text; everyone else reads it. */
function ResponseArea({ thread: th, comments, actor, canEdit }: { thread: Thread; comments: Y.Doc; actor: Actor; canEdit: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState(false);
  const fragment = canEdit ? responseFragment(comments, th.id) : null;
  if (!canEdit) return th.response ? <div className="response-text">{th.response}</div> : <p className="muted small">{t('comments.noResponse')}</p>;
  if (fragment) return <ResponseEditor fragment={fragment} label={t('comments.response.of', { n: String(th.number) })} autofocus={created} />;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          try {
            setResponse(comments, th.id, { type: 'doc', content: [{ type: 'paragraph' }] }, actor);
            setCreated(true);
          } catch (e) {
            setError(modelMessage(e));
          }
        }}
      >
        {t('comments.response.write')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

function Replies({ thread: th, doc, comments, actor, canComment }: ThreadCardProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      addCommentReply(doc, comments, th.id, text, actor);
      setText('');
    } catch (err) {
      setError(modelMessage(err));
    }
  };
  return (
    <section className="thread-replies" aria-label={t('comments.replies.of', { n: String(th.number) })}>
      {th.replies.length > 0 && (
        <ol className="reply-list">
          {th.replies.map((r) => (
            <ReplyItem key={r.id} reply={r} threadId={th.id} comments={comments} actor={actor} canComment={canComment} />
          ))}
        </ol>
      )}
      {canComment && (
        <form className="reply-form" onSubmit={submit}>
          <label className="field compact grow">
            <span className="visually-hidden">{t('comments.reply.to', { n: String(th.number) })}</span>
            <textarea rows={2} placeholder={t('comments.reply.placeholder')} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" disabled={!text.trim()}>
            {t('comments.reply.submit')}
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function ReplyItem({ reply: r, threadId, comments, actor, canComment }: { reply: Reply; threadId: string; comments: Y.Doc; actor: Actor; canComment: boolean }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(r.body);
  const [error, setError] = useState<string | null>(null);
  const mayEdit = canComment && mayEditComment(actor.role, r.authorId, actor.id);
  return (
    <li className="reply">
      <p className="reply-meta small">
        <strong>{r.authorName}</strong> <span className="muted">· {formatWhen(r.createdAt)}</span>
      </p>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            try {
              editReply(comments, threadId, r.id, text, actor);
              setEditing(false);
            } catch (err) {
              setError(modelMessage(err));
            }
          }}
        >
          <label className="field compact">
            <span className="visually-hidden">{t('comments.reply.edit', { name: r.authorName })}</span>
            <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
          </label>
          <FormActions error={error} onCancel={() => (setEditing(false), setText(r.body))} submitLabel={t('comments.edit.save')} />
        </form>
      ) : (
        <p className="reply-body">{r.body}</p>
      )}
      {!editing && (r.editedAt !== null || mayEdit) && (
        <div className="thread-edit-line">
          {r.editedAt !== null && <History entries={r.history} label={t('comments.reply.history', { name: r.authorName })} editedAt={r.editedAt} />}
          {mayEdit && (
            <button type="button" className="link-button" onClick={() => (setText(r.body), setEditing(true))} aria-label={t('comments.reply.edit', { name: r.authorName })}>
              {t('common.edit')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
