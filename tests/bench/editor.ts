// Editor benchmark: the real web build in Debian's Chromium, a generated 25,000-word report (50 sections,
// tables, lists) seeded into IndexedDB as a real workspace and document. Prints one JSON line per figure group:
//   editor_seed          what was seeded
//   editor_open          open from IndexedDB to an editable editor showing the report's last block, from the
//                        route change (document list -> document), fresh page each run
//   editor_open_cpu      the renderer main thread's CPU time for that open (trace thread time): its cost
//                        without the waiting for a core that a loaded machine adds to the wall-clock figure
//   editor_open_cold     the same from navigation start (reload on the document's hash), fresh page each run
//   editor_yjs_decode    Y.applyUpdate of the same stored state in the page (the floor), plus the IndexedDB read
//                        and the Yjs -> ProseMirror conversion
//   editor_keystroke     keydown -> next frame, 200 keystrokes typed in the middle section, the workspace connected
//                        to a sync server with 3 stock peers on the report (their carets in it) and 200 comment
//                        threads highlighted (the bare editor: none of that, by definition)
//   editor_keystroke_cpu the main thread's CPU time per keystroke (60 more keystrokes, traced)
//   editor_idb_growth    store growth after 20 edit-free opens: the app's persistence vs stock y-indexeddb
//   editor_heap          renderer heap after BENCH_HEAP_OPENS (50) opens and closes, last / first, with the heap
//                        snapshots' split into V8 code and everything else (BENCH_HEAP_SNAPSHOT=0: no snapshots)
//   editor_heap_in_page  the same loop driven inside the page (no per-iteration CDP calls), and the CDP loop's
//                        instrumentation alone as a control
//   editor_heap_diff     what grew between the first and the last close, by constructor (from the snapshots)
//   editor_open_comments open of a draft with 2,000 comments (editable + highlights), beside the same body without
//                        comments and the comments doc's decode (editorComments.ts)
//   workspace_list_cold  500-document workspace, cold start -> list shown, document Y.Doc loads counted, beside the
//                        catalog rows' IndexedDB read (editorWorkspaceList.ts)
//   editor_remote_edit   stock y-websocket peer -> real sync server -> painted in the app, beside the transport
//                        alone (editorRemote.ts)
// BENCH_EDITOR_ONLY=heap,comments,list,remote,keystroke runs only those parts (while iterating).
//   editor_profile_*     where the time goes (CPU profile and trace), printed when a target is missed
//   editor_experiment    (BENCH_EXPERIMENTS=1) the profile's suggestions measured on patched builds
//   editor_machine       cores and load average: on a shared machine, read the figures with these
// Figures are reported against their targets, never asserted.

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEditorSeed, DOC_TITLE, TABLE_END_DOC_ID, WORKSPACE_ID, type EditorSeed } from './editorSeed';
import { b64, buildPageLib, docHash, openBare, openCold, openFromList, probe, ROOT, seed, sleep, storeSize, writeBarePage, type OpenResult, type PageLib } from './editorPage';
import { startStaticServer, type StaticServer } from './editorServer';
import { percentile, round, summary } from './editorStats';
import { mainThreadPerWindow, profileOpen, profileKeystrokes, TRACE_CATEGORIES_LIGHT } from './editorProfile';
import { runExperiments } from './editorExperiments';
import { measureCommentsOpen, profileCommentsOpen } from './editorComments';
import { measureNewDeviceOpen } from './editorNewDevice';
import { measureWorkspaceList } from './editorWorkspaceList';
import { connectedSession, measureRemoteEdit, TYPING_SESSION } from './editorRemote';

/** BENCH_WEB_ROOT: another web build to measure (e.g. an earlier commit's, for before/after figures) */
const WEB_ROOT = process.env.BENCH_WEB_ROOT ?? join(ROOT, 'dist/web');
// 20: with 9, the nearest-rank p95 was the slowest run, and one stall on this shared machine decided it.
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 20);
const GROWTH_OPENS = 20;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
/** one keystroke every 100 ms: a fast typist's steady rate */
const KEY_INTERVAL_MS = 100;
const TRACED_OPENS = 5;
const TRACED_KEYSTROKES = 60;
const EXPERIMENT_KEYSTROKES = Number(process.env.BENCH_EXPERIMENT_KEYSTROKES ?? 100);
const TARGETS = { open_p95_ms: 200, keystroke_p95_ms: 16, growth_bytes: 0 };

const log = (msg: string) => process.stderr.write(`[editor-bench] ${msg}\n`);
const emit = (obj: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(obj)}\n`);

async function verifyOpen(context: BrowserContext, base: string, s: EditorSeed) {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  const listed = await page.getByText(DOC_TITLE).first().isVisible({ timeout: 15_000 }).catch(() => false);
  await page.close();
  const { page: docPage } = await openCold(context, base);
  const check = await docPage.evaluate(
    ({ middle, last }) => {
      const pm = document.querySelector('.ProseMirror[contenteditable="true"]');
      const text = pm?.textContent ?? '';
      return {
        editable: !!pm,
        hasMiddle: text.includes(middle),
        hasLast: text.includes(last),
        h1: pm?.querySelectorAll('h1').length ?? 0,
        tables: pm?.querySelectorAll('table').length ?? 0,
        lists: pm?.querySelectorAll('ul, ol').length ?? 0,
        title: document.title,
      };
    },
    { middle: s.middleHeading, last: s.lastBlockText },
  );
  await docPage.close();
  return { listed, ...check };
}

async function measureDecode(context: BrowserContext, base: string, s: EditorSeed) {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  await page.getByText(DOC_TITLE).first().waitFor();
  await sleep(500);
  const r = await page.evaluate(
    async ({ docName, runs }) => {
      const lib = (await import('/__bench/lib.js' as string)) as PageLib;
      const updates = await lib.readUpdates(docName);
      const decode: number[] = [];
      const idb: number[] = [];
      const yToPm: number[] = [];
      let nodes = 0;
      lib.decodeMs(updates); // warm-up: the first run also compiles the decoder
      for (let i = 0; i < runs; i++) decode.push(lib.decodeMs(updates));
      for (let i = 0; i < runs; i++) idb.push(await lib.idbReadMs(docName));
      for (let i = 0; i < Math.min(runs, 5); i++) {
        const c = lib.yToPmMs(updates);
        yToPm.push(c.ms);
        nodes = c.nodes;
      }
      return { decode, idb, yToPm, nodes, rows: updates.length, bytes: updates.reduce((n: number, u: Uint8Array) => n + u.byteLength, 0) };
    },
    { docName: s.docName, runs: OPEN_RUNS },
  );
  await page.close();
  return r;
}

const { peers: PEERS, comments: TYPING_COMMENTS } = TYPING_SESSION;

async function measureKeystrokes(browser: Browser, context: BrowserContext, base: string, s: EditorSeed, bare = false, afterOpen?: () => Promise<unknown>) {
  const { page } = bare ? await openBare(context, base, s.docName) : await openCold(context, base);
  await afterOpen?.();
  await sleep(2000); // let the debounced start-up work (word count, catalog index) finish before typing
  const shown = await page.evaluate(() => ({
    carets: document.querySelectorAll('.ProseMirror .collaboration-carets__caret').length,
    highlights: document.querySelectorAll('.ProseMirror [data-thread]').length,
    numbers: document.querySelectorAll('.ProseMirror [data-para]').length,
  }));
  const heading = page.locator('.ProseMirror h1', { hasText: s.middleHeading }).first();
  const paragraph = heading.locator('xpath=following-sibling::p[1]');
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  const caretInside = await paragraph.evaluate((p) => {
    const sel = document.getSelection();
    return !!sel?.anchorNode && p.contains(sel.anchorNode);
  });
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const keys: Array<{ raf: number; paint: number }> = [];
    const events: Array<{ name: string; duration: number }> = [];
    w.__benchKeys = keys;
    w.__benchEvents = events;
    window.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        performance.mark('key-start');
        w.__benchKeyPending = new Promise((resolve) => {
          // rAF runs after the keydown, the input and ProseMirror's DOM observer (and so the Yjs write) are done;
          // the message after it runs once the frame's style, layout and paint are done.
          requestAnimationFrame(() => {
            const raf = performance.now() - t0;
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const rec = { raf, paint: performance.now() - t0 };
              performance.mark('key-end');
              keys.push(rec);
              resolve(rec);
            };
            channel.port2.postMessage(null);
          });
        });
      },
      { capture: true },
    );
    // Event Timing as a cross-check (it reports only events of 16 ms or more, rounded to 8 ms).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) events.push({ name: e.name, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  const text = 'the quick brown fox jumps over the lazy dog ';
  let typed = '';
  const typeKeys = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const started = Date.now();
      const ch = text[typed.length % text.length];
      typed += ch;
      await page.keyboard.type(ch);
      await page.evaluate(() => (window as unknown as { __benchKeyPending: Promise<unknown> }).__benchKeyPending);
      const wait = KEY_INTERVAL_MS - (Date.now() - started);
      if (wait > 0) await sleep(wait);
    }
  };
  await typeKeys(KEYSTROKES);
  await sleep(300);
  const r = await page.evaluate(() => {
    const w = window as unknown as { __benchKeys: Array<{ raf: number; paint: number }>; __benchEvents: Array<{ name: string; duration: number }> };
    return { keys: [...w.__benchKeys], events: [...w.__benchEvents] };
  });
  // Then more keystrokes under a trace, for the main thread's CPU time per keystroke (robust to a loaded machine).
  await browser.startTracing(page, { categories: TRACE_CATEGORIES_LIGHT });
  await typeKeys(TRACED_KEYSTROKES);
  await sleep(200);
  const trace = (await browser.stopTracing()).toString('utf8');
  if (process.env.BENCH_KEYSTROKE_TRACE) writeFileSync(`${process.env.BENCH_KEYSTROKE_TRACE}-${bare ? 'bare' : 'app'}-${s.words}.json`, trace);
  const cpu = mainThreadPerWindow(trace, 'key-start', 'key-end');
  const landed = (await paragraph.textContent())?.includes(typed.slice(0, 40)) ?? false;
  await page.close();
  return { ...r, cpu, caretInside, landed, shown };
}

/** Our keystrokes under the conditions (a connected session: PEERS peers, TYPING_COMMENTS comments), then the bare editor's in `context`. */
async function typeBoth(browser: Browser, context: BrowserContext, base: string, s: EditorSeed) {
  const session = await connectedSession(browser, base, s, TYPING_SESSION);
  try {
    const keys = await measureKeystrokes(browser, session.context, base, s, false, async () => {
      if (!(await session.peersHoldReport())) throw new Error('typing: the report never reached the peers through the sync server');
    });
    const bareKeys = await measureKeystrokes(browser, context, base, s, true);
    return { keys, bareKeys };
  } finally {
    await session.close();
  }
}

/** What the typing page showed: the conditions the keystroke lines are measured under. */
const typingConditions = (keys: Awaited<ReturnType<typeof measureKeystrokes>>) => ({
  peers: PEERS,
  remote_carets_in_dom: keys.shown.carets,
  comment_threads: TYPING_COMMENTS,
  highlights_in_dom: keys.shown.highlights,
  paragraph_numbers_in_dom: keys.shown.numbers,
});

async function measureGrowth(context: BrowserContext, base: string, s: EditorSeed) {
  const probePage = await context.newPage();
  await probePage.goto(`${base}/#/`);
  const before = await storeSize(probePage, s.docName);
  const wsBefore = await storeSize(probePage, s.wsName);
  const cold: OpenResult[] = [];
  for (let i = 0; i < GROWTH_OPENS; i++) {
    const { result, page } = await openCold(context, base);
    cold.push(result);
    await sleep(1000); // whatever an open would write (plugins appending on load, debounced work) happens here
    await page.close();
  }
  const after = await storeSize(probePage, s.docName);
  const wsAfter = await storeSize(probePage, s.wsName);

  // The short document ending with a table, opened the same way.
  const tableBefore = await storeSize(probePage, s.tableEnd.docName);
  for (let i = 0; i < GROWTH_OPENS; i++) {
    const page = await context.newPage();
    await page.goto(`${base}/#/w/${WORKSPACE_ID}/d/${TABLE_END_DOC_ID}`);
    await page.locator('.ProseMirror[contenteditable="true"] table').first().waitFor();
    await sleep(1000);
    await page.close();
  }
  const tableAfter = await storeSize(probePage, s.tableEnd.docName);

  // Stock y-indexeddb, same page, same state in copies of the store (so the app's store is left as it is).
  const stock = await probePage.evaluate(
    async ({ doc, name, times }) => {
      const lib = (await import('/__bench/lib.js' as string)) as PageLib;
      const update = Uint8Array.from(atob(doc), (c) => c.charCodeAt(0));
      const fresh = `bench-stock.${name}`;
      const preloaded = `bench-stock-preloaded.${name}`;
      await lib.seedDocDb(fresh, [update]);
      await lib.seedDocDb(preloaded, [update]);
      const freshBefore = await lib.storeSize(fresh);
      const freshMs = await lib.stockOpens(fresh, times);
      const freshAfter = await lib.storeSize(fresh);
      const preBefore = await lib.storeSize(preloaded);
      const preMs = await lib.stockOpens(preloaded, times, [update]);
      const preAfter = await lib.storeSize(preloaded);
      return { freshBefore, freshAfter, freshMs, preBefore, preAfter, preMs };
    },
    { doc: b64(s.docUpdate), name: s.docName, times: GROWTH_OPENS },
  );
  await probePage.close();
  return { before, after, wsBefore, wsAfter, tableBefore, tableAfter, cold, stock };
}

/** `runs` route changes to the document from the list, each followed by the bare editor's open of `docName` (interleaved: a load swing falls on both). */
async function openBoth(context: BrowserContext, base: string, docName: string, runs: number): Promise<{ route: OpenResult[]; bare: OpenResult[] }> {
  const route: OpenResult[] = [];
  const bare: OpenResult[] = [];
  for (let i = 0; i < runs; i++) {
    const ours = await openFromList(context, base);
    route.push(ours.result);
    await ours.page.close();
    const floor = await openBare(context, base, docName);
    bare.push(floor.result);
    await floor.page.close();
  }
  return { route, bare };
}

/**
 * The 100,000-word case (a book-length annex compilation): the same open and keystroke figures with their
 * bare-editor floors, in a context of its own seeded with the long document. Lines `editor_100k_*`.
 */
async function measureBook(browser: Browser, base: string): Promise<Array<Record<string, unknown>>> {
  log('100,000-word case: seeding');
  const s = buildEditorSeed(100_000);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  await context.addInitScript(probe, s.lastBlockText);
  try {
    await seed(context, base, s);
    const runs = Math.max(3, Math.ceil(OPEN_RUNS / 2));
    log(`100,000-word case: open x${runs}, bare x${runs}`);
    const { route, bare } = await openBoth(context, base, s.docName, runs);
    log('100,000-word case: keystrokes, then the bare editor');
    const { keys, bareKeys } = await typeBoth(browser, context, base, s);
    const p95 = (xs: number[]) => percentile(xs, 95);
    const paint = keys.keys.map((k) => k.paint);
    const barePaint = bareKeys.keys.map((k) => k.paint);
    const cpu = keys.cpu.map((x) => x.cpuMs);
    const bareCpu = bareKeys.cpu.map((x) => x.cpuMs);
    return [
      { bench: 'editor_100k_seed', words: s.words, sections: s.sections, doc_update_bytes: s.docUpdate.byteLength },
      {
        bench: 'editor_100k_open',
        from: 'route change (document list -> document), fresh page each',
        ...summary(route.map((r) => r.ready)),
        painted_p95_ms: round(p95(route.map((r) => r.painted))),
        bare_p95_ms: round(p95(bare.map((r) => r.painted))),
        ratio_p95: round(p95(route.map((r) => r.painted)) / p95(bare.map((r) => r.painted)), 2),
      },
      {
        bench: 'editor_100k_keystroke',
        keystrokes: paint.length,
        p95_ms: round(p95(paint)),
        median_ms: round(percentile(paint, 50)),
        bare_p95_ms: round(p95(barePaint)),
        ratio_p95: round(p95(paint) / p95(barePaint), 2),
        cpu_p95_ms: round(p95(cpu)),
        bare_cpu_p95_ms: round(p95(bareCpu)),
        text_landed: keys.landed,
        ...typingConditions(keys),
      },
    ];
  } finally {
    await context.close();
  }
}

const HEAP_OPENS = Number(process.env.BENCH_HEAP_OPENS ?? 50);
/** BENCH_HEAP_SNAPSHOT=0 turns off the heap snapshots after the first and the last close, compared by constructor */
const HEAP_SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOT !== '0';

/** A heap snapshot through CDP, reduced to live object count and self size per constructor name. */
async function constructorCounts(cdp: import('playwright-core').CDPSession): Promise<Map<string, { count: number; size: number }>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  if (process.env.BENCH_HEAP_DUMP) (await import('node:fs')).writeFileSync(`${process.env.BENCH_HEAP_DUMP}-${Date.now()}.heapsnapshot`, chunks.join(''));
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [ti, ni, si] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + ti]!]!;
    const total = out.get(`[${type}]`) ?? { count: 0, size: 0 };
    total.count++;
    total.size += snap.nodes[i + si]!;
    out.set(`[${type}]`, total);
    if (type !== 'object' && type !== 'closure' && type !== 'native') continue;
    const name = `${type === 'closure' ? 'fn ' : type === 'native' ? 'native ' : ''}${snap.strings[snap.nodes[i + ni]!]}`;
    const e = out.get(name) ?? { count: 0, size: 0 };
    e.count++;
    e.size += snap.nodes[i + si]!;
    out.set(name, e);
  }
  return out;
}

/**
 * Renderer heap after opening and closing the report HEAP_OPENS times in one page (route changes list -> doc ->
 * list), after a forced GC each time: the figure is the last heap over the heap after the first open.
 */
async function measureHeap(context: BrowserContext, base: string) {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  await page.getByText(DOC_TITLE).first().waitFor();
  await sleep(500);
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const before = await heap();
  const after: number[] = [];
  const snapshots: Array<Map<string, { count: number; size: number }>> = [];
  for (let i = 0; i < HEAP_OPENS; i++) {
    await page.evaluate((hash) => {
      const w = window as unknown as { __benchEditorReady: (t0: number) => Promise<unknown> };
      const ready = w.__benchEditorReady(performance.now());
      location.hash = hash;
      return ready;
    }, docHash);
    await sleep(300);
    await page.evaluate((hash) => (location.hash = hash), `#/w/${WORKSPACE_ID}`);
    await page.getByText(DOC_TITLE).first().waitFor();
    await sleep(200);
    after.push(await heap());
    if (HEAP_SNAPSHOTS && (i === 0 || i === HEAP_OPENS - 1)) snapshots.push(await constructorCounts(cdp));
  }
  await cdp.detach();
  await page.close();
  let diff: Array<Record<string, unknown>> | undefined;
  let split: { code_first_mb: number; code_last_mb: number; other_first_mb: number; other_last_mb: number; ratio_without_code: number } | undefined;
  if (snapshots.length === 2) {
    const totals = (m: Map<string, { count: number; size: number }>) => {
      let all = 0;
      for (const [k, v] of m) if (k.startsWith('[')) all += v.size;
      return { all, code: m.get('[code]')?.size ?? 0 };
    };
    const [f, l] = snapshots.map(totals) as [{ all: number; code: number }, { all: number; code: number }];
    const mb = (x: number) => round(x / 2 ** 20, 2);
    split = { code_first_mb: mb(f.code), code_last_mb: mb(l.code), other_first_mb: mb(f.all - f.code), other_last_mb: mb(l.all - l.code), ratio_without_code: round((l.all - l.code) / (f.all - f.code), 3) };
    const [a, b] = snapshots as [Map<string, { count: number; size: number }>, Map<string, { count: number; size: number }>];
    diff = [...b]
      .map(([name, v]) => ({ name, count_first: a.get(name)?.count ?? 0, count_last: v.count, grew_bytes: v.size - (a.get(name)?.size ?? 0) }))
      .filter((d) => d.count_last > d.count_first)
      .sort((x, y) => y.grew_bytes - x.grew_bytes)
      .slice(0, 25);
  }
  return { before, after, diff, split };
}

/**
 * The same opens and closes driven from inside the page by one evaluate (gc() exposed by --js-flags=--expose-gc,
 * precise performance.memory): no per-iteration Playwright/CDP calls, whose compiled code the page keeps and which
 * the CDP-driven loop above counts as heap growth. Then the same count of the CDP loop's per-iteration evaluate and
 * waitFor calls with no document opened (the instrumentation alone), measured by CDP as above.
 */
async function measureHeapInPage(context: BrowserContext, base: string) {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  await page.getByText(DOC_TITLE).first().waitFor();
  await sleep(500);
  const inPage = (await page.evaluate(
    async ({ docHash, listHash, title, n }) => {
      const w = window as unknown as { gc?: () => void; __benchEditorReady: (t0: number) => Promise<unknown> };
      if (!w.gc) throw new Error('gc() not exposed: launch Chromium with --js-flags=--expose-gc');
      const mem = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
      const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const heap = async () => {
        await pause(50);
        w.gc!();
        w.gc!();
        return mem();
      };
      const listShown = () =>
        new Promise<void>((resolve) => {
          const ok = () => !document.querySelector('.ProseMirror') && (document.body.textContent ?? '').includes(title);
          if (ok()) return resolve();
          const o = new MutationObserver(() => {
            if (!ok()) return;
            o.disconnect();
            resolve();
          });
          o.observe(document, { childList: true, subtree: true, characterData: true });
        });
      const before = await heap();
      const after: number[] = [];
      for (let i = 0; i < n; i++) {
        const ready = w.__benchEditorReady(performance.now());
        location.hash = docHash;
        await ready;
        await pause(300);
        location.hash = listHash;
        await listShown();
        await pause(200);
        after.push(await heap());
      }
      return { before, after };
    },
    { docHash, listHash: `#/w/${WORKSPACE_ID}`, title: DOC_TITLE, n: HEAP_OPENS },
  )) as { before: number; after: number[] };
  // The CDP loop's instrumentation alone: the same calls per iteration, the list stays on screen.
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const control: number[] = [];
  for (let i = 0; i < HEAP_OPENS; i++) {
    await page.evaluate((hash) => {
      const w = window as unknown as { __benchControl?: string };
      w.__benchControl = hash;
      return Promise.resolve(null);
    }, docHash);
    await sleep(300);
    await page.evaluate((hash) => ((window as unknown as { __benchControl?: string }).__benchControl = hash), `#/w/${WORKSPACE_ID}`);
    await page.getByText(DOC_TITLE).first().waitFor();
    await sleep(200);
    control.push(await heap());
  }
  await cdp.detach();
  await page.close();
  return { inPage, control };
}

async function reportHeap(context: BrowserContext, base: string) {
    log(`heap: ${HEAP_OPENS} opens and closes`);
    const heap = await measureHeap(context, base);
    emit({
      bench: 'editor_heap',
      measure: `renderer JS heap after a forced GC, the report opened and closed ${HEAP_OPENS} times by route changes`,
      list_mb: round(heap.before / 2 ** 20),
      after_first_mb: round(heap.after[0]! / 2 ** 20),
      after_last_mb: round(heap.after[heap.after.length - 1]! / 2 ** 20),
      ratio_last_to_first: round(heap.after[heap.after.length - 1]! / heap.after[0]!, 2),
      ...(heap.split ? { snapshot_split: heap.split, snapshot_split_of: "heap snapshots after the first and the last close: V8 code (bytecode, compiled code, function infos) vs everything else (objects, strings, arrays, DOM wrappers)" } : {}),
      target_ratio: 1.2,
    });
  const { inPage, control } = await measureHeapInPage(context, base);
  const last = (xs: number[]) => xs[xs.length - 1]!;
  emit({
    bench: 'editor_heap_in_page',
    measure: `the same ${HEAP_OPENS} opens and closes driven by one in-page loop (gc() after each close, precise performance.memory): no per-iteration CDP/Playwright calls`,
    after_first_mb: round(inPage.after[0]! / 2 ** 20),
    after_last_mb: round(last(inPage.after) / 2 ** 20),
    ratio_last_to_first: round(last(inPage.after) / inPage.after[0]!, 2),
    after_each_mb: inPage.after.map((x) => round(x / 2 ** 20, 2)),
    // Whether it levels off once V8 has compiled the code the opens run (a leak keeps growing): the last against the
    // 10th open, and what the last 30 opens added.
    ratio_last_to_10th: inPage.after.length >= 10 ? round(last(inPage.after) / inPage.after[9]!, 2) : null,
    last_30_growth_mb: inPage.after.length > 30 ? round((last(inPage.after) - inPage.after[inPage.after.length - 31]!) / 2 ** 20, 2) : null,
    control_cdp_loop_no_open_first_mb: round(control[0]! / 2 ** 20),
    control_cdp_loop_no_open_last_mb: round(last(control) / 2 ** 20),
    control_growth_mb: round((last(control) - control[0]!) / 2 ** 20, 2),
    control: `the CDP loop's ${HEAP_OPENS} iterations of evaluate + waitFor with no document opened: the growth the instrumentation alone adds`,
    target_ratio: 1.2,
  });
  if (heap.diff) emit({ bench: 'editor_heap_diff', measure: 'heap snapshots after the first and the last close: constructors whose live count grew most', top: heap.diff });
}

async function main() {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('dist/web/index.html missing: run `npm run build:web` (npm run bench builds it)');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const load0 = loadavg()[0];
  const benchDir = mkdtempSync(join(tmpdir(), 'rapporteur-editor-bench-'));
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    log('building the in-page module and the seed');
    await buildPageLib(benchDir);
    const s = buildEditorSeed(25_000);
    emit({ bench: 'editor_seed', words: s.words, sections: s.sections, doc_update_bytes: s.docUpdate.byteLength, ws_update_bytes: s.wsUpdate.byteLength, last_block: s.lastBlockType });

    // Serve a snapshot: others may rebuild dist/web while the bench runs.
    const web = join(benchDir, 'web');
    cpSync(WEB_ROOT, web, { recursive: true });
    writeBarePage(benchDir, web);
    server = await startStaticServer(web, benchDir);
    const base = server.url;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
    // Service workers blocked: every load comes from the server (with HTTP caching), as in Electron's app://.
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    await context.addInitScript(probe, s.lastBlockText);
    await seed(context, server.url, s);

    const verified = await verifyOpen(context, server.url, s);
    log(`opened: ${JSON.stringify(verified)}`);
    if (!verified.editable || !verified.hasLast || !verified.hasMiddle) throw new Error(`the app did not open the seeded document: ${JSON.stringify(verified)}`);

    /** `editor_open`: route changes to the report, beside the bare editor's open of the same stored doc. */
    const measureRouteOpen = async () => {
      log(`open from the document list x${OPEN_RUNS}, each followed by the bare editor's open`);
      const { route, bare: bareOpens } = await openBoth(context, base, s.docName, OPEN_RUNS);
      const routeReady = route.map((r) => r.ready);
      const bareOpenP95 = percentile(bareOpens.map((r) => r.painted), 95);
      emit({
        bench: 'editor_open',
        bare: 'same stored doc: IndexedDB read + decode + plain Tiptap editor (schema/extensions.ts), no collaboration, no decorations, no React, painted',
        bare_p95_ms: round(bareOpenP95),
        bare_median_ms: round(percentile(bareOpens.map((r) => r.painted), 50)),
        ratio_p95: round(percentile(route.map((r) => r.painted), 95) / bareOpenP95, 2),
        ratio_of: 'painted_p95_ms / bare_p95_ms (both to the frame after the last block is in the DOM)',
        from: 'route change (document list -> document), fresh page each',
        ...summary(routeReady),
        painted_median_ms: round(percentile(route.map((r) => r.painted), 50)),
        painted_p95_ms: round(percentile(route.map((r) => r.painted), 95)),
        target_p95_ms: TARGETS.open_p95_ms,
      });
      return route;
    };

    /** Keystrokes in our editor and in the bare one: the `editor_keystroke` and `editor_keystroke_cpu` lines; returns our paint times. */
    const chromiumBrowser = browser;
    const measureTyping = async () => {
      log(`${KEYSTROKES} keystrokes in the middle section (${PEERS} peers connected, ${TYPING_COMMENTS} comments), then the bare editor's`);
      const { keys, bareKeys } = await typeBoth(chromiumBrowser, context, base, s);
      const paint = keys.keys.map((k) => k.paint);
      const barePaintP95 = percentile(bareKeys.keys.map((k) => k.paint), 95);
      const bareCpuP95 = percentile(bareKeys.cpu.map((x) => x.cpuMs), 95);
      emit({
        bench: 'editor_keystroke',
        measure: 'keydown timeStamp -> after the next frame (rAF, then a task)',
        keystrokes: keys.keys.length,
        interval_ms: KEY_INTERVAL_MS,
        p95_ms: round(percentile(paint, 95)),
        median_ms: round(percentile(paint, 50)),
        bare_p95_ms: round(barePaintP95),
        bare_median_ms: round(percentile(bareKeys.keys.map((k) => k.paint), 50)),
        ratio_p95: round(percentile(paint, 95) / barePaintP95, 2),
        bare_text_landed: bareKeys.landed,
        max_ms: round(Math.max(...paint)),
        to_raf_p95_ms: round(percentile(keys.keys.map((k) => k.raf), 95)),
        // Cross-check with the Event Timing API (it only reports events of 16 ms or more, rounded to 8 ms).
        event_timing_keydown_ge_16ms: keys.events.filter((e) => e.name === 'keydown').length,
        event_timing_keydown_max_ms: Math.max(0, ...keys.events.filter((e) => e.name === 'keydown').map((e) => e.duration)),
        caret_in_middle_section: keys.caretInside,
        text_landed: keys.landed,
        ...typingConditions(keys),
        target_p95_ms: TARGETS.keystroke_p95_ms,
      });

      emit({
        bench: 'editor_keystroke_cpu',
        measure: "renderer main thread's CPU time (trace thread time) from keydown to after the next frame, per keystroke",
        keystrokes: keys.cpu.length,
        median_ms: round(percentile(keys.cpu.map((x) => x.cpuMs), 50)),
        p95_ms: round(percentile(keys.cpu.map((x) => x.cpuMs), 95)),
        bare_p95_ms: round(bareCpuP95),
        ratio_p95: round(percentile(keys.cpu.map((x) => x.cpuMs), 95) / bareCpuP95, 2),
        main_thread_wall_median_ms: round(percentile(keys.cpu.map((x) => x.wallMs), 50)),
      });
      return paint;
    };

    // BENCH_EDITOR_ONLY=open,open-profile,comments,new-device,comments-profile,heap,list,remote,keystroke,keystroke-profile,book,experiments (while iterating): only those parts, then the machine line.
    const only = process.env.BENCH_EDITOR_ONLY?.split(',').filter(Boolean);
    const want = (part: string) => !only || only.includes(part);
    if (only) {
      if (want('open')) await measureRouteOpen();
      if (want('open-profile')) emit({ bench: 'editor_profile_open', ...(await profileOpen(browser, s, benchDir, probe)) });
      if (want('heap')) await reportHeap(context, server.url);
      if (want('comments')) emit(await measureCommentsOpen(context, server.url, OPEN_RUNS, log));
      if (want('new-device')) emit(await measureNewDeviceOpen(browser, server.url, OPEN_RUNS, log));
      if (want('comments-profile')) emit(await profileCommentsOpen(browser, benchDir, log));
      if (want('list')) emit(await measureWorkspaceList(browser, server.url, OPEN_RUNS, log));
      if (want('remote')) emit(await measureRemoteEdit(browser, server.url, s, log));
      if (want('keystroke')) await measureTyping();
      // BENCH_PROFILE_WORDS=100000: the keystroke profile in the book-length document instead
      const profileWords = Number(process.env.BENCH_PROFILE_WORDS ?? 0);
      if (want('keystroke-profile')) emit({ bench: 'editor_profile_keystroke', words: profileWords || s.words, ...(await profileKeystrokes(browser, profileWords ? buildEditorSeed(profileWords) : s, benchDir)) });
      if (want('book')) for (const line of await measureBook(browser, server.url)) emit(line);
      if (want('experiments')) for (const line of await runExperiments(browser, s, benchDir, probe, OPEN_RUNS, EXPERIMENT_KEYSTROKES)) emit(line);
      emit({ bench: 'editor_machine', cpus: cpus().length, loadavg_1m_start: round(load0, 2), loadavg_1m_end: round(loadavg()[0], 2), chromium: browser.version() });
      return;
    }

    const route = await measureRouteOpen();

    log(`main-thread CPU per open, traced x${TRACED_OPENS}`);
    const openCpu: Array<{ wallMs: number; cpuMs: number; tasks: number }> = [];
    for (let i = 0; i < TRACED_OPENS; i++) {
      const { page, trace } = await openFromList(context, server.url, { browser, categories: TRACE_CATEGORIES_LIGHT });
      openCpu.push(...mainThreadPerWindow(trace!, 'bench-start', 'bench-end'));
      await page.close();
    }
    emit({
      bench: 'editor_open_cpu',
      measure: "renderer main thread's CPU time (trace thread time) from the route change to ready: what the open costs, without the waiting a loaded machine adds",
      ...summary(openCpu.map((x) => x.cpuMs)),
      main_thread_wall_median_ms: round(percentile(openCpu.map((x) => x.wallMs), 50)),
    });

    log('decode floor');
    const decode = await measureDecode(context, server.url, s);
    emit({
      bench: 'editor_yjs_decode',
      ...summary(decode.decode),
      stored_rows: decode.rows,
      stored_bytes: decode.bytes,
      idb_read_median_ms: round(percentile(decode.idb, 50)),
      y_to_prosemirror_median_ms: round(percentile(decode.yToPm, 50)),
      prosemirror_nodes: decode.nodes,
    });

    log(`${GROWTH_OPENS} edit-free opens (reload on the document hash) and stock y-indexeddb`);
    const growth = await measureGrowth(context, server.url, s);
    const coldReady = growth.cold.map((r) => r.ready);
    emit({
      bench: 'editor_open_cold',
      from: 'navigation start (reload on the document hash), fresh page each',
      ...summary(coldReady),
      painted_p95_ms: round(percentile(growth.cold.map((r) => r.painted), 95)),
    });
    const st = growth.stock;
    emit({
      bench: 'editor_idb_growth',
      opens: GROWTH_OPENS,
      app: { growth_bytes: growth.after.bytes - growth.before.bytes, rows_before: growth.before.rows, rows_after: growth.after.rows, bytes_before: growth.before.bytes, bytes_after: growth.after.bytes, custom_rows_after: growth.after.customRows, ws_growth_bytes: growth.wsAfter.bytes - growth.wsBefore.bytes },
      app_doc_ending_with_table: { growth_bytes: growth.tableAfter.bytes - growth.tableBefore.bytes, rows_before: growth.tableBefore.rows, rows_after: growth.tableAfter.rows },
      stock_fresh_doc: { growth_bytes: st.freshAfter.bytes - st.freshBefore.bytes, rows_before: st.freshBefore.rows, rows_after: st.freshAfter.rows, open_median_ms: round(percentile(st.freshMs, 50)) },
      stock_preloaded_doc: { growth_bytes: st.preAfter.bytes - st.preBefore.bytes, rows_before: st.preBefore.rows, rows_after: st.preAfter.rows, open_median_ms: round(percentile(st.preMs, 50)) },
      target_growth_bytes: TARGETS.growth_bytes,
    });

    await reportHeap(context, server.url);

    const paint = await measureTyping();

    emit(await measureCommentsOpen(context, server.url, OPEN_RUNS, log));
    emit(await measureNewDeviceOpen(browser, server.url, OPEN_RUNS, log));
    emit(await measureWorkspaceList(browser, server.url, OPEN_RUNS, log));
    emit(await measureRemoteEdit(browser, server.url, s, log));

    const openP95 = percentile(route.map((r) => r.ready), 95);
    const keyP95 = percentile(paint, 95);
    if (process.env.BENCH_PROFILE !== '0' && (openP95 > TARGETS.open_p95_ms || process.env.BENCH_PROFILE === '1')) {
      log('open target missed: profiling an open');
      emit({ bench: 'editor_profile_open', ...(await profileOpen(browser, s, benchDir, probe)) });
    }
    if (process.env.BENCH_PROFILE !== '0' && (keyP95 > TARGETS.keystroke_p95_ms || process.env.BENCH_PROFILE === '1')) {
      log('keystroke target missed: profiling typing');
      emit({ bench: 'editor_profile_keystroke', ...(await profileKeystrokes(browser, s, benchDir)) });
    }
    await context.close();
    if (process.env.BENCH_100K !== '0') for (const line of await measureBook(browser, server.url)) emit(line);
    if (process.env.BENCH_EXPERIMENTS === '1') {
      log('experiments: app changes suggested by the profile, measured on patched builds');
      for (const line of await runExperiments(browser, s, benchDir, probe, OPEN_RUNS, EXPERIMENT_KEYSTROKES)) emit(line);
    }
    emit({ bench: 'editor_machine', cpus: cpus().length, loadavg_1m_start: round(load0, 2), loadavg_1m_end: round(loadavg()[0], 2), chromium: browser.version() });
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(benchDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  emit({ bench: 'editor', error: String(error instanceof Error ? error.message : error) });
  process.exitCode = 1;
});
