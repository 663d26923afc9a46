// Reading a date a person types in the interface language: the screens' own format ("14 Mar 2025", "14 mars
// 2025", "14 de marzo de 2025"), day-first numbers ("14/03/2025", "14.3.25": all three languages write the day
// first, English as in UN documents), or ISO ("2025-03-14"). Dates are stored as ISO yyyy-mm-dd.
import { dateLocale } from './index';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\./g, '');
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Month names (long and short, folded) of a language, January first. */
function monthNames(lang: string): string[][] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(2025, i, 15));
    return (['long', 'short'] as const).map((month) => fold(new Intl.DateTimeFormat(dateLocale(lang), { month, timeZone: 'UTC' }).format(d)));
  });
}

/** The ISO date a typed text means in `lang`, or null when it is not a whole, real calendar day. */
export function parseDateInput(text: string, lang: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4}|\d{2})$/.exec(s);
  if (m) return isoOf(fullYear(m[3]), Number(m[2]), Number(m[1]));
  // "14 Mar 2025", "14 mars 2025", "14 de marzo de 2025", "March 14, 2025"
  const words = fold(s).replace(/,/g, ' ').split(/\s+/).filter((w) => w && w !== 'de' && w !== 'del');
  if (words.length !== 3) return null;
  const names = monthNames(lang).concat(lang === 'en' ? [] : monthNames('en'));
  const monthOf = (w: string) => {
    if (w.length < 3 || /\d/.test(w)) return 0;
    const i = names.findIndex((forms) => forms.some((f) => f === w || (f.startsWith(w) && w.length >= 3)));
    return i < 0 ? 0 : (i % 12) + 1;
  };
  const [a, b, c] = words as [string, string, string];
  if (/^\d{1,2}$/.test(a) && monthOf(b) && /^\d{4}$/.test(c)) return isoOf(Number(c), monthOf(b), Number(a));
  if (monthOf(a) && /^\d{1,2}$/.test(b) && /^\d{4}$/.test(c)) return isoOf(Number(c), monthOf(a), Number(b));
  return null;
}

/** The month (yyyy-mm) a typed text means in `lang`: "mars 2025", "marzo de 2025", "03/2025", "2025-03"; else null. */
export function parseMonthInput(text: string, lang: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(s) ?? null;
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  const words = fold(s).replace(/,/g, ' ').split(/\s+/).filter((w) => w && w !== 'de' && w !== 'del');
  if (words.length !== 2 || !/^\d{4}$/.test(words[1] ?? '')) return null;
  const names = monthNames(lang).concat(lang === 'en' ? [] : monthNames('en'));
  const w = words[0] ?? '';
  if (w.length < 3) return null;
  const i = names.findIndex((forms) => forms.some((f) => f === w || f.startsWith(w)));
  return i < 0 ? null : monthOf(Number(words[1]), (i % 12) + 1);
}

const monthOf = (y: number, m: number): string | null => (y >= 1000 && y <= 9999 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : null);
