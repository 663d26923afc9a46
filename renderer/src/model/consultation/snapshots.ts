// Named versions of a document: the `versions` Y.Array of the document doc, append-only, one entry per version
// { id, name, note?, kind?, phase, createdAt, createdBy, createdByName, snapshot, comments?, state? }.
//
// Storage: a version is a Yjs SNAPSHOT of the document (Y.snapshot: state vector + delete set) plus its metadata,
// not a copy of the document. Evidence (`npm run bench -- versions`, the 25,000-word report, gc off as every
// document doc is opened: storage/openDocs, sync/workspaceSync, sync-server newServerDoc):
//   - a stored encoded state (the format before issue 12) adds the whole document to the doc at every version:
//     ~ the size of the report (hundreds of KB) per version, tens of MB for 100 versions;
//   - a snapshot adds a few hundred bytes (its delete set grows with the document's deletions, not its size);
//   - opening the document decodes every entry of this array: with 100 stored states the open decoded 100
//     copies of the report and grew far beyond the 200 ms open target of issue 13; with 100 snapshots it stays
//     at the floor (the same doc without versions) plus a few ms.
// The content a snapshot names is kept by the document itself, since document docs are never garbage collected
// (`gc: false`). Y.createDocFromSnapshot rebuilds the version on demand (viewing, restoring, comparing): the cost
// is paid when a version is opened, never when the document is.
//   - A doc opened with gc ON cannot keep that promise, so `recordVersion` then stores a full state (the old
//     format) instead; reading either format is the same call.
//   - comments: the companion comments doc IS garbage collected (it is opened with gc on), so a snapshot of it
//     could not be rebuilt; a version keeps the comments' compact encoded state (much smaller than the body;
//     a version whose comments equal the previous version's shares them by reference: `commentsOf`).
//   - Old entries (before issue 12: a full `state`, no `kind`, no `note`) are read as they are (migration on
//     read: kind 'phase', since only phase changes recorded versions then).
// Two replicas that each record a version offline both keep theirs: the array is append-only, entries are plain
// values with fresh ids, and each snapshot refers only to content both replicas end up holding.
import * as Y from 'yjs';
import { newId } from '../../../../common/ids';

export const VERSIONS = 'versions';

export type VersionKind = 'manual' | 'phase' | 'restore';

/** A version with its content materialised: `state` rebuilds it on an empty Y.Doc (`openVersion`). */
export interface VersionEntry {
  id: string;
  name: string;
  /** optional free text the author gave */
  note?: string;
  /** how it was taken; absent on entries written before issue 12 (read as 'phase') */
  kind?: VersionKind;
  phase: string;
  createdAt: number;
  createdBy: string;
  createdByName: string;
  state: Uint8Array;
  comments?: Uint8Array;
  snapshot: Uint8Array;
}

/** What the array holds: new entries carry no `state` (it is rebuilt from `snapshot`). */
export interface StoredVersion extends Omit<VersionEntry, 'state'> {
  state?: Uint8Array;
  /** id of an earlier entry whose `comments` equal this one's */
  commentsOf?: string;
}

export type VersionMeta = Omit<VersionEntry, 'state' | 'comments' | 'snapshot' | 'kind'> & { kind: VersionKind; hasComments: boolean; bytes: number };

export const versionsArray = (doc: Y.Doc) => doc.getArray<StoredVersion>(VERSIONS);

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

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);

/** Appends a version of `doc` (and of `comments`) as they are now; returns the entry as stored (`readVersion` gives its content). */
export function recordVersion(
  doc: Y.Doc,
  opts: { name: string; phase: string; by: { id: string; name: string }; now?: number; comments?: Y.Doc | null; note?: string; kind?: VersionKind },
): StoredVersion {
  const note = opts.note?.trim();
  const stored: StoredVersion = {
    id: newId(),
    name: opts.name.trim() || opts.phase,
    ...(note ? { note } : {}),
    kind: opts.kind ?? 'phase',
    phase: opts.phase,
    createdAt: opts.now ?? Date.now(),
    createdBy: opts.by.id,
    createdByName: opts.by.name,
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
  };
  // A garbage-collected doc drops what a snapshot names: keep the content itself (see the header).
  const state = doc.gc ? captureState(doc, [VERSIONS]) : undefined;
  if (state) stored.state = state;
  if (opts.comments) {
    const comments = captureState(opts.comments);
    const previous = [...versionsArray(doc).toArray()].reverse().find((v) => v.comments);
    if (previous?.comments && sameBytes(previous.comments, comments)) stored.commentsOf = previous.id;
    else stored.comments = comments;
  }
  versionsArray(doc).push([stored]);
  return stored;
}

function commentsOfEntry(doc: Y.Doc, v: StoredVersion): Uint8Array | undefined {
  if (v.comments) return v.comments;
  if (!v.commentsOf) return undefined;
  return versionsArray(doc)
    .toArray()
    .find((o) => o.id === v.commentsOf)?.comments;
}

/** Every version, oldest first, with its metadata (old entries read as phase versions). */
export function listVersions(doc: Y.Doc): VersionMeta[] {
  return versionsArray(doc)
    .toArray()
    .map(({ state, comments, snapshot, commentsOf, kind, ...meta }) => ({
      ...meta,
      kind: kind ?? 'phase',
      hasComments: !!comments || !!commentsOf,
      bytes: (state?.byteLength ?? 0) + (comments?.byteLength ?? 0) + snapshot.byteLength,
    }));
}

/** The content of a version as the doc was when it was taken (rebuilt from its snapshot, or its stored state). */
export function readVersion(doc: Y.Doc, id: string): VersionEntry | null {
  const stored = versionsArray(doc)
    .toArray()
    .find((v) => v.id === id);
  if (!stored) return null;
  const { commentsOf: _shared, ...rest } = stored;
  let state = stored.state;
  if (!state) {
    // createDocFromSnapshot throws on a garbage-collected doc: the content a snapshot names may be gone there.
    const past = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(stored.snapshot));
    try {
      state = captureState(past, [VERSIONS]);
    } finally {
      past.destroy();
    }
  }
  const comments = commentsOfEntry(doc, stored);
  return { ...rest, kind: stored.kind ?? 'phase', state, ...(comments ? { comments } : {}) };
}

/** A version of `doc` by id as fresh, unconnected Y.Docs (the snapshot rebuilt once, no re-encoding), or null. */
export function openVersionById(doc: Y.Doc, id: string): { doc: Y.Doc; comments: Y.Doc | null } | null {
  const stored = versionsArray(doc)
    .toArray()
    .find((v) => v.id === id);
  if (!stored) return null;
  if (stored.state) return openVersion({ ...stored, state: stored.state, comments: commentsOfEntry(doc, stored) });
  const past = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(stored.snapshot));
  const commentsState = commentsOfEntry(doc, stored);
  let comments: Y.Doc | null = null;
  if (commentsState) {
    comments = new Y.Doc();
    Y.applyUpdate(comments, commentsState);
  }
  return { doc: past, comments };
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
