import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { setDisposition } from '../../model/comments/commentsDoc';
import { DISPOSITIONS, type DispositionValue } from '../../model/comments/dispositions';
import type { Actor } from '../../model/comments/threadTypes';
import { t } from '../../i18n';
import { modelMessage } from '../errors';

interface Props {
  comments: Y.Doc;
  threadId: string;
  number: number;
  value: DispositionValue;
  duplicateOf: string | null;
  actor: Actor;
  /** thread number -> id, for "duplicate of #N" */
  idOfNumber: (n: number) => string | null;
  numberOf: (id: string) => number | null;
  compact?: boolean;
}

/**
 * An editor's choice of disposition. A duplicate asks for the number of the comment it duplicates before anything
 * is written; every rule (no cycles, withdrawn only from open...) is the model's, and its refusals are shown.
 */
export function DispositionControl({ comments, threadId, number, value, duplicateOf, actor, idOfNumber, numberOf, compact }: Props) {
  const [choice, setChoice] = useState<DispositionValue>(value);
  const current = duplicateOf ? numberOf(duplicateOf) : null;
  const [target, setTarget] = useState(current === null ? '' : String(current));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setChoice(value);
    setTarget(current === null ? '' : String(current));
  }, [value, current]);

  const write = (next: DispositionValue, targetText = target) => {
    setError(null);
    try {
      if (next === 'duplicate') {
        const n = Number(targetText.replace(/^#/, '').trim());
        const id = Number.isInteger(n) && n > 0 ? idOfNumber(n) : null;
        if (!targetText.trim()) return;
        if (!id) {
          setError(t('disposition.error.noSuchNumber', { n: targetText.trim() }));
          return;
        }
        setDisposition(comments, threadId, { value: 'duplicate', duplicateOf: id }, actor);
      } else setDisposition(comments, threadId, { value: next }, actor);
    } catch (e) {
      setError(modelMessage(e));
      setChoice(value);
    }
  };

  return (
    <div className={`disposition-control${compact ? ' is-compact' : ''}`} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <select
        aria-label={t('comments.disposition.of', { n: String(number) })}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as DispositionValue;
          setChoice(next);
          if (next !== 'duplicate') write(next);
        }}
      >
        {DISPOSITIONS.map((d) => (
          <option key={d} value={d}>
            {t(`disposition.${d}`)}
          </option>
        ))}
      </select>
      {choice === 'duplicate' && (
        <span className="duplicate-of">
          <label>
            <span className={compact ? 'visually-hidden' : 'field-label'}>{t('comments.disposition.duplicateOf')}</span>
            {compact && (
              <span className="hash" aria-hidden="true">
                #
              </span>
            )}
            <input
              className="input-number"
              inputMode="numeric"
              aria-label={compact ? t('comments.disposition.duplicateOfN', { n: String(number) }) : undefined}
              placeholder="#"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), write('duplicate'))}
              onBlur={() => write('duplicate')}
            />
          </label>
        </span>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
