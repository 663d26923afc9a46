// The search bench's workspace, generated deterministically: 2,000 documents of about 1,500 words (about 3 million
// words) from the report generator (corpus.ts), made less repetitive with a long tail of rarer words (names,
// places, acronyms: a Zipf-like pick from 40,000 made-up words) and with French and Spanish sentences carrying
// accents; 10,000 comment threads from the comments fixture (replies, dispositions, responses, on behalf of 60
// registered stakeholders) spread over the documents; the registry itself. Rows as the catalog holds them.
import { generateReport, rng as makeRng } from './corpus';
import { plainText } from '../../renderer/src/model/bodyJson';
import type { CatalogRowWithText } from '../../renderer/src/model/catalog';
import { deriveCommentEntries, type CommentEntry } from '../../renderer/src/model/commentEntries';
import type { DocumentKind } from '../../renderer/src/model/kinds';
import type { Stakeholder } from '../../renderer/src/model/stakeholders';
import { generateCommentsFixture } from '../fixtures/generateComments';
import type { DocumentActivity } from '../../renderer/src/model/network/activity';

/** A contribution's derived facts: only the stakeholder matters to search. */
const activityOf = (stakeholderId: string): DocumentActivity => ({
  stakeholderId,
  receivedOn: '',
  extract: '',
  participants: [],
  keyMessages: [],
  actionPoints: [],
  consultationOpensOn: '',
  consultationClosesOn: '',
  digestMonth: '',
});

export const WORKSPACE = 'benchsearch';
const SYLLABLES = ['ka', 'lo', 'mi', 'ran', 'tu', 'vel', 'zor', 'chi', 'que', 'ña', 'bé', 'dé', 'ges', 'pol', 'tri', 'xan', 'yo', 'wu', 'fen', 'dor', 'sa', 'ri', 'mbo', 'ké'];
const TAIL = 40_000;
const FR = [
  'Le développement durable des quartiers précaires exige une coopération régionale.',
  'Les élues locales ont présenté leurs expériences de budgets participatifs.',
  "L'accès à l'éducation numérique reste inégal entre les régions rurales et urbaines.",
];
const ES = [
  'La participación política de las mujeres aumentó en los municipios pequeños.',
  'La educación digital requiere inversión pública y formación de docentes.',
  'Las redes de ciudades compartieron prácticas de gestión del agua en zonas áridas.',
];
const THEMES = ['Gender', 'Connectivity', 'Water', 'Education', 'Local government', 'Climate', 'Health', 'Data'];
const KINDS: DocumentKind[] = ['contribution', 'contribution', 'meeting', 'draft'];

/** The i-th made-up word: 2-4 syllables, some accented. */
export function tailWord(i: number): string {
  let n = i + 1;
  let w = '';
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return w.length < 5 ? `${w}${SYLLABLES[i % 7]}` : w;
}

export interface SearchCorpus {
  rows: CatalogRowWithText[];
  comments: CommentEntry[];
  stakeholders: Stakeholder[];
  words: number;
}

export function generateSearchCorpus({ docs = 2000, wordsPerDoc = 1500, threads = 10_000 } = {}): SearchCorpus {
  const r = makeRng(42);
  const rows: CatalogRowWithText[] = [];
  let words = 0;
  for (let i = 0; i < docs; i++) {
    const base = plainText(generateReport(wordsPerDoc, 1000 + i, { sections: 3, structure: 0.1 }));
    // About one word in twelve from the long tail; a French and a Spanish sentence every few paragraphs.
    const text = base
      .split('\n')
      .map((line, k) => {
        const out = line.split(' ').map((w) => (r() < 0.08 ? tailWord(Math.floor(TAIL ** r()) - 1) : w));
        if (k % 6 === 0) out.push(FR[Math.floor(r() * FR.length)], ES[Math.floor(r() * ES.length)]);
        return out.join(' ');
      })
      .join('\n');
    words += text.split(/\s+/).length;
    const month = String(1 + (i % 12)).padStart(2, '0');
    rows.push({
      key: `${WORKSPACE}/doc${i}`,
      workspaceId: WORKSPACE,
      docId: `doc${i}`,
      title: `${['Contribution', 'Meeting', 'Report'][i % 3]} ${i}: ${text.slice(0, 40).split(' ').slice(0, 5).join(' ')}`,
      kind: KINDS[i % KINDS.length],
      themes: [THEMES[i % THEMES.length], THEMES[(i * 7 + 3) % THEMES.length]],
      date: `${2020 + (i % 6)}-${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
      createdAt: i,
      updatedAt: i,
      wordCount: 0,
      text,
      activity: i % 4 < 2 ? activityOf('') : undefined,
    });
  }
  const fixture = generateCommentsFixture({ threads, paragraphs: 400, stakeholders: 60, seed: 5 });
  const comments = deriveCommentEntries(WORKSPACE, 'x', fixture.comments).map((c, i) => {
    const docId = `doc${(i * 13) % docs}`;
    return { ...c, docId, key: `${WORKSPACE}/${docId}/${c.threadId}` };
  });
  for (const [i, row] of rows.entries()) if (row.activity) row.activity = activityOf(fixture.stakeholders[i % fixture.stakeholders.length].id);
  return { rows, comments, stakeholders: fixture.stakeholders, words };
}

export interface BenchQuery {
  q: string;
  type: 'common' | 'rare' | 'prefix' | 'typo' | 'two-words' | 'accents' | 'filtered';
  filters?: { kinds?: Array<DocumentKind | 'comment' | 'stakeholder'>; theme?: string; group?: string; from?: string; to?: string };
}

/** 200 mixed queries: common and rare words, prefixes, typos, two words, accents folded, filtered. */
export function benchQueries(corpus: SearchCorpus, n = 200): BenchQuery[] {
  const r = makeRng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const sample = () => {
    const text = pick(corpus.rows).text;
    const at = Math.floor(r() * (text.length - 200));
    return text.slice(at, at + 200).split(/[^\p{L}]+/u).filter((w) => w.length >= 6);
  };
  const typo = (w: string) => {
    const i = 1 + Math.floor(r() * (w.length - 2));
    return w.slice(0, i) + (w[i] === 'e' ? 'a' : 'e') + w.slice(i + 1);
  };
  const accents = ['developpement', 'DÉVELOPPEMENT', 'educacion', 'participacion politica', 'élues', 'cooperation regionale', 'gestion del agua', 'numerique'];
  const out: BenchQuery[] = [];
  for (let i = 0; out.length < n; i++) {
    const words = sample();
    if (words.length < 2) continue;
    switch (i % 7) {
      case 0: out.push({ q: pick(['governance', 'policy', 'inclusion', 'framework', 'regional', 'capacity']), type: 'common' }); break;
      case 1: out.push({ q: tailWord(Math.floor(r() * 20_000) + 5_000), type: 'rare' }); break;
      case 2: out.push({ q: words[0].slice(0, 4), type: 'prefix' }); break;
      case 3: out.push({ q: typo(words[0]), type: 'typo' }); break;
      case 4: out.push({ q: `${words[0]} ${words[1]}`, type: 'two-words' }); break;
      case 5: out.push({ q: pick(accents), type: 'accents' }); break;
      default:
        out.push({ q: words[0], type: 'filtered', filters: pick([{ kinds: ['comment'] }, { theme: 'Water' }, { group: 'academia' }, { kinds: ['contribution'], from: '2023-01-01', to: '2024-12-31' }]) as BenchQuery['filters'] });
    }
  }
  return out;
}
