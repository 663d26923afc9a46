import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStakeholder, resolveStakeholder, updateStakeholder } from '../stakeholders';
import { addReply, addThread, readThreads, setDisposition } from './commentsDoc';
import { createThreadReader } from './threadReader';
import type { Actor } from './threadTypes';

const editor: Actor = { id: 'ed', name: 'Ed', role: 'editor' };
const input = { anchor: null, type: 'general' as const, body: 'Body', purpose: 'stakeholder' as const };

describe('thread reader', () => {
  it('re-reads only what changed and keeps the other objects', () => {
    const ws = new Y.Doc();
    const s = addStakeholder(ws, { name: 'Ana', organisation: 'A', group: 'academia', region: 'global', themes: [] });
    const doc = new Y.Doc();
    const a = addThread(doc, { ...input, stakeholder: s }, editor, { now: 10 });
    const b = addThread(doc, input, editor, { now: 20 });
    const reader = createThreadReader(doc, { ws });
    const first = reader.read();
    expect(first).toEqual(readThreads(doc, { resolveStakeholder: (id) => resolveStakeholder(ws, id) }));
    expect(reader.read()).toBe(first);
    addReply(doc, b, 'reply', editor);
    const second = reader.read();
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1].replies).toHaveLength(1);
    setDisposition(doc, a, { value: 'noted' }, editor);
    expect(reader.read()[0].disposition.value).toBe('noted');
    // a thread created offline earlier arrives: numbers shift, as readThreads says
    const c = addThread(doc, input, editor, { now: 5 });
    expect(reader.read().map((t) => [t.id, t.number])).toEqual([
      [c, 1],
      [a, 2],
      [b, 3],
    ]);
    updateStakeholder(ws, s.id, { ...s, organisation: 'B' });
    expect(reader.read()[1].attribution?.organisation).toBe('B');
    expect(reader.read()).toEqual(readThreads(doc, { resolveStakeholder: () => ({ ...s, organisation: 'B' }) }));
    reader.destroy();
  });
});
