import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocName, documentDocName } from '../../../common/rooms';
import { docBody } from '../model/bodyJson';
import { appendJSONToBody } from '../model/bodyWrite';
import { createDocument } from '../model/templates';
import { listDocumentMetas } from '../model/workspaceDoc';
import { catalogDb } from './catalogDb';
import { contentFingerprint, syncedDerivation } from './syncedDerivation';

const t = (id: string) => id;
const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('content fingerprint', () => {
  it('moves with new content and with a deletion alone, not with a copy of the same state', () => {
    const doc = new Y.Doc();
    appendJSONToBody(doc, para('One'));
    const first = contentFingerprint(doc, 'm');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(contentFingerprint(copy, 'm')).toBe(first);
    expect(contentFingerprint(doc, 'other metadata')).not.toBe(first);
    appendJSONToBody(doc, para('Two'));
    const second = contentFingerprint(doc, 'm');
    expect(second).not.toBe(first);
    const sv = Y.encodeStateVector(doc);
    docBody(doc).delete(docBody(doc).length - 1, 1);
    expect(Y.encodeStateVector(doc)).toEqual(sv); // the state vector alone would miss it
    expect(contentFingerprint(doc, 'm')).not.toBe(second);
  });
});

describe('a pass over 500 documents in sync', () => {
  it('derives each once, then nothing', async () => {
    const ws = new Y.Doc();
    const bodies = new Map<string, Y.Doc>();
    for (let i = 0; i < 500; i++) {
      const doc = new Y.Doc();
      const { id } = createDocument(ws, () => doc, { kind: 'contribution', title: `Contribution ${i}`, receivedOn: '2026-01-01' }, { t, createdBy: 'me', id: `d${i}`, body: para(`Text ${i}`) });
      bodies.set(id, doc);
    }
    const comments = new Y.Doc();
    const pass = async () => {
      const p = await syncedDerivation.begin('big', ws);
      let wrote = 0;
      for (const meta of listDocumentMetas(ws)) {
        if (await p.derive(documentDocName('big', meta.id), bodies.get(meta.id) as Y.Doc, { part: 'body', meta })) wrote++;
        if (await p.derive(commentsDocName('big', meta.id), comments, { part: 'comments', docId: meta.id })) wrote++;
      }
      return wrote;
    };
    expect(await pass()).toBe(1000);
    expect(await catalogDb.catalog.where('workspaceId').equals('big').count()).toBe(500);
    expect(await pass()).toBe(0);
    // One changed document: only it.
    appendJSONToBody(bodies.get('d7') as Y.Doc, para('More'));
    expect(await pass()).toBe(1);
    expect((await catalogDb.texts.get('big/d7'))?.text).toContain('More');
  }, 60_000);
});
