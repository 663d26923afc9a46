// What viewers receive instead of a document's comments doc (common/roles.ts `reads.comments: 'published'`): the
// consultation setting, and once an editor has published dispositions (model/comments/publication.ts) the
// stakeholder comments with their replies, dispositions and responses. Annotations (the drafting team's notes) are
// never sent; an attribution keeps only its public fields (no gender). A changed thread is replaced whole: viewers
// never write, so nothing of theirs depends on the projection's structs.
import * as Y from 'yjs';
import { COMMENTS_ROOT, CONSULTATION_ROOT, ConsultationKey, ThreadKey } from '../common/commentsSchema';
import { PUBLIC_STAKEHOLDER_FIELDS } from '../common/roles';
import { mirrorFlat } from './workspaceProjection';

type Plain = Record<string, unknown>;

function publicAttribution(value: unknown): Plain | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Plain = {};
  for (const f of PUBLIC_STAKEHOLDER_FIELDS) if (f in value) out[f] = (value as Plain)[f];
  return out;
}

function visibleJson(thread: Y.Map<unknown>): Plain {
  const json = thread.toJSON() as Plain;
  if (ThreadKey.attribution in json) json[ThreadKey.attribution] = publicAttribution(json[ThreadKey.attribution]);
  return json;
}

/** JSON with object keys sorted, so two maps with the same content compare equal whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/** Brings `target` in step with what a viewer may see of the comments doc `source`. */
export function mirrorComments(source: Y.Doc, target: Y.Doc): void {
  const settings = source.getMap<unknown>(CONSULTATION_ROOT).toJSON() as Plain;
  const published = typeof settings[ConsultationKey.publishedAt] === 'number';
  const want = new Map<string, Y.Map<unknown>>();
  if (published) {
    source.getMap<Y.Map<unknown>>(COMMENTS_ROOT).forEach((thread, id) => {
      if (thread instanceof Y.Map && thread.get(ThreadKey.purpose) === 'stakeholder') want.set(id, thread);
    });
  }
  target.transact(() => {
    mirrorFlat(target.getMap<unknown>(CONSULTATION_ROOT), settings);
    const threads = target.getMap<Y.Map<unknown>>(COMMENTS_ROOT);
    for (const id of Array.from(threads.keys())) if (!want.has(id)) threads.delete(id);
    for (const [id, thread] of want) {
      const json = visibleJson(thread);
      const current = threads.get(id);
      if (current instanceof Y.Map && canonical(current.toJSON()) === canonical(json)) continue;
      // Filtered before it is inserted: the server keeps deleted content (gc off), so a value set and then
      // overwritten would still be sent.
      const copy = thread.clone();
      if (json[ThreadKey.attribution] !== undefined) copy.set(ThreadKey.attribution, json[ThreadKey.attribution]);
      else copy.delete(ThreadKey.attribution);
      threads.set(id, copy);
    }
  });
}
