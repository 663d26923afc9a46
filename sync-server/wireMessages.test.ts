import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  readMessage,
} from './wireMessages';
import { encodeSyncStep1FromStateVector } from './testHelpers';

describe('wire messages', () => {
  it('reads what it writes', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hi');
    expect(readMessage(encodeSyncStep1(doc))).toEqual({ type: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
    const step2 = readMessage(encodeSyncStep2(doc));
    expect(step2.type).toBe('syncStep2');
    const update = Y.encodeStateAsUpdate(doc);
    expect(readMessage(encodeUpdate(update))).toEqual({ type: 'update', update });
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: 'a' });
    expect(readMessage(encodeAwareness(awareness, [doc.clientID])).type).toBe('awareness');
    awareness.destroy();
    expect(readMessage(new Uint8Array([3]))).toEqual({ type: 'queryAwareness' });
  });

  it('throws MalformedMessageError for empty, truncated, unknown or invalid frames', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const full = encodeUpdate(Y.encodeStateAsUpdate(doc));
    const bad = [
      new Uint8Array([]),
      new Uint8Array([0]),
      full.slice(0, full.length - 2),
      new Uint8Array([9, 0]),
      new Uint8Array([0, 7, 0]),
      encodeSyncStep1FromStateVector(new Uint8Array([5, 1])),
    ];
    for (const frame of bad) expect(() => readMessage(frame)).toThrow(MalformedMessageError);
  });
});
