import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENTS_ROOT, ReplyKey, ThreadKey } from '../common/commentsSchema';
import { decideUpdate, type UpdateDecision } from './policy';

const ME = 'commenter-me';
const OTHER = 'editor-other';

/** Server doc with one thread by OTHER (with one reply by OTHER) and one thread by ME. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const author = new Y.Doc();
  const comments = author.getMap<Y.Map<unknown>>(COMMENTS_ROOT);
  author.transact(() => {
    comments.set('t-other', thread('t-other', OTHER, 'their text'));
    comments.set('t-mine', thread('t-mine', ME, 'my text'));
    const reply = new Y.Map<unknown>();
    reply.set(ReplyKey.id, 'r-other');
    reply.set(ReplyKey.authorId, OTHER);
    reply.set(ReplyKey.body, 'their reply');
    reply.set(ReplyKey.history, new Y.Array());
    (comments.get('t-other')!.get(ThreadKey.replies) as Y.Array<unknown>).push([reply]);
    const mine = new Y.Map<unknown>();
    mine.set(ReplyKey.id, 'r-mine');
    mine.set(ReplyKey.authorId, ME);
    mine.set(ReplyKey.body, 'my reply');
    mine.set(ReplyKey.history, new Y.Array());
    (comments.get('t-other')!.get(ThreadKey.replies) as Y.Array<unknown>).push([mine]);
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(author));
  return doc;
}

function thread(id: string, authorId: string, body: string): Y.Map<unknown> {
  const t = new Y.Map<unknown>();
  t.set(ThreadKey.id, id);
  t.set(ThreadKey.authorId, authorId);
  t.set(ThreadKey.authorName, authorId);
  t.set(ThreadKey.anchor, { from: 'AA', to: 'AB', quote: 'quoted' });
  t.set(ThreadKey.type, 'comment');
  t.set(ThreadKey.body, body);
  t.set(ThreadKey.createdAt, 1);
  t.set(ThreadKey.replies, new Y.Array());
  t.set(ThreadKey.history, new Y.Array());
  return t;
}

/** A commenter's replica of `server`; returns the update that `edit` produces on it. */
function edit(server: Y.Doc, change: (comments: Y.Map<Y.Map<unknown>>, doc: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(replica);
  change(replica.getMap(COMMENTS_ROOT), replica);
  return Y.encodeStateAsUpdate(replica, before);
}

function decide(server: Y.Doc, update: Uint8Array, held: Uint8Array | null = null): UpdateDecision {
  return decideUpdate({ role: 'commenter', room: 'comments', who: { sub: ME, name: ME }, doc: server, unapplied: [], held, update });
}

const threadOf = (c: Y.Map<Y.Map<unknown>>, id: string) => c.get(id)!;

describe('commenter policy in a comments room', () => {
  it('accepts a new thread authored by the token subject', () => {
    const server = serverDoc();
    const u = edit(server, (c) => c.set('t-new', thread('t-new', ME, 'new comment')));
    expect(decide(server, u).kind).toBe('accept');
  });

  it('refuses a new thread claiming another author', () => {
    const server = serverDoc();
    const u = edit(server, (c) => c.set('t-new', thread('t-new', OTHER, 'forged')));
    expect(decide(server, u)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/authorId/) });
  });

  it.each(['disposition', 'resolved', 'response'])('refuses a new thread that sets %s', (key) => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      const t = thread('t-new', ME, 'x');
      t.set(key, key === 'response' ? new Y.XmlFragment() : key === 'resolved' ? true : { value: 'accepted' });
      c.set('t-new', t);
    });
    expect(decide(server, u).kind).toBe('refuse');
  });

  it("accepts a reply to another user's thread", () => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      const reply = new Y.Map<unknown>();
      reply.set(ReplyKey.id, 'r-new');
      reply.set(ReplyKey.authorId, ME);
      reply.set(ReplyKey.body, 'I agree');
      (threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<unknown>).push([reply]);
    });
    expect(decide(server, u).kind).toBe('accept');
  });

  it('refuses a reply claiming another author', () => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      const reply = new Y.Map<unknown>();
      reply.set(ReplyKey.authorId, OTHER);
      reply.set(ReplyKey.body, 'forged');
      (threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<unknown>).push([reply]);
    });
    expect(decide(server, u).kind).toBe('refuse');
  });

  it('refuses a reply without an id (replies reach the source by id, commenterProjection.ts)', () => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      const reply = new Y.Map<unknown>();
      reply.set(ReplyKey.authorId, ME);
      reply.set(ReplyKey.body, 'no id');
      (threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<unknown>).push([reply]);
    });
    const decision = decide(server, u);
    expect(decision).toEqual({ kind: 'refuse', reason: 'a new reply needs an id' });
  });

  it('accepts editing the body of an own thread with the old body appended to history', () => {
    const server = serverDoc();
    const u = edit(server, (c, doc) =>
      doc.transact(() => {
        const t = threadOf(c, 't-mine');
        (t.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: t.get(ThreadKey.body), editedAt: 2 }]);
        t.set(ThreadKey.body, 'my better text');
        t.set(ThreadKey.editedAt, 2);
      }),
    );
    expect(decide(server, u).kind).toBe('accept');
  });

  it('accepts editing an own reply', () => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      const replies = threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>;
      replies.get(1).set(ReplyKey.body, 'my reply, edited');
    });
    expect(decide(server, u).kind).toBe('accept');
  });

  it("refuses editing another user's reply", () => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      const replies = threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<Y.Map<unknown>>;
      replies.get(0).set(ReplyKey.body, 'rewritten');
    });
    expect(decide(server, u)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/another user/) });
  });

  it("refuses editing another user's thread", () => {
    const server = serverDoc();
    const u = edit(server, (c) => threadOf(c, 't-other').set(ThreadKey.body, 'rewritten'));
    expect(decide(server, u)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/another user/) });
  });

  it.each([
    ['disposition', { value: 'accepted', setBy: ME, setAt: 3 }],
    ['resolved', true],
  ])('refuses setting %s, even on an own thread', (key, value) => {
    const server = serverDoc();
    for (const id of ['t-mine', 't-other']) {
      const u = edit(server, (c) => threadOf(c, id).set(key, value));
      expect(decide(server, u)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/editors only/) });
    }
  });

  it('refuses writing into the response of an own thread', () => {
    const server = serverDoc();
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    threadOf(editor.getMap(COMMENTS_ROOT), 't-mine').set(ThreadKey.response, new Y.XmlFragment());
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    const u = edit(server, (c) => (threadOf(c, 't-mine').get(ThreadKey.response) as Y.XmlFragment).insert(0, [new Y.XmlText('hi')]));
    expect(decide(server, u).kind).toBe('refuse');
  });

  it('refuses deleting threads, replies and fields', () => {
    const server = serverDoc();
    const cases: Array<(c: Y.Map<Y.Map<unknown>>) => void> = [
      (c) => c.delete('t-mine'),
      (c) => c.delete('t-other'),
      (c) => (threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<unknown>).delete(1, 1),
      (c) => threadOf(c, 't-mine').delete(ThreadKey.body),
      (c) => threadOf(c, 't-mine').set(ThreadKey.replies, new Y.Array()),
      (c) => threadOf(c, 't-mine').set(ThreadKey.authorId, OTHER),
    ];
    for (const change of cases) expect(decide(server, edit(server, change)).kind).toBe('refuse');
  });

  it('keeps history append-only', () => {
    const server = serverDoc();
    // First an accepted append, so there is an entry to tamper with.
    const append = edit(server, (c) => (threadOf(c, 't-mine').get(ThreadKey.history) as Y.Array<unknown>).push([{ body: 'v1', editedAt: 1 }]));
    expect(decide(server, append).kind).toBe('accept');
    Y.applyUpdate(server, append);
    const history = (c: Y.Map<Y.Map<unknown>>) => threadOf(c, 't-mine').get(ThreadKey.history) as Y.Array<unknown>;
    expect(decide(server, edit(server, (c) => history(c).delete(0, 1))).kind).toBe('refuse');
    expect(decide(server, edit(server, (c) => history(c).insert(0, [{ body: 'v0', editedAt: 0 }]))).kind).toBe('refuse');
    expect(decide(server, edit(server, (c) => history(c).push([{ body: 'v2', editedAt: 2 }]))).kind).toBe('accept');
  });

  it('refuses other root types', () => {
    const server = serverDoc();
    expect(decide(server, edit(server, (_c, doc) => doc.getText('body').insert(0, 'x'))).kind).toBe('refuse');
    expect(decide(server, edit(server, (_c, doc) => doc.getMap('settings').set('x', 1))).kind).toBe('refuse');
  });

  it('accepts an offline batch: a new thread edited several times, sent as one update', () => {
    const server = serverDoc();
    const u = edit(server, (c) => {
      c.set('t-new', thread('t-new', ME, 'draft'));
      for (let i = 1; i <= 3; i++) {
        const t = threadOf(c, 't-new');
        (t.get(ThreadKey.history) as Y.Array<unknown>).push([{ body: t.get(ThreadKey.body), editedAt: i }]);
        t.set(ThreadKey.body, `draft ${i}`);
      }
      const mine = threadOf(c, 't-mine');
      mine.set(ThreadKey.body, 'edited offline');
    });
    expect(decide(server, u).kind).toBe('accept');
  });

  it('holds an update whose dependencies have not arrived, then accepts it with them', () => {
    const server = serverDoc();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const sv0 = Y.encodeStateVector(replica);
    replica.getMap<Y.Map<unknown>>(COMMENTS_ROOT).set('t-new', thread('t-new', ME, 'first'));
    const sv1 = Y.encodeStateVector(replica);
    threadOf(replica.getMap(COMMENTS_ROOT), 't-new').set(ThreadKey.body, 'second');
    const first = Y.encodeStateAsUpdate(replica, sv0);
    const second = Y.encodeStateAsUpdate(replica, sv1);
    const held = decide(server, second);
    expect(held.kind).toBe('hold');
    const accepted = decide(server, first, held.kind === 'hold' ? held.update : null);
    expect(accepted.kind).toBe('accept');
    if (accepted.kind === 'accept') Y.applyUpdate(server, accepted.update);
    expect(threadOf(server.getMap(COMMENTS_ROOT), 't-new').get(ThreadKey.body)).toBe('second');
  });

  it('treats a sync step 2 with nothing new as a no-op', () => {
    const server = serverDoc();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    const step2 = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server));
    expect(decide(server, step2).kind).toBe('noop');
  });
});

describe("a commenter's attribution is their token's", () => {
  const who = { sub: ME, name: ME, stakeholder: 'st-me' };
  const decideAs = (server: Y.Doc, update: Uint8Array, identity: { sub: string; name: string; stakeholder?: string }) =>
    decideUpdate({ role: 'commenter', room: 'comments', who: identity, doc: server, unapplied: [], held: null, update }).kind;
  const withFields = (fields: Record<string, unknown>) => (c: Y.Map<Y.Map<unknown>>) => {
    const t = thread('t-new', ME, 'new comment');
    for (const [k, v] of Object.entries(fields)) t.set(k, v);
    c.set('t-new', t);
  };

  it("accepts the invite's stakeholder id and an attribution that is only the token name", () => {
    const server = serverDoc();
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.stakeholderId]: 'st-me' })), who)).toBe('accept');
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.attribution]: { name: ME } })), { sub: ME, name: ME })).toBe('accept');
  });

  it('refuses another stakeholder, a stakeholder the invite does not name, or a typed attribution', () => {
    const server = serverDoc();
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.stakeholderId]: 'st-other' })), who)).toBe('refuse');
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.stakeholderId]: 'st-me' })), { sub: ME, name: ME })).toBe('refuse');
    const typed = { name: ME, organisation: 'Ministry', group: 'government', region: 'european' };
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.attribution]: typed })), who)).toBe('refuse');
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.attribution]: { name: 'Secretariat' } })), who)).toBe('refuse');
  });

  it('refuses a thread or a reply under another name', () => {
    const server = serverDoc();
    expect(decideAs(server, edit(server, withFields({ [ThreadKey.authorName]: 'Secretariat (official)' })), who)).toBe('refuse');
    const reply = edit(server, (c) => {
      const r = new Y.Map<unknown>();
      r.set(ReplyKey.id, 'r-new');
      r.set(ReplyKey.authorId, ME);
      r.set(ReplyKey.authorName, 'Someone else');
      r.set(ReplyKey.body, 'hi');
      r.set(ReplyKey.history, new Y.Array());
      (threadOf(c, 't-other').get(ThreadKey.replies) as Y.Array<unknown>).push([r]);
    });
    expect(decideAs(server, reply, who)).toBe('refuse');
  });
});
