import { describe, expect, it } from 'vitest';
import { t, tp, formatNumber } from './index';
import { enParts } from './en';

describe('i18n', () => {
  it('has no id defined twice across catalog parts', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(enParts))
      for (const id of Object.keys(messages)) {
        expect(seen.get(id), `${id} in ${part} and ${seen.get(id)}`).toBeUndefined();
        seen.set(id, part);
      }
  });
  it('interpolates and formats numbers with Intl', () => {
    expect(tp('status.words', 12345)).toBe(`${formatNumber(12345)} words`);
    expect(tp('status.words', 1)).toBe('1 word');
    expect(t('no.such.id')).toBe('no.such.id');
  });
});
