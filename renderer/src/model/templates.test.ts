import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, DRAFT_OUTLINES } from './templates';
import { bodyToJSON, plainText } from './bodyJson';
import { docFields, readActionPoints, addActionPoint } from './documentDoc';
import { listDocumentMetas } from './workspaceDoc';

const t = (id: string) => `T:${id}`;

describe('templates', () => {
  it('seeds an output report with the usual outline, once, in one transaction', () => {
    const ws = new Y.Doc();
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const { id } = createDocument(ws, () => doc, { kind: 'draft', title: 'Output report', subtype: 'output-report', date: '2025-06-01' }, { t, createdBy: 'me' });
    expect(transactions).toBe(1);
    const json = bodyToJSON(doc);
    const headings = json.content!.filter((n) => n.type === 'heading').map((n) => n.content![0].text);
    expect(headings).toEqual(DRAFT_OUTLINES['output-report'].map(t));
    expect(headings).toContain('T:outline.methodology');
    // every block has a persistent id
    for (const n of json.content!) expect(typeof n.attrs?.bid).toBe('string');
    expect(listDocumentMetas(ws)).toMatchObject([{ id, kind: 'draft', subtype: 'output-report', title: 'Output report' }]);
    expect(() => createDocument(ws, () => doc, { kind: 'draft', title: 'again', subtype: 'digest', date: '2025-06-01' }, { t, createdBy: 'me' })).toThrow(
      'document.error.alreadySeeded',
    );
  });

  it('a replica that receives the seeded doc never seeds again: merged content has the outline once', () => {
    const ws = new Y.Doc();
    const a = new Y.Doc();
    createDocument(ws, () => a, { kind: 'draft', title: 'R', subtype: 'output-report', date: '2025-06-01' }, { t, createdBy: 'me' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(plainText(bodyToJSON(a)).match(/outline\.methodology/g)).toHaveLength(1);
    expect(docFields(b).get('seeded')).toBe(true);
  });

  it('meeting summaries get structured fields with editable action points', () => {
    const ws = new Y.Doc();
    const doc = new Y.Doc();
    createDocument(ws, () => doc, { kind: 'meeting', title: 'Session 1', date: '2025-03-04', format: 'hybrid', location: 'Geneva' }, { t, createdBy: 'me' });
    expect(docFields(doc).get('format')).toBe('hybrid');
    addActionPoint(doc, { owner: 'Secretariat', task: 'Circulate notes', due: '2025-03-10' });
    expect(readActionPoints(doc)).toMatchObject([{ owner: 'Secretariat', task: 'Circulate notes', status: 'open' }]);
  });

  it('refuses an empty title', () => {
    expect(() => createDocument(new Y.Doc(), () => new Y.Doc(), { kind: 'contribution', title: '  ', receivedOn: '2025-01-01' }, { t, createdBy: 'me' })).toThrow();
  });
});
