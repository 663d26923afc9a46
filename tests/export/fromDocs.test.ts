// exportInputFromDocs: the one adapter from Y.Docs (through the model accessors) to the exporter's input.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { initWorkspace, updateHouseStyle } from '../../renderer/src/model/workspaceDoc';
import { addStakeholder, deleteStakeholder } from '../../renderer/src/model/stakeholders';
import { createDocument } from '../../renderer/src/model/templates';
import { addParticipant, addActionPoint, fieldText } from '../../renderer/src/model/documentDoc';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { documentDocName } from '../../common/rooms';
import { exportInputFromDocs } from '../../renderer/src/export/fromDocs';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import { readDocx, thread } from './helpers';

describe('exportInputFromDocs', () => {
  it('reads workspace, registry (deleted entries too), meta, fields and body, and exports them', async () => {
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'IGF BPF' });
    updateHouseStyle(ws, { paper: 'Letter', fontSize: 11 });
    const jane = addStakeholder(ws, { name: 'Jane Doe', organisation: 'ACME', group: 'private-sector', region: 'global', themes: [] });
    const gone = addStakeholder(ws, { name: 'Old Entry', organisation: 'X', group: 'academia', region: 'global', themes: [] });
    deleteStakeholder(ws, gone.id);
    const { id, doc } = createDocument(ws, (docId) => new Y.Doc({ guid: documentDocName('w1', docId) }), { kind: 'meeting', title: 'Session 3', date: '2025-06-12', location: 'Kyoto' }, { t: (x) => x, createdBy: 'me' });
    addParticipant(doc, { stakeholderId: jane.id });
    addParticipant(doc, { name: 'Guest', organisation: 'Uni' });
    addActionPoint(doc, { owner: 'Secretariat', task: 'Share slides', due: '2025-07-01' });
    fieldText(doc, 'agenda').insert(0, 'Opening\nDiscussion');
    appendJSONToBody(doc, { type: 'doc', content: [{ type: 'paragraph', attrs: { bid: 'p1' }, content: [{ type: 'text', text: 'Jane Doe opened.' }] }] });

    const threads = [thread({ id: 't', number: 1, from: { bid: 'p1', offset: 0 }, to: { bid: 'p1', offset: 8 } })];
    const input = exportInputFromDocs(ws, doc, threads); // doc id from the guid
    expect(input.workspace).toMatchObject({ name: 'IGF BPF', houseStyle: { paper: 'Letter', fontSize: 11 } });
    expect(input.stakeholders.map((s) => [s.name, !!s.deleted])).toEqual([
      ['Jane Doe', false],
      ['Old Entry', true],
    ]);
    const [d] = input.documents;
    expect(d.meta).toMatchObject({ id, kind: 'meeting', title: 'Session 3', date: '2025-06-12' });
    expect(d.fields).toMatchObject({ location: 'Kyoto', agenda: 'Opening\nDiscussion', participants: [{ stakeholderId: jane.id }, { name: 'Guest', organisation: 'Uni' }] });
    expect(d.fields.actionPoints).toMatchObject([{ owner: 'Secretariat', task: 'Share slides', status: 'open' }]);
    expect(d.threads).toBe(threads);

    const r = readDocx(await exportDocx(input, { wordComments: true }));
    expect(r.tables[0].rows.map((row) => row[1])).toEqual(['12 June 2025', 'In person', 'Kyoto', 'Private sector: Jane Doe (ACME)\nOther participants: Guest (Uni)']);
    // A lone meeting summary has no title page by default (issue 15): its one section is the house paper size.
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]).toMatchObject({ width: 12240, height: 15840 });
    expect(r.comments).toHaveLength(1);
  });
});
