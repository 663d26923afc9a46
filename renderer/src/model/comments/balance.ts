// Whose voice the consultation heard: comments and contributions by stakeholder group, region and gender, with
// acceptance rates, and the groups (and regions) not heard at all.
//
// Counted: stakeholder comments (purpose 'stakeholder'; editors' annotations are not input) and contributions
// (documents received from stakeholders), each once, under the attribution it carries. Replies are not counted.
// Meeting participation is a measure of its own: each registered participant of each meeting summary once, under
// the registry's group and region; a group or region that took part in a meeting is not "not heard".
// Acceptance rate of a group = (accepted + accepted with changes) / (accepted + accepted with changes + not
// accepted), over that group's comments. Noted, duplicate, withdrawn and open comments are not decisions on the
// text and stay out of both sides; the rate is null when nothing was decided.
import { GENDERS, REGIONS, STAKEHOLDER_GROUPS, type Region, type StakeholderGroup } from '../kinds';
import type { Stakeholder } from '../stakeholders';
import { DECIDED_DISPOSITIONS, type DispositionValue } from './dispositions';
import type { Attribution, Thread } from './threadTypes';

export const UNSPECIFIED = 'unspecified';
export const UNRECORDED = 'unrecorded';

export interface BalanceItem {
  /** stable identity of the speaker, to count distinct voices */
  who: string;
  group: string;
  region: string;
  gender?: string;
  disposition?: DispositionValue;
}

export interface Figures {
  comments: number;
  contributions: number;
  /** participations in meetings (a participant of two meetings counts twice) */
  meetings: number;
  /** distinct speakers, comments and contributions together */
  voices: number;
  accepted: number;
  acceptedWithChanges: number;
  notAccepted: number;
  decided: number;
  acceptanceRate: number | null;
  /** share of all comments, 0..1 */
  commentShare: number;
}

export interface Balance {
  total: Figures;
  /** every STAKEHOLDER_GROUP, plus 'unspecified' when some input has no group */
  byGroup: Record<string, Figures>;
  byRegion: Record<string, Figures>;
  /** recorded genders, plus 'unrecorded' */
  byGender: Record<string, Figures>;
  /** groups with no comment, no contribution and no meeting participation at all */
  silentGroups: StakeholderGroup[];
  silentRegions: Region[];
}

const known = (values: readonly string[], v: string | undefined, fallback: string) => (v && values.includes(v) ? v : fallback);

/** Stakeholder comments as balance items (annotations left out). */
export function commentItems(threads: readonly Thread[]): BalanceItem[] {
  return threads
    .filter((t) => t.purpose === 'stakeholder')
    .map((t) => {
      const a = t.attribution;
      return {
        who: t.stakeholderId ? `s:${t.stakeholderId}` : a?.name ? `n:${a.name.trim().toLowerCase()}` : `u:${t.authorId}`,
        group: a?.group ?? '',
        region: a?.region ?? '',
        gender: a?.gender,
        disposition: t.disposition.value,
      };
    });
}

/** A registered stakeholder's participation in one meeting. */
export function meetingItem(s: Stakeholder): BalanceItem {
  return { who: `s:${s.id}`, group: s.group, region: s.region, gender: s.gender };
}

/** A contribution received from a registered stakeholder, or from someone described by an attribution. */
export function contributionItem(from: Stakeholder | (Attribution & { id?: string })): BalanceItem {
  return { who: from.id ? `s:${from.id}` : `n:${from.name.trim().toLowerCase()}`, group: from.group, region: from.region, gender: from.gender };
}

function empty(): Figures & { _who: Set<string> } {
  return { comments: 0, contributions: 0, meetings: 0, voices: 0, accepted: 0, acceptedWithChanges: 0, notAccepted: 0, decided: 0, acceptanceRate: null, commentShare: 0, _who: new Set() };
}

export function computeBalance(input: { comments: readonly BalanceItem[]; contributions?: readonly BalanceItem[]; meetings?: readonly BalanceItem[] }): Balance {
  const total = empty();
  const byGroup = new Map<string, ReturnType<typeof empty>>(STAKEHOLDER_GROUPS.map((g) => [g, empty()]));
  const byRegion = new Map<string, ReturnType<typeof empty>>(REGIONS.map((r) => [r, empty()]));
  const byGender = new Map<string, ReturnType<typeof empty>>();
  const bucket = (m: Map<string, ReturnType<typeof empty>>, k: string) => {
    let f = m.get(k);
    if (!f) m.set(k, (f = empty()));
    return f;
  };
  const add = (item: BalanceItem, kind: 'comments' | 'contributions' | 'meetings') => {
    const targets = [
      total,
      bucket(byGroup, known(STAKEHOLDER_GROUPS, item.group, UNSPECIFIED)),
      bucket(byRegion, known(REGIONS, item.region, UNSPECIFIED)),
      bucket(byGender, known(GENDERS, item.gender, UNRECORDED)),
    ];
    for (const f of targets) {
      f[kind]++;
      // voices: who spoke in writing (comments, contributions); meeting participation is its own measure
      if (kind !== 'meetings') f._who.add(item.who);
      if (kind === 'comments' && item.disposition) {
        if (item.disposition === 'accepted') f.accepted++;
        if (item.disposition === 'accepted-with-changes') f.acceptedWithChanges++;
        if (item.disposition === 'not-accepted') f.notAccepted++;
        if (DECIDED_DISPOSITIONS.includes(item.disposition)) f.decided++;
      }
    }
  };
  input.comments.forEach((c) => add(c, 'comments'));
  (input.contributions ?? []).forEach((c) => add(c, 'contributions'));
  (input.meetings ?? []).forEach((c) => add(c, 'meetings'));
  const finish = (f: ReturnType<typeof empty>): Figures => {
    const { _who, ...rest } = f;
    const accepting = f.accepted + f.acceptedWithChanges;
    return { ...rest, voices: _who.size, acceptanceRate: f.decided ? accepting / f.decided : null, commentShare: total.comments ? f.comments / total.comments : 0 };
  };
  const record = (m: Map<string, ReturnType<typeof empty>>) => Object.fromEntries([...m].map(([k, f]) => [k, finish(f)]));
  const silent = <T extends string>(values: readonly T[], m: Map<string, ReturnType<typeof empty>>) =>
    values.filter((v) => m.get(v)!.comments === 0 && m.get(v)!.contributions === 0 && m.get(v)!.meetings === 0);
  return {
    total: finish(total),
    byGroup: record(byGroup),
    byRegion: record(byRegion),
    byGender: record(byGender),
    silentGroups: silent(STAKEHOLDER_GROUPS, byGroup),
    silentRegions: silent(REGIONS, byRegion),
  };
}
