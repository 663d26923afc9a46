import { describe, expect, it } from 'vitest';
import type MiniSearch from 'minisearch';
import * as Y from 'yjs';
import { fold, foldWithOffsets } from './fold';
import { matchRanges, snippet } from './snippet';
import { entryFromCatalogRow, entryFromComment, entryFromStakeholder, type SearchEntry } from './searchEntries';
import { groupHits, SEARCH_INDEX_VERSION, WorkspaceSearchIndex } from './workspaceSearch';
import { catalogRow, type CatalogRowWithText } from '../catalog';
import { deriveCommentEntries, type CommentEntry } from '../commentEntries';
import { addReply, addThread, setDisposition } from '../comments/commentsDoc';
import { setResponse } from '../comments/responseWrite';
import { createDocument } from '../templates';
import { addStakeholder } from '../stakeholders';
import { initWorkspace, listDocumentMetas } from '../workspaceDoc';
import { docFields } from '../documentDoc';
import { FIXTURE_EDITOR } from '../../../../tests/fixtures/generateComments';
import type { DocumentActivity } from '../network/activity';

const t = (id: string) => id;

function row(docId: string, over: Partial<CatalogRowWithText> = {}): CatalogRowWithText {
  return { key: `w/${docId}`, workspaceId: 'w', docId, title: docId, kind: 'draft', themes: [], date: '2026-03-01', createdAt: 0, updatedAt: 0, wordCount: 0, text: '', ...over };
}

const NO_ACTIVITY: DocumentActivity = { stakeholderId: '', receivedOn: '', extract: '', participants: [], keyMessages: [], actionPoints: [], consultationOpensOn: '', consultationClosesOn: '', digestMonth: '' };

function comment(docId: string, threadId: string, over: Partial<CommentEntry> = {}): CommentEntry {
  return {
    key: `w/${docId}/${threadId}`, workspaceId: 'w', docId, threadId, number: 1, purpose: 'stakeholder', stakeholderId: null, name: '', organisation: '', group: '', region: '', authorId: 'a',
    createdAt: Date.UTC(2026, 2, 10), body: '', proposedWording: '', replies: [], disposition: '', response: '', quote: '', ...over,
  };
}

function corpus(): SearchEntry[] {
  return [
    entryFromCatalogRow(row('fr', { title: 'Rapport sur le développement durable', text: "L'éducation des filles et la participation politique des femmes.", kind: 'draft', themes: ['Gender'], date: '2026-02-10' })),
    entryFromCatalogRow(row('es', { title: 'Contribución de la red', text: 'La educación digital en zonas rurales requiere inversión pública.', kind: 'contribution', themes: ['Education'], date: '2026-03-15', activity: { ...NO_ACTIVITY, stakeholderId: 's1' } })),
    entryFromCatalogRow(row('en', { title: 'Meeting of the city network', text: 'Governments discussed broadband affordability and municipal procurement.', kind: 'meeting', themes: ['Connectivity'], date: '2026-04-02' })),
    entryFromComment(comment('fr', 't1', { number: 3, body: 'Please cite the cooperative housing pilots.', replies: ['We will add the Zanzibar example.'], response: 'Added in section four.', name: 'Ana Ruiz', organisation: 'Red de Ciudades', group: 'civil-society', region: 'latin-american-caribbean' })),
    entryFromStakeholder({ id: 's1', name: 'Kwame Mensah', organisation: 'Ghana Municipal Forum', group: 'government', region: 'african', themes: ['Connectivity'] }),
  ];
}

const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

describe('folding', () => {
  it('folds accents, case and ligatures', () => {
    expect(fold('Développement ÉDUCATION Cœur Straße')).toBe('developpement education coeur strasse');
    expect(fold('Educación, niño')).toBe('educacion, nino');
  });

  it('maps folded offsets back to the original text', () => {
    const { folded, offsets } = foldWithOffsets('Cœur é');
    expect(folded).toBe('coeur e');
    expect(offsets[2]).toBe(1); // the "e" of "oe" comes from "œ"
    expect(offsets[6]).toBe(5);
  });
});

describe('the workspace index', () => {
  const index = WorkspaceSearchIndex.build(corpus());

  it('finds French and Spanish text whatever the accents and case', () => {
    expect(ids(index.search('developpement'))).toEqual(['d:fr']);
    expect(ids(index.search('DÉVELOPPEMENT'))).toEqual(['d:fr']);
    // Exact first; "education" is one edit away, a fuzzy match ranked below.
    expect(ids(index.search('educacion'))).toEqual(['d:es', 'd:fr']);
    expect(ids(index.search('éducation'))).toContain('d:fr');
  });

  it('finds English text, by prefix and with a typo', () => {
    expect(ids(index.search('broadband'))).toEqual(['d:en']);
    expect(ids(index.search('procure'))).toEqual(['d:en']); // prefix
    expect(ids(index.search('afordability'))).toEqual(['d:en']); // fuzzy
  });

  it('finds comments by their text, replies and response, and stakeholders by organisation', () => {
    expect(index.search('Zanzibar')).toMatchObject([{ id: 'c:fr/t1', kind: 'comment', docId: 'fr', threadId: 't1', number: 3, title: 'Rapport sur le développement durable' }]);
    expect(ids(index.search('section four'))).toEqual(['c:fr/t1']);
    expect(index.search('Ghana Municipal')).toMatchObject([{ id: 's:s1', kind: 'stakeholder', title: 'Kwame Mensah', people: 'Ghana Municipal Forum' }]);
  });

  it('needs every word (AND)', () => {
    expect(ids(index.search('broadband zanzibar'))).toEqual([]);
  });

  it('filters by kind, theme, date range, group and region', () => {
    expect(ids(index.search('red', { kinds: ['comment'] }))).toEqual(['c:fr/t1']);
    expect(ids(index.search('red')).sort()).toEqual(['c:fr/t1', 'd:es']);
    // A comment has its document's themes.
    expect(ids(index.search('zanzibar', { theme: 'gender' }))).toEqual(['c:fr/t1']);
    expect(ids(index.search('zanzibar', { theme: 'Education' }))).toEqual([]);
    expect(ids(index.search('connectivity', { theme: 'Connectivity' })).sort()).toEqual(['d:en', 's:s1']);
    expect(ids(index.search('connectivity', { from: '2026-01-01' }))).toEqual(['d:en']); // the stakeholder has no date
    expect(ids(index.search('educacion', { from: '2026-03-16' }))).toEqual([]);
    expect(ids(index.search('educacion', { from: '2026-03-01', to: '2026-03-15' }))).toEqual(['d:es']);
    expect(ids(index.search('zanzibar', { from: '2026-03-10', to: '2026-03-10' }))).toEqual(['c:fr/t1']);
    expect(ids(index.search('zanzibar', { group: 'civil-society', region: 'latin-american-caribbean' }))).toEqual(['c:fr/t1']);
    expect(ids(index.search('zanzibar', { group: 'government' }))).toEqual([]);
    // A contribution's group and region are its stakeholder's, read from the registry at query time.
    const registry = { resolveStakeholder: (id: string) => (id === 's1' ? { group: 'government', region: 'african' } : null) };
    expect(ids(index.search('educacion', { group: 'government', region: 'african' }, registry))).toEqual(['d:es']);
    expect(ids(index.search('educacion', { kinds: ['contribution'] }))).toEqual(['d:es']);
    expect(ids(index.search('educacion', { group: 'government' }))).toEqual([]);
    expect(index.search('educacion', {}, registry)[0]).toMatchObject({ group: 'government', region: 'african' });
  });

  it('updates incrementally: changed entries replaced, unchanged ones left, gone ones removed', () => {
    const ix = WorkspaceSearchIndex.build(corpus());
    const same = corpus()[2];
    expect(ix.upsert(same)).toBe(false);
    expect(ix.upsert({ ...same, text: 'Now about submarine cables.' })).toBe(true);
    expect(ids(ix.search('broadband'))).toEqual([]);
    expect(ids(ix.search('submarine'))).toEqual(['d:en']);
    // A document's comments become exactly what its comments doc holds.
    expect(ix.sync('c:fr/', [entryFromComment(comment('fr', 't2', { body: 'Quilombo practices' }))])).toBe(2);
    expect(ids(ix.search('zanzibar'))).toEqual([]);
    expect(ids(ix.search('quilombo'))).toEqual(['c:fr/t2']);
    expect(ix.remove('s:s1')).toBe(true);
    expect(ids(ix.search('ghana'))).toEqual([]);
    expect(ix.size).toBe(4);
  });

  it('persists and loads back to the same answers; another version is refused', () => {
    const saved = JSON.parse(JSON.stringify(index.toPersisted()));
    const loaded = WorkspaceSearchIndex.load(saved)!;
    for (const q of ['developpement', 'zanzibar', 'ghana', 'procure']) expect(loaded.search(q)).toEqual(index.search(q));
    expect(loaded.upsert(corpus()[0])).toBe(false); // stamps and kept fields came back too
    expect(WorkspaceSearchIndex.load({ ...saved, version: SEARCH_INDEX_VERSION + 1 })).toBeNull();
  });

  it('loads in two parts: titles, people, comments and the registry answer first, the bodies after', async () => {
    const saved = JSON.parse(JSON.stringify(index.toPersisted()));
    expect(saved.index).not.toContain('broadband');
    const part = WorkspaceSearchIndex.loadPart(saved)!;
    expect(part.isComplete).toBe(false);
    expect(ids(part.search('zanzibar'))).toEqual(['c:fr/t1']); // a comment's text
    expect(ids(part.search('ghana'))).toEqual(['s:s1']);
    expect(ids(part.search('developpement'))).toEqual(['d:fr']); // a title
    expect(ids(part.search('broadband'))).toEqual([]); // a body: not yet
    await part.completeAsync();
    expect(part.isComplete).toBe(true);
    for (const q of ['broadband', 'developpement', 'zanzibar', 'procure', 'afordability']) expect(part.search(q)).toEqual(index.search(q));
    // A change before the bodies are merged merges them first.
    const other = WorkspaceSearchIndex.loadPart(saved)!;
    expect(other.upsert({ ...corpus()[0], text: 'Nouveau texte sur la gouvernance.' })).toBe(true);
    expect(other.isComplete).toBe(true);
    expect(ids(other.search('broadband'))).toEqual(['d:en']);
    expect(ids(other.search('gouvernance'))).toEqual(['d:fr']);
  });

  it('ranks as MiniSearch.search did with the same options', () => {
    const mini = (index as unknown as { mini: MiniSearch }).mini;
    const base = { combineWith: 'AND', prefix: (term: string) => term.length >= 3, boost: { title: 3, people: 2, themesText: 1.5 } } as const;
    for (const q of ['red', 'connectivity', 'educacion digital', 'the', 'par', 'section four', 'municipal']) {
      const former = mini.search(q, base);
      const now = index.search(q);
      expect(now.map((h) => h.id)).toEqual(former.map((r) => r.id));
      now.forEach((h, i) => {
        expect(h.score).toBeCloseTo(former[i].score, 6);
        expect([...h.terms].sort()).toEqual([...former[i].terms].sort());
      });
    }
  });

  it('groups hits by kind, the group of the best hit first, order kept inside a group', () => {
    const hits = index.search('red');
    expect(hits.length).toBe(2);
    const fake = [hits[1], hits[0], { ...hits[1], id: 'x' }];
    expect(groupHits(fake).map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      [hits[1].kind, [hits[1].id, 'x']],
      [hits[0].kind, [hits[0].id]],
    ]);
  });
});

describe('snippets', () => {
  it('marks the matched words in the original spelling', () => {
    const parts = snippet('Le développement durable et le Développement local.', ['developpement']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['développement', 'Développement']);
    expect(parts.map((p) => p.text).join('')).toBe('Le développement durable et le Développement local.');
  });

  it('marks whole words for a prefix and only at word starts', () => {
    expect(matchRanges('participants participated; anticipation', ['particip'])).toEqual([[0, 12], [13, 25]]);
  });

  it('cuts a window around the first match', () => {
    const text = `${'lorem ipsum '.repeat(40)}the quilombo example ${'dolor sit '.repeat(40)}`;
    const parts = snippet(text, ['quilombo']);
    expect(parts[0].text).toBe('…');
    expect(parts.at(-1)!.text).toBe('…');
    expect(parts.find((p) => p.match)!.text).toBe('quilombo');
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(230);
  });
});

describe('entries from the model', () => {
  it('a contribution keeps its stakeholder in the catalog row; a comment entry is searchable by its reply and response', () => {
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'W' });
    const s = addStakeholder(ws, { name: 'Lucía Gómez', organisation: 'Observatorio Andino', group: 'academia', region: 'latin-american-caribbean', themes: [] });
    const doc = new Y.Doc();
    const { id } = createDocument(ws, () => doc, { kind: 'contribution', title: 'Aporte', stakeholderId: s.id, receivedOn: '2026-05-02' }, { t, createdBy: 'me' });
    const meta = listDocumentMetas(ws).find((m) => m.id === id)!;
    const r = catalogRow('w', meta, { text: 'texto', fields: docFields(doc) }, 1);
    expect(r.activity?.stakeholderId).toBe(s.id);
    expect(entryFromCatalogRow(r)).toMatchObject({ kind: 'contribution', stakeholderId: s.id });

    const comments = new Y.Doc();
    const threadId = addThread(comments, { anchor: null, type: 'general', body: 'Más ejemplos, por favor.', proposedWording: '', purpose: 'stakeholder', stakeholder: s }, FIXTURE_EDITOR);
    addReply(comments, threadId, 'Añadiremos el caso de Cusco.', FIXTURE_EDITOR);
    setDisposition(comments, threadId, { value: 'accepted' }, FIXTURE_EDITOR);
    setResponse(comments, threadId, 'Incluido en la sección tres.', FIXTURE_EDITOR);
    const [entry] = deriveCommentEntries('w', id, comments);
    const index = WorkspaceSearchIndex.build([entryFromCatalogRow(r), entryFromComment(entry)]);
    expect(ids(index.search('cusco'))).toEqual([`c:${id}/${threadId}`]);
    expect(ids(index.search('seccion tres'))).toEqual([`c:${id}/${threadId}`]);
    expect(index.search('cusco')[0]).toMatchObject({ group: 'academia', region: 'latin-american-caribbean', people: 'Lucía Gómez · Observatorio Andino' });
  });
});
