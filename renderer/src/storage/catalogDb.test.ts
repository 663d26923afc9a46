import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CatalogDb, catalogDb, catalogRowsWithText, catalogTexts, deleteCatalogRowsExcept, getCatalogRow, putCatalogRow } from './catalogDb';
import type { CatalogRowWithText } from '../model/catalog';

const row = (workspaceId: string, docId: string, text: string): CatalogRowWithText => ({
  key: `${workspaceId}/${docId}`, workspaceId, docId, title: `Doc ${docId}`, kind: 'draft', themes: [], date: '2026-01-01', createdAt: 0, updatedAt: 1, wordCount: 2, text,
});

describe('catalog rows and their texts', () => {
  it('stores the text apart from the row the list reads, and joins them for search', async () => {
    await Promise.all([row('wt', 'a', 'Rainwater harvesting'), row('wt', 'b', 'Solar pumps'), row('other', 'a', 'Elsewhere')].map(putCatalogRow));
    // What a list reads: the rows, without a document's text.
    const listed = await catalogDb.catalog.where('workspaceId').equals('wt').toArray();
    expect(listed.map((r) => r.docId)).toEqual(['a', 'b']);
    expect(listed.every((r) => !('text' in r))).toBe(true);
    expect(await getCatalogRow('wt/a')).toEqual(row('wt', 'a', 'Rainwater harvesting'));
    expect(await catalogRowsWithText('wt')).toEqual([row('wt', 'a', 'Rainwater harvesting'), row('wt', 'b', 'Solar pumps')]);
    expect(await catalogTexts('wt')).toEqual(new Map([['a', 'Rainwater harvesting'], ['b', 'Solar pumps']]));

    await putCatalogRow(row('wt', 'a', 'Rainwater harvesting, revised'));
    expect((await getCatalogRow('wt/a'))?.text).toBe('Rainwater harvesting, revised');

    await deleteCatalogRowsExcept('wt', new Set(['wt/b']));
    expect(await catalogRowsWithText('wt')).toEqual([row('wt', 'b', 'Solar pumps')]);
    expect(await catalogDb.texts.get('wt/a')).toBeUndefined();
    expect(await getCatalogRow('other/a')).toEqual(row('other', 'a', 'Elsewhere')); // another workspace untouched
    expect(await getCatalogRow('wt/a')).toBeUndefined();
  });
});

describe('the catalog database upgrade', () => {
  it('moves the texts of rows stored with them (schema 3) into the texts table, keeping everything else', async () => {
    const name = 'catalog-upgrade-test';
    const old = new Dexie(name);
    old.version(3).stores({ workspaces: 'id, lastOpenedAt', catalog: 'key, workspaceId, kind, date, updatedAt, *themes', comments: 'key, workspaceId, docId, stakeholderId, createdAt', prefs: 'key' });
    await old.table('catalog').bulkPut([row('w', 'a', 'Rainwater harvesting'), row('w', 'b', 'Solar pumps')]);
    await old.table('prefs').put({ key: 'catalogVersion', value: 3 });
    old.close();

    const db = new CatalogDb(name);
    const stored = await db.catalog.toArray();
    expect(stored).toEqual([row('w', 'a', ''), row('w', 'b', '')].map(({ text: _, ...r }) => r));
    expect(await db.texts.toArray()).toEqual([
      { key: 'w/a', workspaceId: 'w', docId: 'a', text: 'Rainwater harvesting' },
      { key: 'w/b', workspaceId: 'w', docId: 'b', text: 'Solar pumps' },
    ]);
    expect(await db.prefs.get('catalogVersion')).toEqual({ key: 'catalogVersion', value: 3 }); // nothing to re-derive
    db.close();
  });
});
