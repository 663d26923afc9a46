const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2025-03-12" -> "12 March 2025" (UN style; "12 mars 2025", "12 de marzo de 2025" in the document's language);
 * anything that is not an ISO date is returned as written.
 */
export function formatDate(value: string, locale = 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return value.trim();
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return value.trim();
  if (locale === 'en') return `${Number(m[3])} ${month} ${m[1]}`;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
