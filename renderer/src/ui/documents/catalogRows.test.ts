import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogDb } from '../../storage/catalogDb';
import type { CatalogRow } from '../../model/catalog';
import { catalogRowsNow, holdCatalogRows, sameRows } from './catalogRows';

const row = (docId: string, over: Partial<CatalogRow> = {}): CatalogRow => ({
  key: `w/${docId}`, workspaceId: 'w', docId, title: `Doc ${docId}`, kind: 'draft', themes: ['water'], date: '2026-01-01', createdAt: 0, updatedAt: 1, wordCount: 10, ...over,
});

afterEach(() => vi.restoreAllMocks());

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('sameRows', () => {
  it('compares rows field by field, arrays and objects by value', () => {
    expect(sameRows([row('a'), row('b')], [row('a'), row('b')])).toBe(true);
    expect(sameRows([row('a')], [row('a', { wordCount: 11 })])).toBe(false);
    expect(sameRows([row('a')], [row('a', { themes: ['water', 'energy'] })])).toBe(false);
    expect(sameRows([row('a')], [row('a', { status: 'final' })])).toBe(false);
    expect(sameRows([row('a')], [row('a'), row('b')])).toBe(false);
  });
});

describe("a workspace's shared catalog rows", () => {
  it('are read once for every holder, follow changes, and keep the same array when a read changes nothing', async () => {
    await catalogDb.catalog.bulkPut([row('a'), row('b'), { ...row('x'), key: 'other/x', workspaceId: 'other' }]);
    const reads = vi.spyOn(catalogDb.catalog, 'where');
    const heard: string[] = [];
    const releaseList = holdCatalogRows('w', () => heard.push('list'));
    const releaseDue = holdCatalogRows('w', () => heard.push('due'));
    await until(() => catalogRowsNow('w') !== undefined);
    const first = catalogRowsNow('w')!;
    expect(first.map((r) => r.docId).sort()).toEqual(['a', 'b']);
    expect(heard.sort()).toEqual(['due', 'list']);
    // the live query subscribes after the first read; its first result is the same rows: no news, same array
    await until(() => reads.mock.calls.length >= 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(catalogRowsNow('w')).toBe(first);
    expect(heard).toHaveLength(2);
    expect(reads.mock.calls.length).toBe(2); // one first read and one live query, for two holders

    await catalogDb.catalog.put(row('a', { wordCount: 99 }));
    await until(() => catalogRowsNow('w')!.find((r) => r.docId === 'a')!.wordCount === 99);
    expect(heard.filter((h) => h === 'list')).toHaveLength(2);
    expect(heard.filter((h) => h === 'due')).toHaveLength(2);

    releaseList();
    expect(catalogRowsNow('w')).toBeDefined(); // still held by the other
    releaseDue();
    expect(catalogRowsNow('w')).toBeUndefined();
  });
});
