import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_PREFS, moveColumn, readColumnPrefs, SCREEN_COLUMNS, setColumnShown, visibleColumns } from './matrixColumns';

describe('matrix columns on screen', () => {
  it('puts the decision columns right after who commented by default', () => {
    expect(visibleColumns(DEFAULT_COLUMN_PREFS).slice(0, 7)).toEqual(['number', 'para', 'commenter', 'comment', 'proposedWording', 'disposition', 'response']);
  });
  it('reads any stored value safely: unknown columns dropped, missing ones appended, the number first and shown', () => {
    expect(readColumnPrefs(null)).toEqual(DEFAULT_COLUMN_PREFS);
    const p = readColumnPrefs({ order: ['response', 'bogus', 'number', 'response'], hidden: ['number', 'region', 7] });
    expect(p.order[0]).toBe('number');
    expect(p.order[1]).toBe('response');
    expect([...p.order].sort()).toEqual([...SCREEN_COLUMNS].sort());
    expect(p.hidden).toEqual(['region']);
  });
  it('hides, shows and moves columns; the number column neither hides nor moves', () => {
    let p = setColumnShown(DEFAULT_COLUMN_PREFS, 'para', false);
    expect(visibleColumns(p)).not.toContain('para');
    p = setColumnShown(p, 'number', false);
    expect(visibleColumns(p)[0]).toBe('number');
    p = setColumnShown(p, 'para', true);
    expect(visibleColumns(p)).toContain('para');
    p = moveColumn(p, 'response', -1);
    expect(p.order.slice(5, 7)).toEqual(['response', 'disposition']);
    expect(moveColumn(p, 'para', -1)).toBe(p);
    expect(moveColumn(p, 'number', 1)).toBe(p);
    expect(moveColumn(p, 'region', 1)).toBe(p);
  });
});
