// "Do not name" lives on the consolidated reply, in its fields (`doNotName`: Y.Map stakeholder id -> true).
// Why there: naming is a decision about one publication; the facilitator records it while drafting the reply
// that would name the person, it syncs and merges with the reply itself, and the registry's schema (shared
// with every other feature) stays as it is. Each toggle is one map key, so concurrent toggles never conflict.
import * as Y from 'yjs';
import { docFields } from '../documentDoc';

const KEY = 'doNotName';

export function doNotNameSet(doc: Y.Doc): Set<string> {
  const m = docFields(doc).get(KEY);
  if (!(m instanceof Y.Map)) return new Set();
  return new Set([...m.entries()].filter(([, v]) => v === true).map(([k]) => k));
}

export function setDoNotName(doc: Y.Doc, stakeholderId: string, hidden: boolean): void {
  const fields = docFields(doc);
  doc.transact(() => {
    let m = fields.get(KEY);
    if (!(m instanceof Y.Map)) {
      m = new Y.Map<unknown>();
      fields.set(KEY, m);
    }
    const map = m as Y.Map<unknown>;
    if (hidden) map.set(stakeholderId, true);
    else map.delete(stakeholderId);
  });
}
