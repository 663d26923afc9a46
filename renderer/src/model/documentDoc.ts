import * as Y from 'yjs';
import { newId } from '../../../common/ids';
import { ModelError } from './modelError';
import { isOneOf, ACTION_STATUSES, type ActionStatus } from './kinds';

// Accessors for a document Y.Doc (`doc.<workspaceId>.<docId>`): `body` (see bodyJson.ts) and `fields`, a Y.Map
// of kind-specific structured fields. Every shared value lives here, never in component state.
//   fields.kind, fields.seeded (true once the creator applied the template)
//   meeting: date, format, location, participants (Y.Array<Participant>), agenda (Y.Text),
//            keyMessages (Y.Text), actionPoints (Y.Array<Y.Map<ActionPoint keys>>)
//   contribution: stakeholderId, receivedOn, channel
//   draft: subtype, status, targetMin, targetMax

export const docFields = (doc: Y.Doc) => doc.getMap<unknown>('fields');

export function fieldText(doc: Y.Doc, key: 'agenda' | 'keyMessages'): Y.Text {
  const fields = docFields(doc);
  let text = fields.get(key);
  if (!(text instanceof Y.Text)) {
    // Created by the template; a missing one means an older doc. Creating it is a real edit, done lazily on first write.
    text = new Y.Text();
    fields.set(key, text);
  }
  return text as Y.Text;
}

/** A participant is either a registered stakeholder or a free-text name. */
export type Participant = { id: string; stakeholderId: string } | { id: string; name: string; organisation?: string };

export function participants(doc: Y.Doc): Y.Array<Participant> {
  return docFields(doc).get('participants') as Y.Array<Participant>;
}

export function addParticipant(doc: Y.Doc, p: { stakeholderId: string } | { name: string; organisation?: string }): void {
  const list = participants(doc);
  if ('stakeholderId' in p && list.toArray().some((x) => 'stakeholderId' in x && x.stakeholderId === p.stakeholderId)) return;
  if ('name' in p && !p.name.trim()) throw new ModelError('meeting.error.participantName', 'Enter the participant’s name.');
  const entry: Participant = 'stakeholderId' in p ? { id: newId(), stakeholderId: p.stakeholderId } : { id: newId(), name: p.name.trim(), organisation: p.organisation?.trim() || undefined };
  list.push([entry]);
}

export function removeParticipant(doc: Y.Doc, participantId: string): void {
  const list = participants(doc);
  const index = list.toArray().findIndex((p) => p.id === participantId);
  if (index >= 0) list.delete(index, 1);
}

export interface ActionPoint {
  id: string;
  owner: string;
  task: string;
  due: string;
  status: ActionStatus;
}

export function actionPoints(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return docFields(doc).get('actionPoints') as Y.Array<Y.Map<unknown>>;
}

export function readActionPoints(doc: Y.Doc): ActionPoint[] {
  return actionPoints(doc)
    .toArray()
    .map((m) => ({
      id: String(m.get('id')),
      owner: String(m.get('owner') ?? ''),
      task: String(m.get('task') ?? ''),
      due: String(m.get('due') ?? ''),
      status: isOneOf(ACTION_STATUSES, m.get('status')) ? (m.get('status') as ActionStatus) : 'open',
    }));
}

export function addActionPoint(doc: Y.Doc, init: Partial<Omit<ActionPoint, 'id'>> = {}): string {
  const m = new Y.Map<unknown>();
  const id = newId();
  doc.transact(() => {
    actionPoints(doc).push([m]);
    m.set('id', id);
    m.set('owner', init.owner ?? '');
    m.set('task', init.task ?? '');
    m.set('due', init.due ?? '');
    m.set('status', init.status ?? 'open');
  });
  return id;
}

export function updateActionPoint(doc: Y.Doc, id: string, patch: Partial<Omit<ActionPoint, 'id'>>): void {
  const m = actionPoints(doc).toArray().find((x) => x.get('id') === id);
  if (!m) throw new Error(`Unknown action point ${id}`);
  if (patch.status !== undefined && !isOneOf(ACTION_STATUSES, patch.status)) throw new ModelError('meeting.error.status', 'Unknown status.');
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined && m.get(k) !== v) m.set(k, v);
  });
}

export function removeActionPoint(doc: Y.Doc, id: string): void {
  const list = actionPoints(doc);
  const index = list.toArray().findIndex((x) => x.get('id') === id);
  if (index >= 0) list.delete(index, 1);
}

export function setField(doc: Y.Doc, key: string, value: string | number | boolean | null): void {
  const fields = docFields(doc);
  if (fields.get(key) !== value) fields.set(key, value);
}

export function getString(doc: Y.Doc, key: string): string {
  const v = docFields(doc).get(key);
  return typeof v === 'string' ? v : '';
}
