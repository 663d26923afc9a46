import { describe, expect, it } from 'vitest';
import { stakeholderProfile } from './profile';
import { TestWorkspace } from './testWorkspace';

describe('stakeholder profile', () => {
  it('gathers contributions, comments with dispositions, meetings, action points and engagement per month', () => {
    const w = new TestWorkspace();
    const ana = w.person({ name: 'Ana Silva', group: 'civil-society', region: 'latin-american-caribbean' });
    const ben = w.person({ name: 'Ben Okafor', group: 'government', region: 'african' });
    w.contribution('Quotas', ana, '2025-01-10', ['Women in politics'], 'Quotas raised representation. More.');
    w.contribution('Lists', ana, '2025-03-05', ['Women in politics']);
    w.contribution('Not hers', ben, '2025-02-05', []);
    const m = w.meeting('Webinar', '2025-02-12', [], {
      participants: [ana, ben],
      actions: [
        { owner: 'ana silva', task: 'Share the study', due: '2025-02-20', status: 'done' },
        { owner: 'Ben Okafor', task: 'Not hers', due: '2025-02-21' },
      ],
    });
    w.meeting('Without her', '2025-02-13', [], { participants: [ben] });
    const draft = w.consultation('Draft messages', '2025-03-01', '2025-03-30');
    w.comment(draft, 't1', ana, Date.parse('2025-03-31T23:30:00-05:00'), { disposition: 'accepted', response: 'Added.' });
    w.comment(draft, 't2', ben, Date.parse('2025-03-10T10:00:00Z'));

    const p = stakeholderProfile(ana, { stakeholders: w.stakeholders(), rows: w.rows(), comments: w.comments, timeZone: 'America/Bogota' })!;
    expect(p.stakeholder.name).toBe('Ana Silva');
    expect(p.contributions.map((c) => [c.title, c.date, c.extract])).toEqual([
      ['Lists', '2025-03-05', 'Lists text.'],
      ['Quotas', '2025-01-10', 'Quotas raised representation.'],
    ]);
    expect(p.comments).toEqual([expect.objectContaining({ docId: draft, title: 'Draft messages', threadId: 't1', disposition: 'accepted', response: 'Added.' })]);
    expect(p.meetings).toEqual([{ docId: m, title: 'Webinar', date: '2025-02-12' }]);
    expect(p.actionPoints).toEqual([{ meetingId: m, meetingTitle: 'Webinar', task: 'Share the study', due: '2025-02-20', status: 'done' }]);
    expect(p.engagement).toEqual([
      { month: '2025-01', contributions: 1, comments: 0, meetings: 0 },
      { month: '2025-02', contributions: 0, comments: 0, meetings: 1 },
      { month: '2025-03', contributions: 1, comments: 1, meetings: 0 },
    ]);
    // in UTC her late comment falls in April
    const utc = stakeholderProfile(ana, { stakeholders: w.stakeholders(), rows: w.rows(), comments: w.comments, timeZone: 'UTC' })!;
    expect(utc.engagement.at(-1)).toEqual({ month: '2025-04', contributions: 0, comments: 1, meetings: 0 });
    expect(stakeholderProfile('nobody', { stakeholders: w.stakeholders(), rows: w.rows(), comments: [], timeZone: 'UTC' })).toBeNull();
  });

  it('a new entry has an empty profile', () => {
    const w = new TestWorkspace();
    const id = w.person({ name: 'New Person' });
    expect(stakeholderProfile(id, { stakeholders: w.stakeholders(), rows: w.rows(), comments: [], timeZone: 'UTC' })).toMatchObject({ contributions: [], comments: [], meetings: [], actionPoints: [], engagement: [] });
  });
});
