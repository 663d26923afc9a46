import { describe, expect, it } from 'vitest';
import { t, tp, formatNumber, translator, loadLocale, parseMessage, argumentNames, pickLocale, switchLocale, getLocale, onLocaleChange, LOCALES } from './index';
import { en, enParts } from './en';
import { IntlMessageFormat } from 'intl-messageformat';

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
  it('formats ICU plurals, and simple number arguments with Intl in the language', async () => {
    await loadLocale('fr');
    const fr = translator('fr');
    expect(fr.tp('status.words', 12345)).toBe(`${new Intl.NumberFormat('fr').format(12345)} mots`);
    expect(fr.tp('status.words', 1)).toBe('1 mot');
    expect(fr.tp('status.words', 0)).toBe('0 mot');
    expect(translator('en').tp('status.pages', 3, { min: 1000, max: 2000 })).toBe('≈ 3 pages (target 1,000–2,000)');
  });
  it('keeps old `.one/.other` pairs working through tp until they are converted', () => {
    // an id no catalog has as one message: the compat path picks `<id>.one` / `<id>.other`
    expect(t('sync.closed', { count: 2 })).toBe(en['sync.closed.other']);
  });
  it('follows the system language, and tells subscribers when the language changes', async () => {
    expect(pickLocale(['fr-CA'])).toBe('fr');
    expect(pickLocale(['es-419'])).toBe('es');
    expect(pickLocale(['de-DE', 'es'])).toBe('es');
    expect(pickLocale(['de-DE'])).toBe('en');
    const seen: string[] = [];
    const off = onLocaleChange((l) => seen.push(l));
    await switchLocale('es');
    expect(getLocale()).toBe('es');
    expect(t('nav.settings')).not.toBe(en['nav.settings']);
    await switchLocale('en');
    off();
    expect(seen).toEqual(['es', 'en']);
  });
});

describe('catalogs', () => {
  it('a message with no brace and no apostrophe, shown without parsing, is what ICU formats it to, in every language', async () => {
    let plain = 0;
    for (const lang of LOCALES) {
      const catalog = await loadLocale(lang);
      for (const [id, text] of Object.entries(catalog)) {
        if (text.includes('{') || text.includes("'")) continue;
        plain++;
        expect(translator(lang).t(id), `${lang} ${id}`).toBe(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format());
      }
    }
    expect(plain).toBeGreaterThan(1000);
  });
  it('every English message parses as ICU, and no `.one/.other` pair is left unconverted', () => {
    for (const [id, text] of Object.entries(en)) {
      expect(() => parseMessage(text), id).not.toThrow();
      // In ICU an ASCII apostrophe before a brace quotes it: "'{name}'" would print "{name}". Use ‘ ’ or “ ”.
      expect(text, `${id}: ASCII apostrophe before a brace`).not.toMatch(/'[{}]/);
      if (id.endsWith('.one')) expect(en[`${id.slice(0, -4)}.other`], `${id}: make the pair one ICU plural message`).toBeUndefined();
    }
  });
  for (const lang of LOCALES.filter((l) => l !== 'en')) {
    it(`${lang} has every English id, parses, and uses only the English arguments`, async () => {
      const catalog = await loadLocale(lang);
      const missing = Object.keys(en).filter((id) => !(id in catalog));
      expect(missing, `missing in ${lang}`).toEqual([]);
      const extra = Object.keys(catalog).filter((id) => !(id in en));
      expect(extra, `ids in ${lang} that English lacks`).toEqual([]);
      for (const [id, text] of Object.entries(catalog)) {
        let ast;
        try {
          ast = parseMessage(text);
        } catch (e) {
          throw new Error(`${lang} ${id} does not parse: ${(e as Error).message}`);
        }
        expect(text, `${lang} ${id}: ASCII apostrophe before a brace`).not.toMatch(/'[{}]/);
        const english = argumentNames(parseMessage(en[id]));
        const args = argumentNames(ast);
        for (const [name, type] of args) {
          expect(english.has(name), `${lang} ${id} has {${name}}, which English lacks`).toBe(true);
          expect(english.get(name), `${lang} ${id}: {${name}} is used differently than in English`).toBe(type);
        }
      }
    });
  }
});
