// The export speaks the document's language: every word the exporter writes itself comes from the catalog of
// that language (read back with python-docx), whatever the interface language is.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import { exportLabelsFrom } from '../../renderer/src/export/exportLabels';
import { formatDate } from '../../renderer/src/export/word/dates';
import { getLocale, loadLocale, translator, type Locale } from '../../renderer/src/i18n/index';
import { readDocx, unzipAll, inputOf, meeting, draft, richBody, richThreads, type DocxReadback } from './helpers';

const labels = (lang: Locale) => exportLabelsFrom(translator(lang).t, lang);
const headings = (r: DocxReadback) => r.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text);
const text = (r: DocxReadback) => [...r.paragraphs.map((p) => p.text), ...r.tables.flatMap((t) => t.rows.flat())].join('\n');

beforeAll(async () => {
  await Promise.all([loadLocale('fr'), loadLocale('es')]);
});

describe('export in the document language', () => {
  it('writes dates as UN style in each language', () => {
    expect(formatDate('2025-03-14')).toBe('14 March 2025');
    expect(formatDate('2025-03-14', 'fr')).toBe('14 mars 2025');
    expect(formatDate('2025-03-14', 'es')).toBe('14 de marzo de 2025');
    expect(formatDate('next week', 'fr')).toBe('next week');
  });

  it('a French meeting summary: headings, header block, dates, action table and contents in French', async () => {
    expect(getLocale()).toBe('en'); // the interface stays English: the export does not follow it
    const r = readDocx(await exportDocx(inputOf([meeting()]), { toc: true, titlePage: true, labels: labels('fr') }));
    expect(r.tables[0].rows.map((row) => row[0])).toEqual(['Date', 'Format', 'Lieu', 'Participants']);
    expect(r.tables[0].rows[0][1]).toBe('12 juin 2025');
    expect(r.tables[0].rows[1][1]).toBe('Hybride');
    expect(r.tables[0].rows[3][1].split('\n')[0]).toBe('Gouvernement\u00a0: Kofi Mensah (Ministry of Communications)');
    expect(headings(r)).toEqual(['Ordre du jour', 'Résumé des débats', 'Discussion of Lena Old proposal', 'Messages clés', 'Mesures de suivi']);
    expect(r.tables[1].rows).toEqual([
      ['N°', 'Responsable', 'Mesure', 'Échéance', 'Statut'],
      ['1', 'Jane Doe', 'Circulate notes to Kofi Mensah', '1 juillet 2025', 'À faire'],
    ]);
    const all = text(r);
    expect(all).toContain('Table des matières');
    expect(all).toContain('Compte rendu de réunion');
    expect(all).not.toMatch(/\b(Agenda|Summary of discussion|Key messages|Action points|Contents|June|July)\b/);
  });

  it("marks the document's proofing language for Word's spell-checker", async () => {
    const styles = (bytes: Uint8Array) => unzipAll(bytes)['word/styles.xml'];
    expect(styles(await exportDocx(inputOf([meeting()]), { labels: labels('fr') }))).toMatch(/<w:lang w:val="fr-FR"/);
    expect(styles(await exportDocx(inputOf([meeting()]), { labels: labels('es') }))).toMatch(/<w:lang w:val="es-ES"/);
    expect(styles(await exportDocx(inputOf([meeting()])))).toMatch(/<w:lang w:val="en-GB"/);
  });

  it('a Spanish draft: contents, annex and its comment matrix headings, dispositions in Spanish', async () => {
    const r = readDocx(await exportDocx(inputOf([draft(richBody(), richThreads())]), { toc: true, annex: true, labels: labels('es') }));
    const all = text(r);
    expect(all).toContain('Tabla de contenido');
    expect(headings(r)).toContain('Anexo: Comentarios recibidos');
    const annex = r.tables.at(-1)!.rows;
    expect(annex[0]).toEqual(['N.º', 'Párr.', 'Sección', 'Comentarista', 'Organización', 'Grupo', 'Región', 'Tipo', 'Comentario', 'Redacción propuesta', 'Tratamiento', 'Respuesta']);
    expect(annex.slice(1).map((row) => row[10]).filter(Boolean)).toEqual(['Aceptado']);
    expect(all).not.toMatch(/\b(Contents|Annex|Comments received|Proposed wording|Disposition)\b/);
  });

  it('Chatham House replacements in the document language', async () => {
    const r = readDocx(await exportDocx(inputOf([meeting()]), { annex: true, wordComments: true, chathamHouse: true, labels: labels('fr') }));
    expect(r.tables[0].rows[3][1].split('\n')).toEqual([
      'Gouvernement\u00a0: 1 participant',
      'Secteur privé\u00a0: 1 participant',
      'Société civile\u00a0: 1 participant',
      'Autres participants\u00a0: 1 participant',
    ]);
    expect(text(r)).toContain('Participant (Secteur privé) opened the session; Participant (Gouvernement) replied.');
    expect(r.comments.map((c) => c.author)).toEqual(['Participant (Secteur privé)', 'Participant']);
    const es = readDocx(await exportDocx(inputOf([meeting()]), { chathamHouse: true, labels: labels('es') }));
    expect(es.tables[0].rows[3][1].split('\n')[3]).toBe('Otros participantes: 1 participante');
    expect(text(es)).toContain('Participante (Sector privado) opened the session; Participante (Gobierno) replied.');
  });
});
