// Named versions of a document: the `versions` Y.Array of the document doc, append-only, one entry per version
// { id, name, note?, kind?, phase, createdAt, createdBy, createdByName, snapshot, comments?, state? }.
//
// Storage: a version is a Yjs SNAPSHOT of the document (Y.snapshot: state vector + delete set) plus its metadata,
// not a copy of the document. Evidence (`npm run bench -- versions`: the 25,000-word report, 3 scattered edits
// between versions, gc off as every document doc is opened: storage/openDocs, sync/workspaceSync, the server's
// newServerDoc), measured on a shared 2-core machine (minimum of 15 runs, medians are noisy there):
//   - a stored encoded state (the format before issue 12) adds the whole document at every version: 294 KB per
//     version, 29.4 MB for 100 (the doc grows from 302 KB to 29.7 MB: what IndexedDB holds, what the server stores
//     and sends to every replica that joins);
//   - a snapshot adds 761 bytes per version on average (175 for the first: its delete set grows with the
//     document's deletions, not its size), 76 KB for 100 (the doc: 378 KB);
//   - opening (decode the stored doc into a Y.Doc and list the versions): with 100 snapshots 4-10 ms, at the floor
//     (the same doc without versions: 4-5 ms); with 100 stored states 7-144 ms, and encoding the doc (the server's
//     reply to a joining replica, y-indexeddb's compaction) 90 ms against 2 ms. Yjs keeps stored byte arrays as
//     views, so the decode alone stays cheap: the cost of stored states is their bytes, everywhere the doc goes.
//   - the price of snapshots: reading one version (view, restore, compare) rebuilds it with
//     Y.createDocFromSnapshot, 80-160 ms on the report against 40-60 ms for a stored state; paid when a version
//     is opened, never when the document is.
// With 761 bytes a version, the document doc can hold its versions: a companion `.versions` room (a new room kind,
// role policy and provider) would buy nothing the numbers ask for. The content a snapshot names is kept by the
// document itself, since document docs are never garbage collected (`gc: false`).
//   - A doc opened with gc ON cannot keep that promise, so `recordVersion` then stores a full state (the old
//     format) instead; reading either format is the same call. Reading a snapshot version needs the doc opened
//     with gc off (Y.createDocFromSnapshot throws otherwise): open document docs with `{ gc: false }`.
//   - comments: the companion comments doc IS garbage collected (it is opened with gc on), so a snapshot of it
//     could not be rebuilt: a version keeps the comments' compact encoded state, and keeps it IN THE COMMENTS DOC
//     (root `versionComments`, keyed by version id; a version whose comments equal the previous one's stores that
//     version's id instead). Never in the document doc: commenters and viewers read the document doc whole
//     (common/roles.ts), while the server sends them only a projection of the comments doc (its threads and
//     consultation settings, sync-server/commentsProjection.ts, commenterProjection.ts), so comments they may not
//     read (annotations, others' private submissions) never reach them through a version. Entries written before
//     this change carry `comments` in the document doc and are still read.
//   - Old entries (before issue 12: a full `state`, no `kind`, no `note`) are read as they are (migration on
//     read: kind 'phase', since only phase changes recorded versions then).
// Two replicas that each record a version offline both keep theirs: the array is append-only, entries are plain
// values with fresh ids, and each snapshot refers only to content both replicas end up holding.
import * as Y from 'yjs';
import { newId } from '../../../../common/ids';
import { COMMENTS_ROOT, CONSULTATION_ROOT } from '../../../../common/commentsSchema';

export const VERSIONS = 'versions';
/** Root of the COMMENTS doc holding each version's comments: version id -> encoded state, or the id of an earlier
 *  version whose comments were the same. Editors only: the server's projections never copy it. */
export const VERSION_COMMENTS = 'versionComments';

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
  /** the version's comments are in the comments doc (`VERSION_COMMENTS`) */
  commentsKept?: boolean;
}

export type VersionMeta = Omit<VersionEntry, 'state' | 'comments' | 'snapshot' | 'kind'> & { kind: VersionKind; hasComments: boolean; bytes: number };

export const versionsArray = (doc: Y.Doc) => doc.getArray<StoredVersion>(VERSIONS);

/** The doc's current content as one compact update, without the array roots named in `leaveOut` (nor the map roots in `leaveOutMaps`). */
export function captureState(doc: Y.Doc, leaveOut: readonly string[] = [], leaveOutMaps: readonly string[] = []): Uint8Array {
  const scratch = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    scratch.transact(() => {
      for (const name of leaveOut) {
        const root = scratch.getArray(name);
        if (root.length) root.delete(0, root.length);
      }
      for (const name of leaveOutMaps) {
        const root = scratch.getMap(name);
        for (const key of [...root.keys()]) root.delete(key);
      }
    });
    return Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
}

/** JSON with sorted keys: two docs holding the same content give the same string, whatever their history. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** What a comments doc says (its threads and consultation settings), to tell whether two versions' comments are the same. */
const commentsContent = (comments: Y.Doc) => stable([comments.getMap(COMMENTS_ROOT).toJSON(), comments.getMap(CONSULTATION_ROOT).toJSON()]);

function sameComments(live: Y.Doc, state: Uint8Array): boolean {
  const past = new Y.Doc();
  try {
    Y.applyUpdate(past, state);
    return commentsContent(past) === commentsContent(live);
  } finally {
    past.destroy();
  }
}

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
    const kept = versionCommentsMap(opts.comments);
    const previous = [...versionsArray(doc).toArray()].reverse().find((v) => v.commentsKept && kept.has(v.id));
    const previousBytes = previous ? keptComments(opts.comments, previous.id) : undefined;
    const same = !!previous && !!previousBytes && sameComments(opts.comments, previousBytes);
    kept.set(stored.id, same && previous ? previous.id : captureState(opts.comments, [], [VERSION_COMMENTS]));
    stored.commentsKept = true;
  }
  versionsArray(doc).push([stored]);
  return stored;
}

export const versionCommentsMap = (comments: Y.Doc) => comments.getMap<Uint8Array | string>(VERSION_COMMENTS);

/** A version's comments kept in the comments doc (following a shared reference), or undefined. */
function keptComments(comments: Y.Doc, id: string): Uint8Array | undefined {
  const map = versionCommentsMap(comments);
  let value = map.get(id);
  for (let hops = 0; typeof value === 'string' && hops < 1000; hops++) value = map.get(value);
  return value instanceof Uint8Array ? value : undefined;
}

/** A version's comments: in the entry (before they moved to the comments doc) or in `comments` when given. */
function commentsOfEntry(v: StoredVersion, comments: Y.Doc | null | undefined): Uint8Array | undefined {
  if (v.comments) return v.comments;
  if (!v.commentsKept || !comments) return undefined;
  return keptComments(comments, v.id);
}

/** Every version, oldest first, with its metadata (old entries read as phase versions). */
export function listVersions(doc: Y.Doc): VersionMeta[] {
  return versionsArray(doc)
    .toArray()
    .map(({ state, comments, snapshot, commentsKept, kind, ...meta }) => ({
      ...meta,
      kind: kind ?? 'phase',
      hasComments: !!comments || !!commentsKept,
      bytes: (state?.byteLength ?? 0) + (comments?.byteLength ?? 0) + snapshot.byteLength,
    }));
}

/** The content of a version as the doc was when it was taken (rebuilt from its snapshot, or its stored state);
 *  its comments when `comments` (the document's comments doc, as an editor holds it) is given. */
export function readVersion(doc: Y.Doc, id: string, comments?: Y.Doc | null): VersionEntry | null {
  const stored = versionsArray(doc)
    .toArray()
    .find((v) => v.id === id);
  if (!stored) return null;
  const { commentsKept: _kept, comments: _legacy, ...rest } = stored;
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
  const commentsState = commentsOfEntry(stored, comments);
  return { ...rest, kind: stored.kind ?? 'phase', state, ...(commentsState ? { comments: commentsState } : {}) };
}

/** A version of `doc` by id as fresh, unconnected Y.Docs (the snapshot rebuilt once, no re-encoding), or null.
 *  Its comments come from `comments` (null when not given or not kept there, e.g. for a commenter). */
export function openVersionById(doc: Y.Doc, id: string, comments?: Y.Doc | null): { doc: Y.Doc; comments: Y.Doc | null } | null {
  const stored = versionsArray(doc)
    .toArray()
    .find((v) => v.id === id);
  if (!stored) return null;
  const commentsState = commentsOfEntry(stored, comments);
  if (stored.state) return openVersion({ ...stored, state: stored.state, comments: commentsState });
  const past = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(stored.snapshot));
  let pastComments: Y.Doc | null = null;
  if (commentsState) {
    pastComments = new Y.Doc();
    Y.applyUpdate(pastComments, commentsState);
  }
  return { doc: past, comments: pastComments };
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
