import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyToJSON, docBody, plainText } from '../bodyJson';
import { createDocument } from '../templates';
import { addThread, readThreads } from '../comments/commentsDoc';
import type { Actor } from '../comments/threadTypes';
import { consultationStatus, enterPhase, isIsoDate, localIsoDate, readPhaseState, setConsultationWindow } from './phases';
import { listVersions, openVersion, readVersion } from './snapshots';

const ed: Actor = { id: 'ed', name: 'Ed', role: 'editor' };
const commenter: Actor = { id: 'c', name: 'C', role: 'commenter' };

function draft(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  createDocument(new Y.Doc(), () => doc, { kind: 'draft', title: 'Report', subtype: 'messages', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
  return doc;
}

const typeInBody = (doc: Y.Doc, text: string) => {
  const p = docBody(doc).get(1) as Y.XmlElement;
  p.insert(p.length, [new Y.XmlText(text)]);
};

describe('phases', () => {
  it('a new draft is drafting; other documents have no phase', () => {
    expect(readPhaseState(draft())).toEqual({ phase: 'drafting', opensOn: null, closesOn: null });
    const meeting = new Y.Doc();
    createDocument(new Y.Doc(), () => meeting, { kind: 'meeting', title: 'M', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
    expect(readPhaseState(meeting)).toBeNull();
  });

  it('goes drafting -> consultation -> revision -> final, recording a version at each step', () => {
    const doc = draft();
    const comments = new Y.Doc();
    typeInBody(doc, 'First draft text.');
    const v1 = enterPhase(doc, 'consultation', ed, { opensOn: '2025-06-01', closesOn: '2025-06-30', today: '2025-05-20', now: 1000, comments, name: 'Draft for consultation' });
    expect(readPhaseState(doc)).toEqual({ phase: 'consultation', opensOn: '2025-06-01', closesOn: '2025-06-30' });
    typeInBody(doc, ' Revised after comments.');
    addThread(comments, { anchor: null, type: 'general', body: 'Good', purpose: 'stakeholder' }, ed);
    const v2 = enterPhase(doc, 'revision', ed, { today: '2025-07-01', comments });
    enterPhase(doc, 'final', ed, { today: '2025-07-10' });
    expect(readPhaseState(doc)?.phase).toBe('final');
    expect(listVersions(doc).map((v) => [v.name, v.phase, v.createdBy, v.hasComments])).toEqual([
      ['Draft for consultation', 'consultation', 'ed', true],
      ['revision 2025-07-01', 'revision', 'ed', true],
      ['final 2025-07-10', 'final', 'ed', false],
    ]);
    expect(v1.createdAt).toBe(1000);
    // Each version holds the draft as it was when the phase was entered, fields included.
    const old = openVersion(readVersion(doc, v1.id, comments)!);
    expect(plainText(bodyToJSON(old.doc))).toContain('First draft text.');
    expect(plainText(bodyToJSON(old.doc))).not.toContain('Revised');
    expect(readPhaseState(old.doc)?.phase).toBe('drafting');
    expect(readThreads(old.comments!)).toEqual([]);
    const mid = openVersion(readVersion(doc, v2.id, comments)!);
    expect(plainText(bodyToJSON(mid.doc))).toContain('Revised after comments.');
    expect(readThreads(mid.comments!)).toHaveLength(1);
    // versions never contain earlier versions
    expect(mid.doc.getArray('versions').length).toBe(0);
    // the Y snapshot of a gc-off draft reconstructs the same content
    const fromSnapshot = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(readVersion(doc, v1.id)!.snapshot));
    expect(plainText(bodyToJSON(fromSnapshot))).toBe(plainText(bodyToJSON(old.doc)));
  });

  it('refuses impossible moves, missing or wrong dates, and non-editors', () => {
    const doc = draft();
    expect(() => enterPhase(doc, 'revision', ed)).toThrow('consultation.error.transition');
    expect(() => enterPhase(doc, 'consultation', ed, { today: '2025-05-01' })).toThrow('consultation.error.datesRequired');
    expect(() => enterPhase(doc, 'consultation', ed, { opensOn: '2025-06-30', closesOn: '2025-06-01', today: '2025-05-01' })).toThrow('consultation.error.datesOrder');
    expect(() => enterPhase(doc, 'consultation', ed, { opensOn: '2025-04-01', closesOn: '2025-04-30', today: '2025-05-01' })).toThrow('consultation.error.closesInPast');
    expect(() => enterPhase(doc, 'consultation', ed, { opensOn: '2025-02-30', closesOn: '2025-06-01', today: '2025-05-01' })).toThrow('consultation.error.datesRequired');
    expect(() => enterPhase(doc, 'consultation', commenter, { opensOn: '2025-06-01', closesOn: '2025-06-30', today: '2025-05-01' })).toThrow('consultation.error.editorsOnly');
    expect(listVersions(doc)).toEqual([]);
    expect(readPhaseState(doc)?.phase).toBe('drafting');
    // drafting -> final directly (an output with no consultation), and back to revision
    enterPhase(doc, 'final', ed, { today: '2025-05-02' });
    enterPhase(doc, 'revision', ed, { today: '2025-05-03' });
    enterPhase(doc, 'consultation', ed, { opensOn: '2025-05-03', closesOn: '2025-05-10', today: '2025-05-03' });
    setConsultationWindow(doc, '2025-05-03', '2025-05-20', ed, '2025-05-09');
    expect(readPhaseState(doc)?.closesOn).toBe('2025-05-20');
    expect(() => setConsultationWindow(doc, '2025-05-03', '2025-05-01', ed, '2025-05-09')).toThrow('consultation.error.datesOrder');
  });

  it('the window includes both dates', () => {
    const state = { phase: 'consultation' as const, opensOn: '2025-06-01', closesOn: '2025-06-30' };
    expect(['2025-05-31', '2025-06-01', '2025-06-15', '2025-06-30', '2025-07-01'].map((d) => consultationStatus(state, d))).toEqual([
      'notOpenYet',
      'open',
      'open',
      'open',
      'closed',
    ]);
    expect(consultationStatus({ ...state, phase: 'revision' }, '2025-06-15')).toBe('notInConsultation');
    expect(localIsoDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(isIsoDate('2025-13-01')).toBe(false);
  });

  it('concurrent phase changes on two replicas both keep their version', () => {
    const a = draft();
    const b = new Y.Doc({ gc: false });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    enterPhase(a, 'consultation', ed, { opensOn: '2025-06-01', closesOn: '2025-06-30', today: '2025-05-20' });
    enterPhase(b, 'final', ed, { today: '2025-05-20' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listVersions(a)).toHaveLength(2);
    expect(readPhaseState(a)).toEqual(readPhaseState(b));
  });
});
