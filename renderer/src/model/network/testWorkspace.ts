// A small workspace built through the real model (registry, templates, fields), and its derived catalog rows,
// shared by the digest, expert finder and profile tests.
import * as Y from 'yjs';
import { createDocument, type NewDocumentInput } from '../templates';
import { addActionPoint, addParticipant, docFields, fieldText } from '../documentDoc';
import { appendJSONToBody } from '../bodyWrite';
import { listDocumentMetas, updateDocumentMeta } from '../workspaceDoc';
import { addStakeholder, listStakeholders, type StakeholderInput } from '../stakeholders';
import { deriveCatalogRow } from '../derive';
import type { CatalogRow } from '../catalog';
import type { CommentEntry } from '../commentEntries';

export class TestWorkspace {
  ws = new Y.Doc();
  docs = new Map<string, Y.Doc>();
  comments: CommentEntry[] = [];

  person(input: Partial<StakeholderInput> & { name: string }, addedAt = Date.UTC(2024, 0, 1)): string {
    return addStakeholder(this.ws, { organisation: '', group: 'civil-society', region: 'global', themes: [], ...input }, undefined, addedAt).id;
  }

  doc(input: NewDocumentInput, opts: { themes?: string[]; text?: string; publishedAt?: string } = {}): string {
    const { id, doc } = createDocument(this.ws, () => new Y.Doc({ gc: false }), input, { t: (x) => x, createdBy: 'me' });
    this.docs.set(id, doc);
    if (opts.themes || opts.publishedAt) updateDocumentMeta(this.ws, id, { themes: opts.themes, publishedAt: opts.publishedAt });
    if (opts.text) appendJSONToBody(doc, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: opts.text }] }] });
    return id;
  }

  contribution(title: string, stakeholderId: string, receivedOn: string, themes: string[], text = `${title} text.`): string {
    return this.doc({ kind: 'contribution', title, stakeholderId, receivedOn }, { themes, text });
  }

  meeting(title: string, date: string, themes: string[], o: { participants?: string[]; keyMessages?: string; actions?: Array<{ owner: string; task: string; due: string; status?: 'open' | 'done' }> } = {}): string {
    const id = this.doc({ kind: 'meeting', title, date }, { themes });
    const doc = this.docs.get(id)!;
    for (const p of o.participants ?? []) addParticipant(doc, { stakeholderId: p });
    if (o.keyMessages) fieldText(doc, 'keyMessages').insert(0, o.keyMessages);
    for (const a of o.actions ?? []) addActionPoint(doc, a);
    return id;
  }

  consultation(title: string, opensOn: string, closesOn: string): string {
    const id = this.doc({ kind: 'draft', title, subtype: 'messages', date: opensOn });
    const f = docFields(this.docs.get(id)!);
    f.set('phase', 'consultation');
    f.set('consultationOpensOn', opensOn);
    f.set('consultationClosesOn', closesOn);
    return id;
  }

  comment(docId: string, threadId: string, stakeholderId: string | null, createdAt: number, extra: Partial<CommentEntry> = {}): void {
    this.comments.push({
      key: `w/${docId}/${threadId}`, workspaceId: 'w', docId, threadId, number: this.comments.length + 1, purpose: 'stakeholder', stakeholderId,
      name: '', organisation: '', group: '', region: '', authorId: 'a', createdAt, body: `Comment ${threadId}`, proposedWording: '', replies: [],
      disposition: '', response: '', quote: '', ...extra,
    });
  }

  metas = () => listDocumentMetas(this.ws);
  stakeholders = () => listStakeholders(this.ws, { includeDeleted: true });
  rows = (): CatalogRow[] => this.metas().map((m) => deriveCatalogRow('w', m, this.docs.get(m.id) ?? null, 0));
}
