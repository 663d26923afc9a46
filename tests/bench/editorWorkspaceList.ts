import type { Browser } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { initWorkspace } from '../../renderer/src/model/workspaceDoc';
import { createDocument } from '../../renderer/src/model/templates';
import { documentDocName, workspaceDocName } from '../../common/rooms';
import { t } from '../../renderer/src/i18n';
import { b64, sleep, type PageLib } from './editorPage';
import { percentile, round, summary } from './editorStats';
import { TRACE_CATEGORIES } from './editorProfile';
import { generateDraftBody } from '../fixtures/generateComments';
import { bodySnapshot } from '../../renderer/src/model/derive';
import { countWords } from '../../renderer/src/model/bodyJson';

// The editor bench's `workspace_list_cold` line: a workspace of 500 documents (each stored in its own
// y-indexeddb database, its catalog row built by the app's own rebuild), then cold starts (a fresh page loading
// the workspace's document list URL): navigation start -> the list showing all 500 rows with the catalog's word
// counts (median_ms, p95_ms), and -> the list as shown in a 1280x900 window: the rows down to its bottom edge, each
// with its count (shown_*). Proof that no document's Y.Doc is loaded: every `indexedDB.open` of the page is recorded from before the
// app runs, and the line reports how many opened a document database (`doc.<ws>.*`) up to 1 s after the list.
// Floor in the same run: reading the workspace's catalog rows from IndexedDB alone (the store of the Dexie
// table the list's live query reads), in a fresh page.

const DOCS = 500;
/** Paragraphs per document (about 33 words each): 45 give a meeting summary of about 1,500 words. */
const PARAGRAPHS = Number(process.env.BENCH_LIST_PARAGRAPHS ?? 45);
const TARGET_P95_MS = 300;
const WS_ID = 'benchlist';
const WS_NAME = 'List bench workspace';

function buildSeed() {
  const now = Date.UTC(2025, 4, 1);
  const ws = new Y.Doc();
  initWorkspace(ws, { name: WS_NAME, description: 'Seeded by tests/bench/editorWorkspaceList.ts' }, now);
  const docs: Array<{ name: string; update: string }> = [];
  let words = 0;
  for (let i = 0; i < DOCS; i++) {
    const doc = new Y.Doc({ gc: false });
    const id = `d${String(i).padStart(4, '0')}`;
    const text = `Document ${i} of the list bench.`;
    createDocument(
      ws,
      () => doc,
      { kind: 'draft', title: `List bench document ${i}`, subtype: 'output-report', date: '2025-06-12' },
      { t, createdBy: 'bench', id, now: now + i, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
    );
    generateDraftBody(doc, { paragraphs: PARAGRAPHS, seed: i + 1 });
    words += countWords(bodySnapshot(doc).text);
    docs.push({ name: documentDocName(WS_ID, id), update: b64(Y.encodeStateAsUpdate(doc)) });
  }
  return { ws: b64(Y.encodeStateAsUpdate(ws)), docs, wordsPerDocument: Math.round(words / DOCS) };
}

/** Init script: records the name of every IndexedDB database the page opens, and arms the list probe on a list URL. */
function listProbe(args: { docs: number }) {
  const w = window as unknown as Record<string, unknown>;
  w.__name = (f: unknown) => f;
  const opens: string[] = [];
  w.__idbOpens = opens;
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name: string, version?: number) => {
    opens.push(name);
    return version === undefined ? open(name) : open(name, version);
  };
  if (!/^#\/w\/[^/]+$/.test(location.hash)) return;
  w.__listShown = new Promise((resolve) => {
    // Phases of the start (ms from navigation start): the app's first render, and all rows in the DOM before
    // the catalog's word counts arrive.
    const phases: Record<string, number> = {};
    // word counts come from the catalog rows (the workspace doc alone gives 0)
    const counted = (r: Element) => (r.querySelector('td.num')?.textContent ?? '0').replace(/\D/g, '') !== '0';
    // The check runs once per frame, in requestAnimationFrame: what it sees is what that frame paints, and the
    // layout it reads is the one the frame does next anyway. (Checking on every DOM mutation forced a layout of
    // the list after each React commit, and added that to the figure.) A task posted from a frame callback runs
    // once that frame has painted.
    const afterThisFrame = (then: (painted: number) => void) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    };
    let scheduled = false;
    const check = () => {
      scheduled = false;
      if (phases.first_render === undefined && document.getElementById('root')?.firstChild) phases.first_render = performance.now();
      const rows = document.querySelectorAll('table.data-table tbody tr');
      // The list shown: the rows down to the window's bottom edge (or all of them) are in, each with its count.
      if (phases.shown_ready === undefined && rows.length > 0) {
        const last = rows[rows.length - 1]!;
        const inView = [...rows].filter((r) => r.getBoundingClientRect().top < innerHeight);
        if ((rows.length >= args.docs || last.getBoundingClientRect().bottom >= innerHeight) && inView.every(counted)) {
          phases.shown_ready = performance.now();
          afterThisFrame((t) => (phases.shown = t));
        }
      }
      if (rows.length >= args.docs && phases.rows === undefined) phases.rows = performance.now();
      if (rows.length < args.docs) return;
      if ([...rows].filter(counted).length < args.docs) return;
      observer.disconnect();
      const ready = performance.now();
      afterThisFrame((painted) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        phases.dom_content_loaded = nav?.domContentLoadedEventEnd ?? 0;
        // the start's scripts (not the editor's chunks, loaded once the start is idle)
        const scripts = performance.getEntriesByType('resource').filter((e) => (e.name.endsWith('.js') || (e as PerformanceResourceTiming).initiatorType === 'script') && e.startTime < phases.dom_content_loaded!);
        phases.scripts_loaded = Math.max(0, ...scripts.map((e) => (e as PerformanceResourceTiming).responseEnd));
        resolve({ ready, painted, rows: rows.length, phases });
      });
    };
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(check);
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

export async function measureWorkspaceList(browser: Browser, base: string, runs: number, log: (m: string) => void): Promise<Record<string, unknown>> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(180_000);
  await context.addInitScript(listProbe, { docs: DOCS });
  try {
    log(`workspace list: seeding ${DOCS} documents`);
    const s = buildSeed();
    const page = await context.newPage();
    await page.goto(`${base}/#/`);
    await page.waitForSelector('#root *');
    await page.evaluate(
      async ({ s, wsName, row }) => {
        const lib = (await import('/__bench/lib.js' as string)) as PageLib;
        const bytes = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
        await lib.seedDocDb(wsName, [bytes(s.ws)]);
        for (const d of s.docs) await lib.seedDocDb(d.name, [bytes(d.update)]);
        await lib.putWorkspaceRow(row);
        await lib.deletePref('catalogVersion'); // the next start rebuilds the catalog from the Y.Docs, as after an upgrade
      },
      { s, wsName: workspaceDocName(WS_ID), row: { id: WS_ID, name: WS_NAME, lastOpenedAt: Date.now() } },
    );
    await page.close();
    log('workspace list: the app builds the catalog rows (one start)');
    const warm = await context.newPage();
    await warm.goto(`${base}/#/w/${WS_ID}`);
    await warm.evaluate(() => (window as unknown as { __listShown: Promise<unknown> }).__listShown);
    await sleep(1000);
    await warm.close();

    log(`workspace list: cold start x${runs}, catalog read floor x${runs}`);
    const cold: Array<{ ready: number; painted: number; docOpens: number; opens: number; phases: Record<string, number> }> = [];
    const floor: number[] = [];
    let floorRows = 0;
    for (let i = 0; i < runs; i++) {
      const p = await context.newPage();
      await p.goto(`${base}/#/w/${WS_ID}`);
      const r = (await p.evaluate(() => (window as unknown as { __listShown: Promise<{ ready: number; painted: number; phases: Record<string, number> }> }).__listShown)) as { ready: number; painted: number; phases: Record<string, number> };
      await sleep(1000); // anything the start does just after the list shows (debounced indexing) counts too
      const opens = (await p.evaluate(() => (window as unknown as { __idbOpens: string[] }).__idbOpens)) as string[];
      cold.push({ ...r, opens: opens.length, docOpens: opens.filter((n) => n.startsWith(`doc.${WS_ID}.`)).length });
      await p.close();
      const f = await context.newPage();
      await f.goto(`${base}/__bench/bare.html`);
      await f.evaluate(() => import('/__bench/lib.js' as string));
      const fr = (await f.evaluate(async (ws) => ((await import('/__bench/lib.js' as string)) as PageLib).catalogRowsRead(ws), WS_ID)) as { ms: number; rows: number };
      floor.push(fr.ms);
      floorRows = fr.rows;
      await f.close();
    }
    if (process.env.BENCH_LIST_TRACE) {
      // one more cold start, not counted: its Chrome trace (timeline, V8 compile and CPU profile) for reading; the
      // timeline alone with BENCH_LIST_TRACE_LIGHT (the profiler's sampling slows the start it records)
      const p = await context.newPage();
      const profiler = process.env.BENCH_LIST_TRACE_LIGHT ? [] : ['disabled-by-default-v8.compile', 'disabled-by-default-v8.cpu_profiler'];
      await browser.startTracing(p, { categories: [...TRACE_CATEGORIES, ...profiler, 'loading'] });
      await p.goto(`${base}/#/w/${WS_ID}`);
      await p.evaluate(() => (window as unknown as { __listShown: Promise<unknown> }).__listShown);
      await sleep(300);
      writeFileSync(process.env.BENCH_LIST_TRACE, await browser.stopTracing());
      await p.close();
      log(`workspace list: trace of one more cold start in ${process.env.BENCH_LIST_TRACE}`);
    }
    const painted = cold.map((c) => c.painted);
    return {
      bench: 'workspace_list_cold',
      from: `navigation start (fresh page on the workspace's document list) -> all ${DOCS} rows with catalog word counts, painted`,
      documents: DOCS,
      words_per_document: s.wordsPerDocument,
      ...summary(painted),
      dom_p95_ms: round(percentile(cold.map((c) => c.ready), 95)),
      // the list as the person sees it: every row down to the window's bottom edge (1280x900) in, with its count, painted
      shown_median_ms: round(percentile(cold.map((c) => c.phases.shown ?? NaN), 50)),
      shown_p95_ms: round(percentile(cold.map((c) => c.phases.shown ?? NaN), 95)),
      phases_median_ms: Object.fromEntries(['scripts_loaded', 'dom_content_loaded', 'first_render', 'shown', 'rows'].map((k) => [k, round(percentile(cold.map((c) => c.phases[k] ?? NaN), 50))])),
      doc_ydoc_loads_max: Math.max(...cold.map((c) => c.docOpens)),
      idb_opens_per_start: Math.max(...cold.map((c) => c.opens)),
      floor: 'IndexedDB read of the catalog rows by workspaceId (the Dexie table the list reads), fresh page',
      floor_catalog_rows: floorRows,
      floor_p95_ms: round(percentile(floor, 95)),
      floor_median_ms: round(percentile(floor, 50)),
      ratio_p95: round(percentile(painted, 95) / percentile(floor, 95), 1),
      shown_ratio_p95: round(percentile(cold.map((c) => c.phases.shown ?? NaN), 95) / percentile(floor, 95), 1),
      target_p95_ms: TARGET_P95_MS,
    };
  } finally {
    await context.close();
  }
}
