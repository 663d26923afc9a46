import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../templates';
import { readThreads } from '../comments/commentsDoc';
import { ModelError } from '../modelError';
import type { Actor } from '../comments/threadTypes';
import { addComment, addCommentReply } from './commentGate';
import { enterPhase } from './phases';

const ed: Actor = { id: 'ed', name: 'Ed', role: 'editor' };
const stakeholder: Actor = { id: 'st', name: 'Stake Holder', role: 'commenter' };
const viewer: Actor = { id: 'v', name: 'V', role: 'viewer' };
const comment = { anchor: null, type: 'substantive' as const, body: 'Please add youth participation.' };

function draftIn(phase: 'drafting' | 'consultation' | 'revision') {
  const doc = new Y.Doc({ gc: false });
  createDocument(new Y.Doc(), () => doc, { kind: 'draft', title: 'R', subtype: 'messages', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
  if (phase !== 'drafting') enterPhase(doc, 'consultation', ed, { opensOn: '2025-06-01', closesOn: '2025-06-30', today: '2025-05-20' });
  if (phase === 'revision') enterPhase(doc, 'revision', ed, { today: '2025-07-01' });
  return doc;
}

const refusal = (fn: () => unknown): ModelError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('comment gate', () => {
  it('takes stakeholder comments only while the consultation is open', () => {
    const doc = draftIn('consultation');
    const comments = new Y.Doc();
    const id = addComment(doc, comments, { ...comment, purpose: 'stakeholder' }, stakeholder, { today: '2025-06-15' });
    addComment(doc, comments, { ...comment, purpose: 'stakeholder' }, ed, { today: '2025-06-30' });
    expect(readThreads(comments)).toHaveLength(2);

    const early = refusal(() => addComment(doc, comments, { ...comment, purpose: 'stakeholder' }, stakeholder, { today: '2025-05-31' }));
    expect(early.message).toBe('consultation.error.notOpenYet');
    expect(early.fallback).toMatch(/opens on 2025-06-01/);
    const late = refusal(() => addComment(doc, comments, { ...comment, purpose: 'stakeholder' }, stakeholder, { today: '2025-07-01' }));
    expect(late.message).toBe('consultation.error.closed');
    expect(late.fallback).toBe('The consultation closed on 2025-06-30; no more stakeholder comments are taken.');
    expect(late.details).toEqual({ closesOn: '2025-06-30' });
    // replies by commenters follow the window; editors reply any time
    expect(() => addCommentReply(doc, comments, id, 'also this', stakeholder, { today: '2025-07-01' })).toThrow('consultation.error.closed');
    addCommentReply(doc, comments, id, 'Thanks', ed, { today: '2025-07-01' });
    expect(readThreads(comments)).toHaveLength(2);
  });

  it('refuses stakeholder comments in drafting and revision, but editors can still annotate', () => {
    for (const phase of ['drafting', 'revision'] as const) {
      const doc = draftIn(phase);
      const comments = new Y.Doc();
      expect(refusal(() => addComment(doc, comments, { ...comment, purpose: 'stakeholder' }, stakeholder, { today: '2025-06-15' })).message).toBe(
        'consultation.error.notInConsultation',
      );
      expect(refusal(() => addComment(doc, comments, { ...comment, purpose: 'stakeholder' }, ed, { today: '2025-06-15' })).message).toBe(
        'consultation.error.notInConsultation',
      );
      addComment(doc, comments, { ...comment, purpose: 'annotation' }, ed, { today: '2025-06-15' });
      expect(readThreads(comments).map((t) => t.purpose)).toEqual(['annotation']);
      expect(() => addComment(doc, comments, { ...comment, purpose: 'annotation' }, stakeholder)).toThrow('comments.error.commenterAnnotation');
      expect(() => addComment(doc, comments, { ...comment, purpose: 'annotation' }, viewer)).toThrow('comments.error.readOnly');
    }
  });

  it('lets an editor enter, after the close, a submission that arrived within the window', () => {
    const doc = draftIn('revision');
    const comments = new Y.Doc();
    addComment(doc, comments, { ...comment, purpose: 'stakeholder', receivedOn: '2025-06-29' }, ed, { today: '2025-07-03' });
    expect(readThreads(comments)[0]).toMatchObject({ purpose: 'stakeholder', receivedOn: '2025-06-29' });
    expect(() => addComment(doc, comments, { ...comment, purpose: 'stakeholder', receivedOn: '2025-07-02' }, ed, { today: '2025-07-03' })).toThrow(
      'consultation.error.notInConsultation',
    );
    expect(() => addComment(doc, comments, { ...comment, purpose: 'stakeholder', receivedOn: '2025-06-29' }, stakeholder, { today: '2025-07-03' })).toThrow();
  });

  it('documents without phases take comments at any time', () => {
    const meeting = new Y.Doc();
    createDocument(new Y.Doc(), () => meeting, { kind: 'meeting', title: 'M', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
    const comments = new Y.Doc();
    addComment(meeting, comments, { ...comment, purpose: 'stakeholder' }, stakeholder, { today: '2030-01-01' });
    expect(readThreads(comments)).toHaveLength(1);
  });
});
