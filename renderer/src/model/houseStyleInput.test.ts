import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE_STYLE } from './houseStyle';
import { parseStyleNumber, validateStylePatch } from './houseStyleInput';

describe('house style inputs', () => {
  it('parses sizes and margins, with a decimal comma', () => {
    expect(parseStyleNumber('fontSize', '11')).toEqual({ value: 11 });
    expect(parseStyleNumber('fontSize', '10.5')).toEqual({ value: 10.5 });
    expect(parseStyleNumber('marginCm', '2,54')).toEqual({ value: 2.54 });
  });
  it('explains out-of-range and non-numeric input', () => {
    expect(parseStyleNumber('fontSize', '72')).toMatchObject({ error: { id: 'settings.error.range', values: { min: 6, max: 36 } } });
    expect(parseStyleNumber('marginCm', '')).toMatchObject({ error: { id: 'settings.error.range' } });
    expect(parseStyleNumber('pageTargetMin', '12.5')).toMatchObject({ error: { id: 'settings.error.wholeRange', values: { min: 1, max: 2000 } } });
    expect(parseStyleNumber('pageTargetMax', 'forty')).toMatchObject({ error: { id: 'settings.error.wholeRange' } });
  });
  it('refuses an inverted page target', () => {
    expect(validateStylePatch(DEFAULT_HOUSE_STYLE, { pageTargetMin: 30 })).toBeNull();
    expect(validateStylePatch(DEFAULT_HOUSE_STYLE, { pageTargetMin: 41 })).toMatchObject({ id: 'draft.error.minAboveMax', values: { min: 41, max: 40 } });
    expect(validateStylePatch(DEFAULT_HOUSE_STYLE, { pageTargetMax: 19 })).toMatchObject({ id: 'draft.error.minAboveMax', values: { min: 20, max: 19 } });
  });
});
