import type { StakeholderGroup, Region } from '../model/kinds';
import { DISPOSITIONS } from '../model/comments/dispositions';

// Every word the export itself writes (as opposed to the user's text). English defaults; the app passes its
// translations through ExportOptions.labels.

export const DEFAULT_LABELS = {
  /** BCP 47 language of the exported document: dates are written in it */
  locale: 'en',
  /** between a label and its value ("Government: …"; French puts a non-breaking space before the colon) */
  colon: ': ',
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
  actionStatus: { open: 'Open', 'in-progress': 'In progress', done: 'Done' } as Record<string, string>,
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
  /** disposition labels (values without one are humanised) */
  dispositions: {} as Record<string, string>,
  /** Chatham House: what a registered participant's name becomes */
  chathamName: (groupLabel: string) => `Participant (${groupLabel})`,
  /** the "How comments were incorporated" annex (word/incorporationAnnex.ts) */
  incorporationTitle: 'Annex: How comments were incorporated',
  incorporationEmpty: 'No comments were received.',
  incorporationColumns: ['#', 'Stakeholder', 'Comment', 'Disposition', 'Response', 'Change made'],
  /** "see para 23, accepted with changes" */
  incorporationSeePara: (para: number, disposition: string) => (disposition ? `see para ${para}, ${disposition}` : `see para ${para}`),
  /** "see § 3.2, accepted" (a change in a heading or an unnumbered block, under that section) */
  incorporationSeeSection: (section: string, disposition: string) => (disposition ? `see § ${section}, ${disposition}` : `see § ${section}`),
  incorporationInText: (disposition: string) => (disposition ? `in the text, ${disposition}` : 'in the text'),
  incorporationNone: 'no change to the text',
  /** a contribution's header block */
  sender: 'Sender',
  organisation: 'Organisation',
  group: 'Stakeholder group',
  receivedOn: 'Date received',
  channel: 'Channel',
  channels: {
    email: 'Email',
    'mailing-list': 'Mailing list',
    survey: 'Survey',
    'written-submission': 'Written submission',
    'meeting-intervention': 'Meeting intervention',
  } as Record<string, string>,
};

export type ExportLabels = typeof DEFAULT_LABELS;

/** "partially-accepted" -> "Partially accepted" for values without a label. */
export function humanise(value: string): string {
  const s = value.replace(/[-_]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}

/** A translate function for one language (i18n's `translator(lang).t`); returns the id itself when it has none. */
export type LabelTranslate = (id: string, vars?: Record<string, string | number>) => string;

/**
 * Every export label in the document's language, from the message catalog (ids `exportDoc.*` and the vocabulary's
 * `group.*`, `region.*`, `format.*`, `commentType.*`, `disposition.*`, `action.*`). A key without a message keeps
 * its English default, so a vocabulary value added elsewhere still exports.
 */
export function exportLabelsFrom(tr: LabelTranslate, locale: string): ExportLabels {
  const d = DEFAULT_LABELS;
  const msg = (id: string, fallback: string) => {
    const text = tr(id);
    return text === id ? fallback : text;
  };
  const map = <K extends string>(defaults: Record<K, string>, id: (key: K) => string): Record<K, string> =>
    Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, msg(id(k as K), v as string)])) as Record<K, string>;
  return {
    ...d,
    locale,
    colon: locale === 'fr' ? '\u00a0: ' : ': ',
    contents: msg('exportDoc.contents', d.contents),
    agenda: msg('exportDoc.agenda', d.agenda),
    discussion: msg('exportDoc.discussion', d.discussion),
    keyMessages: msg('exportDoc.keyMessages', d.keyMessages),
    actionPoints: msg('exportDoc.actionPoints', d.actionPoints),
    participants: msg('exportDoc.participants', d.participants),
    date: msg('exportDoc.date', d.date),
    format: msg('exportDoc.format', d.format),
    location: msg('exportDoc.location', d.location),
    noParticipants: msg('exportDoc.noParticipants', d.noParticipants),
    participant: msg('exportDoc.participant', d.participant),
    participantsCount: (n: number) => tr('exportDoc.participantsCount', { count: n }),
    unregistered: msg('exportDoc.unregistered', d.unregistered),
    actionColumns: ['number', 'owner', 'task', 'due', 'status'].map((k, i) => msg(`exportDoc.action.${k}`, d.actionColumns[i])),
    actionStatus: map(d.actionStatus, (k) => `action.${k}`),
    annexTitle: msg('exportDoc.annexTitle', d.annexTitle),
    annexEmpty: msg('exportDoc.annexEmpty', d.annexEmpty),
    annexColumns: ANNEX_COLUMN_IDS.map((k, i) => msg(`exportDoc.annex.${k}`, d.annexColumns[i])),
    onDeletedText: msg('exportDoc.onDeletedText', d.onDeletedText),
    proposedWording: msg('exportDoc.annex.proposedWording', d.proposedWording),
    disposition: msg('exportDoc.annex.disposition', d.disposition),
    response: msg('exportDoc.annex.response', d.response),
    withheld: msg('exportDoc.withheld', d.withheld),
    commentTypes: map(d.commentTypes, (k) => `commentType.${k}`),
    kinds: map(d.kinds, (k) => `exportDoc.kind.${k}`),
    draftStatus: map(d.draftStatus, (k) => `exportDoc.status.${k}`),
    consultation: msg('exportDoc.consultation', d.consultation),
    formats: map(d.formats, (k) => `format.${k}`),
    groups: map(d.groups, (k) => `group.${k}`),
    regions: map(d.regions, (k) => (k === 'global' ? 'exportDoc.region.global' : `region.${k}`)),
    citationNote: (who: string, date: string) =>
      date ? tr('exportDoc.citationNote', { who, date }) : tr('exportDoc.citationNoteUndated', { who }),
    citationUnknown: msg('exportDoc.citationUnknown', d.citationUnknown),
    contributorColumns: ['name', 'organisation', 'region'].map((k, i) => msg(`exportDoc.contributor.${k}`, d.contributorColumns[i])),
    nameWithheld: msg('exportDoc.nameWithheld', d.nameWithheld),
    contributorsEmpty: msg('exportDoc.contributorsEmpty', d.contributorsEmpty),
    dispositions: Object.fromEntries(DISPOSITIONS.map((k) => [k, msg(`disposition.${k}`, humanise(k))])),
    chathamName: (group: string) => tr('exportDoc.chathamName', { group }),
    incorporationTitle: msg('exportDoc.incorporation.title', d.incorporationTitle),
    incorporationEmpty: msg('exportDoc.incorporation.empty', d.incorporationEmpty),
    incorporationColumns: ['number', 'stakeholder', 'comment', 'disposition', 'response', 'change'].map((k, i) => msg(`exportDoc.incorporation.${k}`, d.incorporationColumns[i])),
    incorporationSeePara: (para: number, disposition: string) =>
      disposition ? tr('exportDoc.incorporation.seeParaWith', { para, disposition }) : tr('exportDoc.incorporation.seePara', { para }),
    incorporationSeeSection: (section: string, disposition: string) =>
      disposition ? tr('exportDoc.incorporation.seeSectionWith', { section, disposition }) : tr('exportDoc.incorporation.seeSection', { section }),
    incorporationInText: (disposition: string) => (disposition ? tr('exportDoc.incorporation.inTextWith', { disposition }) : tr('exportDoc.incorporation.inText')),
    incorporationNone: msg('exportDoc.incorporation.none', d.incorporationNone),
    sender: msg('exportDoc.contribution.sender', d.sender),
    organisation: msg('exportDoc.contribution.organisation', d.organisation),
    group: msg('exportDoc.contribution.group', d.group),
    receivedOn: msg('exportDoc.contribution.receivedOn', d.receivedOn),
    channel: msg('exportDoc.contribution.channel', d.channel),
    channels: map(d.channels, (k) => `channel.${k}`),
  };
}

const ANNEX_COLUMN_IDS = ['number', 'para', 'section', 'commenter', 'organisation', 'group', 'region', 'type', 'comment', 'proposedWording', 'disposition', 'response'];
