// What commenters and viewers receive instead of a workspace doc (common/roles.ts `reads.workspace: 'projection'`):
// the workspace's info, settings and document list, and of the stakeholder registry only the public fields
// (PUBLIC_STAKEHOLDER_FIELDS) of the stakeholder the reader's invite names. Gender, themes (expertise), contacts and
// every other stakeholder stay in the source doc, which such readers are never sent.
//
// `mirrorWorkspace` writes the difference into the projection doc key by key, in the shapes the renderer's accessors
// read (model/workspaceDoc.ts: top-level maps, one nested Y.Map per document and stakeholder), so an unchanged source
// changes nothing and a reader's local copy converges by ordinary Yjs sync.
import * as Y from 'yjs';
import { PUBLIC_STAKEHOLDER_FIELDS } from '../common/roles';
import { wsDocuments, wsInfo, wsSettings, wsStakeholders } from '../renderer/src/model/workspaceDoc';

export interface ProjectionReader {
  /** the registry id the reader's invite names (token claim `stakeholder`), if any */
  stakeholder?: string;
}

/** Document metadata a reader needs for lists (model/workspaceDoc.ts DocumentMeta). */
const DOCUMENT_FIELDS = ['id', 'kind', 'subtype', 'title', 'themes', 'date', 'createdAt', 'createdBy', 'deleted'] as const;

type Plain = Record<string, unknown>;

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? (v.toJSON() as unknown) : v);

function pick(entry: Y.Map<unknown> | undefined, fields: readonly string[]): Plain | null {
  if (!(entry instanceof Y.Map)) return null;
  const out: Plain = {};
  for (const f of fields) if (entry.has(f)) out[f] = plain(entry.get(f));
  return out;
}

/** What `reader` may receive of the workspace `source`, as plain data. */
export function workspaceProjection(source: Y.Doc, reader: ProjectionReader): { info: Plain; settings: Plain; documents: Record<string, Plain>; stakeholders: Record<string, Plain> } {
  const info = pick(wsInfo(source), ['name', 'description', 'createdAt']) ?? {};
  const settings = wsSettings(source).toJSON() as Plain;
  const documents: Record<string, Plain> = {};
  wsDocuments(source).forEach((entry, id) => {
    const fields = pick(entry, DOCUMENT_FIELDS);
    if (fields) documents[id] = fields;
  });
  const stakeholders: Record<string, Plain> = {};
  if (reader.stakeholder) {
    const fields = pick(wsStakeholders(source).get(reader.stakeholder), PUBLIC_STAKEHOLDER_FIELDS);
    if (fields) stakeholders[reader.stakeholder] = fields;
  }
  return { info, settings, documents, stakeholders };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mirrorFlat(target: Y.Map<unknown>, want: Plain): void {
  for (const key of Array.from(target.keys())) if (!(key in want)) target.delete(key);
  for (const [key, value] of Object.entries(want)) if (!same(plain(target.get(key)), value)) target.set(key, value);
}

function mirrorNested(target: Y.Map<Y.Map<unknown>>, want: Record<string, Plain>): void {
  for (const key of Array.from(target.keys())) if (!(key in want)) target.delete(key);
  for (const [key, fields] of Object.entries(want)) {
    let entry = target.get(key);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      target.set(key, entry);
    }
    mirrorFlat(entry, fields);
  }
}

/** Brings `target` in step with what `reader` may see of `source`; writes nothing when they already agree. */
export function mirrorWorkspace(source: Y.Doc, target: Y.Doc, reader: ProjectionReader): void {
  const want = workspaceProjection(source, reader);
  target.transact(() => {
    mirrorFlat(wsInfo(target), want.info);
    mirrorFlat(wsSettings(target), want.settings);
    mirrorNested(wsDocuments(target), want.documents);
    mirrorNested(wsStakeholders(target), want.stakeholders);
  });
}
