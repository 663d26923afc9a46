// Personal data goes to editors only (issue 9, part 2): what each role RECEIVES of the workspace room, checked with
// the stock y-websocket client against common/roles.ts `reads`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COMMENTS_ROOT, CONSULTATION_ROOT, ConsultationKey, ThreadKey } from '../common/commentsSchema';
import { capabilitiesOf, PUBLIC_STAKEHOLDER_FIELDS, type Role } from '../common/roles';
import { signToken } from './token';
import { silentLogger } from './log';
import { startServer, type RunningServer } from './server';
import { sleep, TEST_SECRET, tempDir, waitFor } from './testHelpers';
import { initWorkspace, wsDocuments, wsStakeholders } from '../renderer/src/model/workspaceDoc';

/** A registry entry as model/stakeholders.ts writes it (that module is not part of the server's type check). */
function putStakeholder(ws: Y.Doc, id: string, fields: Record<string, unknown>): void {
  ws.transact(() => {
    let entry = wsStakeholders(ws).get(id);
    if (!entry) {
      entry = new Y.Map<unknown>();
      wsStakeholders(ws).set(id, entry);
      entry.set('id', id);
    }
    for (const [k, v] of Object.entries(fields)) entry.set(k, v);
  });
}

const dir = tempDir();
let server: RunningServer;
const exp = Math.floor(Date.now() / 1000) + 3600;
const token = (role: Role, sub: string, stakeholder?: string) =>
  signToken({ ws: 'ws1', role, sub, name: sub, exp, ...(stakeholder ? { stakeholder } : {}) }, TEST_SECRET);
const editor = token('editor', 'ed1');
const ana = token('commenter', 'ana1', 'st-ana');
const bob = token('commenter', 'bob1');
const viewer = token('viewer', 'vi1');

function stock(token: string, doc = new Y.Doc(), room = 'ws1/_workspace') {
  const provider = new WebsocketProvider(server.url, room, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true });
  const closes: number[] = [];
  provider.on('connection-close', (e) => closes.push(e?.code ?? -1));
  return { provider, doc, closes };
}

async function received(token: string, doc = new Y.Doc(), room = 'ws1/_workspace'): Promise<Y.Doc> {
  const c = stock(token, doc, room);
  try {
    await waitFor(() => c.provider.synced, 10_000, 'sync');
    await sleep(100);
    expect(c.closes).toEqual([]);
    return c.doc;
  } finally {
    c.provider.destroy();
  }
}

/** Every string in the doc as sent on the wire, deleted content included. */
const wire = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');

let seeded: ReturnType<typeof stock>;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, unloadDelayMs: 200 });
  seeded = stock(editor);
  await waitFor(() => seeded.provider.synced, 10_000, 'editor sync');
  const ws = seeded.doc;
  initWorkspace(ws, { name: 'IGF 2026' });
  putStakeholder(ws, 'st-ana', { name: 'Ana Alves', organisation: 'Open Net', group: 'civil-society', region: 'latin-american-caribbean', gender: 'woman', themes: ['Privacy-Expertise'] });
  putStakeholder(ws, 'st-olga', { name: 'Olga Other', organisation: 'Secret Ministry', group: 'government', region: 'western-european-other', gender: 'man', themes: ['Security'] });
  ws.transact(() => {
    const entry = new Y.Map<unknown>();
    wsDocuments(ws).set('d1', entry);
    for (const [k, v] of Object.entries({ id: 'd1', kind: 'draft', subtype: 'report', title: 'Chair summary', themes: [], date: '2026-12-01', createdAt: 1, createdBy: 'Rapporteur' })) entry.set(k, v);
  });
  await sleep(300);
});

afterAll(async () => {
  seeded.provider.destroy();
  await server.close();
  dir.remove();
});

describe('the workspace room by role (common/roles.ts reads)', () => {
  it('an editor receives the whole registry', async () => {
    const doc = await received(editor);
    expect(wsStakeholders(doc).get('st-olga')?.get('gender')).toBe('man');
    expect(wsStakeholders(doc).get('st-ana')?.get('themes')).toEqual(['Privacy-Expertise']);
  });

  it("a commenter receives the documents and only the public fields of their invite's stakeholder", async () => {
    expect(capabilitiesOf('commenter').reads.workspace).toBe('projection');
    const doc = await received(ana, new Y.Doc({ gc: false }));
    expect(doc.getMap('info').get('name')).toBe('IGF 2026');
    expect(wsDocuments(doc).get('d1')?.get('title')).toBe('Chair summary');
    expect(Array.from(wsStakeholders(doc).keys())).toEqual(['st-ana']);
    expect(Object.keys(wsStakeholders(doc).get('st-ana')?.toJSON() ?? {}).sort()).toEqual([...PUBLIC_STAKEHOLDER_FIELDS].sort());
    const bytes = wire(doc);
    for (const secret of ['gender', 'woman', 'Privacy-Expertise', 'Olga Other', 'Secret Ministry', 'st-olga']) expect(bytes).not.toContain(secret);
  });

  it('a commenter whose invite names no stakeholder, and a viewer, receive no registry entry at all', async () => {
    for (const t of [bob, viewer]) {
      const doc = await received(t);
      expect(wsDocuments(doc).get('d1')?.get('title')).toBe('Chair summary');
      expect(wsStakeholders(doc).size).toBe(0);
      for (const secret of ['Ana Alves', 'Olga Other', 'woman', 'Open Net']) expect(wire(doc)).not.toContain(secret);
    }
  });

  it("follows the editors' changes live, never with a private field", async () => {
    const c = stock(ana);
    try {
      await waitFor(() => c.provider.synced, 10_000, 'sync');
      const reg = () => wsStakeholders(c.doc).get('st-ana')?.toJSON();
      putStakeholder(seeded.doc, 'st-ana', { name: 'Ana Alves', organisation: 'Open Net Association', group: 'civil-society', region: 'latin-american-caribbean', gender: 'non-binary', themes: ['New-Expertise'] });
      await waitFor(() => reg()?.organisation === 'Open Net Association', 10_000, 'renamed organisation');
      wsDocuments(seeded.doc).get('d1')?.set('title', 'Chair summary v2');
      await waitFor(() => wsDocuments(c.doc).get('d1')?.get('title') === 'Chair summary v2', 10_000, 'title');
      expect(wire(c.doc)).not.toContain('non-binary');
      expect(wire(c.doc)).not.toContain('New-Expertise');
      expect(c.closes).toEqual([]);
    } finally {
      c.provider.destroy();
    }
  });

  it('a reader whose local copy holds the full registry from before (old local data) stays connected and adds nothing to the server', async () => {
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(seeded.doc)); // what a commenter received before this change
    const c = stock(bob, old);
    try {
      await waitFor(() => c.provider.synced, 10_000, 'sync');
      await sleep(300);
      expect(c.closes).toEqual([]);
    } finally {
      c.provider.destroy();
    }
    const fresh = await received(bob);
    expect(wsStakeholders(fresh).size).toBe(0);
    expect(wire(fresh)).not.toContain('Olga Other');
  });

  it('reconnects after the projection was unloaded converge without refusal or duplicates', async () => {
    const doc = await received(ana);
    await sleep(800); // projection and source unload (unloadDelayMs 200) and load again
    const again = await received(ana, doc);
    expect(Array.from(wsStakeholders(again).keys())).toEqual(['st-ana']);
    expect(wsDocuments(again).size).toBe(1);
  });
});

describe('a document\'s comments for a viewer (reads.comments: published)', () => {
  function thread(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
    doc.transact(() => {
      const t = new Y.Map<unknown>();
      doc.getMap(COMMENTS_ROOT).set(id, t);
      t.set(ThreadKey.id, id);
      t.set(ThreadKey.type, 'general');
      t.set(ThreadKey.createdAt, 1);
      t.set(ThreadKey.history, new Y.Array());
      t.set(ThreadKey.replies, new Y.Array());
      for (const [k, v] of Object.entries(fields)) t.set(k, v);
    });
  }

  it('receives no comment until an editor publishes, then the stakeholder comments without gender or annotations', async () => {
    const ed = stock(editor, new Y.Doc(), 'ws1/d1/comments');
    try {
      await waitFor(() => ed.provider.synced, 10_000, 'editor sync');
      thread(ed.doc, 't-olga', {
        [ThreadKey.purpose]: 'stakeholder',
        [ThreadKey.authorId]: 'ed1',
        [ThreadKey.stakeholderId]: 'st-olga',
        [ThreadKey.attribution]: { name: 'Olga Other', organisation: 'Secret Ministry', group: 'government', region: 'western-european-other', gender: 'man' },
        [ThreadKey.body]: 'Olga says hello',
        [ThreadKey.disposition]: { value: 'accepted', setBy: 'ed1', setAt: 2 },
      });
      thread(ed.doc, 't-note', { [ThreadKey.purpose]: 'annotation', [ThreadKey.authorId]: 'ed1', [ThreadKey.body]: 'Internal drafting note' });
      await sleep(300);

      const before = await received(viewer, new Y.Doc({ gc: false }), 'ws1/d1/comments');
      expect(before.getMap(COMMENTS_ROOT).size).toBe(0);
      for (const secret of ['Olga says hello', 'Internal drafting note', 'Secret Ministry', 'accepted']) expect(wire(before)).not.toContain(secret);

      ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.publishedAt, Date.now());
      const viewerDoc = new Y.Doc({ gc: false }); // keeps whatever it is sent, deleted content included
      const v = stock(viewer, viewerDoc, 'ws1/d1/comments');
      try {
        await waitFor(() => viewerDoc.getMap(COMMENTS_ROOT).has('t-olga'), 10_000, 'published thread');
        const t = viewerDoc.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-olga');
        expect(t?.get(ThreadKey.body)).toBe('Olga says hello');
        expect(t?.get(ThreadKey.disposition)).toMatchObject({ value: 'accepted' });
        expect(t?.get(ThreadKey.attribution)).toEqual({ name: 'Olga Other', organisation: 'Secret Ministry', group: 'government', region: 'western-european-other' });
        expect(viewerDoc.getMap(COMMENTS_ROOT).has('t-note')).toBe(false);
        // Live: an editor's later change to a published thread follows.
        ed.doc.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-olga')?.set(ThreadKey.body, 'Olga says hello again');
        await waitFor(() => viewerDoc.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-olga')?.get(ThreadKey.body) === 'Olga says hello again', 10_000, 'edit');
        for (const secret of ['Internal drafting note', 'gender']) expect(wire(viewerDoc)).not.toContain(secret);
        expect(v.closes).toEqual([]);
      } finally {
        v.provider.destroy();
      }
      // An editor still receives everything.
      const full = await received(editor, new Y.Doc(), 'ws1/d1/comments');
      expect(full.getMap(COMMENTS_ROOT).has('t-note')).toBe(true);
      expect((full.getMap<Y.Map<unknown>>(COMMENTS_ROOT).get('t-olga')?.get(ThreadKey.attribution) as { gender?: string }).gender).toBe('man');
    } finally {
      ed.provider.destroy();
    }
  });
});
