import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, readThread } from '../comments/commentsDoc';
import type { Actor } from '../comments/threadTypes';
import { readAppliedChange, recordAppliedChange } from './appliedChange';

const editor: Actor = { id: 'ed1', name: 'Rita', role: 'editor' };
const commenter: Actor = { id: 'c1', name: 'Carl', role: 'commenter' };

describe('the link from a comment to the change that applied its wording', () => {
  it('sets the disposition to accepted and records the change, in one transaction', () => {
    const doc = new Y.Doc();
    const id = addThread(doc, { anchor: null, type: 'editorial', body: 'Say it better', proposedWording: 'Better words', purpose: 'stakeholder' }, commenter);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    recordAppliedChange(doc, id, { suggestionId: 's-1', blockId: 'b7' }, editor, 1234);
    expect(transactions).toBe(1);
    expect(readThread(doc, id)!.disposition.value).toBe('accepted');
    expect(readAppliedChange(doc, id)).toEqual({ suggestionId: 's-1', blockId: 'b7', at: 1234, by: 'ed1', byName: 'Rita' });
  });

  it('refuses a commenter and writes nothing', () => {
    const doc = new Y.Doc();
    const id = addThread(doc, { anchor: null, type: 'editorial', body: 'x', proposedWording: 'y', purpose: 'stakeholder' }, commenter);
    expect(() => recordAppliedChange(doc, id, { suggestionId: null, blockId: null }, commenter)).toThrow();
    expect(readAppliedChange(doc, id)).toBeNull();
    expect(readThread(doc, id)!.disposition.value).toBe('open');
  });
});
