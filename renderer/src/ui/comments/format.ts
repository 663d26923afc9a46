// Display text for comment views: locations, attributions, dispositions (model errors: ui/errors.ts).
import { dateLocale, getLocale, t } from '../../i18n';
import { dispositionLabel } from '../../model/comments/dispositions';
import type { MatrixRow } from '../../model/comments/matrix';
import type { Attribution, Thread } from '../../model/comments/threadTypes';

/** "para 23 · § 3.2", "§ 3.2", "on deleted text", "whole document", "text not synced yet". */
export function locationLabel(row: Pick<MatrixRow, 'status' | 'para' | 'section'>): string {
  if (row.status === 'deleted') return t('comments.location.deleted');
  if (row.status === 'general') return t('comments.location.general');
  if (row.status === 'pending') return t('comments.location.pending');
  const parts: string[] = [];
  if (row.para !== null) parts.push(t('comments.location.para', { n: String(row.para) }));
  if (row.section) parts.push(t('comments.location.section', { n: row.section }));
  return parts.join(' · ') || t('comments.location.heading');
}

export const groupLabel = (group: string) => (group ? t(`group.${group}`) : '');
export const regionLabel = (region: string) => (region ? t(`region.${region}`) : '');

/** "Civil society · African States" (what is known of it). */
export function constituency(a: Pick<Attribution, 'group' | 'region'> | null): string {
  if (!a) return '';
  return [groupLabel(a.group), regionLabel(a.region)].filter(Boolean).join(' · ');
}

/** Who the comment speaks for: the attributed name, else whoever entered it. */
export const speakerName = (th: Pick<Thread, 'attribution' | 'authorName'>) => th.attribution?.name || th.authorName;

export function dispositionText(th: Pick<Thread, 'disposition'>, numberOf: (id: string) => number | null): string {
  const d = th.disposition;
  return dispositionLabel(d.value === 'duplicate' ? { value: 'duplicate', duplicateOf: d.duplicateOf } : { value: d.value }, numberOf, (id) => t(id));
}

let whenFormat: { locale: string; format: Intl.DateTimeFormat } | null = null;

/** "23 Nov 2025, 12:35" in the active locale (one formatter, reused: a panel shows hundreds of these). */
export function formatWhen(ms: number): string {
  const locale = getLocale();
  if (whenFormat?.locale !== locale) whenFormat = { locale, format: new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }) };
  return whenFormat.format.format(new Date(ms));
}
