import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { remoteCaretAwareness } from './caretAwareness';

describe("the carets' awareness", () => {
  it("tells of other clients' changes only, and is the provider's awareness otherwise", () => {
    const ours = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const seen = remoteCaretAwareness(ours);
    const changes: number[][] = [];
    const updates: number[] = [];
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => changes.push([...added, ...updated, ...removed]);
    const onUpdate = () => updates.push(1);
    seen.on('change', onChange);
    seen.on('update', onUpdate);

    seen.setLocalStateField('cursor', { anchor: 1, head: 1 }); // our caret moves: not news to the carets drawn
    expect(changes).toEqual([]);
    expect(ours.getLocalState()).toMatchObject({ cursor: { anchor: 1, head: 1 } });
    expect(seen.clientID).toBe(ours.clientID);
    expect(updates.length).toBeGreaterThan(0); // other events pass as they are

    theirs.setLocalStateField('cursor', { anchor: 5, head: 5 });
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    expect(changes).toEqual([[theirs.clientID]]);
    expect(seen.getStates().get(theirs.clientID)).toMatchObject({ cursor: { anchor: 5, head: 5 } });

    seen.off('change', onChange);
    theirs.setLocalStateField('cursor', { anchor: 7, head: 7 });
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    expect(changes).toHaveLength(1); // removed: the same wrapper came off
    ours.destroy();
    theirs.destroy();
  });
});
