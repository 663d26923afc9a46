// The "How comments were incorporated" annex (issue 12): each comment, its disposition and response, and where
// the change that implemented it is, with the export's own paragraph numbers, in the document's language.
import { describe, it, expect, beforeAll } from 'vitest';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import { exportLabelsFrom } from '../../renderer/src/export/exportLabels';
import { loadLocale, translator, type Locale } from '../../renderer/src/i18n/index';
import { draft, inputOf, readDocx, thread } from './helpers';

const labels = (lang: Locale) => exportLabelsFrom(translator(lang).t, lang);
const t = (text: string, marks?: PMNode['marks']): PMNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (bid: string, ...content: PMNode[]): PMNode => ({ type: 'paragraph', attrs: { bid }, content });

const body: PMNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, bid: 'h1' }, content: [t('Scope')] },
    p('a', t('First paragraph.')),
    p('empty'),
    p('b', t('Second paragraph with '), t('new words', [{ type: 'insertion', attrs: { id: 'sug-1' } }]), t('.')),
    { type: 'heading', attrs: { level: 2, bid: 'h2' }, content: [t('Details')] },
  ],
};

const threads = [
  thread({ id: 't1', number: 1, disposition: 'accepted-with-changes', response: 'Reworded.', appliedChange: { suggestionId: 'sug-1', blockId: null, at: 1, byName: 'Rita' } }),
  thread({ id: 't2', number: 2, disposition: 'accepted', response: '', appliedChange: { suggestionId: null, blockId: 'h2', at: 1, byName: 'Rita' } }),
  thread({ id: 't3', number: 3, disposition: 'rejected', response: 'Out of scope.' }),
];

describe('incorporation annex', () => {
  beforeAll(async () => {
    await loadLocale('fr');
  });

  it('says where each applied comment went: the paragraph of its suggestion, the section of its block, or nowhere', async () => {
    const r = readDocx(await exportDocx(inputOf([draft(body, threads)]), { incorporationAnnex: true, paraNumbers: true }));
    const rows = r.tables.at(-1)!.rows;
    expect(rows[0]).toEqual(['#', 'Stakeholder', 'Comment', 'Disposition', 'Response', 'Change made']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[4], row[5]])).toEqual([
      ['1', 'Jane Doe (ACME, Private sector)', 'Accepted with changes', 'Reworded.', 'see para 2, accepted with changes'],
      ['2', 'Jane Doe (ACME, Private sector)', 'Accepted', '', 'see § 1.1, accepted'],
      ['3', 'Jane Doe (ACME, Private sector)', 'Rejected', 'Out of scope.', 'no change to the text'],
    ]);
    expect(r.paragraphs.some((x) => x.style === 'Heading 1' && x.text === 'Annex: How comments were incorporated')).toBe(true);
  });

  it('speaks the document language', async () => {
    const r = readDocx(await exportDocx(inputOf([draft(body, threads)]), { incorporationAnnex: true, labels: labels('fr') }));
    const rows = r.tables.at(-1)!.rows;
    expect(rows[0]).toEqual(['N°', 'Partie prenante', 'Commentaire', 'Suite donnée', 'Réponse', 'Modification apportée']);
    expect(rows[1][5]).toBe('voir para. 2, accepté avec modifications');
    expect(rows[3][5]).toBe('aucune modification du texte');
    expect(r.paragraphs.some((x) => x.text === 'Annexe : Prise en compte des commentaires')).toBe(true);
  });
});
