import { describe, expect, it } from 'vitest';
import { selectDigest } from './digestSelection';
import { TestWorkspace } from './testWorkspace';
import { mergeStakeholders } from '../stakeholders';

function march() {
  const w = new TestWorkspace();
  const ana = w.person({ name: 'Ana Silva', organisation: 'Rede Mulheres', group: 'civil-society', region: 'latin-american-caribbean' });
  const ben = w.person({ name: 'Ben Okafor', organisation: 'Ministry of Youth', group: 'government', region: 'african' });
  const cai = w.person({ name: 'Cai Wen', organisation: 'Tsinghua', group: 'academia', region: 'asia-pacific' }, Date.parse('2025-03-31T23:30:00-05:00'));
  const dee = w.person({ name: 'Dee Late', group: 'academia', region: 'global' }, Date.parse('2025-04-01T00:30:00-05:00'));
  const c1 = w.contribution('Quotas in Brazil', ana, '2025-03-01', ['Women in politics'], 'Quotas raised representation to 18%. A second sentence is left out.');
  const c2 = w.contribution('Youth councils', ben, '2025-03-31', ['Youth'], 'Councils give youth a voice.');
  const c3 = w.contribution('Campaign finance', cai, '2025-03-15', ['Women in politics'], 'Public funding helps women candidates.');
  const feb = w.contribution('February note', ana, '2025-02-28', ['Youth']);
  const apr = w.contribution('April note', ben, '2025-04-01', ['Youth']);
  const m1 = w.meeting('March webinar', '2025-03-12', ['Women in politics'], {
    participants: [ana, ben],
    keyMessages: 'Quotas work when enforced\n\nParties must nominate women',
    actions: [
      { owner: 'Ana Silva', task: 'Share the quota study', due: '2025-03-20', status: 'done' },
      { owner: 'Ben Okafor', task: 'Draft the youth brief', due: '2025-04-10' },
    ],
  });
  const aprMeeting = w.meeting('April meeting', '2025-04-02', ['Youth'], { actions: [{ owner: 'Cai Wen', task: 'Book the room', due: '2025-03-28' }] });
  const cons = w.consultation('Draft messages', '2025-02-15', '2025-03-10');
  const other = w.consultation('Later consultation', '2025-04-01', '2025-04-30');
  const reply = w.doc({ kind: 'draft', title: 'Reply on quotas', subtype: 'consolidated-reply', date: '2025-03-01' }, { publishedAt: '2025-03-25' });
  w.doc({ kind: 'draft', title: 'Reply in April', subtype: 'consolidated-reply', date: '2025-03-01' }, { publishedAt: '2025-04-02' });
  w.doc({ kind: 'draft', title: 'Unpublished reply', subtype: 'consolidated-reply', date: '2025-03-01' });
  // comments: two in March (one at 23:30 in UTC-5 on 31 March), one in April, one annotation
  w.comment(cons, 't1', ben, Date.parse('2025-03-05T10:00:00Z'), { group: 'government', region: 'african' });
  w.comment(cons, 't2', cai, Date.parse('2025-03-31T23:30:00-05:00'), { group: 'academia', region: 'asia-pacific' });
  w.comment(cons, 't3', ana, Date.parse('2025-04-02T10:00:00Z'), { group: 'civil-society', region: 'latin-american-caribbean' });
  w.comment(cons, 't4', null, Date.parse('2025-03-06T10:00:00Z'), { purpose: 'annotation' });
  return { w, ids: { ana, ben, cai, dee, c1, c2, c3, feb, apr, m1, aprMeeting, cons, other, reply } };
}

describe('the digest of a month', () => {
  it('selects the month’s material from catalog rows, comment entries and the registry', () => {
    const { w, ids } = march();
    const sel = selectDigest({ month: '2025-03', timeZone: 'America/Bogota', rows: w.rows(), comments: w.comments, stakeholders: w.stakeholders(), metas: w.metas() });

    expect(sel.themeOfMonth).toBe('Women in politics');
    expect(sel.contributionsByTheme.map((g) => [g.theme, g.items.map((i) => i.title)])).toEqual([
      ['Women in politics', ['Quotas in Brazil', 'Campaign finance']],
      ['Youth', ['Youth councils']],
    ]);
    const quota = sel.contributionsByTheme[0].items[0];
    expect(quota.extract).toBe('Quotas raised representation to 18%.');
    expect(quota.by).toMatchObject({ name: 'Ana Silva', organisation: 'Rede Mulheres', group: 'civil-society', region: 'latin-american-caribbean' });
    expect(sel.repliesPublished).toEqual([{ docId: ids.reply, title: 'Reply on quotas', publishedAt: '2025-03-25' }]);
    expect(sel.meetings).toEqual([{ docId: ids.m1, title: 'March webinar', date: '2025-03-12', keyMessages: ['Quotas work when enforced', 'Parties must nominate women'] }]);
    // due in March, whichever meeting they come from; done or open
    expect(sel.actionPoints.map((a) => [a.task, a.status, a.meetingTitle])).toEqual([
      ['Share the quota study', 'done', 'March webinar'],
      ['Book the room', 'open', 'April meeting'],
    ]);
    // closed in March; stakeholder comments only (the annotation is not counted)
    expect(sel.consultations).toEqual([{ docId: ids.cons, title: 'Draft messages', opensOn: '2025-02-15', closesOn: '2025-03-10', opened: false, closed: true, comments: 3 }]);
    // added 31 March 23:30 in UTC-5 joined in March; 1 April 00:30 in UTC-5 did not
    expect(sel.joined.map((s) => s.name)).toEqual(['Cai Wen']);
    expect(sel.byGroup).toEqual([
      { key: 'academia', contributions: 1, comments: 1 },
      { key: 'government', contributions: 1, comments: 1 },
      { key: 'civil-society', contributions: 1, comments: 0 },
      { key: '', contributions: 0, comments: 1 },
    ]);
    expect(sel.byRegion.find((r) => r.key === 'african')).toEqual({ key: 'african', contributions: 1, comments: 1 });
  });

  it('places instants in the workspace’s time zone: in UTC the late comment and the new entry are April’s', () => {
    const { w } = march();
    const input = { month: '2025-03', rows: w.rows(), comments: w.comments, stakeholders: w.stakeholders(), metas: w.metas() };
    const utc = selectDigest({ ...input, timeZone: 'UTC' });
    expect(utc.joined).toEqual([]);
    expect(utc.byGroup.find((r) => r.key === 'academia')).toEqual({ key: 'academia', contributions: 1, comments: 0 });
    const april = selectDigest({ ...input, month: '2025-04', timeZone: 'UTC' });
    expect(april.joined.map((s) => s.name)).toEqual(['Cai Wen', 'Dee Late']);
    expect(april.consultations.map((c) => [c.title, c.opened, c.closed])).toEqual([['Later consultation', true, true]]);
    expect(april.contributionsByTheme.flatMap((g) => g.items.map((i) => i.title))).toEqual(['April note']);
  });

  it('leaves out deleted documents and follows merged registry entries', () => {
    const { w, ids } = march();
    const dup = w.person({ name: 'A. Silva', group: 'other', region: 'global' });
    w.contribution('Party lists', dup, '2025-03-20', ['Women in politics']);
    mergeStakeholders(w.ws, ids.ana, dup);
    const metas = w.metas().filter((m) => m.id !== ids.c3);
    const sel = selectDigest({ month: '2025-03', timeZone: 'UTC', rows: w.rows(), comments: [], stakeholders: w.stakeholders(), metas });
    expect(sel.contributionsByTheme.flatMap((g) => g.items.map((i) => [i.title, i.by?.name]))).toEqual([
      ['Quotas in Brazil', 'Ana Silva'],
      ['Party lists', 'Ana Silva'],
      ['Youth councils', 'Ben Okafor'],
    ]);
  });

  it('a month with nothing in it selects nothing', () => {
    const { w } = march();
    const sel = selectDigest({ month: '2024-07', timeZone: 'UTC', rows: w.rows(), comments: w.comments, stakeholders: w.stakeholders(), metas: w.metas() });
    expect(sel).toMatchObject({ themeOfMonth: '', contributionsByTheme: [], repliesPublished: [], meetings: [], actionPoints: [], consultations: [], joined: [], byGroup: [], byRegion: [] });
  });
});
