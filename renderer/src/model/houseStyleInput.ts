import { HOUSE_STYLE_LIMITS, type HouseStyle } from './houseStyle';
import { issue, type ModelIssue } from './modelError';
import { rangeIssue } from './pageTargets';

// Parsing of the numeric house-style inputs on the Settings screen. normalizeHouseStyle silently replaces
// out-of-range values with defaults (right for shared data); a person typing deserves an explanation instead.

export type StyleNumberKey = 'fontSize' | 'marginCm' | 'pageTargetMin' | 'pageTargetMax';

export const STYLE_NUMBER_LIMITS: Record<StyleNumberKey, { min: number; max: number; integer: boolean }> = HOUSE_STYLE_LIMITS;

/** Accepts a decimal comma ("2,5") as well as a point. */
export function parseStyleNumber(key: StyleNumberKey, input: string): { value: number } | { error: ModelIssue } {
  const limits = STYLE_NUMBER_LIMITS[key];
  const s = input.trim().replace(',', '.');
  const n = s === '' ? NaN : Number(s);
  const vars = { min: limits.min, max: limits.max };
  const error = limits.integer
    ? issue('settings.error.wholeRange', `Enter a whole number from ${limits.min} to ${limits.max}.`, vars)
    : issue('settings.error.range', `Enter a number from ${limits.min} to ${limits.max}.`, vars);
  if (!Number.isFinite(n) || n < limits.min || n > limits.max || (limits.integer && !Number.isInteger(n))) return { error };
  return { value: Math.round(n * 100) / 100 };
}

/** The issue when a change would leave the page target inverted, else null. */
export function validateStylePatch(style: HouseStyle, patch: Partial<HouseStyle>): ModelIssue | null {
  const next = { ...style, ...patch };
  return rangeIssue({ min: next.pageTargetMin, max: next.pageTargetMax });
}
