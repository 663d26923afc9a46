// The queries part of a catalog row (`row.network`): what the Due list, a query's contribution list and the
// sources panel need about a document without opening it, beyond `row.activity` (model/network/activity.ts, the
// one home of a contribution's stakeholder, a meeting's action points and a draft's consultation dates).
// Computed by model/catalog.ts catalogRow from the document's metadata and `fields`, in the one derived-data
// pipeline.
import type * as Y from 'yjs';
import { PHASE_FIELDS } from '../consultation/phases';
import type { DocumentMeta } from '../workspaceDoc';
import { readQueryFields, type QueryFields } from './query';

export interface NetworkRow {
  /** a query's fields */
  query?: QueryFields;
  inReplyTo?: string;
  replyTo?: string;
  publishedAt?: string;
  /** a draft's consultation window, when it is in consultation */
  consultation?: { opensOn: string; closesOn: string };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function networkRow(meta: DocumentMeta, fields: Y.Map<unknown> | undefined): NetworkRow {
  const row: NetworkRow = {};
  if (meta.inReplyTo) row.inReplyTo = meta.inReplyTo;
  if (meta.replyTo) row.replyTo = meta.replyTo;
  if (meta.publishedAt) row.publishedAt = meta.publishedAt;
  if (!fields) return row;
  if (meta.kind === 'query') row.query = readQueryFields(fields);
  if (meta.kind === 'draft' && fields.get(PHASE_FIELDS.phase) === 'consultation') {
    row.consultation = { opensOn: str(fields.get(PHASE_FIELDS.opensOn)), closesOn: str(fields.get(PHASE_FIELDS.closesOn)) };
  }
  return row;
}
