import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EDITOR_ONLY_THREAD_KEYS, ReplyKey, ThreadKey } from '../../../../common/commentsSchema';
import { COMMENTER_EDITABLE_REPLY_KEYS, COMMENTER_EDITABLE_THREAD_KEYS } from '../../../../common/commentsPolicy';
import { addStakeholder, resolveStakeholder, updateStakeholder } from '../stakeholders';
import { addReply, addThread, commentsRoot, editReply, editThread, readThread, readThreads, responseFragment, setDisposition, setResolved } from './commentsDoc';
import { setResponse } from './responseWrite';
import type { Actor, StoredAnchor } from './threadTypes';

const editor: Actor = { id: 'ed1', name: 'Rapporteur', role: 'editor' };
const alice: Actor = { id: 'alice', name: 'Alice', role: 'commenter' };
const bob: Actor = { id: 'bob', name: 'Bob', role: 'commenter' };
const viewer: Actor = { id: 'v', name: 'Viewer', role: 'viewer' };
const anchor: StoredAnchor = { from: 'AAA', to: 'BBB', quote: 'some text' };

const base = { anchor, type: 'substantive' as const, body: 'Please clarify.', purpose: 'stakeholder' as const };

describe('comments doc', () => {
  it('adds threads and replies, numbered by creation, read back as plain data', () => {
    const doc = new Y.Doc();
    const second = addThread(doc, { ...base, body: 'Second' }, alice, { now: 200 });
    const first = addThread(doc, { ...base, body: ' First ', proposedWording: 'New words', anchor: null, type: 'general' }, editor, { now: 100 });
    addReply(doc, first, 'A reply', bob, { now: 300 });
    const threads = readThreads(doc);
    expect(threads.map((t) => [t.id, t.number, t.body])).toEqual([
      [first, 1, 'First'],
      [second, 2, 'Second'],
    ]);
    expect(threads[0]).toMatchObject({
      anchor: null,
      authorId: 'ed1',
      type: 'general',
      proposedWording: 'New words',
      resolved: false,
      disposition: { value: 'open' },
      response: '',
      replies: [{ authorId: 'bob', authorName: 'Bob', body: 'A reply', createdAt: 300, editedAt: null, history: [] }],
    });
    expect(threads[1].anchor).toEqual(anchor);
    expect(readThread(doc, second)?.number).toBe(2);
    expect(() => addThread(doc, { ...base, body: '  ' }, alice)).toThrow('comments.error.bodyRequired');
    expect(() => addThread(doc, base, viewer)).toThrow('comments.error.readOnly');
    expect(() => addThread(doc, { ...base, purpose: 'annotation' }, alice)).toThrow('comments.error.commenterAnnotation');
  });

  it("gives a commenter's comment their invite's identity, never a typed or chosen one", () => {
    const ws = new Y.Doc();
    const s = addStakeholder(ws, { name: 'Ana', organisation: 'NetOrg', group: 'civil-society', region: 'african', themes: [] });
    const other = addStakeholder(ws, { name: 'Minister', organisation: 'Ministry', group: 'government', region: 'global', themes: [] });
    const doc = new Y.Doc();
    const ana: Actor = { id: 'ana', name: 'Ana', role: 'commenter', stakeholderId: s.id };
    expect(() => addThread(doc, { ...base, stakeholder: other }, ana)).toThrow('comments.error.commenterAttribution');
    expect(() => addThread(doc, { ...base, stakeholder: other }, alice)).toThrow('comments.error.commenterAttribution');
    expect(() => addThread(doc, { ...base, attribution: { name: 'X', organisation: 'Y', group: 'academia', region: 'global' } }, alice)).toThrow(
      'comments.error.commenterAttribution',
    );
    const bound = commentsRoot(doc).get(addThread(doc, base, ana))!;
    expect(bound.get(ThreadKey.stakeholderId)).toBe(s.id);
    expect(bound.get(ThreadKey.attribution)).toEqual({ name: 'Ana' });
    const plain = commentsRoot(doc).get(addThread(doc, base, alice))!;
    expect(plain.has(ThreadKey.stakeholderId)).toBe(false);
    expect(plain.get(ThreadKey.attribution)).toEqual({ name: 'Alice' });
    const live = readThreads(doc, { resolveStakeholder: (sid) => resolveStakeholder(ws, sid) });
    expect(live.find((t) => t.stakeholderId === s.id)).toMatchObject({ attributionSource: 'registry', attribution: { organisation: 'NetOrg' } });
  });

  it('keeps every earlier version of a comment and of a reply as its history', () => {
    const doc = new Y.Doc();
    const id = addThread(doc, { ...base, proposedWording: 'v1 words' }, alice, { now: 10 });
    expect(editThread(doc, id, { body: 'Please clarify, v2.' }, alice, 20)).toBe(true);
    expect(editThread(doc, id, { body: 'Please clarify, v2.' }, alice, 25)).toBe(false);
    editThread(doc, id, { proposedWording: 'v3 words', type: 'editorial' }, alice, 30);
    const t = readThread(doc, id)!;
    expect(t).toMatchObject({ body: 'Please clarify, v2.', proposedWording: 'v3 words', type: 'editorial', editedAt: 30 });
    expect(t.history).toEqual([
      { body: 'Please clarify.', editedAt: 10, proposedWording: 'v1 words', type: 'substantive' },
      { body: 'Please clarify, v2.', editedAt: 20, proposedWording: 'v1 words', type: 'substantive' },
    ]);
    const r = addReply(doc, id, 'first words', bob, { now: 40 });
    editReply(doc, id, r, 'second words', bob, 50);
    expect(readThread(doc, id)!.replies[0]).toMatchObject({ body: 'second words', editedAt: 50, history: [{ body: 'first words', editedAt: 40 }] });
    expect(() => editThread(doc, id, { body: 'hijack' }, bob)).toThrow('comments.error.notYours');
    expect(() => editReply(doc, id, r, 'hijack', alice)).toThrow('comments.error.notYours');
    // editors may correct anyone's text; the history shows it
    editThread(doc, id, { body: 'Fixed typo.' }, editor, 60);
    expect(readThread(doc, id)!.history).toHaveLength(3);
  });

  it('resolves and reopens, sets dispositions with who and when, and a rich-text response', () => {
    const doc = new Y.Doc();
    const a = addThread(doc, base, alice, { now: 1 });
    const b = addThread(doc, base, bob, { now: 2 });
    expect(setResolved(doc, a, true, editor)).toBe(true);
    expect(readThread(doc, a)!.resolved).toBe(true);
    setResolved(doc, a, false, editor);
    expect(readThread(doc, a)!.resolved).toBe(false);
    expect(setDisposition(doc, a, { value: 'accepted-with-changes' }, editor, 1234)).toBe(true);
    expect(setDisposition(doc, a, { value: 'accepted-with-changes' }, editor, 1300)).toBe(false);
    expect(readThread(doc, a)!.disposition).toEqual({ value: 'accepted-with-changes', setBy: 'ed1', setByName: 'Rapporteur', setAt: 1234 });
    setDisposition(doc, b, { value: 'duplicate', duplicateOf: a }, editor, 1400);
    expect(readThread(doc, b)!.disposition).toMatchObject({ value: 'duplicate', duplicateOf: a });
    expect(() => setDisposition(doc, a, { value: 'duplicate', duplicateOf: b }, editor)).toThrow('disposition.error.duplicateCycle');

    expect(responseFragment(doc, a)).toBeNull();
    setResponse(doc, a, 'Thank you.\nWe changed para 3.', editor);
    expect(readThread(doc, a)!.response).toBe('Thank you.\nWe changed para 3.');
    expect(setResponse(doc, a, 'Thank you.\r\nWe changed para 3.  \n', editor)).toBe(false);
    setResponse(doc, a, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rich ' }, { type: 'text', text: 'answer', marks: [{ type: 'bold' }] }] }] }, editor);
    expect(readThread(doc, a)!.response).toBe('Rich answer');
    expect(() => setResponse(doc, a, { type: 'doc', content: [{ type: 'nope' }] }, editor)).toThrow();

    for (const act of [() => setResolved(doc, a, true, alice), () => setDisposition(doc, a, { value: 'noted' }, alice), () => setResponse(doc, a, 'x', alice)])
      expect(act).toThrow(/editorsOnly/);
  });

  it('copies the attribution at entry and shows the registry live when the stakeholder is there', () => {
    const ws = new Y.Doc();
    const s = addStakeholder(ws, { name: 'Ana', organisation: 'NetOrg', group: 'civil-society', region: 'african', gender: 'woman', themes: [] });
    const doc = new Y.Doc();
    const id = addThread(doc, { ...base, stakeholder: s }, editor);
    const self = addThread(doc, { ...base, attribution: { name: 'Bob', organisation: 'Uni', group: 'academia', region: 'global' } }, editor);
    updateStakeholder(ws, s.id, { ...s, organisation: 'NetOrg International' });
    const live = readThreads(doc, { resolveStakeholder: (sid) => resolveStakeholder(ws, sid) });
    expect(live.find((t) => t.id === id)).toMatchObject({
      stakeholderId: s.id,
      attributionSource: 'registry',
      attribution: { name: 'Ana', organisation: 'NetOrg International', group: 'civil-society', region: 'african', gender: 'woman' },
    });
    expect(live.find((t) => t.id === self)).toMatchObject({ attributionSource: 'snapshot', attribution: { organisation: 'Uni' } });
    // Without the registry (another workspace, the CLI), the snapshot still reads.
    expect(readThread(doc, id)).toMatchObject({ attributionSource: 'snapshot', attribution: { organisation: 'NetOrg' } });
  });

  it('merges replies and dispositions made offline on two replicas', () => {
    const a = new Y.Doc();
    const id = addThread(a, base, alice, { now: 1 });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addReply(a, id, 'from a', alice, { now: 2 });
    addReply(b, id, 'from b', bob, { now: 3 });
    setDisposition(b, id, { value: 'noted' }, editor, 4);
    setResponse(a, id, 'We will consider it.', editor);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const t = readThread(doc, id)!;
      expect(t.replies.map((r) => r.body).sort()).toEqual(['from a', 'from b']);
      expect(t.disposition.value).toBe('noted');
      expect(t.response).toBe('We will consider it.');
    }
  });
});

/**
 * Enumerates what a write changed, from observers on the doc: every key set on a map and every element inserted
 * into or deleted from an array, as paths from the comments root. New maps are listed key by key.
 */
function recordChanges(doc: Y.Doc, write: () => void): { paths: string[]; maps: Array<{ path: string; map: Y.Map<unknown> }>; otherRoots: number } {
  const paths: string[] = [];
  const maps: Array<{ path: string; map: Y.Map<unknown> }> = [];
  const root = commentsRoot(doc);
  const pathOf = (type: Y.AbstractType<unknown>): string => {
    const parts: string[] = [];
    for (let t = type; t._item; t = t._item.parent as Y.AbstractType<unknown>) {
      const item = t._item;
      if (item.parentSub !== null) parts.unshift(item.parentSub);
      else parts.unshift(`[${(item.parent as Y.Array<unknown>).toArray().indexOf(t)}]`);
    }
    return parts.join('.');
  };
  const listNew = (path: string, v: unknown) => {
    if (v instanceof Y.Map) {
      maps.push({ path, map: v });
      v.forEach((child, k) => {
        paths.push(`${path}.${k}:add`);
        listNew(`${path}.${k}`, child);
      });
    } else if (v instanceof Y.Array) v.toArray().forEach((child, i) => listNew(`${path}[${i}]`, child));
  };
  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const e of events) {
      const path = pathOf(e.target);
      if (e instanceof Y.YMapEvent) {
        for (const [k, change] of e.changes.keys) {
          const p = path ? `${path}.${k}` : k;
          paths.push(`${p}:${change.action}`);
          if (change.action !== 'delete') listNew(p, (e.target as Y.Map<unknown>).get(k));
        }
      } else {
        let i = 0;
        for (const op of e.changes.delta) {
          if (op.retain) i += op.retain;
          if (op.delete) paths.push(`${path}[${i}]:delete`);
          if (op.insert)
            for (const v of op.insert as unknown[]) {
              paths.push(`${path}[${i}]:insert`);
              listNew(`${path}[${i++}]`, v);
            }
        }
      }
    }
  };
  let otherRoots = 0;
  const tx = (tr: Y.Transaction) => tr.changed.forEach((_, type) => ((type as unknown) === root || pathOf(type as Y.AbstractType<unknown>).length ? 0 : otherRoots++));
  root.observeDeep(observer);
  doc.on('afterTransaction', tx);
  try {
    write();
  } finally {
    root.unobserveDeep(observer);
    doc.off('afterTransaction', tx);
  }
  return { paths, maps, otherRoots };
}

const key = (path: string) => path.split(':')[0].split('.').pop()!.replace(/\[\d+\]$/, '');

describe('commenter-shaped writes match the server policy (common/commentsSchema + commentsPolicy)', () => {
  const threadKeys = new Set<string>(Object.values(ThreadKey));
  const replyKeys = new Set<string>(Object.values(ReplyKey));

  it('a new thread carries only known, non-editor keys, with the commenter as author', () => {
    const doc = new Y.Doc();
    let id = '';
    const { paths, maps, otherRoots } = recordChanges(doc, () => (id = addThread(doc, base, alice)));
    expect(otherRoots).toBe(0);
    expect(paths[0]).toBe(`${id}:add`);
    const fields = paths.slice(1).map((p) => p.replace(`${id}.`, ''));
    for (const f of fields) {
      const k = f.split(':')[0];
      expect(threadKeys.has(k), k).toBe(true);
      expect(EDITOR_ONLY_THREAD_KEYS).not.toContain(k);
    }
    expect(maps[0].map.get(ThreadKey.authorId)).toBe('alice');
    expect((maps[0].map.get(ThreadKey.replies) as Y.Array<unknown>).length).toBe(0);
    expect((maps[0].map.get(ThreadKey.history) as Y.Array<unknown>).length).toBe(0);
  });

  it("a reply on someone else's thread only appends a reply map authored by the commenter", () => {
    const doc = new Y.Doc();
    const id = addThread(doc, base, bob);
    const { paths, maps } = recordChanges(doc, () => addReply(doc, id, 'me too', alice));
    expect(paths[0]).toBe(`${id}.replies[0]:insert`);
    for (const p of paths.slice(1)) expect(replyKeys.has(key(p)), p).toBe(true);
    expect(maps).toHaveLength(1);
    expect(maps[0].map.get(ReplyKey.authorId)).toBe('alice');
    expect(paths.some((p) => p.endsWith(':delete') || p.endsWith(':update'))).toBe(false);
  });

  it('editing their own thread and reply overwrites only editable keys and appends to history', () => {
    const doc = new Y.Doc();
    const id = addThread(doc, base, alice, { now: 1 });
    const r = addReply(doc, id, 'reply', alice, { now: 2 });
    const edit = recordChanges(doc, () => editThread(doc, id, { body: 'v2', proposedWording: 'words', type: 'editorial' }, alice, 3));
    for (const p of edit.paths) {
      const [path, action] = p.split(':');
      if (path.startsWith(`${id}.history[`)) {
        if (!path.includes('.', `${id}.history[`.length)) expect(action).toBe('insert');
      } else {
        expect(COMMENTER_EDITABLE_THREAD_KEYS).toContain(key(path));
        expect(action === 'update' || action === 'add').toBe(true);
      }
    }
    const editR = recordChanges(doc, () => editReply(doc, id, r, 'reply v2', alice, 4));
    for (const p of editR.paths) {
      const [path, action] = p.split(':');
      if (path.includes('.history[')) expect(action).toBe('insert');
      else expect(COMMENTER_EDITABLE_REPLY_KEYS).toContain(key(path));
    }
    expect(edit.paths.concat(editR.paths).some((p) => p.endsWith(':delete'))).toBe(false);
  });

  it('forbidden writes are refused before anything is written', () => {
    const doc = new Y.Doc();
    const id = addThread(doc, base, bob);
    const { paths } = recordChanges(doc, () => {
      for (const act of [
        () => setDisposition(doc, id, { value: 'accepted' }, alice),
        () => setResponse(doc, id, 'x', alice),
        () => setResolved(doc, id, true, alice),
        () => editThread(doc, id, { body: 'mine now' }, alice),
        () => addReply(doc, id, 'hi', viewer),
      ])
        expect(act).toThrow();
    });
    expect(paths).toEqual([]);
  });
});
