import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { join, resolve } from 'node:path';
import { readdirSync, writeFileSync } from 'node:fs';
import { COMPILE_HINT } from '../../renderer/vite.shared';
import { DOC_ID, DOC_TITLE, WORKSPACE_ID, WORKSPACE_NAME, type EditorSeed } from './editorSeed';

// Page-side helpers of the editor bench: the open probe, seeding IndexedDB, opening the document two ways.

export const ROOT = resolve(import.meta.dirname, '../..');
export const docHash = `#/w/${WORKSPACE_ID}/d/${DOC_ID}`;
/** The in-page module (editorPageLib.ts), imported in the page from `/__bench/lib.js`. */
export type PageLib = typeof import('./editorPageLib');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OpenResult {
  ready: number;
  painted: number;
}

/**
 * Installed in every page before the app runs. `__benchEditorReady(t0)` resolves once the editor is editable and
 * shows the report's last block (checked on DOM mutations, looking at the last few blocks only, so the probe
 * stays cheap), with times from `t0`: `ready` when the DOM has it, `painted` after the next frame.
 * On a document URL it arms itself at navigation start (t0 = 0).
 */
export function probe(lastText: string) {
  const w = window as unknown as Record<string, unknown>;
  w.__name = (f: unknown) => f; // tsx keeps function names with a helper the page does not have
  w.__benchEditorReady = (t0: number) =>
    new Promise((resolve) => {
      let done = false;
      const check = () => {
        if (done) return;
        const pm = document.querySelector('.ProseMirror[contenteditable="true"]');
        let el = pm?.lastElementChild ?? null;
        let found = false;
        for (let i = 0; i < 4 && el && !found; i++, el = el.previousElementSibling) found = (el.textContent ?? '').includes(lastText);
        if (!found) return;
        done = true;
        observer.disconnect();
        const ready = performance.now() - t0;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ ready, painted: performance.now() - t0 });
          channel.port2.postMessage(null);
        });
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
      check();
    });
  if (location.hash.includes('/d/')) w.__benchOpen = (w.__benchEditorReady as (t0: number) => Promise<unknown>)(0);
}

export async function buildPageLib(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      lib: { entry: join(ROOT, 'tests/bench/editorPageLib.ts'), formats: ['es'], fileName: () => 'lib.js' },
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      // compiled when it loads, as the app's chunks that a document's open runs are (renderer/vite.shared.ts): the
      // bare editor's open, timed after the module is loaded, compiles nothing either
      rollupOptions: { output: { banner: COMPILE_HINT } },
    },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

export const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

export async function seed(context: BrowserContext, base: string, s: EditorSeed): Promise<void> {
  const page = await context.newPage();
  // Load the app once so Dexie creates its catalog database, then write the stores the way the app would find them.
  await page.goto(`${base}/#/`);
  await page.waitForSelector('#root *');
  await page.evaluate(
    async ({ ws, doc, wsName, docName, row, tableEnd, tableEndName }) => {
      const lib = (await import('/__bench/lib.js' as string)) as PageLib;
      const bytes = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
      await lib.seedDocDb(wsName, [bytes(ws)]);
      await lib.seedDocDb(docName, [bytes(doc)]);
      await lib.seedDocDb(tableEndName, [bytes(tableEnd)]);
      await lib.putWorkspaceRow(row);
    },
    { ws: b64(s.wsUpdate), doc: b64(s.docUpdate), tableEnd: b64(s.tableEnd.update), tableEndName: s.tableEnd.docName, wsName: s.wsName, docName: s.docName, row: { id: WORKSPACE_ID, name: WORKSPACE_NAME, lastOpenedAt: Date.now() } },
  );
  await page.close();
}

export async function storeSize(page: Page, name: string) {
  return page.evaluate(async (n) => ((await import('/__bench/lib.js' as string)) as PageLib).storeSize(n), name);
}

/** Reload on the document's hash in a fresh page; times from navigation start. */
export async function openCold(context: BrowserContext, base: string): Promise<{ result: OpenResult; page: Page }> {
  const page = await context.newPage();
  await page.goto(`${base}/${docHash}`);
  const result = (await page.evaluate(() => (window as unknown as { __benchOpen: Promise<OpenResult> }).__benchOpen)) as OpenResult;
  return { result, page };
}

/**
 * The document list in a fresh page, then the route change to the document; times from the route change.
 * The window is marked `bench-start`/`bench-end` (user timing); with `trace`, it is traced and returned.
 */
export async function openFromList(context: BrowserContext, base: string, trace?: { browser: Browser; categories: string[] }): Promise<{ result: OpenResult; page: Page; trace?: string }> {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  await page.getByText(DOC_TITLE).first().waitFor();
  await sleep(500); // let start-up work (catalog, live queries) settle, as a user reading the list would
  if (trace) await trace.browser.startTracing(page, { categories: trace.categories });
  const result = (await page.evaluate((hash) => {
    const w = window as unknown as { __benchEditorReady: (t0: number) => Promise<OpenResult> };
    performance.mark('bench-start');
    const t0 = performance.now();
    const ready = w.__benchEditorReady(t0);
    location.hash = hash;
    return ready.then((r) => {
      performance.mark('bench-end');
      return r;
    });
  }, docHash)) as OpenResult;
  const traced = trace ? (await trace.browser.stopTracing()).toString('utf8') : undefined;
  return { result, page, trace: traced };
}


/**
 * The bare-editor page (`/__bench/bare.html`): the web build's own stylesheet (so text lays out as in the app)
 * and a mount point shaped like the app's editor, no app script. Written next to the in-page module.
 */
export function writeBarePage(benchDir: string, webDir: string): void {
  const css = readdirSync(join(webDir, 'assets')).filter((f) => f.endsWith('.css'));
  const links = css.map((f) => `<link rel="stylesheet" href="/assets/${f}">`).join('\n');
  writeFileSync(
    join(benchDir, 'bare.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare editor</title>${links}</head>
<body><main style="max-width:60rem;margin:0 auto"><div class="editor"><div class="page" id="mount"></div></div></main></body></html>`,
  );
}

/** Opens the bare editor on the document in a fresh page; times from the start of the read (IndexedDB included). */
export async function openBare(context: BrowserContext, base: string, docName: string): Promise<{ result: OpenResult; page: Page }> {
  const page = await context.newPage();
  await page.goto(`${base}/__bench/bare.html`);
  await page.evaluate(() => import('/__bench/lib.js' as string)); // load the module before timing, as the app's bundle is loaded before a route change
  await sleep(300);
  const result = (await page.evaluate(async (name) => {
    const lib = (await import('/__bench/lib.js' as string)) as PageLib;
    return lib.bareOpen(name, document.getElementById('mount')!);
  }, docName)) as OpenResult;
  return { result, page };
}
