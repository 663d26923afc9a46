import * as Y from 'yjs';
import { newId } from '../../../common/ids';
import type { PMNode } from './bodyJson';
import { appendJSONToBody } from './bodyWrite';
import { docFields } from './documentDoc';
import { ModelError } from './modelError';
import { wsDocuments } from './workspaceDoc';
import type { Channel, DraftSubtype, MeetingFormat } from './kinds';
import { seedQueryFields, type QueryInput } from './network/query';

// Templates are applied once, by the creator, inside the creating transaction. A replica that opens an empty
// document never seeds it (it waits for the content to arrive), so two replicas can never both apply a template.

/** Section headings of each draft subtype's outline, as message ids (translated by the caller). */
export const DRAFT_OUTLINES: Record<DraftSubtype, string[]> = {
  'output-report': ['outline.executiveSummary', 'outline.introduction', 'outline.methodology', 'outline.findings', 'outline.recommendations', 'outline.annexes'],
  'executive-summary': ['outline.keyFindings', 'outline.recommendations'],
  messages: ['outline.keyMessages'],
  'consolidated-reply': ['outline.commentsReceived', 'outline.response'],
  digest: ['outline.highlights', 'outline.upcoming'],
  'progress-report': ['outline.activities', 'outline.outputs', 'outline.nextSteps'],
};

export type NewDocumentInput =
  | { kind: 'meeting'; title: string; date: string; format?: MeetingFormat; location?: string }
  | { kind: 'contribution'; title: string; stakeholderId?: string; receivedOn: string; channel?: Channel; inReplyTo?: string }
  | { kind: 'draft'; title: string; subtype: DraftSubtype; targetMin?: number; targetMax?: number; date: string; replyTo?: string }
  | QueryInput;

const paragraph = (): PMNode => ({ type: 'paragraph', attrs: { bid: newId() } });
const heading = (text: string, level = 1): PMNode => ({ type: 'heading', attrs: { level, bid: newId() }, content: [{ type: 'text', text }] });

export function templateBody(input: NewDocumentInput, t: (id: string) => string): PMNode {
  if (input.kind !== 'draft') return { type: 'doc', content: [paragraph()] };
  const content = DRAFT_OUTLINES[input.subtype].flatMap((id) => [heading(t(id)), paragraph()]);
  return { type: 'doc', content };
}

function seedFields(fields: Y.Map<unknown>, input: NewDocumentInput): void {
  fields.set('kind', input.kind);
  switch (input.kind) {
    case 'meeting':
      fields.set('date', input.date);
      fields.set('format', input.format ?? 'in-person');
      fields.set('location', input.location ?? '');
      fields.set('participants', new Y.Array());
      fields.set('agenda', new Y.Text());
      fields.set('keyMessages', new Y.Text());
      fields.set('actionPoints', new Y.Array());
      break;
    case 'contribution':
      fields.set('stakeholderId', input.stakeholderId ?? '');
      fields.set('receivedOn', input.receivedOn);
      fields.set('channel', input.channel ?? 'email');
      break;
    case 'draft':
      fields.set('subtype', input.subtype);
      fields.set('status', 'outline');
      fields.set('targetMin', input.targetMin ?? null);
      fields.set('targetMax', input.targetMax ?? null);
      fields.set('phase', 'drafting');
      break;
    case 'query':
      seedQueryFields(fields, input);
      break;
  }
  fields.set('seeded', true);
}

/**
 * Creates a document: seeds its own Y.Doc (fields and body, in one transaction) and registers it in the
 * workspace doc. Returns the new document's id.
 */
export function createDocument(
  ws: Y.Doc,
  makeDoc: (docId: string) => Y.Doc,
  input: NewDocumentInput,
  opts: { t: (id: string) => string; createdBy: string; now?: number; id?: string; body?: PMNode },
): { id: string; doc: Y.Doc } {
  const title = input.title.trim();
  if (!title) throw new ModelError('document.error.titleRequired', 'Give the document a title.');
  const id = opts.id ?? newId();
  const doc = makeDoc(id);
  if (docFields(doc).get('seeded')) throw new ModelError('document.error.alreadySeeded', 'This document already has content.');
  doc.transact(() => {
    seedFields(docFields(doc), input);
    // An imported document brings its own body instead of the template's.
    appendJSONToBody(doc, opts.body ?? templateBody(input, opts.t));
  });
  const date = input.kind === 'meeting' || input.kind === 'draft' ? input.date : input.kind === 'query' ? input.postedOn : input.receivedOn;
  ws.transact(() => {
    const entry = new Y.Map<unknown>();
    wsDocuments(ws).set(id, entry);
    entry.set('id', id);
    entry.set('kind', input.kind);
    if (input.kind === 'draft') entry.set('subtype', input.subtype);
    if (input.kind === 'draft' && input.replyTo) entry.set('replyTo', input.replyTo);
    if (input.kind === 'contribution' && input.inReplyTo) entry.set('inReplyTo', input.inReplyTo);
    entry.set('title', title);
    entry.set('themes', []);
    entry.set('date', date);
    entry.set('createdAt', opts.now ?? Date.now());
    entry.set('createdBy', opts.createdBy);
  });
  return { id, doc };
}
