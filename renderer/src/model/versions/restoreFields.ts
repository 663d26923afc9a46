import * as Y from 'yjs';
import { applyTextChange } from '../textDiff';
import { PHASE_FIELDS } from '../consultation/phases';

// Restoring a version's document fields (`fields` Y.Map, model/documentDoc.ts) onto the live document: each field
// that differs is written with the smallest change Yjs allows (a text field by its changed span, a value set, a
// list rebuilt), in the caller's transaction, so the restore is one change on top of the current state. Workflow
// state is not content and is never rewound: the kind, the template flag and the consultation phase and window.

export const FIELDS_KEPT_ON_RESTORE: ReadonlySet<string> = new Set(['kind', 'seeded', ...Object.values(PHASE_FIELDS)]);

const plain = (v: unknown): string => JSON.stringify(v instanceof Y.AbstractType ? v.toJSON() : v) ?? 'undefined';

/** A copy of a value read from another doc, insertable into this one (Y types are cloned). */
function copyOf(v: unknown): unknown {
  return v instanceof Y.AbstractType ? (v as Y.AbstractType<unknown> & { clone(): unknown }).clone() : v;
}

/** Makes `live` hold the fields of `past` (except the kept ones). Call inside a transaction. */
export function restoreFields(live: Y.Map<unknown>, past: Y.Map<unknown>, kept: ReadonlySet<string> = FIELDS_KEPT_ON_RESTORE): void {
  for (const key of [...live.keys()]) if (!kept.has(key) && !past.has(key)) live.delete(key);
  for (const [key, value] of past.entries()) {
    if (kept.has(key)) continue;
    const current = live.get(key);
    if (plain(current) === plain(value)) continue;
    if (current instanceof Y.Text && value instanceof Y.Text) {
      applyTextChange(current, value.toString());
    } else if (current instanceof Y.Array && value instanceof Y.Array) {
      current.delete(0, current.length);
      current.insert(0, value.toArray().map(copyOf));
    } else {
      live.set(key, copyOf(value));
    }
  }
}
