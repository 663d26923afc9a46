import { COMMENT_TYPES, type CommentType } from '../../model/comments/threadTypes';
import { t } from '../../i18n';
import { ChoiceSelect } from '../ChoiceSelect';

/** The fields of a comment, the same when it is written and when it is edited: type, text, proposed wording. */
export function CommentFields(props: {
  type: CommentType;
  onType: (type: CommentType) => void;
  body: string;
  onBody: (body: string) => void;
  wording: string;
  onWording: (wording: string) => void;
  /** new comments: the text is required and marked invalid when a submit found it empty */
  bodyInvalid?: boolean;
  autoFocus?: boolean;
}) {
  const { type, onType, body, onBody, wording, onWording, bodyInvalid, autoFocus } = props;
  return (
    <>
      <ChoiceSelect label={t('comments.type')} value={type} values={COMMENT_TYPES} prefix="commentType" onChange={onType} />
      <label className="field">
        <span className="field-label">{t('comments.body')}</span>
        <textarea
          rows={4}
          value={body}
          onChange={(e) => onBody(e.target.value)}
          required={bodyInvalid !== undefined}
          aria-invalid={bodyInvalid}
          autoFocus={autoFocus}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('comments.proposedWordingOptional')}</span>
        <textarea rows={2} value={wording} onChange={(e) => onWording(e.target.value)} />
      </label>
    </>
  );
}
