import { HOUSE_STYLE_LIMITS, type HouseStyle } from './houseStyle';

// Parsing of the numeric house-style inputs on the Settings screen. normalizeHouseStyle silently replaces
// out-of-range values with defaults (right for shared data); a person typing deserves an explanation instead.

export type StyleNumberKey = 'fontSize' | 'marginCm' | 'pageTargetMin' | 'pageTargetMax';

export const STYLE_NUMBER_LIMITS: Record<StyleNumberKey, { min: number; max: number; integer: boolean }> = HOUSE_STYLE_LIMITS;

/** Accepts a decimal comma ("2,5") as well as a point. Errors are message ids with their variables. */
export function parseStyleNumber(key: StyleNumberKey, input: string): { value: number } | { error: string; vars: Record<string, number> } {
  const limits = STYLE_NUMBER_LIMITS[key];
  const s = input.trim().replace(',', '.');
  const n = s === '' ? NaN : Number(s);
  const vars = { min: limits.min, max: limits.max };
  if (!Number.isFinite(n) || n < limits.min || n > limits.max) return { error: limits.integer ? 'settings.error.wholeRange' : 'settings.error.range', vars };
  if (limits.integer && !Number.isInteger(n)) return { error: 'settings.error.wholeRange', vars };
  return { value: Math.round(n * 100) / 100 };
}

/** Message id when a change would leave the page target inverted, else null. */
export function validateStylePatch(style: HouseStyle, patch: Partial<HouseStyle>): string | null {
  const next = { ...style, ...patch };
  return next.pageTargetMin > next.pageTargetMax ? 'draft.error.minAboveMax' : null;
}
