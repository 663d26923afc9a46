import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStakeholder, deleteStakeholder, findDuplicateCandidates, listStakeholders, mergeStakeholders, resolveStakeholder, updateStakeholder } from './stakeholders';

const ana = { name: 'Ana Pérez', organisation: 'Ministry of ICT', group: 'government' as const, region: 'latin-american-caribbean' as const, themes: ['Capacity building'] };

describe('stakeholder registry', () => {
  it('adds, validates and edits entries', () => {
    const ws = new Y.Doc();
    const s = addStakeholder(ws, ana);
    expect(listStakeholders(ws)).toEqual([s]);
    expect(() => addStakeholder(ws, { ...ana, name: ' ' })).toThrow('stakeholder.error.name');
    expect(() => addStakeholder(ws, { ...ana, group: 'aliens' as never })).toThrow('stakeholder.error.group');
    expect(updateStakeholder(ws, s.id, { ...ana, organisation: 'MICT' }).organisation).toBe('MICT');
  });

  it('a deleted stakeholder stays readable where referenced', () => {
    const ws = new Y.Doc();
    const s = addStakeholder(ws, ana);
    deleteStakeholder(ws, s.id);
    expect(listStakeholders(ws)).toEqual([]);
    expect(resolveStakeholder(ws, s.id)).toMatchObject({ name: 'Ana Pérez', deleted: true });
  });

  it('merges a duplicate: union of themes, empty fields filled, references forward to the kept entry', () => {
    const ws = new Y.Doc();
    const keep = addStakeholder(ws, { ...ana, organisation: '', themes: ['Capacity building'] });
    const dup = addStakeholder(ws, { ...ana, name: 'ana perez', themes: ['CERTs'], gender: 'woman' });
    expect(findDuplicateCandidates(ws)).toHaveLength(1);
    const merged = mergeStakeholders(ws, keep.id, dup.id);
    expect(merged).toMatchObject({ organisation: 'Ministry of ICT', gender: 'woman', themes: ['Capacity building', 'CERTs'] });
    expect(resolveStakeholder(ws, dup.id)?.id).toBe(keep.id);
    expect(listStakeholders(ws).map((x) => x.id)).toEqual([keep.id]);
    expect(() => mergeStakeholders(ws, keep.id, keep.id)).toThrow();
  });

  it('concurrent edits on two replicas merge', () => {
    const a = new Y.Doc();
    const s = addStakeholder(a, ana);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateStakeholder(a, s.id, { ...ana, organisation: 'A' });
    addStakeholder(b, { ...ana, name: 'Bo' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listStakeholders(a)).toEqual(listStakeholders(b));
    expect(listStakeholders(a)).toHaveLength(2);
  });
});
