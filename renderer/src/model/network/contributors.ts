// The generated Contributors section of a consolidated reply (issue 11): everyone whose contribution answers the
// query or is cited in the reply, once each, with name, organisation and region. It is computed whenever it is
// shown or exported (never stored), so it keeps itself current. A contributor marked "do not name" (a per-reply
// list in the reply's fields, see doNotName.ts) is listed by organisation and region only.
import type { Region } from '../kinds';

export interface ContributorPerson {
  id: string;
  name: string;
  organisation: string;
  region: Region;
}

export interface ContributorRow {
  stakeholderId: string;
  /** null when the contributor asked not to be named */
  name: string | null;
  organisation: string;
  region: Region;
  /** cited at least once in the reply */
  cited: boolean;
  /** doc ids of their contributions that count */
  contributions: string[];
}

export interface ContributorsInput {
  /** the query's contributions (doc ids) */
  queryContributions: string[];
  /** cited source doc ids (may include contributions to other queries) */
  cited: string[];
  /** contribution doc id -> stakeholder id ('' or missing: not attributed) */
  stakeholderOf: (docId: string) => string | undefined;
  /** the registry, following merges; null for an unknown id */
  person: (stakeholderId: string) => ContributorPerson | null;
  doNotName: ReadonlySet<string>;
}

export function contributorsList(input: ContributorsInput): ContributorRow[] {
  const cited = new Set(input.cited);
  const byPerson = new Map<string, ContributorRow>();
  for (const docId of [...input.queryContributions, ...input.cited]) {
    const sid = input.stakeholderOf(docId);
    if (!sid) continue;
    const person = input.person(sid);
    if (!person) continue;
    // Keyed by the resolved entry, so a merged duplicate is listed once.
    let row = byPerson.get(person.id);
    if (!row) {
      row = { stakeholderId: person.id, name: input.doNotName.has(person.id) ? null : person.name, organisation: person.organisation, region: person.region, cited: false, contributions: [] };
      byPerson.set(person.id, row);
    }
    if (input.doNotName.has(sid)) row.name = null;
    if (!row.contributions.includes(docId)) row.contributions.push(docId);
    if (cited.has(docId)) row.cited = true;
  }
  return [...byPerson.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation) || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.stakeholderId.localeCompare(b.stakeholderId),
  );
}
