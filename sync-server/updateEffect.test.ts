import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdateStrict, MalformedUpdateError, updateChangesDoc, updateIntegrated } from './updateEffect';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.getText('t').insert(0, text);
  return doc;
}

describe('updateChangesDoc', () => {
  it('is false for the whole state of the doc itself and for an empty update', () => {
    const doc = docWithText('hello');
    expect(updateChangesDoc(doc, decodeUpdateStrict(Y.encodeStateAsUpdate(doc)))).toBe(false);
    expect(updateChangesDoc(doc, decodeUpdateStrict(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))))).toBe(false);
  });

  it('is true for new structs', () => {
    const doc = docWithText('hello');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(other);
    other.getText('t').insert(5, '!');
    expect(updateChangesDoc(doc, decodeUpdateStrict(Y.encodeStateAsUpdate(other, sv)))).toBe(true);
  });

  it('is true for a deletion of live content and false once it is deleted', () => {
    const doc = docWithText('hello');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(other);
    other.getText('t').delete(0, 2);
    const update = Y.encodeStateAsUpdate(other, sv);
    expect(updateChangesDoc(doc, decodeUpdateStrict(update))).toBe(true);
    Y.applyUpdate(doc, update);
    expect(updateChangesDoc(doc, decodeUpdateStrict(update))).toBe(false);
  });

  it('throws MalformedUpdateError on truncated or random bytes', () => {
    const update = Y.encodeStateAsUpdate(docWithText('hello world'));
    expect(() => decodeUpdateStrict(update.slice(0, update.length - 3))).toThrow(MalformedUpdateError);
    expect(() => decodeUpdateStrict(new Uint8Array([5, 200, 200, 200, 200, 200]))).toThrow(MalformedUpdateError);
  });

  it('updateIntegrated tells pending updates apart', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'a');
    const sv = Y.encodeStateVector(source);
    source.getText('t').insert(1, 'b');
    const second = Y.encodeStateAsUpdate(source, sv);
    const target = new Y.Doc();
    Y.applyUpdate(target, second);
    expect(updateIntegrated(target, decodeUpdateStrict(second))).toBe(false);
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
    expect(updateIntegrated(target, decodeUpdateStrict(second))).toBe(true);
  });
});
