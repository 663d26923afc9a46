import type * as Y from 'yjs';
import { REVIEW_MODES, type ReviewMode } from '../../../../common/commentsSchema';
import { consultationRoot, readPublication, setPublished, setReviewMode } from '../../model/comments/publication';
import type { Actor } from '../../model/comments/threadTypes';
import { t } from '../../i18n';
import { useY } from '../hooks';
import { formatWhen } from '../comments/format';

/**
 * Editors choose what non-editors read of this draft's comments: private submissions or open review, and whether
 * dispositions and responses are published. The sync server sends viewers only what is published, and each
 * commenter their own comments (the others' in an open review) with dispositions once published (common/roles.ts
 * `reads`); this control only sets it.
 */
export function PublicationControl({ comments, actor }: { comments: Y.Doc; actor: Actor }) {
  const pub = useY(consultationRoot(comments), () => readPublication(comments));
  return (
    <div className="publication-control">
      <label className="field compact">
        <span className="field-label">{t('publication.reviewMode')}</span>
        <select value={pub.reviewMode} onChange={(e) => setReviewMode(comments, e.target.value as ReviewMode, actor)}>
          {REVIEW_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`publication.reviewMode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small" role="status" aria-label={t('publication.status')}>
        {pub.publishedAt === null ? t('publication.notPublished') : t('publication.publishedAt', { when: formatWhen(pub.publishedAt) })}
      </p>
      <button type="button" onClick={() => setPublished(comments, Date.now(), actor)}>
        {t('publication.publish')}
      </button>
      {pub.publishedAt !== null && (
        <button type="button" className="link-button" onClick={() => setPublished(comments, null, actor)}>
          {t('publication.withdraw')}
        </button>
      )}
    </div>
  );
}
