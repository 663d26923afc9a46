import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange, caretAfterDelta, diffText, transformIndex } from './textDiff';

describe('diffText', () => {
  it('finds the single changed span', () => {
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('hello world', 'hello brave world')).toEqual({ index: 6, deleteCount: 0, insert: 'brave ' });
    expect(diffText('hello brave world', 'hello world')).toEqual({ index: 6, deleteCount: 6, insert: '' });
    expect(diffText('abc', 'aXc')).toEqual({ index: 1, deleteCount: 1, insert: 'X' });
    expect(diffText('', 'new')).toEqual({ index: 0, deleteCount: 0, insert: 'new' });
    expect(diffText('old', '')).toEqual({ index: 0, deleteCount: 3, insert: '' });
  });
  it('handles repeated characters (prefix wins over suffix)', () => {
    expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, deleteCount: 0, insert: 'a' });
    expect(diffText('aaaa', 'aa')).toEqual({ index: 2, deleteCount: 2, insert: '' });
  });
  it('never splits a surrogate pair', () => {
    // 😀 is \ud83d\ude00 and 😁 is \ud83d\ude01: they share the high surrogate
    const change = diffText('a😀b', 'a😁b')!;
    expect(change).toEqual({ index: 1, deleteCount: 2, insert: '😁' });
    const tail = diffText('😀', '😁')!;
    expect(tail.insert).toBe('😁');
  });
  it('produces a change that reproduces next', () => {
    const cases: Array<[string, string]> = [['Agenda', 'Agenda item 1'], ['one two three', 'one 2 three'], ['xyz', 'abc'], ['ab', 'ba']];
    for (const [prev, next] of cases) {
      const c = diffText(prev, next)!;
      expect(prev.slice(0, c.index) + c.insert + prev.slice(c.index + c.deleteCount)).toBe(next);
    }
  });
});

describe('applyTextChange', () => {
  it('edits a Y.Text in one transaction', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Opening remarks');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(applyTextChange(text, 'Opening and closing remarks')).toBe(true);
    expect(text.toString()).toBe('Opening and closing remarks');
    expect(transactions).toBe(1);
    expect(applyTextChange(text, 'Opening and closing remarks')).toBe(false);
  });
  it('lets concurrent textarea edits merge instead of overwriting', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, '1. Welcome\n2. Discussion\n');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyTextChange(a.getText('t'), '1. Welcome and introductions\n2. Discussion\n');
    applyTextChange(b.getText('t'), '1. Welcome\n2. Discussion\n3. Any other business\n');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const expected = '1. Welcome and introductions\n2. Discussion\n3. Any other business\n';
    expect(a.getText('t').toString()).toBe(expected);
    expect(b.getText('t').toString()).toBe(expected);
  });
});

describe('transformIndex', () => {
  it('shifts a caret by remote inserts and deletes before it', () => {
    expect(transformIndex(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
    expect(transformIndex(0, [{ delete: 3 }])).toBe(0);
  });
  it('agrees with a real Y.Text event', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'The quick brown fox');
    const caret = 'The quick brown'.length;
    let moved = -1;
    text.observe((e) => (moved = transformIndex(caret, e.delta)));
    doc.transact(() => {
      text.delete(4, 6); // remove "quick "
      text.insert(0, 'See: ');
    });
    expect(text.toString().slice(0, moved)).toBe('See: The brown');
  });
});

describe('caretAfterDelta', () => {
  it('puts the caret after the last edit of an undo or redo', () => {
    expect(caretAfterDelta([{ retain: 4 }, { insert: 'abc' }])).toBe(7);
    expect(caretAfterDelta([{ retain: 4 }, { delete: 3 }])).toBe(4);
    expect(caretAfterDelta([{ retain: 2 }, { delete: 1 }, { insert: 'xy' }])).toBe(4);
    expect(caretAfterDelta([])).toBeNull();
  });
});
