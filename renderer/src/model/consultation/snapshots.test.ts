import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyToJSON, docBody, plainText } from '../bodyJson';
import { createDocument } from '../templates';
import { docFields } from '../documentDoc';
import { addThread, readThreads } from '../comments/commentsDoc';
import type { Actor } from '../comments/threadTypes';
import { captureState, listVersions, openVersion, openVersionById, readVersion, recordVersion, versionCommentsMap, versionsArray, VERSIONS } from './snapshots';

const ed: Actor = { id: 'ed', name: 'Ed', role: 'editor' };

function draft(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  createDocument(new Y.Doc(), () => doc, { kind: 'draft', title: 'Report', subtype: 'messages', date: '2025-05-01' }, { t: (id) => id, createdBy: 'ed' });
  return doc;
}

const para = (doc: Y.Doc) => docBody(doc).get(1) as Y.XmlElement;
const type = (doc: Y.Doc, text: string) => para(doc).insert(para(doc).length, [new Y.XmlText(text)]);
const text = (doc: Y.Doc) => plainText(bodyToJSON(doc));

describe('named versions', () => {
  it('a manual version keeps name, note, kind, who and when, and reads back as the doc was (body and comments)', () => {
    const doc = draft();
    const comments = new Y.Doc();
    type(doc, 'Alpha.');
    addThread(comments, { anchor: null, type: 'general', body: 'Early comment', purpose: 'stakeholder' }, ed);
    const v = recordVersion(doc, { name: '  Sent to chair ', note: ' before the call ', kind: 'manual', phase: 'drafting', by: ed, now: 5000, comments });
    type(doc, ' Beta.');
    addThread(comments, { anchor: null, type: 'general', body: 'Late comment', purpose: 'stakeholder' }, ed);
    docFields(doc).set('status', 'changed');

    expect(listVersions(doc)).toEqual([
      expect.objectContaining({ id: v.id, name: 'Sent to chair', note: 'before the call', kind: 'manual', createdAt: 5000, createdBy: 'ed', createdByName: 'Ed', hasComments: true }),
    ]);
    const old = openVersion(readVersion(doc, v.id, comments)!);
    expect(text(old.doc)).toContain('Alpha.');
    expect(text(old.doc)).not.toContain('Beta.');
    expect(docFields(old.doc).get('status')).not.toBe('changed');
    expect(readThreads(old.comments!).map((th) => th.body)).toEqual(['Early comment']);
    expect(old.doc.getArray(VERSIONS).length).toBe(0);
    // Stored as a snapshot: no copy of the document in the entry.
    expect(versionsArray(doc).get(0).state).toBeUndefined();
    expect(listVersions(doc)[0]!.bytes).toBeLessThan(captureState(doc, [VERSIONS]).byteLength);
    // The same through openVersionById (the History panel's path).
    const byId = openVersionById(doc, v.id, comments)!;
    expect(text(byId.doc)).toBe(text(old.doc));
    expect(readThreads(byId.comments!).map((th) => th.body)).toEqual(['Early comment']);
  });

  it('keeps a version\'s comments in the comments doc, never in the document doc that commenters and viewers read whole', () => {
    const doc = draft();
    const comments = new Y.Doc();
    addThread(comments, { anchor: null, type: 'general', body: 'Private submission text', purpose: 'stakeholder' }, ed);
    const v = recordVersion(doc, { name: 'With comments', kind: 'manual', phase: 'drafting', by: ed, comments });
    const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    expect(latin1(Y.encodeStateAsUpdate(doc))).not.toContain('Private submission text');
    expect(versionCommentsMap(comments).get(v.id)).toBeInstanceOf(Uint8Array);
    // A reader without the editors' comments doc (a commenter's projection has no such root) gets the text only.
    const projection = new Y.Doc();
    expect(openVersionById(doc, v.id, projection)!.comments).toBeNull();
    expect(readVersion(doc, v.id)!.comments).toBeUndefined();
    expect(listVersions(doc)[0]!.hasComments).toBe(true);
    // Versions' comments never nest: the second version's state holds no copy of the first one's.
    const v2 = recordVersion(doc, { name: 'Again', kind: 'manual', phase: 'drafting', by: ed, comments });
    expect(openVersionById(doc, v2.id, comments)!.comments!.getMap('versionComments').size).toBe(0);
  });

  it('a version whose comments did not change shares them with the previous one', () => {
    const doc = draft();
    const comments = new Y.Doc();
    addThread(comments, { anchor: null, type: 'general', body: 'Only comment', purpose: 'stakeholder' }, ed);
    recordVersion(doc, { name: 'One', phase: 'drafting', by: ed, comments });
    type(doc, 'More.');
    const two = recordVersion(doc, { name: 'Two', phase: 'drafting', by: ed, comments });
    expect(versionCommentsMap(comments).get(two.id)).toBe(versionsArray(doc).get(0).id);
    expect(readThreads(openVersion(readVersion(doc, two.id, comments)!).comments!).map((th) => th.body)).toEqual(['Only comment']);
    addThread(comments, { anchor: null, type: 'general', body: 'Second comment', purpose: 'stakeholder' }, ed);
    const three = recordVersion(doc, { name: 'Three', phase: 'drafting', by: ed, comments });
    expect(versionCommentsMap(comments).get(three.id)).toBeInstanceOf(Uint8Array);
    expect(readThreads(openVersion(readVersion(doc, three.id, comments)!).comments!)).toHaveLength(2);
  });

  it('reads entries in the old format (a full state, comments in the entry, no kind, no note)', () => {
    const doc = draft();
    const comments = new Y.Doc();
    addThread(comments, { anchor: null, type: 'general', body: 'Old comment', purpose: 'stakeholder' }, ed);
    type(doc, 'Old text.');
    const state = captureState(doc, [VERSIONS]);
    versionsArray(doc).push([{ id: 'old1', name: 'Consultation', phase: 'consultation', createdAt: 1, createdBy: 'ed', createdByName: 'Ed', state, comments: captureState(comments), snapshot: Y.encodeSnapshot(Y.snapshot(doc)) }]);
    type(doc, ' New text.');
    expect(listVersions(doc)).toEqual([expect.objectContaining({ id: 'old1', kind: 'phase', hasComments: true })]);
    expect(readThreads(openVersionById(doc, 'old1')!.comments!).map((th) => th.body)).toEqual(['Old comment']);
    expect(listVersions(doc)[0]!.note).toBeUndefined();
    const entry = readVersion(doc, 'old1')!;
    expect(entry.kind).toBe('phase');
    expect(text(openVersion(entry).doc)).toMatch(/\nOld text\.$/);
  });

  it('a garbage-collected doc stores the content itself, since a snapshot could not be rebuilt there', () => {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(draft()));
    type(doc, 'Kept.');
    const v = recordVersion(doc, { name: 'gc', phase: 'drafting', by: ed });
    type(doc, ' Later.');
    expect(versionsArray(doc).get(0).state).toBeInstanceOf(Uint8Array);
    expect(text(openVersion(readVersion(doc, v.id)!).doc)).toMatch(/\nKept\.$/);
  });

  it('two offline replicas that both save a version keep both, each readable on both', () => {
    const a = draft();
    const b = new Y.Doc({ gc: false });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    type(a, 'From A.');
    const va = recordVersion(a, { name: 'A version', kind: 'manual', phase: 'drafting', by: { id: 'a', name: 'Ann' } });
    type(b, 'From B.');
    const vb = recordVersion(b, { name: 'B version', kind: 'manual', phase: 'drafting', by: { id: 'b', name: 'Bo' } });
    type(a, ' A later.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    for (const doc of [a, b]) {
      expect(listVersions(doc).map((v) => v.name).sort()).toEqual(['A version', 'B version']);
      expect(text(openVersion(readVersion(doc, va.id)!).doc)).toMatch(/\nFrom A\.$/);
      expect(text(openVersion(readVersion(doc, vb.id)!).doc)).toMatch(/\nFrom B\.$/);
    }
    expect(text(a)).toBe(text(b));
  });
});
