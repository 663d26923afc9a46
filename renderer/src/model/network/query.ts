// A query (issue 11): what a member asks the knowledge network. Its question is the document body (rich text);
// its structured fields live in the document's `fields` map:
//   askedBy (stakeholder id), region, postedOn, contributionsDue, replyDue (yyyy-mm-dd), queryStatus.
// Contributions answer it through DocumentMeta.inReplyTo; a consolidated reply points at it with replyTo.
import type * as Y from 'yjs';
import { isOneOf, QUERY_STATUSES, REGIONS, type QueryStatus, type Region } from '../kinds';

export interface QueryInput {
  kind: 'query';
  title: string;
  postedOn: string;
  askedBy?: string;
  region?: Region | '';
  contributionsDue?: string;
  replyDue?: string;
}

export interface QueryFields {
  askedBy: string;
  region: Region | '';
  postedOn: string;
  contributionsDue: string;
  replyDue: string;
  status: QueryStatus;
}

export const QUERY_FIELD = { status: 'queryStatus' } as const;

export function seedQueryFields(fields: Y.Map<unknown>, input: QueryInput): void {
  fields.set('askedBy', input.askedBy ?? '');
  fields.set('region', input.region ?? '');
  fields.set('postedOn', input.postedOn);
  fields.set('contributionsDue', input.contributionsDue ?? '');
  fields.set('replyDue', input.replyDue ?? '');
  fields.set(QUERY_FIELD.status, 'open');
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The query's fields from its `fields` map (or its plain JSON), tolerant of missing values. */
export function readQueryFields(fields: Pick<Y.Map<unknown>, 'get'> | Record<string, unknown>): QueryFields {
  const get = (k: string): unknown => (typeof (fields as Y.Map<unknown>).get === 'function' ? (fields as Y.Map<unknown>).get(k) : (fields as Record<string, unknown>)[k]);
  const region = get('region');
  const status = get(QUERY_FIELD.status);
  return {
    askedBy: str(get('askedBy')),
    region: isOneOf(REGIONS, region) ? region : '',
    postedOn: str(get('postedOn')),
    contributionsDue: str(get('contributionsDue')),
    replyDue: str(get('replyDue')),
    status: isOneOf(QUERY_STATUSES, status) ? status : 'open',
  };
}

/** The next status a query may take; publishing is done through publishReply, never by hand. */
export function canSetQueryStatus(from: QueryStatus, to: QueryStatus): boolean {
  if (from === to) return true;
  if (to === 'published') return false;
  return from !== 'published' || to === 'drafting';
}
