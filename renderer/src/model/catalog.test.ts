import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from './templates';
import { filterCatalog } from './catalog';
import { deriveCatalogRow } from './derive';
import { appendJSONToBody } from './bodyWrite';
import { listDocumentMetas, updateDocumentMeta } from './workspaceDoc';

const t = (id: string) => id.split('.').pop()!;

describe('catalog derivation', () => {
  it('derives title, kind, word count and text from the docs', () => {
    const ws = new Y.Doc();
    const doc = new Y.Doc();
    const { id } = createDocument(ws, () => doc, { kind: 'meeting', title: 'Kick-off', date: '2025-02-01', location: 'Geneva' }, { t, createdBy: 'me' });
    appendJSONToBody(doc, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Participants agreed on three priorities.' }] }] });
    updateDocumentMeta(ws, id, { themes: ['Cyber norms', 'cyber norms ', 'CERTs'] });
    const [meta] = listDocumentMetas(ws);
    const row = deriveCatalogRow('w1', meta, doc, 5);
    expect(row).toMatchObject({ key: `w1/${id}`, title: 'Kick-off', kind: 'meeting', wordCount: 5, themes: ['CERTs', 'Cyber norms'], date: '2025-02-01' });
    expect(row.text).toContain('Geneva');
  });

  it('filters by kind, theme, date range and title', () => {
    const base = { workspaceId: 'w', createdAt: 0, updatedAt: 0, wordCount: 0 };
    const rows = [
      { ...base, key: 'w/1', docId: '1', title: 'Session one', kind: 'meeting' as const, themes: ['A'], date: '2025-01-10' },
      { ...base, key: 'w/2', docId: '2', title: 'Output report', kind: 'draft' as const, themes: ['B'], date: '2025-03-01' },
      { ...base, key: 'w/3', docId: '3', title: 'Session two', kind: 'meeting' as const, themes: ['B'], date: '2025-02-10' },
    ];
    expect(filterCatalog(rows, { kind: 'meeting' }).map((r) => r.docId)).toEqual(['3', '1']);
    expect(filterCatalog(rows, { theme: 'b' }).map((r) => r.docId)).toEqual(['2', '3']);
    expect(filterCatalog(rows, { from: '2025-02-01', to: '2025-02-28' }).map((r) => r.docId)).toEqual(['3']);
    expect(filterCatalog(rows, { query: 'session' }).map((r) => r.docId)).toEqual(['3', '1']);
    // The texts are read apart from the rows (storage/catalogDb.ts): until they are in, titles alone match.
    expect(filterCatalog(rows, { query: 'session', fullText: true }, new Map([['2', 'a closing session.']]))).toHaveLength(3);
    expect(filterCatalog(rows, { query: 'session', fullText: true }).map((r) => r.docId)).toEqual(['3', '1']);
    expect(filterCatalog(rows, { query: 'session' }, new Map([['2', 'A closing session.']])).map((r) => r.docId)).toEqual(['3', '1']);
  });
});
