// Comments benchmark (npm run bench -- comments): the real web build in Debian's Chromium, one draft output whose
// body comes from the comments model's generator (generateDraftBody) and whose comments doc holds 2,000 threads
// (generateComments: stakeholder comments and annotations, replies, dispositions, duplicates, responses), built
// in Node with the app's model and written into IndexedDB in y-indexeddb's layout, with the Dexie catalog row of
// the workspace (the editor bench's approach and helpers: editorPage.ts, editorPageLib.ts, editorServer.ts).
// One JSON line per figure:
//   comments_seed        what was seeded
//   comments_open_ms     document list -> the draft open: editable text with comment highlights AND the comments
//                        panel listing threads (fresh page each run; milestones reported separately)
//                        (with the same body without comments as a baseline, and the renderer main thread's CPU time,
//                        which a loaded machine does not inflate)
//   matrix_render_ms     the open draft's "Comment matrix" tab clicked -> first matrix rows painted (the frame after
//                        they are in the DOM), same pages, after the text has settled; with main-thread CPU time
//   comments_machine     cores and load average: on a shared machine, read the figures with these
// Figures are reported against the targets (p95), never asserted; nothing here is tuned to a target.

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { initWorkspace } from '../../renderer/src/model/workspaceDoc';
import { createDocument } from '../../renderer/src/model/templates';
import { bodyToJSON, docBody } from '../../renderer/src/model/bodyJson';
import { buildBodyIndex } from '../../renderer/src/model/comments/bodyIndex';
import { readThreads } from '../../renderer/src/model/comments/commentsDoc';
import { generateComments, generateDraftBody, generateStakeholders } from '../fixtures/generateComments';
import { commentsDocName, documentDocName, workspaceDocName } from '../../common/rooms';
import { t } from '../../renderer/src/i18n';
import { b64, buildPageLib, ROOT, sleep, type PageLib } from './editorPage';
import { startStaticServer, type StaticServer } from './editorServer';
import { percentile, round, summary } from './editorStats';
import { mainThreadPerWindow, TRACE_CATEGORIES_LIGHT } from './editorProfile';

const WEB_ROOT = join(ROOT, 'dist/web');
const RUNS = Math.max(5, Number(process.env.BENCH_COMMENTS_RUNS ?? 9));
const THREADS = 2000;
const PARAGRAPHS = 400; // generateCommentsFixture's default for 2,000 threads (threads / 5)
const STAKEHOLDERS = 60;
const TARGETS = { matrix_render_ms: 300, comments_open_ms: 250 };

const WORKSPACE_ID = 'benchcomments';
const DOC_ID = 'benchdraft';
const WORKSPACE_NAME = 'Comments bench workspace';
const DOC_TITLE = 'Draft output with 2,000 comments (bench)';
const PLAIN_ID = 'benchdraftplain';
const PLAIN_TITLE = 'Same draft without comments (bench)';
const docHash = `#/w/${WORKSPACE_ID}/d/${DOC_ID}`;
const plainHash = `#/w/${WORKSPACE_ID}/d/${PLAIN_ID}`;
const TRACED_RUNS = 5;

const log = (msg: string) => process.stderr.write(`[comments-bench] ${msg}\n`);
const emit = (obj: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(obj)}\n`);

interface Seed {
  ws: Uint8Array;
  doc: Uint8Array;
  plain: Uint8Array;
  comments: Uint8Array;
  threads: number;
  anchored: number;
  paragraphs: number;
  blocks: number;
}

/** The workspace, the draft and its comments doc, as the app would have written them. */
function buildSeed(): Seed {
  const now = Date.UTC(2025, 4, 1);
  const ws = new Y.Doc();
  initWorkspace(ws, { name: WORKSPACE_NAME, description: 'Seeded by tests/bench/comments.ts' }, now);
  const stakeholders = generateStakeholders(ws, { count: STAKEHOLDERS, seed: 2 });
  const doc = new Y.Doc({ gc: false });
  // The draft is created as the New document dialog creates it, with the generator's body instead of the template's
  // (generated into a scratch doc, then given as the body, the way an imported document brings its own).
  const scratch = new Y.Doc();
  generateDraftBody(scratch, { paragraphs: PARAGRAPHS, seed: 1 });
  createDocument(ws, () => doc, { kind: 'draft', title: DOC_TITLE, subtype: 'output-report', date: '2025-06-12' }, { t, createdBy: 'bench', id: DOC_ID, now, body: bodyToJSON(scratch) });
  // The same body without comments: the baseline that tells what the comments add to an open.
  const plain = new Y.Doc({ gc: false });
  createDocument(ws, () => plain, { kind: 'draft', title: PLAIN_TITLE, subtype: 'output-report', date: '2025-06-11' }, { t, createdBy: 'bench', id: PLAIN_ID, now, body: bodyToJSON(scratch) });
  const comments = new Y.Doc();
  generateComments(comments, doc, stakeholders, { count: THREADS, seed: 3, now });
  const threads = readThreads(comments);
  return {
    ws: Y.encodeStateAsUpdate(ws),
    doc: Y.encodeStateAsUpdate(doc),
    plain: Y.encodeStateAsUpdate(plain),
    comments: Y.encodeStateAsUpdate(comments),
    threads: threads.length,
    anchored: threads.filter((th) => th.anchor).length,
    paragraphs: PARAGRAPHS,
    blocks: buildBodyIndex(docBody(doc)).blocks.length,
  };
}

async function seedBrowser(context: BrowserContext, base: string, s: Seed): Promise<void> {
  const page = await context.newPage();
  // Load the app once so Dexie creates its catalog database, then write the stores the way the app would find them.
  await page.goto(`${base}/#/`);
  await page.waitForSelector('#root *');
  await page.evaluate(
    async ({ ws, doc, plain, comments, names, row }) => {
      const lib = (await import('/__bench/lib.js' as string)) as PageLib;
      const bytes = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
      await lib.seedDocDb(names.ws, [bytes(ws)]);
      await lib.seedDocDb(names.doc, [bytes(doc)]);
      await lib.seedDocDb(names.plain, [bytes(plain)]);
      await lib.seedDocDb(names.comments, [bytes(comments)]);
      await lib.putWorkspaceRow(row);
    },
    {
      ws: b64(s.ws),
      doc: b64(s.doc),
      plain: b64(s.plain),
      comments: b64(s.comments),
      names: { ws: workspaceDocName(WORKSPACE_ID), doc: documentDocName(WORKSPACE_ID, DOC_ID), plain: documentDocName(WORKSPACE_ID, PLAIN_ID), comments: commentsDocName(WORKSPACE_ID, DOC_ID) },
      row: { id: WORKSPACE_ID, name: WORKSPACE_NAME, lastOpenedAt: Date.now() },
    },
  );
  await page.close();
}

interface OpenTimes {
  editable: number;
  highlights: number;
  panel: number;
  /** all three: the figure */
  ready: number;
  painted: number;
}

interface MatrixTimes {
  ready: number;
  painted: number;
  rows: number;
}

/**
 * In a fresh page on the document list, the route change to the draft; resolves once the editor is editable,
 * shows comment highlights, and the comments panel lists threads (each milestone timed from the route change),
 * then after the next frame.
 */
async function measureOpen(page: Page, hash = docHash, withComments = true): Promise<OpenTimes> {
  return (await page.evaluate(({ hash, withComments }) => {
    return new Promise<unknown>((resolve) => {
      performance.mark('cb-open-start');
      const t0 = performance.now();
      const at: Record<string, number> = {};
      let done = false;
      const check = () => {
        if (done) return;
        const pm = document.querySelector('.ProseMirror[contenteditable="true"]');
        if (at.editable === undefined && pm) at.editable = performance.now() - t0;
        if (at.highlights === undefined && pm?.querySelector('[data-thread]')) at.highlights = performance.now() - t0;
        if (at.panel === undefined && document.querySelector('.comments-panel .thread-list .thread-card')) at.panel = performance.now() - t0;
        if (!withComments) at.highlights = at.panel = at.editable;
        if (at.editable === undefined || at.highlights === undefined || at.panel === undefined) return;
        done = true;
        observer.disconnect();
        const ready = performance.now() - t0;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('cb-open-end');
            resolve({ ...at, ready, painted: performance.now() - t0 });
          };
          channel.port2.postMessage(null);
        });
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'data-thread'] });
      location.hash = hash;
      check();
    });
  }, { hash, withComments })) as OpenTimes;
}

/** With the draft open on its text: click the "Comment matrix" tab; resolves once matrix rows are in the DOM, then after the next frame. */
async function measureMatrix(page: Page): Promise<MatrixTimes> {
  return (await page.evaluate(() => {
    return new Promise<unknown>((resolve, reject) => {
      const tab = [...document.querySelectorAll<HTMLAnchorElement>('nav.doc-tabs a')].find((a) => a.textContent?.trim() === 'Comment matrix');
      if (!tab) return reject(new Error('no "Comment matrix" tab'));
      let done = false;
      let t0 = 0;
      const check = () => {
        if (done) return;
        const rows = document.querySelectorAll('table.matrix-table tbody tr.matrix-row');
        if (rows.length === 0) return;
        done = true;
        observer.disconnect();
        const ready = performance.now() - t0;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('cb-matrix-end');
            resolve({ ready, painted: performance.now() - t0, rows: rows.length });
          };
          channel.port2.postMessage(null);
        });
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true });
      performance.mark('cb-matrix-start');
      t0 = performance.now();
      tab.click();
      check();
    });
  })) as MatrixTimes;
}

async function openList(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  await page.getByText(DOC_TITLE).first().waitFor();
  await sleep(500); // let start-up work (catalog, live queries) settle, as a user reading the list would
  return page;
}

/** What the app showed for the seeded draft: thread count in the panel, highlights, the matrix count. */
async function verify(context: BrowserContext, base: string) {
  const page = await openList(context, base);
  await measureOpen(page);
  await sleep(2000);
  const text = await page.evaluate(() => ({
    panelCount: document.querySelector('.comments-panel-title .count')?.textContent ?? '',
    panelCards: document.querySelectorAll('.comments-panel .thread-card').length,
    highlights: document.querySelectorAll('.ProseMirror [data-thread]').length,
    paraNumbers: document.querySelectorAll('.ProseMirror [data-para]').length,
  }));
  await measureMatrix(page);
  await page.getByRole('table', { name: 'Comment matrix' }).waitFor();
  const matrix = await page.evaluate(() => ({
    status: document.querySelector('.matrix-count')?.textContent ?? '',
    renderedRows: document.querySelectorAll('table.matrix-table tbody tr.matrix-row').length,
  }));
  await page.close();
  return { ...text, ...matrix };
}

async function main() {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('dist/web/index.html missing: run `npm run build:web`');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const load0 = loadavg()[0];
  const benchDir = mkdtempSync(join(tmpdir(), 'rapporteur-comments-bench-'));
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  try {
    log('building the in-page module and the seed');
    await buildPageLib(benchDir); // empties benchDir first, so before the web copy
    const t0 = performance.now();
    const s = buildSeed();
    emit({
      bench: 'comments_seed',
      threads: s.threads,
      anchored_threads: s.anchored,
      paragraphs: s.paragraphs,
      body_blocks: s.blocks,
      stakeholders: STAKEHOLDERS,
      doc_update_bytes: s.doc.byteLength,
      comments_update_bytes: s.comments.byteLength,
      ws_update_bytes: s.ws.byteLength,
      build_ms: round(performance.now() - t0),
    });

    // Serve a snapshot: others may rebuild dist/web while the bench runs.
    const web = join(benchDir, 'web');
    cpSync(WEB_ROOT, web, { recursive: true });
    server = await startStaticServer(web, benchDir);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // Service workers blocked: every load comes from the server (with HTTP caching), as in Electron's app://.
    // 1280 px wide: the comments panel is a column beside the text (it starts closed below 1180 px).
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    await context.addInitScript(() => {
      (window as unknown as Record<string, unknown>).__name = (f: unknown) => f; // tsx keeps function names with a helper the page lacks
    });
    await seedBrowser(context, server.url, s);

    const seen = await verify(context, server.url);
    log(`opened: ${JSON.stringify(seen)}`);
    if (!seen.panelCount.replace(/\D/g, '').startsWith(String(THREADS)) || seen.highlights === 0 || seen.renderedRows === 0 || !/2,?000 comments/.test(seen.status))
      throw new Error(`the app did not show the seeded comments: ${JSON.stringify(seen)}`);

    // The floor under the open: decoding the stored comments doc (Y.applyUpdate), in the page.
    const floor = await context.newPage();
    await floor.goto(`${server.url}/#/`);
    await floor.waitForSelector('#root *');
    const decode = await floor.evaluate(
      async ({ name, runs }) => {
        const lib = (await import('/__bench/lib.js' as string)) as PageLib;
        const updates = await lib.readUpdates(name);
        lib.decodeMs(updates); // warm-up
        const ms: number[] = [];
        for (let i = 0; i < runs; i++) ms.push(lib.decodeMs(updates));
        return ms;
      },
      { name: commentsDocName(WORKSPACE_ID, DOC_ID), runs: 5 },
    );
    await floor.close();

    log(`open + matrix x${RUNS}, fresh page each`);
    const opens: OpenTimes[] = [];
    const matrices: MatrixTimes[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await openList(context, server.url);
      opens.push(await measureOpen(page));
      // The user reads the text before switching views; the tabs preload the matrix code 1.2 s after the text shows.
      await sleep(2000);
      matrices.push(await measureMatrix(page));
      await page.close();
    }
    log(`baseline: the same body without comments x${RUNS}`);
    const plainOpens: OpenTimes[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await openList(context, server.url);
      plainOpens.push(await measureOpen(page, plainHash, false));
      await page.close();
    }

    log(`main-thread CPU of the open and the matrix, traced x${TRACED_RUNS}`);
    const cpuOpen: Array<{ wallMs: number; cpuMs: number }> = [];
    const cpuMatrix: Array<{ wallMs: number; cpuMs: number }> = [];
    for (let i = 0; i < TRACED_RUNS; i++) {
      const page = await openList(context, server.url);
      await browser.startTracing(page, { categories: TRACE_CATEGORIES_LIGHT });
      await measureOpen(page);
      await sleep(2000);
      await measureMatrix(page);
      const trace = (await browser.stopTracing()).toString('utf8');
      cpuOpen.push(...mainThreadPerWindow(trace, 'cb-open-start', 'cb-open-end'));
      cpuMatrix.push(...mainThreadPerWindow(trace, 'cb-matrix-start', 'cb-matrix-end'));
      await page.close();
    }

    const med = (xs: number[]) => round(percentile(xs, 50));
    const p95 = (xs: number[]) => round(percentile(xs, 95));
    emit({
      bench: 'comments_open_ms',
      from: 'route change (document list -> draft), fresh page each -> editable text with comment highlights and the panel listing threads, painted',
      threads: s.threads,
      measure: 'painted (the frame after the DOM has all three); dom_* = when the DOM had them',
      ...summary(opens.map((o) => o.painted)),
      dom_median_ms: med(opens.map((o) => o.ready)),
      dom_p95_ms: p95(opens.map((o) => o.ready)),
      editable_median_ms: med(opens.map((o) => o.editable)),
      highlights_median_ms: med(opens.map((o) => o.highlights)),
      panel_median_ms: med(opens.map((o) => o.panel)),
      baseline_no_comments_median_ms: med(plainOpens.map((o) => o.painted)),
      baseline_no_comments_p95_ms: p95(plainOpens.map((o) => o.painted)),
      comments_doc_decode_median_ms: med(decode),
      main_thread_cpu_median_ms: med(cpuOpen.map((x) => x.cpuMs)),
      main_thread_wall_median_ms: med(cpuOpen.map((x) => x.wallMs)),
      target_ms: TARGETS.comments_open_ms,
      target_met_p95: p95(opens.map((o) => o.painted)) <= TARGETS.comments_open_ms,
    });
    emit({
      bench: 'matrix_render_ms',
      from: '"Comment matrix" tab clicked on the open draft (text settled 2 s) -> first matrix rows painted',
      threads: s.threads,
      measure: 'painted (the frame after the first rows are in the DOM); dom_* = when the DOM had them',
      ...summary(matrices.map((m) => m.painted)),
      dom_median_ms: med(matrices.map((m) => m.ready)),
      dom_p95_ms: p95(matrices.map((m) => m.ready)),
      rows_rendered: matrices[0]?.rows ?? 0,
      main_thread_cpu_median_ms: med(cpuMatrix.map((x) => x.cpuMs)),
      main_thread_wall_median_ms: med(cpuMatrix.map((x) => x.wallMs)),
      target_ms: TARGETS.matrix_render_ms,
      target_met_p95: p95(matrices.map((m) => m.painted)) <= TARGETS.matrix_render_ms,
    });
    await context.close();
    emit({ bench: 'comments_machine', cpus: cpus().length, loadavg_1m_start: round(load0, 2), loadavg_1m_end: round(loadavg()[0], 2), chromium: browser.version() });
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(benchDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  emit({ bench: 'comments', error: String(error instanceof Error ? error.message : error) });
  process.exitCode = 1;
});
