// Calendar-day arithmetic for deadlines. Deadlines are calendar days (yyyy-mm-dd), not instants: "today" is the
// day where the user is, and day differences are computed on the calendar, so no time zone or DST shift moves one.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(v: string): boolean {
  const m = ISO.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === v;
}

/** b - a in days (both yyyy-mm-dd). */
export function daysBetween(a: string, b: string): number {
  const ms = (v: string) => {
    const m = ISO.exec(v)!;
    return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** The calendar day of an instant in a time zone (IANA name), as yyyy-mm-dd. */
export function dayIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
