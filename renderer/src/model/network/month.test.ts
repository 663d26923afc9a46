import { describe, expect, it } from 'vitest';
import { inMonth, localDateOf, monthBounds, monthOf, monthOfInstant, monthsBetween, shiftMonth } from './month';

describe('the month an item belongs to', () => {
  it('a calendar date is its own month, first and last days included', () => {
    expect(monthOf('2025-03-01', 'UTC')).toBe('2025-03');
    expect(monthOf('2025-03-31', 'Pacific/Kiritimati')).toBe('2025-03');
    expect(monthOf('2025-04-01', 'America/Bogota')).toBe('2025-04');
    expect(inMonth('2025-02-28', '2025-03', 'UTC')).toBe(false);
    expect(inMonth('2024-02-29', '2024-02', 'UTC')).toBe(true);
    expect(monthOf('2025-13-01', 'UTC')).toBeNull();
    expect(monthOf('yesterday', 'UTC')).toBeNull();
    expect(inMonth('', '2025-03', 'UTC')).toBe(false);
    expect(inMonth(undefined, '2025-03', 'UTC')).toBe(false);
  });

  it('an instant belongs to the month of the workspace’s wall clock: 31 March 23:30 in UTC-5 is March', () => {
    const received = Date.parse('2025-03-31T23:30:00-05:00'); // 2025-04-01T04:30Z
    expect(monthOfInstant(received, 'America/Bogota')).toBe('2025-03');
    expect(monthOfInstant(received, 'UTC')).toBe('2025-04');
    expect(monthOf('2025-03-31T23:30:00-05:00', 'America/Bogota')).toBe('2025-03');
    expect(monthOf('2025-03-31T23:30:00-05:00', 'Europe/Paris')).toBe('2025-04');
    // east of UTC: 1 April 00:30 in Tokyo is still 31 March in UTC
    const tokyo = Date.parse('2025-04-01T00:30:00+09:00');
    expect(monthOfInstant(tokyo, 'Asia/Tokyo')).toBe('2025-04');
    expect(monthOfInstant(tokyo, 'UTC')).toBe('2025-03');
    // the exact boundary: midnight belongs to the new month
    expect(monthOfInstant(Date.parse('2025-04-01T00:00:00Z'), 'UTC')).toBe('2025-04');
    expect(monthOfInstant(Date.parse('2025-03-31T23:59:59.999Z'), 'UTC')).toBe('2025-03');
    // daylight saving: Paris moves to UTC+2 on 30 March 2025; 31 March 22:30Z is 1 April 00:30 there
    expect(monthOfInstant(Date.parse('2025-03-31T22:30:00Z'), 'Europe/Paris')).toBe('2025-04');
    expect(localDateOf(Date.parse('2025-12-31T23:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-01');
    expect(monthOf('2025-03-31T23:30', 'UTC')).toBeNull(); // a date-time without an offset is ambiguous
    expect(monthOf(0, 'UTC')).toBeNull();
  });

  it('month arithmetic: bounds, leap years, year ends', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2025-02')).toEqual({ first: '2025-02-01', last: '2025-02-28' });
    expect(monthBounds('2025-12')).toEqual({ first: '2025-12-01', last: '2025-12-31' });
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(() => monthBounds('2025-3')).toThrow();
  });
});
