import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { bodyToJSON, docBody, plainText } from '../model/bodyJson';
import { createDocument } from '../model/templates';
import { addActionPoint, docFields, fieldText, readActionPoints } from '../model/documentDoc';
import { addThread, readThreads } from '../model/comments/commentsDoc';
import { enterPhase, readPhaseState } from '../model/consultation/phases';
import { listVersions, openVersion, readVersion, recordVersion } from '../model/consultation/snapshots';
import { restoreVersion, undoScope } from './restoreVersion';

const ed = { id: 'ed', name: 'Ed', role: 'editor' as const };

function meeting(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  createDocument(new Y.Doc(), () => doc, { kind: 'meeting', title: 'M', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
  return doc;
}
function draft(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  createDocument(new Y.Doc(), () => doc, { kind: 'draft', title: 'Report', subtype: 'messages', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
  return doc;
}

const lastPara = (doc: Y.Doc) => {
  const body = docBody(doc);
  return body.get(body.length - 1) as Y.XmlElement;
};
const type = (doc: Y.Doc, text: string) => lastPara(doc).insert(lastPara(doc).length, [new Y.XmlText(text)]);
const text = (doc: Y.Doc) => plainText(bodyToJSON(doc));

describe('restoring a version', () => {
  it('replaces body and fields in one change, records "before" first, and one undo returns the exact previous state', () => {
    const doc = meeting();
    const comments = new Y.Doc();
    type(doc, 'Version one text.');
    docFields(doc).set('location', 'Geneva');
    fieldText(doc, 'agenda').insert(0, '1. Opening');
    const v1 = recordVersion(doc, { name: 'One', kind: 'manual', phase: '', by: ed });
    type(doc, ' Added after.');
    docFields(doc).set('location', 'Online');
    fieldText(doc, 'agenda').insert(fieldText(doc, 'agenda').length, '\n2. Close');
    addThread(comments, { anchor: null, type: 'general', body: 'After v1', purpose: 'stakeholder' }, ed);
    const beforeBody = bodyToJSON(doc);
    const beforeFields = docFields(doc).toJSON();

    const um = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([ySyncPluginKey]) });
    let transactions = 0;
    doc.on('afterTransaction', (tr: Y.Transaction) => void (tr.origin === ySyncPluginKey && transactions++));
    const before = restoreVersion(doc, v1.id, { by: ed, beforeName: 'Before restoring One', comments });

    expect(transactions).toBe(1);
    expect(text(doc)).toBe(text(openVersion(readVersion(doc, v1.id)!).doc));
    expect(text(doc)).not.toContain('Added after.');
    expect(docFields(doc).get('location')).toBe('Geneva');
    expect(fieldText(doc, 'agenda').toString()).toBe('1. Opening');
    // Nothing is lost: the state before the restore is a version of its own; comments are not rewound.
    expect(listVersions(doc).map((v) => [v.name, v.kind])).toEqual([['One', 'manual'], ['Before restoring One', 'restore']]);
    expect(text(openVersion(readVersion(doc, before.id)!).doc)).toContain('Added after.');
    expect(readThreads(comments)).toHaveLength(1);

    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(bodyToJSON(doc)).toEqual(beforeBody);
    expect(docFields(doc).toJSON()).toEqual(beforeFields);
    um.redo();
    expect(text(doc)).not.toContain('Added after.');
  });

  it('restores list fields (action points, Y.Maps in a Y.Array) as copies, and undo brings the later list back', () => {
    const doc = meeting();
    addActionPoint(doc, { owner: 'Ana', task: 'Draft the annex', due: '2025-06-01' });
    const v = recordVersion(doc, { name: 'One', phase: '', by: ed });
    addActionPoint(doc, { owner: 'Ben', task: 'Check figures' });
    const later = readActionPoints(doc);
    const um = new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([ySyncPluginKey]) });
    restoreVersion(doc, v.id, { by: ed, beforeName: 'Before' });
    expect(readActionPoints(doc).map((a) => a.task)).toEqual(['Draft the annex']);
    um.undo();
    expect(readActionPoints(doc)).toEqual(later);
  });

  it('keeps the consultation phase: a restore rewinds content, not the workflow', () => {
    const doc = draft();
    type(doc, 'Drafting text.');
    const v = recordVersion(doc, { name: 'Early', kind: 'manual', phase: 'drafting', by: ed });
    enterPhase(doc, 'consultation', ed, { opensOn: '2025-06-01', closesOn: '2025-06-30', today: '2025-05-20' });
    type(doc, ' Consultation text.');
    restoreVersion(doc, v.id, { by: ed, beforeName: 'Before' });
    expect(readPhaseState(doc)?.phase).toBe('consultation');
    expect(text(doc)).toContain('Drafting text.');
    expect(text(doc)).not.toContain('Consultation text.');
  });

  it('a restore on one replica and an edit on another converge', () => {
    const a = meeting();
    type(a, 'Base.');
    const v = recordVersion(a, { name: 'Base', phase: '', by: ed });
    type(a, ' More.');
    const b = new Y.Doc({ gc: false });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    restoreVersion(a, v.id, { by: ed, beforeName: 'Before' });
    type(b, ' Concurrent.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(bodyToJSON(a)).toEqual(bodyToJSON(b));
    expect(listVersions(a)).toHaveLength(2);
  });
});
