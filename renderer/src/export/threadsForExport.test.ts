import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docBody } from '../model/bodyJson';
import { appendJSONToBody } from '../model/bodyWrite';
import { addStakeholder } from '../model/stakeholders';
import { createAnchor } from '../model/comments/anchor';
import { buildBodyIndex } from '../model/comments/bodyIndex';
import { addReply, addThread, readThreads, setDisposition } from '../model/comments/commentsDoc';
import { setResponse } from '../model/comments/responseWrite';
import { threadsForExport } from './threadsForExport';
import type { Actor } from '../model/comments/threadTypes';

const ed: Actor = { id: 'ed', name: 'Ed', role: 'editor' };

describe('threads for export', () => {
  it('resolves locations once and carries everything the exporter shows', () => {
    const doc = new Y.Doc();
    appendJSONToBody(doc, {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { bid: 'h', level: 1 }, content: [{ type: 'text', text: 'One' }] },
        { type: 'paragraph', attrs: { bid: 'p1' }, content: [{ type: 'text', text: 'Alpha beta gamma.' }] },
        { type: 'paragraph', attrs: { bid: 'p2' }, content: [{ type: 'text', text: 'Delta.' }] },
      ],
    });
    const ws = new Y.Doc();
    const s = addStakeholder(ws, { name: 'Ana', organisation: 'Org', group: 'academia', region: 'global', gender: 'woman', themes: [] });
    const index = buildBodyIndex(docBody(doc));
    const p1 = index.blocks[1];
    const p2 = index.blocks[2];
    const c = new Y.Doc();
    const a = addThread(c, { anchor: createAnchor(index, p1.contentStart + 6, p1.contentStart + 10), type: 'editorial', body: 'b?', purpose: 'stakeholder', stakeholder: s }, ed, { now: 1 });
    const b = addThread(c, { anchor: createAnchor(index, p2.contentStart, p2.contentEnd), type: 'substantive', body: 'gone', purpose: 'annotation' }, ed, { now: 2 });
    const g = addThread(c, { anchor: null, type: 'general', body: 'overall', purpose: 'stakeholder', stakeholder: s }, ed, { now: 3 });
    addReply(c, a, 'indeed', ed, { now: 4 });
    setDisposition(c, a, { value: 'accepted-with-changes' }, ed);
    setDisposition(c, g, { value: 'duplicate', duplicateOf: a }, ed);
    setResponse(c, a, 'Done.', ed);
    docBody(doc).delete(2, 1);
    const out = threadsForExport(readThreads(c), buildBodyIndex(docBody(doc)));
    expect(out[0]).toEqual({
      id: a,
      number: 1,
      from: { bid: 'p1', offset: 6 },
      to: { bid: 'p1', offset: 10 },
      quote: 'beta',
      author: 'Ana',
      attribution: { name: 'Ana', organisation: 'Org', group: 'academia', region: 'global', gender: 'woman' },
      type: 'editorial',
      body: 'b?',
      proposedWording: '',
      createdAt: 1,
      resolved: false,
      replies: [{ id: expect.any(String), author: 'Ed', body: 'indeed', createdAt: 4 }],
      disposition: 'accepted-with-changes',
      response: 'Done.',
      para: 1,
      section: '1',
    });
    expect(out[1]).toMatchObject({ id: b, from: null, to: null, quote: 'Delta.', para: null, author: 'Ed' });
    expect(out[1].attribution).toBeUndefined();
    expect(out[2]).toMatchObject({ id: g, from: null, quote: '', disposition: 'duplicate of #1' });
    expect(threadsForExport(readThreads(c), null, { annotations: false }).map((t) => t.id)).toEqual([a, g]);
  });
});
