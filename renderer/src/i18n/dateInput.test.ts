import { describe, expect, it } from 'vitest';
import { parseDateInput, parseMonthInput } from './dateInput';
import { formatDate, formatMonth, switchLocale } from './index';

describe('parseDateInput', () => {
  it('reads back the screens’ own format in each language', () => {
    for (const lang of ['en', 'fr', 'es']) {
      for (const iso of ['2025-03-14', '2024-02-29', '2025-12-01', '2025-06-30']) {
        expect(parseDateInput(formatDate(iso, 'medium', lang), lang), `${lang} ${formatDate(iso, 'medium', lang)}`).toBe(iso);
        expect(parseDateInput(formatDate(iso, 'long', lang), lang), `${lang} ${formatDate(iso, 'long', lang)}`).toBe(iso);
      }
    }
  });
  it('reads day-first numbers and ISO dates', () => {
    expect(parseDateInput('14/03/2025', 'en')).toBe('2025-03-14');
    expect(parseDateInput('14.3.25', 'fr')).toBe('2025-03-14');
    expect(parseDateInput(' 2025-03-14 ', 'es')).toBe('2025-03-14');
    expect(parseDateInput('14 de marzo de 2025', 'es')).toBe('2025-03-14');
    expect(parseDateInput('14 mars 2025', 'fr')).toBe('2025-03-14');
    expect(parseDateInput('14 sept. 2025', 'fr')).toBe('2025-09-14');
    expect(parseDateInput('March 14, 2025', 'en')).toBe('2025-03-14');
  });
  it('refuses what is not a whole, real day', () => {
    for (const text of ['', '14 Mar', '31/02/2025', '2025-02-29', '14 Foo 2025', '03/14/2025', 'ma 14 2025']) expect(parseDateInput(text, 'en'), text).toBeNull();
  });
});

describe('parseMonthInput', () => {
  it('reads back the month as the screens write it, and numbers', async () => {
    for (const lang of ['en', 'fr', 'es'] as const) {
      await switchLocale(lang);
      for (const month of ['2025-03', '2026-12', '2025-09']) expect(parseMonthInput(formatMonth(month), lang), `${lang} ${formatMonth(month)}`).toBe(month);
    }
    await switchLocale('en');
    expect(parseMonthInput('2025-03', 'en')).toBe('2025-03');
    expect(parseMonthInput('3/2025', 'fr')).toBe('2025-03');
    expect(parseMonthInput('marzo de 2025', 'es')).toBe('2025-03');
    for (const text of ['', '2025-13', 'Foo 2025', 'March']) expect(parseMonthInput(text, 'en'), text).toBeNull();
  });
});
