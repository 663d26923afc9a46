import type * as Y from 'yjs';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { bodyToJSON, docBody } from '../model/bodyJson';
import { docFields } from '../model/documentDoc';
import { readPhaseState } from '../model/consultation/phases';
import { openVersionById, recordVersion, type StoredVersion } from '../model/consultation/snapshots';
import { restoreFields } from '../model/versions/restoreFields';
import { ModelError } from '../model/modelError';
import { rapporteurSchema } from '../schema/schema';
import { updateYBody } from './updateYBody';

// Restoring a version is a new change on top of the current state, never a rewind of history:
//   1. the current state is recorded first as an automatic version ("Before restoring <name>", kind 'restore'),
//      so nothing written since is lost;
//   2. the body is rewritten to the version's body with the editor's own write path (`updateYBody`: a block that
//      kept its id keeps its Y element and is edited in place) and the fields with `restoreFields`, in ONE
//      transaction whose origin is the editor's (ySyncPluginKey), which the editor's UndoManager tracks: one
//      Ctrl+Z undoes the whole restore. The caller adds `fields` to that UndoManager's scope (`undoScope`).
// Comments are not rewound (they live in the comments doc and keep their own history).

export interface RestoreOptions {
  by: { id: string; name: string };
  /** name of the automatic version recorded first */
  beforeName: string;
  comments?: Y.Doc | null;
  /** the transaction origin; the editor's UndoManager tracks ySyncPluginKey */
  origin?: unknown;
  now?: number;
}

/** The Y types a restore writes, for the UndoManager's scope (the body is there already). */
export const undoScope = (doc: Y.Doc) => [docBody(doc), docFields(doc)];

/** Restores version `id` of `doc`; returns the automatic version recorded before it. */
export function restoreVersion(doc: Y.Doc, id: string, opts: RestoreOptions): StoredVersion {
  const opened = openVersionById(doc, id);
  if (!opened) throw new ModelError('versions.error.notFound', 'This version no longer exists.');
  opened.comments?.destroy();
  const past = opened.doc;
  try {
    const schema = rapporteurSchema();
    const body = schema.nodeFromJSON(bodyToJSON(past));
    const before = recordVersion(doc, {
      name: opts.beforeName,
      kind: 'restore',
      phase: readPhaseState(doc)?.phase ?? '',
      by: opts.by,
      now: opts.now,
      comments: opts.comments,
    });
    doc.transact(() => {
      updateYBody(doc, docBody(doc), body, { mapping: new Map(), isOMark: new Map() });
      restoreFields(docFields(doc), docFields(past));
    }, opts.origin ?? ySyncPluginKey);
    return before;
  } finally {
    past.destroy();
  }
}
