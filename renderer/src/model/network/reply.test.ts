import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../templates';
import { bodyToJSON, plainText } from '../bodyJson';
import { docFields, addActionPoint, updateActionPoint } from '../documentDoc';
import { listDocumentMetas, readDocumentMeta, wsDocuments } from '../workspaceDoc';
import { deriveCatalogRow } from '../derive';
import { englishT } from '../../i18n/en';
import { draftConsolidatedReply, publishReply } from './reply';
import { readQueryFields } from './query';
import { doNotNameSet, setDoNotName } from './doNotName';
import { dueItems } from './due';

const docs = new Map<string, Y.Doc>();
const make = (id: string) => {
  const d = new Y.Doc();
  docs.set(id, d);
  return d;
};
const metaOf = (ws: Y.Doc, id: string) => readDocumentMeta(wsDocuments(ws).get(id)!)!;

function setup() {
  const ws = new Y.Doc();
  const q = createDocument(ws, make, { kind: 'query', title: 'Women candidates', postedOn: '2026-01-20', askedBy: 's1', contributionsDue: '2026-02-15', replyDue: '2026-03-01' }, { t: englishT, createdBy: 'Fa', id: 'q1' });
  q.doc.transact(() => {
    const body = q.doc.getXmlFragment('body');
    const p = body.get(0) as Y.XmlElement;
    const text = new Y.XmlText();
    p.insert(0, [text]);
    text.insert(0, 'What has worked for women standing for local councils?');
  });
  return { ws, q };
}

describe('queries, replies and publishing', () => {
  it('a query is a kind of its own: fields, status open, and a catalog row with its deadlines', () => {
    const { ws, q } = setup();
    expect(metaOf(ws, 'q1')).toMatchObject({ kind: 'query', date: '2026-01-20' });
    expect(readQueryFields(docFields(q.doc))).toEqual({ askedBy: 's1', region: '', postedOn: '2026-01-20', contributionsDue: '2026-02-15', replyDue: '2026-03-01', status: 'open' });
    const row = deriveCatalogRow('w', metaOf(ws, 'q1'), q.doc, 1);
    expect(row.network?.query?.contributionsDue).toBe('2026-02-15');
    expect(dueItems([row], '2026-02-20').map((i) => [i.kind, i.daysLeft])).toEqual([
      ['query-contributions', -5],
      ['query-reply', 9],
    ]);
  });

  it('a contribution in reply to a query, and a meeting’s action points, reach the catalog row', () => {
    const { ws } = setup();
    const c = createDocument(ws, make, { kind: 'contribution', title: 'Kenya', receivedOn: '2026-02-02', stakeholderId: 's2', inReplyTo: 'q1' }, { t: englishT, createdBy: 'Fa', id: 'c1' });
    expect(metaOf(ws, 'c1').inReplyTo).toBe('q1');
    const contribution = deriveCatalogRow('w', metaOf(ws, 'c1'), c.doc, 1);
    expect(contribution.network).toEqual({ inReplyTo: 'q1' });
    expect(contribution.activity?.stakeholderId).toBe('s2');
    const m = createDocument(ws, make, { kind: 'meeting', title: 'Steering group', date: '2026-02-01' }, { t: englishT, createdBy: 'Fa', id: 'm1' });
    const ap = addActionPoint(m.doc, { owner: 'Secretariat', task: 'Send', due: '2026-02-10' });
    let row = deriveCatalogRow('w', metaOf(ws, 'm1'), m.doc, 1);
    expect(row.activity?.actionPoints).toEqual([{ id: ap, owner: 'Secretariat', task: 'Send', due: '2026-02-10', status: 'open' }]);
    expect(dueItems([row], '2026-02-12')[0]).toMatchObject({ kind: 'action-point', overdue: true });
    updateActionPoint(m.doc, ap, { status: 'done' });
    row = deriveCatalogRow('w', metaOf(ws, 'm1'), m.doc, 2);
    expect(dueItems([row], '2026-02-12')).toEqual([]);
  });

  it('Draft consolidated reply: the template with the query’s question, linked to the query, which moves to drafting', () => {
    const { ws, q } = setup();
    const id = draftConsolidatedReply(ws, make, { meta: metaOf(ws, 'q1'), doc: q.doc, body: bodyToJSON(q.doc) }, { t: englishT, createdBy: 'Fa', date: '2026-02-20', id: 'r1' });
    const reply = docs.get(id)!;
    expect(metaOf(ws, 'r1')).toMatchObject({ kind: 'draft', subtype: 'consolidated-reply', replyTo: 'q1', title: 'Consolidated reply: Women candidates' });
    const json = bodyToJSON(reply);
    expect(json.content!.filter((n) => n.type === 'heading').map((n) => n.content![0].text)).toEqual([
      'The original query',
      'Summary of contributions',
      'Experiences and examples by country',
      'Resources and related documents',
      'Organisations and experts mentioned',
      'Contributors',
    ]);
    expect(json.content![json.content!.length - 1].type).toBe('contributorsList');
    expect(plainText(json)).toContain('What has worked for women standing for local councils?');
    // The copied question has block ids of its own.
    const qBid = bodyToJSON(q.doc).content![0].attrs!.bid;
    expect(json.content![1].attrs!.bid).not.toBe(qBid);
    expect(readQueryFields(docFields(q.doc)).status).toBe('drafting');
    // Applied once: the creator's seeded reply cannot be seeded again.
    expect(() => createDocument(ws, () => reply, { kind: 'draft', title: 'x', subtype: 'consolidated-reply', date: '2026-02-20' }, { t: englishT, createdBy: 'Fa' })).toThrow();
  });

  it('do-not-name toggles from two replicas land in one map', () => {
    const { ws, q } = setup();
    draftConsolidatedReply(ws, make, { meta: metaOf(ws, 'q1'), doc: q.doc, body: bodyToJSON(q.doc) }, { t: englishT, createdBy: 'Fa', date: '2026-02-20', id: 'r2' });
    const a = docs.get('r2')!;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setDoNotName(a, 's1', true);
    setDoNotName(b, 's2', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect([...doNotNameSet(a)].sort()).toEqual(['s1', 's2']);
    expect([...doNotNameSet(b)].sort()).toEqual(['s1', 's2']);
  });

  it('Publish sets publishedAt on the reply and the query, and the query’s status to published (out of the Due list)', () => {
    const { ws, q } = setup();
    draftConsolidatedReply(ws, make, { meta: metaOf(ws, 'q1'), doc: q.doc, body: bodyToJSON(q.doc) }, { t: englishT, createdBy: 'Fa', date: '2026-02-20', id: 'r3' });
    publishReply(ws, 'r3', { id: 'q1', doc: q.doc }, '2026-02-28');
    expect(metaOf(ws, 'r3').publishedAt).toBe('2026-02-28');
    expect(metaOf(ws, 'q1').publishedAt).toBe('2026-02-28');
    expect(readQueryFields(docFields(q.doc)).status).toBe('published');
    expect(dueItems([deriveCatalogRow('w', metaOf(ws, 'q1'), q.doc, 1)], '2026-02-28')).toEqual([]);
    expect(listDocumentMetas(ws).filter((m) => m.publishedAt)).toHaveLength(2);
  });
});
