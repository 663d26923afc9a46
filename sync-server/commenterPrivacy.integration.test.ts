// A commenter's comments are private submissions by default (issue 9, part 2; common/roles.ts `reads.comments:
// 'own-or-open'`): what a commenter RECEIVES of a comments room, and how what they write reaches the editors, checked
// with the stock y-websocket client against an in-process server (sync-server/commenterProjection.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../common/closeCodes';
import { COMMENTS_ROOT, CONSULTATION_ROOT, ConsultationKey, ReplyKey, ThreadKey } from '../common/commentsSchema';
import { capabilitiesOf, type Role } from '../common/roles';
import { signToken } from './token';
import { silentLogger } from './log';
import { startServer, type RunningServer } from './server';
import { sleep, TEST_SECRET, tempDir, waitFor } from './testHelpers';

const dir = tempDir();
let server: RunningServer;
const exp = Math.floor(Date.now() / 1000) + 3600;
const token = (role: Role, sub: string, name: string, stakeholder?: string) =>
  signToken({ ws: 'ws1', role, sub, name, exp, ...(stakeholder ? { stakeholder } : {}) }, TEST_SECRET);
const editor = token('editor', 'ed1', 'Rapporteur');
const ana = token('commenter', 'ana1', 'Ana', 'st-ana');
const bob = token('commenter', 'bob1', 'Bob');
const viewer = token('viewer', 'vi1', 'Vera');

function stock(tok: string, room: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(server.url, room, doc, { params: { token: tok }, WebSocketPolyfill: WebSocket as never, disableBc: true });
  const closes: number[] = [];
  provider.on('connection-close', (e) => closes.push(e?.code ?? -1));
  return { provider, doc, closes };
}
type Client = ReturnType<typeof stock>;

async function connected(tok: string, room: string, doc = new Y.Doc({ gc: false })): Promise<Client> {
  const c = stock(tok, room, doc);
  await waitFor(() => c.provider.synced, 10_000, 'sync');
  await sleep(150);
  return c;
}

/** Every string in the doc as sent on the wire, deleted content included (the doc is made with gc off). */
const wire = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');
const threads = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(COMMENTS_ROOT);
const thread = (doc: Y.Doc, id: string) => threads(doc).get(id);
const replyBodies = (doc: Y.Doc, id: string) =>
  ((thread(doc, id)?.get(ThreadKey.replies) as Y.Array<Y.Map<unknown>> | undefined)?.toArray() ?? []).map((r) => r.get(ReplyKey.body));

/** A thread as the app writes it (model/comments/commentsDoc.ts addThread). */
function writeThread(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const t = new Y.Map<unknown>();
    threads(doc).set(id, t);
    t.set(ThreadKey.id, id);
    t.set(ThreadKey.purpose, 'stakeholder');
    t.set(ThreadKey.type, 'general');
    t.set(ThreadKey.createdAt, Date.now());
    t.set(ThreadKey.proposedWording, '');
    t.set(ThreadKey.history, new Y.Array());
    t.set(ThreadKey.replies, new Y.Array());
    for (const [k, v] of Object.entries(fields)) t.set(k, v);
  });
}

/** A reply as the app writes it (addReply). */
function writeReply(doc: Y.Doc, threadId: string, id: string, authorId: string, authorName: string, body: string): void {
  const replies = thread(doc, threadId)?.get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>;
  doc.transact(() => {
    const r = new Y.Map<unknown>();
    replies.push([r]);
    r.set(ReplyKey.id, id);
    r.set(ReplyKey.authorId, authorId);
    r.set(ReplyKey.authorName, authorName);
    r.set(ReplyKey.body, body);
    r.set(ReplyKey.createdAt, Date.now());
    r.set(ReplyKey.history, new Y.Array());
  });
}

/** An own-thread edit (editThread): the old body goes to history. */
function editBody(doc: Y.Doc, threadId: string, body: string): void {
  const t = thread(doc, threadId)!;
  doc.transact(() => {
    (t.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: t.get(ThreadKey.body), editedAt: t.get(ThreadKey.createdAt), proposedWording: '' }]);
    t.set(ThreadKey.body, body);
    t.set(ThreadKey.editedAt, Date.now());
  });
}

const anaThread = (body: string) => ({
  [ThreadKey.authorId]: 'ana1',
  [ThreadKey.authorName]: 'Ana',
  [ThreadKey.stakeholderId]: 'st-ana',
  [ThreadKey.attribution]: { name: 'Ana' },
  [ThreadKey.body]: body,
});

let ed: Client;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, unloadDelayMs: 200 });
  ed = await connected(editor, 'ws1/d1/comments', new Y.Doc());
  // What the editors hold: a comment entered on behalf of Olga (gender in its attribution, an unpublished
  // disposition), Bob's own comment, and an annotation of the drafting team.
  writeThread(ed.doc, 't-olga', {
    [ThreadKey.authorId]: 'ed1',
    [ThreadKey.authorName]: 'Rapporteur',
    [ThreadKey.stakeholderId]: 'st-olga',
    [ThreadKey.attribution]: { name: 'Olga Other', organisation: 'Secret Ministry', group: 'government', region: 'western-european-other', gender: 'man' },
    [ThreadKey.body]: 'Olga objects to paragraph 3',
    [ThreadKey.disposition]: { value: 'rejected-out-of-scope', setBy: 'ed1', setAt: 2 },
  });
  writeThread(ed.doc, 't-bob', { [ThreadKey.authorId]: 'bob1', [ThreadKey.authorName]: 'Bob', [ThreadKey.attribution]: { name: 'Bob' }, [ThreadKey.body]: 'Bob supports the text' });
  writeThread(ed.doc, 't-note', { [ThreadKey.purpose]: 'annotation', [ThreadKey.authorId]: 'ed1', [ThreadKey.body]: 'Internal drafting note' });
  await sleep(300);
});

afterAll(async () => {
  ed.provider.destroy();
  await server.close();
  dir.remove();
});

const SECRETS = ['Olga objects', 'Bob supports', 'Internal drafting note', 'Secret Ministry', 'gender', 'rejected-out-of-scope'];

describe("a commenter's comments in a private consultation (the default)", () => {
  it('a commenter and a viewer receive nothing they may not read', async () => {
    expect(capabilitiesOf('commenter').reads.comments).toBe('own-or-open');
    for (const t of [ana, viewer]) {
      const c = await connected(t, 'ws1/d1/comments');
      try {
        expect(c.closes).toEqual([]);
        expect(threads(c.doc).size).toBe(0);
        const bytes = wire(c.doc);
        for (const secret of SECRETS) expect(bytes).not.toContain(secret);
      } finally {
        c.provider.destroy();
      }
    }
  });

  it("a commenter's new comment, reply and edit reach an editor live; the editor's reply and published disposition reach the commenter, nothing else", async () => {
    const a = await connected(ana, 'ws1/d1/comments');
    try {
      writeThread(a.doc, 't-ana', anaThread('Ana proposes a change'));
      await waitFor(() => thread(ed.doc, 't-ana')?.get(ThreadKey.body) === 'Ana proposes a change', 10_000, 'thread at the editor');
      expect(thread(ed.doc, 't-ana')?.get(ThreadKey.attribution)).toEqual({ name: 'Ana' });

      writeReply(ed.doc, 't-ana', 'r-ed', 'ed1', 'Rapporteur', 'Thanks, noted');
      ed.doc.transact(() => thread(ed.doc, 't-ana')?.set(ThreadKey.disposition, { value: 'accepted', setBy: 'ed1', setAt: 3 }));
      await waitFor(() => replyBodies(a.doc, 't-ana').includes('Thanks, noted'), 10_000, "editor's reply at the commenter");

      writeReply(a.doc, 't-ana', 'r-ana', 'ana1', 'Ana', 'See also paragraph 4');
      editBody(a.doc, 't-ana', 'Ana proposes a better change');
      await waitFor(
        () => thread(ed.doc, 't-ana')?.get(ThreadKey.body) === 'Ana proposes a better change' && replyBodies(ed.doc, 't-ana').includes('See also paragraph 4'),
        10_000,
        'reply and edit at the editor',
      );
      await sleep(300);
      // Nothing duplicated or echoed back, on either side.
      expect(replyBodies(ed.doc, 't-ana')).toEqual(['Thanks, noted', 'See also paragraph 4']);
      expect(replyBodies(a.doc, 't-ana')).toEqual(['Thanks, noted', 'See also paragraph 4']);
      expect((thread(ed.doc, 't-ana')?.get(ThreadKey.history) as Y.Array<unknown>).length).toBe(1);
      expect((thread(a.doc, 't-ana')?.get(ThreadKey.history) as Y.Array<unknown>).length).toBe(1);
      expect(thread(a.doc, 't-ana')?.get(ThreadKey.body)).toBe('Ana proposes a better change');

      // She edits her reply (editReply): the old body goes to its history.
      const mine = (thread(a.doc, 't-ana')?.get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>).toArray().find((r) => r.get(ReplyKey.id) === 'r-ana')!;
      a.doc.transact(() => {
        (mine.get(ReplyKey.history) as Y.Array<unknown>).push([{ body: mine.get(ReplyKey.body), editedAt: mine.get(ReplyKey.createdAt) }]);
        mine.set(ReplyKey.body, 'See also paragraphs 4 and 5');
        mine.set(ReplyKey.editedAt, Date.now());
      });
      await waitFor(() => replyBodies(ed.doc, 't-ana').includes('See also paragraphs 4 and 5'), 10_000, 'reply edit at the editor');
      const atEditor = (thread(ed.doc, 't-ana')?.get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>).toArray().find((r) => r.get(ReplyKey.id) === 'r-ana')!;
      expect((atEditor.get(ReplyKey.history) as Y.Array<{ body: string }>).toArray().map((h) => h.body)).toEqual(['See also paragraph 4']);
      await sleep(200);
      expect(replyBodies(a.doc, 't-ana')).toEqual(['Thanks, noted', 'See also paragraphs 4 and 5']);

      // The disposition is not published yet; then it is.
      expect(thread(a.doc, 't-ana')?.has(ThreadKey.disposition)).toBe(false);
      ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.publishedAt, Date.now());
      await waitFor(() => (thread(a.doc, 't-ana')?.get(ThreadKey.disposition) as { value?: string } | undefined)?.value === 'accepted', 10_000, 'published disposition');

      expect(Array.from(threads(a.doc).keys())).toEqual(['t-ana']);
      for (const secret of SECRETS) expect(wire(a.doc)).not.toContain(secret);
      expect(a.closes).toEqual([]);
    } finally {
      a.provider.destroy();
      ed.doc.getMap(CONSULTATION_ROOT).delete(ConsultationKey.publishedAt);
    }
  });

  it('offline comments and replies from a commenter arrive once when they reconnect', async () => {
    const doc = new Y.Doc({ gc: false });
    const first = await connected(bob, 'ws1/d1/comments', doc);
    expect(Array.from(threads(doc).keys())).toEqual(['t-bob']);
    first.provider.destroy();
    // Offline: a new comment, a reply to it and a reply on the older one.
    writeThread(doc, 't-bob2', { [ThreadKey.authorId]: 'bob1', [ThreadKey.authorName]: 'Bob', [ThreadKey.attribution]: { name: 'Bob' }, [ThreadKey.body]: 'Written on the train' });
    writeReply(doc, 't-bob2', 'r-bob2', 'bob1', 'Bob', 'And one more thing');
    writeReply(doc, 't-bob', 'r-bob', 'bob1', 'Bob', 'Still supportive');
    const again = await connected(bob, 'ws1/d1/comments', doc);
    try {
      await waitFor(() => replyBodies(ed.doc, 't-bob2').length === 1 && replyBodies(ed.doc, 't-bob').length === 1, 10_000, 'offline work at the editor');
      await sleep(300);
      expect(thread(ed.doc, 't-bob2')?.get(ThreadKey.body)).toBe('Written on the train');
      expect(replyBodies(ed.doc, 't-bob2')).toEqual(['And one more thing']);
      expect(replyBodies(ed.doc, 't-bob')).toEqual(['Still supportive']);
      expect(replyBodies(doc, 't-bob2')).toEqual(['And one more thing']);
      expect(Array.from(threads(doc).keys()).sort()).toEqual(['t-bob', 't-bob2']);
      expect(again.closes).toEqual([]);
    } finally {
      again.provider.destroy();
    }
  });
});

describe('an open review', () => {
  it("shows a commenter the other stakeholders' comments, never annotations, gender or unpublished dispositions", async () => {
    ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'open');
    await sleep(200);
    const a = await connected(ana, 'ws1/d1/comments');
    try {
      expect(thread(a.doc, 't-bob')?.get(ThreadKey.body)).toBe('Bob supports the text');
      expect(thread(a.doc, 't-olga')?.get(ThreadKey.attribution)).toEqual({ name: 'Olga Other', organisation: 'Secret Ministry', group: 'government', region: 'western-european-other' });
      expect(threads(a.doc).has('t-note')).toBe(false);
      expect(thread(a.doc, 't-olga')?.has(ThreadKey.disposition)).toBe(false);
      for (const secret of ['Internal drafting note', 'gender', 'rejected-out-of-scope']) expect(wire(a.doc)).not.toContain(secret);
      // Ana replies to Bob's comment: the reply reaches the editor and Bob.
      writeReply(a.doc, 't-bob', 'r-ana-bob', 'ana1', 'Ana', 'I agree with Bob');
      await waitFor(() => replyBodies(ed.doc, 't-bob').includes('I agree with Bob'), 10_000, 'reply at the editor');
      const b = await connected(bob, 'ws1/d1/comments');
      try {
        expect(replyBodies(b.doc, 't-bob')).toEqual(['Still supportive', 'I agree with Bob']);
      } finally {
        b.provider.destroy();
      }
      // Back to private submissions: the others' comments leave Ana's view.
      ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'private');
      await waitFor(() => !threads(a.doc).has('t-bob'), 10_000, 'private again');
      expect(threads(a.doc).has('t-ana')).toBe(true);
      expect(a.closes).toEqual([]);
    } finally {
      a.provider.destroy();
      ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'private');
    }
  });

  it("refuses a commenter's forbidden writes with the policy close code: editing another's comment, posting as another stakeholder, reusing a hidden thread's id", async () => {
    ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'open');
    await sleep(200);
    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ["edits Bob's comment", (doc) => thread(doc, 't-bob')?.set(ThreadKey.body, 'Bob now opposes')],
      ['posts as Olga', (doc) => writeThread(doc, 't-fake', { ...anaThread('Signed Olga'), [ThreadKey.stakeholderId]: 'st-olga' })],
    ];
    try {
      for (const [what, write] of attempts) {
        const a = await connected(ana, 'ws1/d1/comments');
        try {
          expect(threads(a.doc).has('t-bob'), what).toBe(true);
          write(a.doc);
          await waitFor(() => a.closes.length > 0, 10_000, `${what}: closed`);
          expect(a.closes[0], what).toBe(CloseCode.ForbiddenUpdate);
        } finally {
          a.provider.destroy();
        }
      }
    } finally {
      ed.doc.getMap(CONSULTATION_ROOT).set(ConsultationKey.reviewMode, 'private');
      await sleep(200);
    }
    // In a private consultation Ana is never sent the annotation; writing a "new" thread under its id is refused.
    const a = await connected(ana, 'ws1/d1/comments');
    try {
      expect(threads(a.doc).has('t-note')).toBe(false);
      writeThread(a.doc, 't-note', anaThread('Taking over the note'));
      await waitFor(() => a.closes.length > 0, 10_000, 'reused id: closed');
      expect(a.closes[0]).toBe(CloseCode.ForbiddenUpdate);
    } finally {
      a.provider.destroy();
    }
    await sleep(200);
    expect(thread(ed.doc, 't-bob')?.get(ThreadKey.body)).toBe('Bob supports the text');
    expect(threads(ed.doc).has('t-fake')).toBe(false);
    expect(thread(ed.doc, 't-note')?.get(ThreadKey.body)).toBe('Internal drafting note');
  });
});
