import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { englishT } from '../../i18n/en';
import { bodyToJSON, plainText } from '../bodyJson';
import { docFields } from '../documentDoc';
import { wsDocuments, listDocumentMetas } from '../workspaceDoc';
import { digestBody, draftDigest, findDigestForMonth, textBar } from './digestDoc';
import { selectDigest } from './digestSelection';
import { TestWorkspace } from './testWorkspace';

const labels = { group: (c: string) => (c ? englishT(`group.${c}`) : ''), region: (c: string) => (c ? englishT(`region.${c}`) : '') };

/** One replica: its own workspace doc and its own document docs (as IndexedDB would hold them). */
class Replica {
  ws = new Y.Doc();
  docs = new Map<string, Y.Doc>();
  constructor(readonly source: TestWorkspace) {
    Y.applyUpdate(this.ws, Y.encodeStateAsUpdate(source.ws));
  }
  doc = (id: string) => {
    let d = this.docs.get(id);
    if (!d) this.docs.set(id, (d = new Y.Doc({ gc: false })));
    return d;
  };
  generate(month: string, createdBy: string, now: number) {
    const sel = selectDigest({ month, timeZone: 'UTC', rows: this.source.rows(), comments: this.source.comments, stakeholders: this.source.stakeholders(), metas: listDocumentMetas(this.ws) });
    return draftDigest(this.ws, this.doc, { month, title: `Digest: ${month}`, body: digestBody(sel, englishT, labels), createdBy, date: `${month}-28`, now });
  }
  digests = () => [...wsDocuments(this.ws).entries()].filter(([, e]) => e.get('digestMonth')).map(([id]) => id).sort();
  text = (id: string) => plainText(bodyToJSON(this.docs.get(id)!));
}

/** Two replicas come back online: every update of each reaches the other. */
function sync(a: Replica, b: Replica) {
  const exchange = (x: Y.Doc, y: Y.Doc) => {
    Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
    Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
  };
  exchange(a.ws, b.ws);
  for (const id of new Set([...a.docs.keys(), ...b.docs.keys()])) exchange(a.doc(id), b.doc(id));
}

function material() {
  const w = new TestWorkspace();
  const ana = w.person({ name: 'Ana Silva', organisation: 'Rede Mulheres', group: 'civil-society', region: 'latin-american-caribbean' });
  w.contribution('Quotas in Brazil', ana, '2025-03-03', ['Women in politics'], 'Quotas raised representation.');
  w.meeting('March webinar', '2025-03-12', ['Women in politics'], { participants: [ana], keyMessages: 'Quotas work when enforced', actions: [{ owner: 'Ana Silva', task: 'Share the study', due: '2025-03-20' }] });
  return { w, ana };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('drafting a month’s digest', () => {
  it('fills the template from the month’s material, figures table included', () => {
    const { w } = material();
    const r = new Replica(w);
    const { id, created } = r.generate('2025-03', 'ed', 1);
    expect(created).toBe(true);
    const text = r.text(id);
    for (const expected of ['Theme of the month', 'Women in politics', 'Quotas in Brazil — “Quotas raised representation.” (Ana Silva · Rede Mulheres · Civil society', 'March webinar (2025-03-12)', 'Quotas work when enforced', 'Share the study — Ana Silva, due 2025-03-20 (Open), from March webinar', 'Activity figures', '1 contributions and 0 comments this month.'])
      expect(text).toContain(expected);
    const body = bodyToJSON(r.docs.get(id)!);
    expect(body.content?.filter((n) => n.type === 'table')).toHaveLength(2);
    expect(docFields(r.docs.get(id)!).toJSON()).toMatchObject({ kind: 'draft', subtype: 'digest', digestMonth: '2025-03', seeded: true });
    expect(listDocumentMetas(r.ws).find((m) => m.id === id)).toMatchObject({ kind: 'draft', subtype: 'digest', title: 'Digest: 2025-03' });
    expect(textBar(5, 10)).toBe('█'.repeat(5));
    expect(textBar(1, 100)).toBe('█');
    expect(textBar(0, 10)).toBe('');
  });

  it('generating twice opens the same draft and never duplicates content, even after edits', () => {
    const { w } = material();
    const r = new Replica(w);
    const first = r.generate('2025-03', 'ed', 1);
    const before = r.text(first.id);
    docFields(r.docs.get(first.id)!).set('status', 'in-progress');
    w.contribution('Late arrival', w.stakeholders()[0].id, '2025-03-30', ['Youth']); // new material does not regenerate
    const again = r.generate('2025-03', 'ed', 2);
    expect(again).toEqual({ id: first.id, created: false });
    expect(r.text(first.id)).toBe(before);
    expect(count(r.text(first.id), 'Quotas in Brazil')).toBe(1);
    expect(r.digests()).toEqual([first.id]);
    expect(findDigestForMonth(r.ws, '2025-04')).toBeNull();
  });

  it('two offline replicas generating the same month from the same material end with ONE digest', () => {
    const { w } = material();
    const a = new Replica(w);
    const b = new Replica(w);
    const fromA = a.generate('2025-03', 'alice', 1000);
    const fromB = b.generate('2025-03', 'bob', 2000);
    const single = a.text(fromA.id);
    expect(fromA.id).toBe(fromB.id);
    // their client ids differ: only the seed is written by the content-derived client
    expect(a.ws.clientID).not.toBe(b.ws.clientID);
    sync(a, b);
    expect(a.digests()).toEqual([fromA.id]);
    expect(b.digests()).toEqual([fromA.id]);
    expect(a.text(fromA.id)).toBe(single);
    expect(b.text(fromA.id)).toBe(single);
    expect(count(a.text(fromA.id), 'Theme of the month')).toBe(1);
    expect(count(a.text(fromA.id), 'Quotas in Brazil')).toBe(1);
    // and they keep editing it as one document
    const edit = (r: Replica, s: string) => docFields(r.doc(fromA.id)).set('status', s);
    edit(a, 'in-progress');
    sync(a, b);
    expect(docFields(b.doc(fromA.id)).get('status')).toBe('in-progress');
  });

  it('two offline replicas with different material end with TWO separate digests, each intact, never interleaved', () => {
    const { w, ana } = material();
    const a = new Replica(w);
    const aText = (() => {
      const r = new Replica(w);
      return r.text(r.generate('2025-03', 'x', 1).id);
    })();
    // B has received one more contribution than A before generating (offline)
    const w2 = new TestWorkspace();
    Y.applyUpdate(w2.ws, Y.encodeStateAsUpdate(w.ws));
    w.docs.forEach((d, id) => w2.docs.set(id, d));
    w2.contribution('Party lists in Peru', ana, '2025-03-21', ['Women in politics'], 'Zipper lists help.');
    const b = new Replica(w2);
    const fromA = a.generate('2025-03', 'alice', 1000);
    const fromB = b.generate('2025-03', 'bob', 2000);
    const bText = b.text(fromB.id);
    expect(fromA.id).not.toBe(fromB.id);
    sync(a, b);
    for (const r of [a, b]) {
      expect(r.digests()).toEqual([fromA.id, fromB.id].sort());
      expect(r.text(fromA.id)).toBe(aText);
      expect(r.text(fromB.id)).toBe(bText);
      expect(count(r.text(fromB.id), 'Theme of the month')).toBe(1);
    }
    expect(bText).toContain('Party lists in Peru');
    expect(aText).not.toContain('Party lists in Peru');
    // the workspace opens the earlier one for the month from now on
    expect(findDigestForMonth(a.ws, '2025-03')).toBe(fromA.id);
    expect(findDigestForMonth(b.ws, '2025-03')).toBe(fromA.id);
  });
});
