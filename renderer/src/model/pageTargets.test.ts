import { describe, expect, it } from 'vitest';
import { effectivePageTarget, pageTargetApplies, parsePageCount, storedPageCount, validatePageTarget } from './pageTargets';

const style = { pageTargetMin: 20, pageTargetMax: 40 };

describe('page targets', () => {
  it('parses page counts, empty meaning the default', () => {
    expect(parsePageCount('')).toEqual({ value: null });
    expect(parsePageCount('  12 ')).toEqual({ value: 12 });
    expect(parsePageCount('0')).toMatchObject({ error: { id: 'draft.error.pages' } });
    expect(parsePageCount('2.5')).toMatchObject({ error: { id: 'draft.error.pages' } });
    expect(parsePageCount('abc')).toMatchObject({ error: { id: 'draft.error.pages' } });
  });
  it('falls back to the workspace default per bound', () => {
    expect(effectivePageTarget(null, null, style)).toEqual({ min: 20, max: 40 });
    expect(effectivePageTarget(5, null, style)).toEqual({ min: 5, max: 40 });
    expect(effectivePageTarget(null, 10, style)).toEqual({ min: 20, max: 10 });
    // raw stored values: anything but a positive whole number falls back to the default
    expect(effectivePageTarget('5', 0, style)).toEqual({ min: 20, max: 40 });
    expect(effectivePageTarget(undefined, 2.5, style)).toEqual({ min: 20, max: 40 });
  });
  it('rejects an inverted range, including one made with a default bound', () => {
    expect(validatePageTarget(10, 30, style)).toBeNull();
    expect(validatePageTarget(30, 30, style)).toBeNull();
    expect(validatePageTarget(31, 30, style)).toMatchObject({ id: 'draft.error.minAboveMax' });
    expect(validatePageTarget(50, null, style)).toMatchObject({ id: 'draft.error.minAboveMax' });
    expect(validatePageTarget(null, 10, style)).toMatchObject({ id: 'draft.error.minAboveMax' });
  });
  it('reads stored values defensively', () => {
    expect(storedPageCount(12)).toBe(12);
    expect(storedPageCount(null)).toBeNull();
    expect(storedPageCount('12')).toBeNull();
    expect(storedPageCount(0)).toBeNull();
  });
});

describe('where a page target applies', () => {
  it('applies to draft outputs only, as Settings says', () => {
    expect(pageTargetApplies('draft')).toBe(true);
    for (const kind of ['meeting', 'contribution', 'query', undefined]) expect(pageTargetApplies(kind)).toBe(false);
  });
});
