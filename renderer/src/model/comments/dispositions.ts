// Dispositions of comments: the values, the rules for setting one, and their labels in files.
//
// Rules (checked by dispositionIssues, enforced by setDisposition and the matrix import):
//   - only editors set dispositions (the sync server refuses them from commenters anyway);
//   - `duplicate` needs `duplicateOf`: another existing comment, and following duplicateOf links from there
//     must never come back (no cycles); no other value carries `duplicateOf`;
//   - `withdrawn` records that the submitter took the comment back. It applies to stakeholder comments only
//     (an editor's annotation is simply resolved), and only to a comment still `open`: a decision is never
//     silently replaced by a withdrawal (reopen it first). A withdrawn comment can only go back to `open`.
//   - everything else may change freely, including back to `open`.
import { isOneOf } from '../kinds';
import { capabilitiesOf, type Role } from '../../../../common/roles';
import { ModelError } from '../modelError';
import { fill, type Translate } from '../translate';

export const DISPOSITIONS = ['open', 'accepted', 'accepted-with-changes', 'not-accepted', 'noted', 'duplicate', 'withdrawn'] as const;
export type DispositionValue = (typeof DISPOSITIONS)[number];

/** Decisions on the text: the denominator of the acceptance rate (see balance.ts). */
export const DECIDED_DISPOSITIONS: readonly DispositionValue[] = ['accepted', 'accepted-with-changes', 'not-accepted'];
export const ACCEPTING_DISPOSITIONS: readonly DispositionValue[] = ['accepted', 'accepted-with-changes'];

export const isDisposition = (v: unknown): v is DispositionValue => isOneOf(DISPOSITIONS, v);

export interface DispositionChoice {
  value: DispositionValue;
  /** thread id of the original, for `duplicate` */
  duplicateOf?: string;
}

export interface DispositionSubject {
  id: string;
  purpose: 'stakeholder' | 'annotation';
  current: DispositionChoice;
}

export interface DispositionIssue {
  id: string;
  fallback: string;
}

const issue = (id: string, fallback: string): DispositionIssue => ({ id, fallback });

export function sameDisposition(a: DispositionChoice, b: DispositionChoice): boolean {
  return a.value === b.value && (a.value !== 'duplicate' || a.duplicateOf === b.duplicateOf);
}

/**
 * Everything wrong with setting `next` on `subject`. `duplicateOfById` maps every thread id of the document to
 * its duplicateOf (or undefined), as it will be once this change (and any others applied together) is made.
 */
export function dispositionIssues(
  subject: DispositionSubject,
  next: DispositionChoice,
  duplicateOfById: ReadonlyMap<string, string | undefined>,
  role: Role,
): DispositionIssue[] {
  const issues: DispositionIssue[] = [];
  if (!capabilitiesOf(role).setDisposition) issues.push(issue('disposition.error.editorsOnly', 'Only editors can set a disposition.'));
  if (!isDisposition(next.value)) return [...issues, issue('disposition.error.unknown', `Unknown disposition "${String(next.value)}".`)];
  const cur = subject.current.value;
  if (next.value === 'duplicate') {
    const target = next.duplicateOf;
    if (!target) issues.push(issue('disposition.error.duplicateNeedsTarget', 'A duplicate must name the comment it duplicates.'));
    else if (target === subject.id) issues.push(issue('disposition.error.duplicateSelf', 'A comment cannot duplicate itself.'));
    else if (!duplicateOfById.has(target)) issues.push(issue('disposition.error.duplicateUnknown', 'The comment it duplicates does not exist.'));
    else {
      const seen = new Set([subject.id]);
      for (let at: string | undefined = target; at !== undefined; at = duplicateOfById.get(at)) {
        if (seen.has(at)) {
          issues.push(issue('disposition.error.duplicateCycle', 'Duplicates would point at each other in a circle.'));
          break;
        }
        seen.add(at);
      }
    }
  } else if (next.duplicateOf !== undefined) {
    issues.push(issue('disposition.error.duplicateOfUnexpected', 'Only a duplicate names another comment.'));
  }
  if (next.value === 'withdrawn' && cur !== 'withdrawn') {
    if (subject.purpose !== 'stakeholder') issues.push(issue('disposition.error.withdrawnAnnotation', 'Only stakeholder comments can be withdrawn.'));
    else if (cur !== 'open') issues.push(issue('disposition.error.withdrawnDecided', 'A decided comment cannot be withdrawn; set it back to open first.'));
  }
  if (cur === 'withdrawn' && next.value !== 'withdrawn' && next.value !== 'open') {
    issues.push(issue('disposition.error.withdrawnFinal', 'A withdrawn comment can only be reopened.'));
  }
  return issues;
}

export function assertNoIssues(issues: DispositionIssue[]): void {
  if (issues.length) throw new ModelError(issues[0].id, issues.map((i) => i.fallback).join(' '));
}

/** "Accepted with changes", "Duplicate of #12". */
export function dispositionLabel(choice: DispositionChoice, numberOf: (threadId: string) => number | null, t: Translate): string {
  if (choice.value === 'duplicate') {
    const n = choice.duplicateOf ? numberOf(choice.duplicateOf) : null;
    return n === null ? t('disposition.duplicate') : fill(t, 'disposition.duplicateOf', { n });
  }
  return t(`disposition.${choice.value}`);
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Reads a disposition cell: a code ("accepted-with-changes"), a label in English or in `t`'s language, or a
 * duplicate written "Duplicate of #12" / "duplicate #12" (the number is returned, not resolved). Empty = open.
 */
export function parseDisposition(text: string, t: Translate): { value: DispositionValue; duplicateOfNumber?: number } | null {
  const raw = text.trim();
  if (!raw) return { value: 'open' };
  const n = norm(raw);
  const dup = /(\d+)\s*$/.exec(raw);
  if (dup) {
    // "Duplicate of #3", "Doublon du n° 3", "Duplicado del n.º 3": the message with its number left out
    const prefix = norm(raw.slice(0, dup.index));
    const names = [norm('duplicate #'), norm('duplicate of #'), norm(`${t('disposition.duplicate')} #`), norm(fill(t, 'disposition.duplicateOf', { n: '' }))];
    if (names.includes(prefix)) return { value: 'duplicate', duplicateOfNumber: Number(dup[1]) };
    if (/#\s*$/.test(raw.slice(0, dup.index))) return null;
  }
  for (const value of DISPOSITIONS) {
    if (n === norm(value) || n === norm(t(`disposition.${value}`))) return { value };
  }
  return null;
}
