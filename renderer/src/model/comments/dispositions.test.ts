import { describe, expect, it } from 'vitest';
import { dispositionIssues, dispositionLabel, parseDisposition, type DispositionChoice, type DispositionSubject } from './dispositions';
import { englishT as englishLabels } from '../../i18n/en';

const links = new Map<string, string | undefined>([
  ['a', undefined],
  ['b', 'a'],
  ['c', 'b'],
  ['d', undefined],
]);
const subject = (id: string, current: DispositionChoice = { value: 'open' }, purpose: 'stakeholder' | 'annotation' = 'stakeholder'): DispositionSubject => ({
  id,
  purpose,
  current,
});
const ids = (s: DispositionSubject, next: DispositionChoice, role: 'editor' | 'commenter' = 'editor') => dispositionIssues(s, next, links, role).map((i) => i.id);

describe('disposition rules', () => {
  it('only editors decide', () => {
    expect(ids(subject('d'), { value: 'accepted' })).toEqual([]);
    expect(ids(subject('d'), { value: 'accepted' }, 'commenter')).toEqual(['disposition.error.editorsOnly']);
  });

  it('rejects unknown values', () => {
    expect(ids(subject('d'), { value: 'maybe' as never })).toEqual(['disposition.error.unknown']);
  });

  it('a duplicate names another existing comment, without cycles', () => {
    expect(ids(subject('d'), { value: 'duplicate', duplicateOf: 'a' })).toEqual([]);
    expect(ids(subject('d'), { value: 'duplicate', duplicateOf: 'c' })).toEqual([]);
    expect(ids(subject('d'), { value: 'duplicate' })).toEqual(['disposition.error.duplicateNeedsTarget']);
    expect(ids(subject('d'), { value: 'duplicate', duplicateOf: 'd' })).toEqual(['disposition.error.duplicateSelf']);
    expect(ids(subject('d'), { value: 'duplicate', duplicateOf: 'zz' })).toEqual(['disposition.error.duplicateUnknown']);
    expect(ids(subject('a'), { value: 'duplicate', duplicateOf: 'c' })).toEqual(['disposition.error.duplicateCycle']);
    expect(ids(subject('d'), { value: 'accepted', duplicateOf: 'a' })).toEqual(['disposition.error.duplicateOfUnexpected']);
  });

  it('withdrawn: stakeholder comments only, from open only, and back to open only', () => {
    expect(ids(subject('d'), { value: 'withdrawn' })).toEqual([]);
    expect(ids(subject('d', { value: 'open' }, 'annotation'), { value: 'withdrawn' })).toEqual(['disposition.error.withdrawnAnnotation']);
    expect(ids(subject('d', { value: 'accepted' }), { value: 'withdrawn' })).toEqual(['disposition.error.withdrawnDecided']);
    expect(ids(subject('d', { value: 'withdrawn' }), { value: 'accepted' })).toEqual(['disposition.error.withdrawnFinal']);
    expect(ids(subject('d', { value: 'withdrawn' }), { value: 'open' })).toEqual([]);
  });

  it('decisions may change freely otherwise', () => {
    expect(ids(subject('d', { value: 'accepted' }), { value: 'not-accepted' })).toEqual([]);
    expect(ids(subject('b', { value: 'duplicate', duplicateOf: 'a' }), { value: 'open' })).toEqual([]);
  });

  it('labels and parses cells, in codes, English labels and duplicates with numbers', () => {
    const numberOf = (id: string) => (id === 'a' ? 12 : null);
    expect(dispositionLabel({ value: 'accepted-with-changes' }, numberOf, englishLabels)).toBe('Accepted with changes');
    expect(dispositionLabel({ value: 'duplicate', duplicateOf: 'a' }, numberOf, englishLabels)).toBe('Duplicate of #12');
    expect(parseDisposition('Accepted with changes', englishLabels)).toEqual({ value: 'accepted-with-changes' });
    expect(parseDisposition(' accepted-with-changes ', englishLabels)).toEqual({ value: 'accepted-with-changes' });
    expect(parseDisposition('NOT ACCEPTED', englishLabels)).toEqual({ value: 'not-accepted' });
    expect(parseDisposition('Duplicate of #12', englishLabels)).toEqual({ value: 'duplicate', duplicateOfNumber: 12 });
    expect(parseDisposition('duplicate #7', englishLabels)).toEqual({ value: 'duplicate', duplicateOfNumber: 7 });
    expect(parseDisposition('', englishLabels)).toEqual({ value: 'open' });
    expect(parseDisposition('Accepted, mostly', englishLabels)).toBeNull();
    expect(parseDisposition('see #4', englishLabels)).toBeNull();
    const fr = (id: string) => ({ 'disposition.accepted': 'Acceptée', 'disposition.duplicateOf': 'Doublon de #{n}' })[id] ?? englishLabels(id);
    expect(parseDisposition('acceptee', fr)).toEqual({ value: 'accepted' });
    expect(parseDisposition('Doublon de #3', fr)).toEqual({ value: 'duplicate', duplicateOfNumber: 3 });
  });
});
