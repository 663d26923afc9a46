import { describe, expect, it } from 'vitest';
import { dueItems, type DueSource } from './due';
import { dayIn, daysBetween } from './dates';
import type { QueryFields } from './query';

const query = (docId: string, q: Partial<QueryFields>): DueSource => ({
  docId,
  title: `Query ${docId}`,
  kind: 'query',
  network: { query: { askedBy: '', region: '', postedOn: '2026-03-01', contributionsDue: '', replyDue: '', status: 'open', ...q } },
});
const meeting = (docId: string, points: Array<{ id: string; due: string; status?: 'open' | 'in-progress' | 'done' }>): DueSource => ({
  docId,
  title: `Meeting ${docId}`,
  kind: 'meeting',
  activity: { actionPoints: points.map((p) => ({ owner: 'Ana', task: `Task ${p.id}`, status: 'open', ...p })) },
});
const consultation = (docId: string, closesOn: string): DueSource => ({ docId, title: `Draft ${docId}`, kind: 'draft', network: { consultation: { opensOn: '2026-02-01', closesOn } } });

describe('the Due list', () => {
  const today = '2026-03-10';

  it('takes items up to 14 days ahead, inclusive, and every overdue one, soonest first', () => {
    const items = dueItems(
      [meeting('m', [{ id: 'late', due: '2026-03-09' }, { id: 'today', due: '2026-03-10' }, { id: 'edge', due: '2026-03-24' }, { id: 'beyond', due: '2026-03-25' }, { id: 'long-ago', due: '2025-12-01' }])],
      today,
    );
    expect(items.map((i) => i.task)).toEqual(['Task long-ago', 'Task late', 'Task today', 'Task edge']);
    expect(items.map((i) => [i.daysLeft, i.overdue])).toEqual([
      [-99, true],
      [-1, true],
      [0, false],
      [14, false],
    ]);
    expect(items[0]).toMatchObject({ kind: 'action-point', owner: 'Ana', docId: 'm', title: 'Meeting m' });
  });

  it('keeps action points in progress, marked so', () => {
    const items = dueItems([meeting('m', [{ id: 'started', due: '2026-03-12', status: 'in-progress' }, { id: 'open', due: '2026-03-13' }])], today);
    expect(items.map((i) => [i.task, i.inProgress])).toEqual([
      ['Task started', true],
      ['Task open', undefined],
    ]);
  });

  it('skips done action points and ones without a valid due date', () => {
    const items = dueItems([meeting('m', [{ id: 'done', due: '2026-03-09', status: 'done' }, { id: 'none', due: '' }, { id: 'bad', due: '2026-02-30' }])], today);
    expect(items).toEqual([]);
  });

  it('lists a query by each deadline while it applies: contributions while open, the reply until published', () => {
    const open = dueItems([query('q', { contributionsDue: '2026-03-05', replyDue: '2026-03-20' })], today);
    expect(open.map((i) => [i.kind, i.overdue])).toEqual([
      ['query-contributions', true],
      ['query-reply', false],
    ]);
    const drafting = dueItems([query('q', { contributionsDue: '2026-03-05', replyDue: '2026-03-20', status: 'drafting' })], today);
    expect(drafting.map((i) => i.kind)).toEqual(['query-reply']);
    expect(dueItems([query('q', { contributionsDue: '2026-03-05', replyDue: '2026-03-08', status: 'published' })], today)).toEqual([]);
  });

  it('lists consultations closing soon, and ones that closed while still in consultation as overdue', () => {
    const items = dueItems([consultation('a', '2026-03-12'), consultation('b', '2026-03-01'), consultation('c', '2026-04-30')], today);
    expect(items.map((i) => [i.docId, i.kind, i.overdue])).toEqual([
      ['b', 'consultation', true],
      ['a', 'consultation', false],
    ]);
  });

  it('ignores rows without derived network data (never opened here) and other kinds', () => {
    expect(dueItems([{ docId: 'x', title: 'x', kind: 'contribution' }, { docId: 'y', title: 'y', kind: 'meeting' }], today)).toEqual([]);
  });

  it('counts calendar days, so a DST change in between moves nothing', () => {
    // Europe changes to summer time on 2026-03-29: still exactly 14 days from the 20th to 3 April.
    expect(daysBetween('2026-03-20', '2026-04-03')).toBe(14);
    expect(dueItems([meeting('m', [{ id: 'x', due: '2026-04-03' }])], '2026-03-20').map((i) => i.daysLeft)).toEqual([14]);
  });

  it('takes "today" in the user’s time zone: one instant is overdue in Paris and due today in New York', () => {
    const instant = new Date('2026-03-10T23:30:00Z');
    const paris = dayIn(instant, 'Europe/Paris');
    const newYork = dayIn(instant, 'America/New_York');
    expect([paris, newYork]).toEqual(['2026-03-11', '2026-03-10']);
    const rows = [meeting('m', [{ id: 'x', due: '2026-03-10' }])];
    expect(dueItems(rows, paris)[0]).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(dueItems(rows, newYork)[0]).toMatchObject({ overdue: false, daysLeft: 0 });
    // Across a year boundary in Auckland (UTC+13).
    expect(dayIn(new Date('2026-12-31T11:30:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
    expect(dueItems(rows, '2027-01-01')[0]).toMatchObject({ overdue: true, daysLeft: -297 });
  });
});
