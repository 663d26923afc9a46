import { describe, expect, it } from 'vitest';
import { commentItems, computeBalance, contributionItem, meetingItem, type BalanceItem } from './balance';
import type { Thread } from './threadTypes';
import type { Stakeholder } from '../stakeholders';

const thread = (id: string, who: string, group: string, region: string, disposition: Thread['disposition']['value'], extra: Partial<Thread> = {}): Thread => ({
  id,
  number: 0,
  anchor: null,
  authorId: 'ed',
  authorName: 'Ed',
  stakeholderId: who,
  attribution: { name: who, organisation: '', group, region, ...(who === 'w1' ? { gender: 'woman' } : {}) },
  attributionSource: 'snapshot',
  purpose: 'stakeholder',
  receivedOn: null,
  type: 'substantive',
  body: 'x',
  proposedWording: '',
  createdAt: 0,
  editedAt: null,
  history: [],
  replies: [],
  resolved: false,
  disposition: { value: disposition },
  response: '',
  ...extra,
});

describe('balance', () => {
  it('counts by group, region and gender, computes acceptance rates and flags silent groups', () => {
    const threads = [
      thread('1', 'w1', 'civil-society', 'african', 'accepted'),
      thread('2', 'w1', 'civil-society', 'african', 'accepted-with-changes'),
      thread('3', 'w1', 'civil-society', 'african', 'not-accepted'),
      thread('4', 'w1', 'civil-society', 'african', 'noted'),
      thread('5', 'g1', 'government', 'western-european-other', 'not-accepted'),
      thread('6', 'g2', 'government', 'western-european-other', 'open'),
      thread('7', 'g2', 'government', 'western-european-other', 'duplicate'),
      thread('8', 'x', '', '', 'withdrawn'),
      thread('9', 'ed', '', '', 'accepted', { purpose: 'annotation' }),
    ];
    const contributions: BalanceItem[] = [
      contributionItem({ id: 'a1', name: 'Uni', organisation: 'U', group: 'academia', region: 'asia-pacific', themes: [] }),
      contributionItem({ id: 'w1', name: 'w1', organisation: '', group: 'civil-society', region: 'african', gender: 'woman', themes: [] }),
    ];
    const b = computeBalance({ comments: commentItems(threads), contributions });
    expect(b.total).toMatchObject({ comments: 8, contributions: 2, voices: 5, decided: 4, acceptanceRate: 0.5 });
    expect(b.byGroup['civil-society']).toMatchObject({ comments: 4, contributions: 1, voices: 1, accepted: 1, acceptedWithChanges: 1, notAccepted: 1, decided: 3, commentShare: 0.5 });
    expect(b.byGroup['civil-society'].acceptanceRate).toBeCloseTo(2 / 3);
    expect(b.byGroup.government).toMatchObject({ comments: 3, voices: 2, decided: 1, acceptanceRate: 0 });
    expect(b.byGroup.academia).toMatchObject({ comments: 0, contributions: 1, acceptanceRate: null });
    expect(b.byGroup.unspecified).toMatchObject({ comments: 1, decided: 0, acceptanceRate: null });
    expect(b.byRegion.african.comments).toBe(4);
    expect(b.byRegion['western-european-other'].comments).toBe(3);
    expect(b.byGender.woman).toMatchObject({ comments: 4, contributions: 1 });
    expect(b.byGender.unrecorded).toMatchObject({ comments: 4, contributions: 1 });
    expect(b.silentGroups).toEqual(['private-sector', 'technical-community', 'intergovernmental', 'other']);
    expect(b.silentRegions).toEqual(['eastern-european', 'latin-american-caribbean', 'global']);
  });

  it('flags every group when nobody spoke', () => {
    const b = computeBalance({ comments: [] });
    expect(b.silentGroups).toHaveLength(7);
    expect(b.total.acceptanceRate).toBeNull();
  });
});

describe('balance: meeting participation', () => {
  it('counts meeting participation as its own measure; a region that only took part in a meeting is not "not heard"', () => {
    const amina: Stakeholder = { id: 'a', name: 'Amina', organisation: 'Gov', group: 'government', region: 'african', themes: [] };
    const li: Stakeholder = { id: 'l', name: 'Li', organisation: 'Uni', group: 'academia', region: 'asia-pacific', themes: [] };
    const without = computeBalance({ comments: [], contributions: [contributionItem(amina)] });
    expect(without.silentRegions).toContain('asia-pacific');
    expect(without.silentGroups).toContain('academia');
    const b = computeBalance({ comments: [], contributions: [contributionItem(amina)], meetings: [meetingItem(li), meetingItem(li), meetingItem(amina)] });
    expect(b.silentRegions).not.toContain('asia-pacific');
    expect(b.silentGroups).not.toContain('academia');
    expect(b.byRegion['asia-pacific']).toMatchObject({ comments: 0, contributions: 0, meetings: 2, voices: 0 });
    expect(b.byGroup.government).toMatchObject({ contributions: 1, meetings: 1, voices: 1 });
    expect(b.total).toMatchObject({ comments: 0, contributions: 1, meetings: 3, voices: 1 });
  });
});
