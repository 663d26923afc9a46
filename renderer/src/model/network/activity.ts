// The digest helper's part of a catalog row (`row.activity`): what the monthly digest, the expert finder and
// stakeholder profiles need to know about a document without opening it. Computed by the one derived-data
// pipeline (catalogRow in model/catalog.ts) from the document's fields and plain text. Pure.
import * as Y from 'yjs';
import { isOneOf, ACTION_STATUSES, type ActionStatus, type DocumentKind } from '../kinds';
import { PHASE_FIELDS } from '../consultation/phases';

export interface ActivityParticipant {
  /** registry id, or '' for a free-text participant */
  stakeholderId: string;
  name: string;
}

export interface ActivityActionPoint {
  id: string;
  owner: string;
  task: string;
  due: string;
  status: ActionStatus;
}

export interface DocumentActivity {
  /** contribution: who contributed ('' when unknown) and when it was received (yyyy-mm-dd) */
  stakeholderId: string;
  receivedOn: string;
  /** first sentence (or line) of the body, at most EXTRACT_MAX characters */
  extract: string;
  /** meeting: participants, key messages (one per non-empty line), action points */
  participants: ActivityParticipant[];
  keyMessages: string[];
  actionPoints: ActivityActionPoint[];
  /** draft: the consultation window (yyyy-mm-dd, '' when none) */
  consultationOpensOn: string;
  consultationClosesOn: string;
  /** a generated digest: the month it covers (yyyy-mm) */
  digestMonth: string;
}

export const EXTRACT_MAX = 160;

/** The first sentence of a text, or its first line, cut at a word boundary to `max` characters. */
export function oneLineExtract(text: string, max = EXTRACT_MAX): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const sentence = /^(.+?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v instanceof Y.Text ? v.toString() : '');

function readParticipants(v: unknown): ActivityParticipant[] {
  if (!(v instanceof Y.Array)) return [];
  return (v.toArray() as Array<Record<string, unknown>>).map((p) => ({
    stakeholderId: typeof p.stakeholderId === 'string' ? p.stakeholderId : '',
    name: typeof p.name === 'string' ? p.name : '',
  }));
}

function readActionPoints(v: unknown): ActivityActionPoint[] {
  if (!(v instanceof Y.Array)) return [];
  return v
    .toArray()
    .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
    .map((m) => ({ id: str(m.get('id')), owner: str(m.get('owner')), task: str(m.get('task')), due: str(m.get('due')), status: isOneOf(ACTION_STATUSES, m.get('status')) ? (m.get('status') as ActionStatus) : 'open' }));
}

/** The activity fields of a document (kind from its metadata; fields and text from its Y.Doc). */
export function documentActivity(kind: DocumentKind, text: string, fields: Y.Map<unknown>): DocumentActivity {
  return {
    stakeholderId: kind === 'contribution' ? str(fields.get('stakeholderId')) : '',
    receivedOn: kind === 'contribution' ? str(fields.get('receivedOn')) : '',
    extract: oneLineExtract(text),
    participants: kind === 'meeting' ? readParticipants(fields.get('participants')) : [],
    keyMessages: kind === 'meeting' ? str(fields.get('keyMessages')).split('\n').map((l) => l.trim()).filter(Boolean) : [],
    actionPoints: kind === 'meeting' ? readActionPoints(fields.get('actionPoints')) : [],
    consultationOpensOn: str(fields.get(PHASE_FIELDS.opensOn)),
    consultationClosesOn: str(fields.get(PHASE_FIELDS.closesOn)),
    digestMonth: str(fields.get('digestMonth')),
  };
}
