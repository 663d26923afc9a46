import type { PMNode } from '../model/bodyJson';
import { normalizeHouseStyle } from '../model/houseStyle';
import { isOneOf, DOCUMENT_KINDS } from '../model/kinds';
import { rapporteurSchema } from '../schema/schema';
import type { ExportDocument, ExportInput } from './exportInput';

// The saved-JSON form the CLI's --json reads. Either a full ExportInput
//   { workspace: { name, houseStyle }, stakeholders: [...], documents: [ExportDocument, ...] }
// or the single-document form
//   { workspace, stakeholders, document: ExportDocument }
// where an ExportDocument is { meta: { id, kind, title, date, ... }, body: <ProseMirror JSON doc>, fields?, threads? }.
// Missing optional parts get defaults (house style, empty fields and threads); bodies must fit our schema.

export class InputError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function document(raw: unknown, i: number): ExportDocument {
  if (!isObject(raw)) throw new InputError(`document ${i + 1} is not an object`);
  const meta = isObject(raw.meta) ? raw.meta : {};
  const body = raw.body as PMNode;
  if (!isObject(body) || body.type !== 'doc') throw new InputError(`document ${i + 1} has no body of type "doc"`);
  try {
    rapporteurSchema().nodeFromJSON(body).check();
  } catch (e) {
    throw new InputError(`document ${i + 1}: the body is not valid Rapporteur content (${e instanceof Error ? e.message : String(e)})`);
  }
  const kind = isOneOf(DOCUMENT_KINDS, meta.kind) ? meta.kind : 'draft';
  return {
    meta: {
      id: typeof meta.id === 'string' ? meta.id : `doc${i + 1}`,
      kind,
      title: typeof meta.title === 'string' ? meta.title : '',
      themes: Array.isArray(meta.themes) ? meta.themes.filter((t): t is string => typeof t === 'string') : [],
      date: typeof meta.date === 'string' ? meta.date : '',
      createdAt: typeof meta.createdAt === 'number' ? meta.createdAt : 0,
      createdBy: typeof meta.createdBy === 'string' ? meta.createdBy : '',
      ...(typeof meta.subtype === 'string' ? { subtype: meta.subtype as ExportDocument['meta']['subtype'] } : {}),
    },
    body,
    fields: isObject(raw.fields) ? raw.fields : {},
    threads: Array.isArray(raw.threads) ? (raw.threads as ExportDocument['threads']) : [],
  };
}

export function parseExportJson(text: string): ExportInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(raw)) throw new InputError('expected a JSON object');
  const docs = Array.isArray(raw.documents) ? raw.documents : raw.document !== undefined ? [raw.document] : null;
  if (!docs || !docs.length) throw new InputError('expected "documents" (a list) or "document"');
  const ws = isObject(raw.workspace) ? raw.workspace : {};
  return {
    workspace: { name: typeof ws.name === 'string' ? ws.name : '', houseStyle: normalizeHouseStyle(isObject(ws.houseStyle) ? ws.houseStyle : {}) },
    stakeholders: Array.isArray(raw.stakeholders) ? (raw.stakeholders as ExportInput['stakeholders']).filter(isObject) : [],
    documents: docs.map(document),
  };
}
