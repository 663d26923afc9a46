import type { StakeholderGroup, Region } from '../model/kinds';

// Every word the export itself writes (as opposed to the user's text). English defaults; the app passes its
// translations through ExportOptions.labels.

export const DEFAULT_LABELS = {
  contents: 'Contents',
  agenda: 'Agenda',
  discussion: 'Summary of discussion',
  keyMessages: 'Key messages',
  actionPoints: 'Action points',
  participants: 'Participants',
  date: 'Date',
  format: 'Format',
  location: 'Location',
  noParticipants: 'None recorded',
  participant: 'Participant',
  participantsCount: (n: number) => (n === 1 ? '1 participant' : `${n} participants`),
  unregistered: 'Other participants',
  actionColumns: ['#', 'Owner', 'Action', 'Due', 'Status'],
  actionStatus: { open: 'Open', done: 'Done' } as Record<string, string>,
  annexTitle: 'Annex: Comments received',
  annexEmpty: 'No comments were received.',
  annexColumns: ['#', 'Para', 'Section', 'Commenter', 'Organisation', 'Group', 'Region', 'Type', 'Comment', 'Proposed wording', 'Disposition', 'Response'],
  onDeletedText: 'on deleted text',
  proposedWording: 'Proposed wording',
  disposition: 'Disposition',
  response: 'Response',
  withheld: 'Withheld (Chatham House rule)',
  commentTypes: { general: 'General', substantive: 'Substantive', editorial: 'Editorial' } as Record<string, string>,
  kinds: { meeting: 'Meeting summary', contribution: 'Stakeholder contribution', draft: 'Draft', query: 'Query' } as Record<string, string>,
  draftStatus: {
    outline: 'Outline',
    'in-progress': 'Draft',
    'ready-for-review': 'Draft for review',
    final: 'Final',
  } as Record<string, string>,
  consultation: 'Draft for consultation',
  formats: { 'in-person': 'In person', online: 'Online', hybrid: 'Hybrid' } as Record<string, string>,
  groups: {
    government: 'Government',
    'private-sector': 'Private sector',
    'civil-society': 'Civil society',
    'technical-community': 'Technical community',
    academia: 'Academia',
    intergovernmental: 'Intergovernmental organisation',
    other: 'Other',
  } as Record<StakeholderGroup, string>,
  regions: {
    african: 'African States',
    'asia-pacific': 'Asia-Pacific States',
    'eastern-european': 'Eastern European States',
    'latin-american-caribbean': 'Latin American and Caribbean States',
    'western-european-other': 'Western European and other States',
    global: 'Global',
  } as Record<Region, string>,
  /** a citation's footnote in a consolidated reply */
  citationNote: (who: string, date: string) => (date ? `Contribution from ${who}, ${date}` : `Contribution from ${who}`),
  citationUnknown: 'a contributor',
  contributorColumns: ['Name', 'Organisation', 'Country or region'],
  nameWithheld: 'Name withheld',
  contributorsEmpty: 'No contributors recorded.',
  /** Chatham House: what a registered participant's name becomes */
  chathamName: (groupLabel: string) => `Participant (${groupLabel})`,
};

export type ExportLabels = typeof DEFAULT_LABELS;

/** "partially-accepted" -> "Partially accepted" for values without a label. */
export function humanise(value: string): string {
  const s = value.replace(/[-_]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}
