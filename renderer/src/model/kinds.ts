// Vocabulary of the domain. Values are stored in Y.Docs; labels come from i18n (`kind.<value>` etc.).

export const DOCUMENT_KINDS = ['meeting', 'contribution', 'draft', 'query'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DRAFT_SUBTYPES = ['output-report', 'executive-summary', 'messages', 'consolidated-reply', 'digest', 'progress-report'] as const;
export type DraftSubtype = (typeof DRAFT_SUBTYPES)[number];

export const DRAFT_STATUSES = ['outline', 'in-progress', 'ready-for-review', 'final'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const MEETING_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const CHANNELS = ['email', 'mailing-list', 'survey', 'written-submission', 'meeting-intervention'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAKEHOLDER_GROUPS = [
  'government',
  'private-sector',
  'civil-society',
  'technical-community',
  'academia',
  'intergovernmental',
  'other',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** UN regional groups, plus a value for people who speak for no single region. */
export const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other', 'global'] as const;
export type Region = (typeof REGIONS)[number];

export const GENDERS = ['woman', 'man', 'non-binary', 'not-stated'] as const;
export type Gender = (typeof GENDERS)[number];

/** Stored as these codes (language-neutral); older documents hold only 'open' and 'done'. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** A query's life (issue 11): open for contributions -> drafting the consolidated reply -> published. */
export const QUERY_STATUSES = ['open', 'drafting', 'published'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];
