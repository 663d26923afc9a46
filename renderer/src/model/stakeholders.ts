import * as Y from 'yjs';
import { wsStakeholders, normalizeThemes } from './workspaceDoc';
import { isOneOf, STAKEHOLDER_GROUPS, REGIONS, GENDERS, type StakeholderGroup, type Region, type Gender } from './kinds';
import { newId } from '../../../common/ids';
import { issue, ModelError, type ModelIssue } from './modelError';

// The stakeholder registry of a workspace. Deleting or merging never removes an entry: documents and comments
// keep pointing at it, so it stays readable (marked deleted, or forwarding to the entry it was merged into).

export interface Stakeholder {
  id: string;
  name: string;
  organisation: string;
  group: StakeholderGroup;
  region: Region;
  gender?: Gender;
  themes: string[];
  /** languages spoken (free text, normalised like themes), for the expert finder */
  languages?: string[];
  /** when the entry was added to the registry (ms), for the digest's "stakeholders who joined" */
  addedAt?: number;
  deleted?: boolean;
  /** set when merged into another entry */
  mergedInto?: string;
}

export type StakeholderInput = Omit<Stakeholder, 'id' | 'deleted' | 'mergedInto' | 'addedAt'>;

export function validateStakeholder(input: StakeholderInput): ModelIssue[] {
  const issues: ModelIssue[] = [];
  if (!input.name.trim()) issues.push(issue('stakeholder.error.name', 'Enter the stakeholder’s name.'));
  if (!isOneOf(STAKEHOLDER_GROUPS, input.group)) issues.push(issue('stakeholder.error.group', 'Choose a stakeholder group.'));
  if (!isOneOf(REGIONS, input.region)) issues.push(issue('stakeholder.error.region', 'Choose a region.'));
  if (input.gender !== undefined && !isOneOf(GENDERS, input.gender)) issues.push(issue('stakeholder.error.gender', 'Choose a gender from the list, or leave it as not recorded.'));
  return issues;
}

function assertValid(input: StakeholderInput): void {
  const [first, ...rest] = validateStakeholder(input);
  if (first) throw new ModelError([first, ...rest]);
}

function readEntry(entry: Y.Map<unknown>): Stakeholder {
  const themes = entry.get('themes');
  const gender = entry.get('gender');
  const languages = entry.get('languages');
  const addedAt = entry.get('addedAt');
  return {
    id: String(entry.get('id')),
    name: String(entry.get('name') ?? ''),
    organisation: String(entry.get('organisation') ?? ''),
    group: isOneOf(STAKEHOLDER_GROUPS, entry.get('group')) ? (entry.get('group') as StakeholderGroup) : 'other',
    region: isOneOf(REGIONS, entry.get('region')) ? (entry.get('region') as Region) : 'global',
    gender: isOneOf(GENDERS, gender) ? gender : undefined,
    themes: Array.isArray(themes) ? themes.map(String) : [],
    languages: Array.isArray(languages) ? languages.map(String) : [],
    addedAt: typeof addedAt === 'number' ? addedAt : undefined,
    deleted: entry.get('deleted') === true || undefined,
    mergedInto: typeof entry.get('mergedInto') === 'string' ? (entry.get('mergedInto') as string) : undefined,
  };
}

function writeFields(entry: Y.Map<unknown>, input: StakeholderInput): void {
  entry.set('name', input.name.trim());
  entry.set('organisation', input.organisation.trim());
  entry.set('group', input.group);
  entry.set('region', input.region);
  if (input.gender) entry.set('gender', input.gender);
  else entry.delete('gender');
  entry.set('themes', normalizeThemes(input.themes));
  if (input.languages?.length) entry.set('languages', normalizeThemes(input.languages));
  else entry.delete('languages');
}

export function addStakeholder(doc: Y.Doc, input: StakeholderInput, id = newId(), now = Date.now()): Stakeholder {
  assertValid(input);
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    wsStakeholders(doc).set(id, entry);
    entry.set('id', id);
    entry.set('addedAt', now);
    writeFields(entry, input);
  });
  return readEntry(entry);
}

export function updateStakeholder(doc: Y.Doc, id: string, input: StakeholderInput): Stakeholder {
  const entry = wsStakeholders(doc).get(id);
  if (!entry) throw new Error(`Unknown stakeholder ${id}`);
  assertValid(input);
  doc.transact(() => writeFields(entry, input));
  return readEntry(entry);
}

export function deleteStakeholder(doc: Y.Doc, id: string): void {
  const entry = wsStakeholders(doc).get(id);
  if (!entry) throw new Error(`Unknown stakeholder ${id}`);
  entry.set('deleted', true);
}

/** Undoes deleteStakeholder (an entry merged into another stays merged). */
export function restoreStakeholder(doc: Y.Doc, id: string): void {
  const entry = wsStakeholders(doc).get(id);
  if (!entry || entry.get('mergedInto')) return;
  entry.delete('deleted');
}

/**
 * Merges duplicate `dropId` into `keepId`: the kept entry gains the union of themes and fills its empty fields
 * from the duplicate; the duplicate forwards to it. References to the duplicate resolve to the kept entry.
 */
export function mergeStakeholders(doc: Y.Doc, keepId: string, dropId: string): Stakeholder {
  if (keepId === dropId) throw new ModelError('stakeholder.error.mergeSelf', 'Choose two different entries to merge.');
  const map = wsStakeholders(doc);
  const keep = map.get(keepId);
  const drop = map.get(dropId);
  if (!keep || !drop) throw new ModelError('stakeholder.error.unknown', 'This stakeholder is no longer in the registry.');
  const a = readEntry(keep);
  const b = readEntry(drop);
  doc.transact(() => {
    writeFields(keep, {
      name: a.name || b.name,
      organisation: a.organisation || b.organisation,
      group: a.group === 'other' && b.group !== 'other' ? b.group : a.group,
      region: a.region === 'global' && b.region !== 'global' ? b.region : a.region,
      gender: a.gender ?? b.gender,
      themes: [...a.themes, ...b.themes],
      languages: [...(a.languages ?? []), ...(b.languages ?? [])],
    });
    drop.set('mergedInto', keepId);
    drop.set('deleted', true);
  });
  return readEntry(keep);
}

/** Looks up a stakeholder following merges; deleted entries are still returned (flagged) so references stay readable. */
export function resolveStakeholder(doc: Y.Doc, id: string): Stakeholder | null {
  const map = wsStakeholders(doc);
  let entry = map.get(id);
  const seen = new Set<string>();
  while (entry) {
    const s = readEntry(entry);
    if (!s.mergedInto || seen.has(s.id)) return s;
    seen.add(s.id);
    const next = map.get(s.mergedInto);
    if (!next) return s;
    entry = next;
  }
  return null;
}

/** Active (not deleted) stakeholders, by name. */
export function listStakeholders(doc: Y.Doc, { includeDeleted = false } = {}): Stakeholder[] {
  const out: Stakeholder[] = [];
  wsStakeholders(doc).forEach((e) => {
    const s = readEntry(e);
    if (includeDeleted || !s.deleted) out.push(s);
  });
  return out.sort((x, y) => x.name.localeCompare(y.name));
}

/** Likely duplicates: same normalised name, or same name ignoring organisation. */
export function findDuplicateCandidates(doc: Y.Doc): Array<[Stakeholder, Stakeholder]> {
  const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const list = listStakeholders(doc);
  const pairs: Array<[Stakeholder, Stakeholder]> = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) if (norm(list[i].name) === norm(list[j].name)) pairs.push([list[i], list[j]]);
  return pairs;
}
