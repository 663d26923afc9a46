import { en } from './en';

// One small i18n layer: every user-facing string is a message id. English now; French and Spanish add a catalog
// with the same keys. Dates and numbers go through Intl with the active locale.

export type Messages = Record<string, string>;
const catalogs: Record<string, Messages> = { en };
let locale = 'en';

export function setLocale(next: string): void {
  if (catalogs[next]) locale = next;
}

export function getLocale(): string {
  return locale;
}

/** Translates `id`, replacing `{name}` placeholders. Unknown ids fall back to English, then to the id itself. */
export function t(id: string, vars?: Record<string, string | number>): string {
  const template = catalogs[locale]?.[id] ?? en[id] ?? id;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? formatValue(vars[k]) : m));
}

/** Plural-aware: looks up `${id}.${Intl plural category}` (e.g. `.one`, `.other`), falling back to `${id}.other`. */
export function tp(id: string, count: number, vars?: Record<string, string | number>): string {
  const category = new Intl.PluralRules(locale).select(count);
  const key = (catalogs[locale]?.[`${id}.${category}`] ?? en[`${id}.${category}`]) ? `${id}.${category}` : `${id}.other`;
  return t(key, { count, ...vars });
}

function formatValue(v: string | number): string {
  return typeof v === 'number' ? formatNumber(v) : v;
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(n);
}

/** Formats an ISO date (yyyy-mm-dd) or a timestamp. */
export function formatDate(value: string | number, style: 'medium' | 'long' | 'short' = 'medium'): string {
  if (value === '' || value === undefined || value === null) return '';
  const date = typeof value === 'number' ? new Date(value) : new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: style }).format(date);
}

export function formatTime(value: number): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(value));
}

/** Today as yyyy-mm-dd in local time. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formats a month 'yyyy-mm' ("March 2025"). */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-15T00:00:00`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(date);
}
