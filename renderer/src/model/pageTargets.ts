import type { HouseStyle } from './houseStyle';
import type { DocumentKind } from './kinds';
import { issue, type ModelIssue } from './modelError';

// A draft's target length: its own min/max pages when set, otherwise the workspace default from the house style.

/**
 * Whether a page target applies to a document of this kind: draft outputs only, as Settings says ("the default for
 * draft outputs"). A meeting summary, a contribution or a query has no target, so no "below target" either.
 */
export function pageTargetApplies(kind: DocumentKind | string | undefined): boolean {
  return kind === 'draft';
}

/** Parses a page-count input: '' means "use the default" (null); otherwise a whole number from 1 to 2000. */
export function parsePageCount(input: string): { value: number | null } | { error: ModelIssue } {
  const s = input.trim();
  if (s === '') return { value: null };
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 2000)
    return { error: issue('draft.error.pages', 'Enter a whole number of pages from 1 to 2000, or leave it empty for the default.') };
  return { value: n };
}

/**
 * The range that applies to a draft: its own values where set, the workspace defaults elsewhere. Takes the raw
 * stored values (`targetMin`/`targetMax` of the draft's fields, which may be anything): see storedPageCount.
 */
export function effectivePageTarget(min: unknown, max: unknown, style: Pick<HouseStyle, 'pageTargetMin' | 'pageTargetMax'>): { min: number; max: number } {
  return { min: storedPageCount(min) ?? style.pageTargetMin, max: storedPageCount(max) ?? style.pageTargetMax };
}

/** The issue when the range that would apply is inverted, else null. */
export function validatePageTarget(min: unknown, max: unknown, style: Pick<HouseStyle, 'pageTargetMin' | 'pageTargetMax'>): ModelIssue | null {
  return rangeIssue(effectivePageTarget(min, max, style));
}

/** The issue when a page range is inverted (min above max), else null; shared with the house-style input. */
export function rangeIssue(range: { min: number; max: number }): ModelIssue | null {
  return range.min > range.max ? issue('draft.error.minAboveMax', `The minimum length (${range.min} pages) is more than the maximum (${range.max} pages).`, range) : null;
}

/** A stored page count (shared Y.Map values may be anything): a positive integer or null. */
export function storedPageCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;
}

export type PageTargetState = 'below' | 'within' | 'above';

/** Where an estimated length falls against the range that applies (see effectivePageTarget). */
export function pageTargetState(pages: number, min: number, max: number): PageTargetState {
  return pages < min ? 'below' : pages > max ? 'above' : 'within';
}
