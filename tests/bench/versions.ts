import * as Y from 'yjs';
import { buildEditorSeed } from './editorSeed';
import { docBody } from '../../renderer/src/model/bodyJson';
import { captureState, listVersions, openVersionById, recordVersion, versionsArray, VERSIONS, type StoredVersion } from '../../renderer/src/model/consultation/snapshots';
import { newId } from '../../common/ids';

// `npm run bench -- versions`: what a named version costs on the 25,000-word report, for the two ways of storing
// one (renderer/src/model/consultation/snapshots.ts explains the choice):
//   states     a self-contained encoded state of the document per version (the format before issue 12)
//   snapshots  a Yjs snapshot (state vector + delete set) per version, the document kept with gc off (the format now)
// Between two versions the report is edited in 3 scattered places (a word typed, a word deleted), as a day's work.
// Figures: bytes added by one version and by 100, and the time to OPEN the document (decode its stored state into a
// fresh gc-off Y.Doc, as y-indexeddb does, and list the versions, as the History panel does) with 100 versions,
// beside the floor: the same document, same edits, no versions. Also the time to read one version (view/restore: openVersionById).

const emit = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ bench: 'versions', ...o })}\n`);
const VERSION_COUNT = 100;
const by = { id: 'bench', name: 'Bench' };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The Y.XmlText nodes of the body (paragraph texts), for scattered edits. */
function texts(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (el: Y.XmlElement | Y.XmlFragment) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(docBody(doc));
  return out.filter((t) => t.length > 20);
}

function edit(doc: Y.Doc, all: Y.XmlText[], next: () => number) {
  for (let i = 0; i < 3; i++) {
    const t = all[Math.floor(next() * all.length)]!;
    const at = Math.floor(next() * (t.length - 10));
    doc.transact(() => {
      t.insert(at, 'revised ');
      t.delete(at + 12, 4);
    });
  }
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

function timeOpen(update: Uint8Array, runs = 15) {
  const times: number[] = [];
  const encodes: number[] = [];
  new Y.Doc({ gc: false }).destroy();
  let versions = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, update);
    versions = listVersions(doc).length;
    times.push(performance.now() - start);
    // What a replica pays to hand the doc on: the server's reply to a joining replica, y-indexeddb's compaction.
    const encodeStart = performance.now();
    Y.encodeStateAsUpdate(doc);
    encodes.push(performance.now() - encodeStart);
    doc.destroy();
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median_ms: median(times), min_ms: r(Math.min(...times)), encode_median_ms: median(encodes), encode_min_ms: r(Math.min(...encodes)), versions };
}

type Mode = 'none' | 'states' | 'snapshots';

function build(base: Uint8Array, mode: Mode) {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, base);
  const next = rng(42);
  const all = texts(doc);
  const sizes: number[] = [];
  let firstId = '';
  for (let i = 0; i < VERSION_COUNT; i++) {
    edit(doc, all, next);
    const before = Y.encodeStateAsUpdate(doc).byteLength;
    if (mode === 'states') {
      // The format before issue 12, as recordVersion wrote it.
      const entry: StoredVersion & { state: Uint8Array } = {
        id: newId(), name: `v${i}`, phase: 'drafting', createdAt: i, createdBy: by.id, createdByName: by.name,
        state: captureState(doc, [VERSIONS]), snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
      };
      versionsArray(doc).push([entry]);
      firstId ||= entry.id;
    } else if (mode === 'snapshots') {
      const v = recordVersion(doc, { name: `v${i}`, kind: 'manual', phase: 'drafting', by });
      firstId ||= v.id;
    }
    if (mode !== 'none') sizes.push(Y.encodeStateAsUpdate(doc).byteLength - before);
  }
  return { doc, update: Y.encodeStateAsUpdate(doc), sizes, firstId };
}

const seed = buildEditorSeed();
const floor = build(seed.docUpdate, 'none');
const floorOpen = timeOpen(floor.update);
emit({ case: 'open-floor', words: seed.words, doc_bytes: floor.update.byteLength, ...floorOpen });

for (const mode of ['states', 'snapshots'] as const) {
  const built = build(seed.docUpdate, mode);
  const open = timeOpen(built.update);
  const added = built.update.byteLength - floor.update.byteLength;
  emit({
    case: `version_bytes-${mode}`,
    words: seed.words,
    version_bytes: Math.round(added / VERSION_COUNT),
    version_bytes_first: built.sizes[0],
    version_bytes_100: added,
    doc_bytes_100: built.update.byteLength,
    floor_doc_bytes: floor.update.byteLength,
  });
  emit({ case: `open-100-versions-${mode}`, words: seed.words, ...open, floor_ms: floorOpen.median_ms, floor_min_ms: floorOpen.min_ms, floor_encode_median_ms: floorOpen.encode_median_ms, doc_bytes: built.update.byteLength });
  const reads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const { doc } = openVersionById(built.doc, built.firstId)!;
    reads.push(performance.now() - start);
    doc.destroy();
  }
  emit({ case: `read-one-version-${mode}`, words: seed.words, runs: 7, median_ms: median(reads), min_ms: Math.round(Math.min(...reads) * 10) / 10, floor_ms: floorOpen.median_ms, floor_min_ms: floorOpen.min_ms });
  built.doc.destroy();
}
