// How a document's comments are shown to non-editors (common/commentsSchema.ts CONSULTATION_ROOT): private
// submissions (the default) or open review, and whether dispositions and responses are published. Editors set it;
// the sync server reads it to decide what it sends (sync-server/commentsProjection.ts).
import * as Y from 'yjs';
import { CONSULTATION_ROOT, ConsultationKey, REVIEW_MODES, type ReviewMode } from '../../../../common/commentsSchema';
import { capabilitiesOf } from '../../../../common/roles';
import { ModelError } from '../modelError';
import type { Actor } from './threadTypes';

export interface Publication {
  reviewMode: ReviewMode;
  /** when dispositions and responses were published; null: not published */
  publishedAt: number | null;
}

export const consultationRoot = (doc: Y.Doc) => doc.getMap<unknown>(CONSULTATION_ROOT);

export function readPublication(doc: Y.Doc): Publication {
  const m = consultationRoot(doc);
  const mode = m.get(ConsultationKey.reviewMode);
  const at = m.get(ConsultationKey.publishedAt);
  return {
    reviewMode: (REVIEW_MODES as readonly unknown[]).includes(mode) ? (mode as ReviewMode) : 'private',
    publishedAt: typeof at === 'number' && Number.isFinite(at) ? at : null,
  };
}

function requireDecider(actor: Actor): void {
  if (!capabilitiesOf(actor.role).setDisposition) throw new ModelError('comments.error.editorsOnly', 'Only editors can do this.');
}

export function setReviewMode(doc: Y.Doc, mode: ReviewMode, actor: Actor): void {
  requireDecider(actor);
  if (readPublication(doc).reviewMode !== mode) consultationRoot(doc).set(ConsultationKey.reviewMode, mode);
}

/** Publishes dispositions and responses (again: a later call moves the date); `null` withdraws them. */
export function setPublished(doc: Y.Doc, publishedAt: number | null, actor: Actor): void {
  requireDecider(actor);
  if (publishedAt === null) consultationRoot(doc).delete(ConsultationKey.publishedAt);
  else consultationRoot(doc).set(ConsultationKey.publishedAt, publishedAt);
}
