// Which month a dated item belongs to, for the monthly digest. Calendar dates (yyyy-mm-dd: a contribution's
// "received on", a meeting's date, a due date) already are the writer's local day, so their month is their prefix.
// Instants (a comment's or a registry entry's timestamp, an ISO date-time with an offset) belong to the month of
// the wall clock in the workspace's time zone: 31 March 23:30 in UTC-5 is 1 April 04:30 UTC, and it is March.
// Pure; time zones come from Intl (IANA names, e.g. 'America/Bogota').

/** A month as 'yyyy-mm'. */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const isMonthKey = (v: string): boolean => MONTH.test(v);

/** The month of a calendar date 'yyyy-mm-dd' (null when it is not one). */
export function monthOfDate(date: string): MonthKey | null {
  return DATE.test(date) ? date.slice(0, 7) : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar date 'yyyy-mm-dd' of an instant (ms since the epoch) in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The month of an instant (ms) in `timeZone`. */
export function monthOfInstant(ms: number, timeZone: string): MonthKey {
  return localDateOf(ms, timeZone).slice(0, 7);
}

/**
 * The month of a stored value: a calendar date is its own month; an ISO date-time with an offset or 'Z' (or a
 * number of ms) is an instant, placed in `timeZone`. Anything else: null.
 */
export function monthOf(value: string | number, timeZone: string): MonthKey | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? monthOfInstant(value, timeZone) : null;
  const date = monthOfDate(value);
  if (date) return date;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : monthOfInstant(ms, timeZone);
}

export function inMonth(value: string | number | undefined | null, month: MonthKey, timeZone: string): boolean {
  if (value === undefined || value === null || value === '') return false;
  return monthOf(value, timeZone) === month;
}

/** First and last calendar dates of a month (inclusive). */
export function monthBounds(month: MonthKey): { first: string; last: string } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`Not a month: ${month}`);
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** The month before `month`, and the one after. */
export function shiftMonth(month: MonthKey, by: number): MonthKey {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`Not a month: ${month}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to` inclusive (for engagement over time). */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let m = from; m <= to && out.length < 1200; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** The time zone of this runtime (the app passes it; tests pass their own). */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
