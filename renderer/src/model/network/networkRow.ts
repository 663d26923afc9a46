// The queries part of a catalog row (`row.network`): what the Due list, a query's contribution list and the
// sources panel need about a document without opening it. Computed by model/catalog.ts catalogRow from the
// document's metadata and `fields`, in the one derived-data pipeline.
import * as Y from 'yjs';
import { isOneOf, ACTION_STATUSES, type ActionStatus } from '../kinds';
import type { DocumentMeta } from '../workspaceDoc';
import { readQueryFields, type QueryFields } from './query';

export interface NetworkActionPoint {
  id: string;
  owner: string;
  task: string;
  due: string;
  status: ActionStatus;
}

export interface NetworkRow {
  /** a query's fields */
  query?: QueryFields;
  /** a contribution's stakeholder (registry id) */
  stakeholderId?: string;
  inReplyTo?: string;
  replyTo?: string;
  publishedAt?: string;
  /** a meeting's action points */
  actionPoints?: NetworkActionPoint[];
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
  if (meta.kind === 'contribution') row.stakeholderId = str(fields.get('stakeholderId'));
  if (meta.kind === 'meeting') {
    const list = fields.get('actionPoints');
    if (list instanceof Y.Array) {
      row.actionPoints = list
        .toArray()
        .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
        .map((m) => ({
          id: str(m.get('id')),
          owner: str(m.get('owner')),
          task: str(m.get('task')),
          due: str(m.get('due')),
          status: isOneOf(ACTION_STATUSES, m.get('status')) ? (m.get('status') as ActionStatus) : 'open',
        }));
    }
  }
  if (meta.kind === 'draft' && fields.get('phase') === 'consultation') {
    row.consultation = { opensOn: str(fields.get('consultationOpensOn')), closesOn: str(fields.get('consultationClosesOn')) };
  }
  return row;
}
