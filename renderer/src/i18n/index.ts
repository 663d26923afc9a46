import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from './en';

// One i18n layer: every user-facing string is a message id whose text is an ICU message
// ("{count, plural, one {# word} other {# words}}", "{name} left"). English is bundled; French and Spanish load
// lazily (dynamic import) the first time they are used. Dates, numbers and lists go through Intl in the active
// locale. The export uses `translator(lang)` so it speaks the document's language, whatever the UI shows.

export type Messages = Record<string, string>;
export type Vars = Record<string, string | number>;
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
/** Each language's name in that language (the switch shows them so). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

// English is read through `catalog()` (not copied here) so that en/index.ts may import this module.
const catalogs: Partial<Record<Locale, Messages>> = {};
const catalog = (l: Locale): Messages | undefined => (l === 'en' ? en : catalogs[l]);
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  fr: () => import('./fr').then((m) => m.fr),
  es: () => import('./es').then((m) => m.es),
};
let locale: Locale = 'en';
const listeners = new Set<(l: Locale) => void>();

/** The language a `navigator.language` (or any BCP 47 tag list) asks for, among ours; English otherwise. */
export function pickLocale(tags: readonly (string | undefined)[]): Locale {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Loads a language's catalog (once). */
export async function loadLocale(next: Locale): Promise<Messages> {
  const have = catalog(next);
  if (have) return have;
  const messages = await loaders[next as Exclude<Locale, 'en'>]();
  catalogs[next] = messages;
  return messages;
}

export function isLoaded(l: Locale): boolean {
  return !!catalog(l);
}

/** Sets the active language if its catalog is loaded (see `switchLocale`); tells subscribers. */
export function setLocale(next: string): void {
  if (!isLocale(next) || !catalog(next) || next === locale) return;
  locale = next;
  for (const fn of listeners) fn(next);
}

/** Loads then activates a language. */
export async function switchLocale(next: Locale): Promise<void> {
  await loadLocale(next);
  setLocale(next);
}

export function getLocale(): Locale {
  return locale;
}

export function onLocaleChange(fn: (l: Locale) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

interface Compiled {
  format: IntlMessageFormat | null;
  /** arguments used as plural/select/number: passed as numbers; other numbers are formatted first */
  numeric: Set<string>;
  hasArgs: boolean;
}
const compiled = new Map<string, Compiled>();

// IntlMessageFormat resolves its locale (Intl.NumberFormat.supportedLocalesOf) again for every message it compiles,
// which was most of a start's translation time. The app formats in a few fixed locales: each is resolved once.
// Intl.Locale objects are immutable, so messages can share them.
const resolveLocaleUncached = IntlMessageFormat.resolveLocale;
const resolvedLocales = new Map<string, Intl.Locale | undefined>();
IntlMessageFormat.resolveLocale = (locales) => {
  const key = String(locales);
  if (!resolvedLocales.has(key)) resolvedLocales.set(key, resolveLocaleUncached(locales));
  return resolvedLocales.get(key);
};

/** Names of every argument in a message (for the catalog test and the compat path). */
export function argumentNames(ast: MessageFormatElement[], out = new Map<string, number>()): Map<string, number> {
  for (const el of ast) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentNames(el.children, out);
      continue;
    }
    out.set(el.value, el.type);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentNames(option.value, out);
  }
  return out;
}

export function parseMessage(text: string): MessageFormatElement[] {
  return parse(text, { ignoreTag: true, requiresOtherClause: true });
}

/** Simple `{n}` arguments that are also plural arguments become number arguments, so they format like `#`. */
function numberise(ast: MessageFormatElement[], numeric: Set<string>): MessageFormatElement[] {
  return ast.map((el) => {
    if (el.type === TYPE.argument && numeric.has(el.value)) return { ...el, type: TYPE.number, style: null } as MessageFormatElement;
    if (el.type === TYPE.plural || el.type === TYPE.select)
      return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: numberise(o.value, numeric) }])) };
    return el;
  });
}

/** Messages with no argument and nothing quoted are their own text: no parse (most of them; a start shows dozens). */
const isPlain = (text: string): boolean => !text.includes('{') && !text.includes("'");
const PLAIN: Compiled = { format: null, numeric: new Set(), hasArgs: false };

function compile(lang: Locale, text: string): Compiled {
  if (isPlain(text)) return PLAIN;
  const key = `${lang}\u0000${text}`;
  let c = compiled.get(key);
  if (c) return c;
  try {
    const ast = parseMessage(text);
    const args = argumentNames(ast);
    const numeric = new Set([...args].filter(([, type]) => type === TYPE.plural || type === TYPE.number).map(([n]) => n));
    c = { format: new IntlMessageFormat(numberise(ast, numeric), lang, undefined, { ignoreTag: true }), numeric, hasArgs: args.size > 0 };
  } catch {
    c = { format: null, numeric: new Set(), hasArgs: false };
  }
  compiled.set(key, c);
  return c;
}

function formatIn(lang: Locale, text: string, vars: Vars | undefined): string {
  const c = compile(lang, text);
  if (!c.format) return text;
  if (!vars && c.hasArgs) return text; // the raw template, for callers that fill it themselves (model/translate.ts)
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(vars ?? {})) values[k] = typeof v === 'number' && !c.numeric.has(k) ? formatNumberIn(lang, v) : v;
  try {
    return String(c.format.format(values));
  } catch {
    return text; // a missing value: show the template rather than break the screen
  }
}

/** The message text for `id` in a language: that catalog, else English, else undefined. */
function lookup(lang: Locale, id: string): string | undefined {
  return catalog(lang)?.[id] ?? en[id];
}

/**
 * Compat for plural pairs written the old way (`x.one`, `x.other`): picks the pair member for `count`. New messages
 * are single ICU messages; a test lists any pair still in a catalog.
 */
function legacyPair(lang: Locale, id: string, count: number): string | undefined {
  const category = formatter('plural', lang, undefined, () => new Intl.PluralRules(lang)).select(count);
  return lookup(lang, `${id}.${category}`) ?? lookup(lang, `${id}.other`);
}

/** A translate function for one language (its catalog must be loaded, else English is used). */
export function translator(lang: Locale) {
  const t = (id: string, vars?: Vars): string => {
    const text = lookup(lang, id);
    if (text === undefined) {
      if (vars && typeof vars.count === 'number') {
        const pair = legacyPair(lang, id, vars.count);
        if (pair !== undefined) return formatIn(lang, pair, vars);
      }
      return id;
    }
    return formatIn(lang, text, vars);
  };
  const tp = (id: string, count: number, vars?: Vars): string => t(id, { ...vars, count });
  return { t, tp, lang };
}

/** Translates `id` in the active language, filling ICU arguments. Unknown ids fall back to English, then the id. */
export function t(id: string, vars?: Vars): string {
  return translator(locale).t(id, vars);
}

/** Plural-aware: `t(id, { count, ...vars })` (the message is `{count, plural, ...}`). */
export function tp(id: string, count: number, vars?: Vars): string {
  return translator(locale).tp(id, count, vars);
}

// Intl formatters are costly to create (a list of 500 documents formats a thousand dates and numbers on each
// render) and immutable: one per language and options, made on first use.
const formatters = new Map<string, unknown>();
function formatter<T>(kind: string, lang: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${lang}|${options ? JSON.stringify(options) : ''}`;
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) formatters.set(key, (f = make()));
  return f;
}

function formatNumberIn(lang: string, n: number, options?: Intl.NumberFormatOptions): string {
  return formatter('number', lang, options, () => new Intl.NumberFormat(lang, options)).format(n);
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(locale, n, options);
}

function toDate(value: string | number): Date {
  return typeof value === 'number' ? new Date(value) : new Date(`${value.slice(0, 10)}T00:00:00`);
}

/**
 * Formats an ISO date (yyyy-mm-dd) or a timestamp: the one date format of the screens is 'medium'
 * ("14 Mar 2025", "14 mars 2025", "14 mar 2025"); 'long' spells the month out.
 */
export function formatDate(value: string | number, style: 'medium' | 'long' | 'short' = 'medium', lang: string = locale): string {
  if (value === '' || value === undefined || value === null) return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const l = dateLocale(lang);
  return formatter('date', l, { dateStyle: style }, () => new Intl.DateTimeFormat(l, { dateStyle: style })).format(date);
}

/** The Intl locale for dates: English dates are written day-month-year ("14 Mar 2025"), as in UN documents. */
export function dateLocale(lang: string = locale): string {
  return lang === 'en' ? 'en-GB' : lang;
}

export function formatTime(value: number): string {
  const l = dateLocale();
  return formatter('time', l, undefined, () => new Intl.DateTimeFormat(l, { timeStyle: 'short' })).format(new Date(value));
}

/** "a, b and c" in the active language (British English: no serial comma). */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const l = dateLocale();
  return formatter('list', l, { type }, () => new Intl.ListFormat(l, { type })).format(items);
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
  return formatter('month', locale, undefined, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' })).format(date);
}
