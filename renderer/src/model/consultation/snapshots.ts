// Named versions of a document: the `versions` Y.Array of the document doc, append-only, one entry per
// snapshot { id, name, phase, createdAt, createdBy, createdByName, state, comments?, snapshot }.
//
//   state     a self-contained Yjs update of the document as it was (body and fields; the versions array itself
//             left out, so versions never nest): apply it to an empty Y.Doc to read that version, on any replica,
//             whatever the doc's gc setting. Deleted content is compacted away.
//   comments  the same for the companion comments doc, when given.
//   snapshot  Y.snapshot of the live doc (state vector + delete set, tiny): with gc off, as drafts keep it, it
//             lets Y.createDocFromSnapshot / y-prosemirror show changes since this version.
import * as Y from 'yjs';
import { newId } from '../../../../common/ids';

export const VERSIONS = 'versions';

export interface VersionEntry {
  id: string;
  name: string;
  phase: string;
  createdAt: number;
  createdBy: string;
  createdByName: string;
  state: Uint8Array;
  comments?: Uint8Array;
  snapshot: Uint8Array;
}

export type VersionMeta = Omit<VersionEntry, 'state' | 'comments' | 'snapshot'> & { hasComments: boolean; bytes: number };

export const versionsArray = (doc: Y.Doc) => doc.getArray<VersionEntry>(VERSIONS);

/** The doc's current content as one compact update, without the roots named in `leaveOut`. */
export function captureState(doc: Y.Doc, leaveOut: readonly string[] = []): Uint8Array {
  const scratch = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    scratch.transact(() => {
      for (const name of leaveOut) {
        const root = scratch.getArray(name);
        if (root.length) root.delete(0, root.length);
      }
    });
    return Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
}

/** Appends a version of `doc` (and of `comments`) as they are now. */
export function recordVersion(
  doc: Y.Doc,
  opts: { name: string; phase: string; by: { id: string; name: string }; now?: number; comments?: Y.Doc | null },
): VersionEntry {
  const entry: VersionEntry = {
    id: newId(),
    name: opts.name.trim() || opts.phase,
    phase: opts.phase,
    createdAt: opts.now ?? Date.now(),
    createdBy: opts.by.id,
    createdByName: opts.by.name,
    state: captureState(doc, [VERSIONS]),
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
  };
  if (opts.comments) entry.comments = captureState(opts.comments);
  versionsArray(doc).push([entry]);
  return entry;
}

export function listVersions(doc: Y.Doc): VersionMeta[] {
  return versionsArray(doc)
    .toArray()
    .map(({ state, comments, snapshot, ...meta }) => ({ ...meta, hasComments: !!comments, bytes: state.byteLength + (comments?.byteLength ?? 0) + snapshot.byteLength }));
}

export function readVersion(doc: Y.Doc, id: string): VersionEntry | null {
  return versionsArray(doc)
    .toArray()
    .find((v) => v.id === id) ?? null;
}

/** Fresh, unconnected Y.Docs holding a version (read them with the usual accessors; do not sync them). */
export function openVersion(entry: VersionEntry): { doc: Y.Doc; comments: Y.Doc | null } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, entry.state);
  let comments: Y.Doc | null = null;
  if (entry.comments) {
    comments = new Y.Doc();
    Y.applyUpdate(comments, entry.comments);
  }
  return { doc, comments };
}
