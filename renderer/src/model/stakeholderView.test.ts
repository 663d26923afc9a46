import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStakeholder, deleteStakeholder, listStakeholders, mergeStakeholders, resolveStakeholder, restoreStakeholder, type Stakeholder } from './stakeholders';
import { distinctNames, filterStakeholders, previewMerge, suggestKeep } from './stakeholderView';
import { englishT } from '../i18n/en';

const person = (over: Partial<Stakeholder>): Stakeholder => ({ id: 'x', name: '', organisation: '', group: 'other', region: 'global', themes: [], ...over });

describe('filterStakeholders', () => {
  const list = [
    person({ id: 'a', name: 'Amina Diallo', organisation: 'Ministère du Numérique', group: 'government', themes: ['Cybersecurity'] }),
    person({ id: 'b', name: 'Jonas Berg', organisation: 'Nordic Internet Society', group: 'technical-community', themes: ['Routing security'] }),
    person({ id: 'c', name: 'Lucía Pérez', organisation: 'Universidad de Chile', group: 'academia' }),
  ];
  it('matches every word in name, organisation or themes, ignoring case and accents', () => {
    expect(filterStakeholders(list, { query: 'numerique' }).map((s) => s.id)).toEqual(['a']);
    expect(filterStakeholders(list, { query: 'lucia chile' }).map((s) => s.id)).toEqual(['c']);
    expect(filterStakeholders(list, { query: 'security' }).map((s) => s.id)).toEqual(['a', 'b']);
    expect(filterStakeholders(list, { query: '' })).toHaveLength(3);
  });
  it('filters by group', () => {
    expect(filterStakeholders(list, { group: 'academia' }).map((s) => s.id)).toEqual(['c']);
    expect(filterStakeholders(list, { group: 'academia', query: 'jonas' })).toEqual([]);
  });
});

describe('previewMerge', () => {
  it('shows exactly what mergeStakeholders writes', () => {
    const doc = new Y.Doc();
    const keep = addStakeholder(doc, { name: 'Jonas Berg', organisation: '', group: 'other', region: 'global', themes: ['Routing security'] });
    const drop = addStakeholder(doc, { name: 'Jonas  Berg', organisation: 'Nordic Internet Society', group: 'technical-community', region: 'western-european-other', gender: 'man', themes: ['IXPs', 'routing security'] });
    const preview = previewMerge(keep, drop);
    const merged = mergeStakeholders(doc, keep.id, drop.id);
    expect({ ...merged, id: undefined, addedAt: undefined }).toEqual({ ...preview, id: undefined, deleted: undefined, mergedInto: undefined });
    expect(resolveStakeholder(doc, drop.id)?.id).toBe(keep.id);
  });
  it('keeps the kept entry’s own values', () => {
    const keep = person({ name: 'A', organisation: 'Org A', group: 'academia', region: 'african', gender: 'woman' });
    const drop = person({ name: 'B', organisation: 'Org B', group: 'government', region: 'asia-pacific', gender: 'man' });
    expect(previewMerge(keep, drop)).toMatchObject({ name: 'A', organisation: 'Org A', group: 'academia', region: 'african', gender: 'woman' });
  });
});

describe('suggestKeep', () => {
  it('prefers the more complete entry, the first on a tie', () => {
    const bare = person({ id: 'bare', name: 'jonas berg', themes: ['IXPs'] });
    const full = person({ id: 'full', name: 'Jonas Berg', organisation: 'Nordic Internet Society', group: 'technical-community' });
    expect(suggestKeep(bare, full).id).toBe('full');
    expect(suggestKeep(full, bare).id).toBe('full');
    expect(suggestKeep(person({ id: 'a' }), person({ id: 'b' })).id).toBe('a');
  });
});

describe('distinctNames (merge dialog and messages)', () => {
  it('keeps different names as they are', () => {
    expect(distinctNames(person({ name: 'Amina Diallo' }), person({ name: 'Jonas Berg' }), englishT)).toEqual(['Amina Diallo', 'Jonas Berg']);
  });
  it('tells entries with the same name apart by organisation', () => {
    const a = person({ name: 'Amina Diallo', organisation: 'Ministère du Numérique' });
    const b = person({ name: 'amina diallo ', organisation: '' });
    expect(distinctNames(a, b, englishT)).toEqual(['Amina Diallo (Ministère du Numérique)', 'amina diallo  (no organisation)']);
  });
  it('adds the region when the organisations are equal too, then the group, then numbers them', () => {
    const a = person({ name: 'Amina Diallo', organisation: 'ISOC', region: 'african' });
    const b = person({ name: 'Amina Diallo', organisation: 'isoc', region: 'western-european-other' });
    expect(distinctNames(a, b, englishT)).toEqual(['Amina Diallo (ISOC, African States)', 'Amina Diallo (isoc, Western European and other States)']);
    const c = person({ name: 'Amina Diallo', organisation: 'ISOC', group: 'government' });
    const d = person({ name: 'Amina Diallo', organisation: 'ISOC', group: 'academia' });
    expect(distinctNames(c, d, englishT)).toEqual(['Amina Diallo (ISOC, Global / no single region, Government)', 'Amina Diallo (ISOC, Global / no single region, Academia)']);
    const [e, f] = distinctNames(c, c, englishT);
    expect(e).toBe('Amina Diallo (ISOC, Global / no single region, Government), entry 1');
    expect(f).toBe('Amina Diallo (ISOC, Global / no single region, Government), entry 2');
  });
});

describe('restoreStakeholder (undo a delete)', () => {
  it('brings a deleted entry back, but not one merged into another', () => {
    const doc = new Y.Doc();
    const a = addStakeholder(doc, { name: 'A', organisation: '', group: 'other', region: 'global', themes: [] });
    const b = addStakeholder(doc, { name: 'B', organisation: '', group: 'other', region: 'global', themes: [] });
    deleteStakeholder(doc, a.id);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['B']);
    restoreStakeholder(doc, a.id);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['A', 'B']);
    mergeStakeholders(doc, a.id, b.id);
    restoreStakeholder(doc, b.id);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['A']);
  });
});
