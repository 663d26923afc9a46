// Shared helpers for the web build's end-to-end tests. Everything is found by role and accessible name, the way
// assistive technology finds it; the English labels come from renderer/src/i18n/en/*.ts.
import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENS_DIR = join(REPO_ROOT, 'tests', 'artifacts', 'screens');
export const WORKSPACE_NAME = 'BPF Cybersecurity 2025';

/** Uncaught exceptions in the page are collected for every test; a test fails if there were any. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

// ---------------------------------------------------------------------------------------------------------
// Landmarks and common controls

export const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Workspace navigation' });
export const mainArea = (page: Page) => page.getByRole('main');
export const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Status' });
export const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync status' });
/** The rich-text body: a contenteditable with role textbox named after the body (e.g. "Discussion summary"). */
export const editorBody = (page: Page, name: string | RegExp = /^(Discussion summary|Contribution|Draft text)$/) => page.getByRole('textbox', { name });
export const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatting' });

export function workspaceIdFromUrl(url: string): string {
  const m = /#\/w\/([A-Za-z0-9_-]+)/.exec(url);
  if (!m) throw new Error(`no workspace id in ${url}`);
  return m[1];
}

/** Opens the app (workspace list) and waits for it to be interactive. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
}

/** Creates a workspace from the workspace list; returns its id (from the URL hash `#/w/<id>`). */
export async function createWorkspace(page: Page, name = WORKSPACE_NAME, description = ''): Promise<string> {
  const form = page.getByRole('region', { name: 'New workspace' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  if (description) await form.getByRole('textbox', { name: 'Description' }).fill(description);
  await form.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/#\/w\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  return workspaceIdFromUrl(page.url());
}

export async function goToSection(page: Page, section: 'Documents' | 'Stakeholders' | 'Settings'): Promise<void> {
  await sidebar(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

export type NewDoc =
  | { kind: 'Meeting summary'; title: string; date?: string; format?: string; location?: string }
  | { kind: 'Stakeholder contribution'; title: string; date?: string; stakeholder?: string; channel?: string }
  | { kind: 'Draft output'; title: string; date?: string; subtype?: string };

/** Creates a document through the "New document" dialog; returns its id. Ends on the document screen. */
export async function createDocument(page: Page, input: NewDoc): Promise<string> {
  await sidebar(page).getByRole('button', { name: 'New document' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: new RegExp(`^${input.kind}`) }).check();
  if (input.kind === 'Draft output' && input.subtype) await dialog.getByRole('combobox', { name: 'Type of output' }).selectOption({ label: input.subtype });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(input.title);
  if (input.date) await dialog.getByLabel(input.kind === 'Stakeholder contribution' ? 'Received on' : 'Date', { exact: true }).fill(input.date);
  if (input.kind === 'Meeting summary') {
    if (input.format) await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: input.format });
    if (input.location) await dialog.getByRole('textbox', { name: 'Location' }).fill(input.location);
  }
  if (input.kind === 'Stakeholder contribution') {
    if (input.stakeholder) await dialog.getByRole('combobox', { name: 'Stakeholder' }).selectOption({ label: input.stakeholder });
    if (input.channel) await dialog.getByRole('combobox', { name: 'Channel' }).selectOption({ label: input.channel });
  }
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/w\/[A-Za-z0-9_-]+\/d\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(input.title);
  return /\/d\/([A-Za-z0-9_-]+)$/.exec(page.url())![1];
}

/** Opens a document from the document list by its title. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await goToSection(page, 'Documents');
  await documentsTable(page).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
}

/** A screenshot of the page for a person to look at (tests/artifacts/screens), without caret blink or hover. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

export const documentsTable = (page: Page) => page.getByRole('table', { name: 'Documents' });

/** Titles listed in the document table, in order. */
export async function listedTitles(page: Page): Promise<string[]> {
  const table = documentsTable(page);
  if ((await table.count()) === 0) return [];
  return (await table.getByRole('row').getByRole('link').allTextContents()).map((s) => s.trim());
}

/** Puts the caret at the very end of the editor body. */
/** Two animation frames: the browser has reported a caret move (selectionchange) to the editor by then. */
export const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Puts the caret at the end of the editor, at a person's pace: the browser reports the caret move of Ctrl+End a task
 * later (selectionchange), and a key sent before that (Enter, 4 ms after, faster than anyone types) acted on the
 * clicked position instead, splitting the text there.
 */
export async function focusEditorEnd(page: Page, body: Locator): Promise<void> {
  await body.click();
  await page.keyboard.press('Control+End');
  await nextFrames(page);
}

/** Waits until the open document's local writes have committed ("Saved on this device"). */
export async function expectSaved(page: Page): Promise<void> {
  await expect(statusBar(page).getByText('Saved on this device')).toBeVisible();
}

/** Adds a theme tag to the open document (type, Enter). */
export async function addTheme(page: Page, theme: string): Promise<void> {
  const input = page.getByRole('group', { name: 'Themes' }).getByRole('textbox', { name: 'Add theme' });
  await input.fill(theme);
  await input.press('Enter');
  await expect(page.getByRole('group', { name: 'Themes' }).getByRole('button', { name: `Remove theme ${theme}` })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------------
// Editor DOM, as a compact structural string: tags and text only (attributes that matter are kept), so the
// same content renders to the same string before and after a reload or on another replica.

export async function editorStructure(body: Locator): Promise<string> {
  return body.evaluate((root) => {
    const KEEP = ['href', 'data-footnote', 'colspan', 'rowspan', 'level'];
    const walk = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
      if (!(n instanceof HTMLElement)) return '';
      // Decorations that are not content: remote carets, trailing breaks, table grips.
      if (n.classList.contains('collaboration-carets__caret') || n.classList.contains('ProseMirror-trailingBreak') || n.classList.contains('ProseMirror-gapcursor') || n.classList.contains('ProseMirror-separator')) return '';
      if (n.tagName === 'COLGROUP') return '';
      const attrs = KEEP.filter((a) => n.hasAttribute(a)).map((a) => ` ${a}="${n.getAttribute(a)}"`).join('');
      const tag = n.tagName.toLowerCase();
      const inner = [...n.childNodes].map(walk).join('');
      return tag === 'div' && n.classList.contains('tableWrapper') ? inner : `<${tag}${attrs}>${inner}</${tag}>`;
    };
    return [...root.childNodes].map(walk).join('');
  });
}

/** The text of an editor element without remote carets (whose name labels are inside the text flow). */
export function contentText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return clone.textContent ?? '';
  });
}

// ---------------------------------------------------------------------------------------------------------
// Service worker

/** Waits until the page is controlled by the build's service worker (sw.js), so a reload works offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) throw new Error('no navigator.serviceWorker');
    await navigator.serviceWorker.ready;
  });
  // `ready` resolves once a worker is active; the page becomes controlled when it claims clients.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 20_000 }).toMatch(/\/sw\.js$/);
}

// ---------------------------------------------------------------------------------------------------------
// Processes and ports (sync server)

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  mkdirSync(join(tmpdir()), { recursive: true });
  return mkdtempSync(join(tmpdir(), `rapporteur-e2e-${prefix}-`));
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * A private copy of dist/web. Other people rebuild dist/web while tests run (vite empties it first), so a server
 * that lives through several tests serves a copy, taken once the build is complete (index.html and every file
 * it names exist).
 */
export async function snapshotWebBuild(): Promise<string> {
  const source = join(REPO_ROOT, 'dist', 'web');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const index = readFileSync(join(source, 'index.html'), 'utf8');
      const assets = [...index.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
      if (assets.length > 0 && assets.every((a) => existsSync(join(source, a))) && existsSync(join(source, 'sw.js'))) {
        const copy = tempDir('web');
        cpSync(source, copy, { recursive: true });
        if (existsSync(join(copy, 'index.html'))) return copy;
      }
    } catch {
      // being rebuilt; try again
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('dist/web is missing or incomplete: run `npm run build:web`');
}

/** A sync server process (sync-server/cli.ts) on 127.0.0.1, its own process group so a kill takes all of it. */
export class SyncServerProcess {
  private child: ChildProcess | null = null;
  readonly log: string[] = [];
  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** the web build it serves to browsers that open an invite link */
    readonly webDir = join(REPO_ROOT, 'dist', 'web'),
  ) {}

  get wsUrl() {
    return `ws://127.0.0.1:${this.port}`;
  }
  get httpUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // The app under test is served from another port (playwright.config.ts webServer): its origin must be allowed.
    const appOrigin = `http://127.0.0.1:${process.env.E2E_WEB_PORT ?? 5199}`;
    const args = ['--host', '127.0.0.1', '--port', String(this.port), '--data', this.dataDir, '--web', this.webDir, '--allow-origin', appOrigin];
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', ...args], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d) => this.log.push(String(d)));
    child.stderr?.on('data', (d) => this.log.push(String(d)));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`sync server exited with ${child.exitCode}: ${this.log.join('')}`);
      try {
        const res = await fetch(`${this.httpUrl}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sync server did not answer /healthz within 30 s: ${this.log.join('')}`);
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async ensureRunning(): Promise<void> {
    if (!this.running) await this.start();
  }

  /** Kills the server process group at once (no graceful shutdown), and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<boolean>((r) => child.once('exit', () => r(true)));
    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    };
    signalGroup(signal);
    // A graceful stop gets 10 s; then the group is killed outright so a test never hangs on it.
    const done = await Promise.race([exited, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!done) {
      signalGroup('SIGKILL');
      await exited;
    }
    this.child = null;
  }

  /** Issues an invite with the CLI's token command; the token is on its last line. */
  token(workspaceId: string, role: 'editor' | 'commenter' | 'viewer', name: string): { token: string; desktopLink: string; browserLink: string } {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'sync-server/cli.ts', 'token', '--data', this.dataDir, '--workspace', workspaceId, '--role', role, '--name', name, '--server', this.wsUrl],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    const lines = out.trim().split('\n');
    const token = lines[lines.length - 1].trim();
    const desktopLink = /rapporteur:\/\/join\?\S+/.exec(out)?.[0] ?? '';
    const browserLink = /https?:\/\/\S+\/#\/join\?\S+/.exec(out)?.[0] ?? '';
    return { token, desktopLink, browserLink };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Chromium processes of a persistent profile (crash test)

/** Pids of every process whose command line names this user data dir: the browser and its children. */
export function chromiumPidsFor(userDataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${userDataDir}`)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

export type { BrowserContext, Locator, Page };

// ---------------------------------------------------------------------------------------------------------
// Registry, sync joining, text selection and downloads (comments and export/import specs)

export interface RegistryEntry {
  name: string;
  organisation?: string;
  /** option labels as shown: "Government", "Civil society", ... */
  group: string;
  region: string;
  gender?: string;
}

/** Stakeholders › Add stakeholder › fill › Add to registry; ends on the registry with the new row shown. */
export async function addStakeholder(page: Page, s: RegistryEntry): Promise<void> {
  await goToSection(page, 'Stakeholders');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  const form = page.getByRole('region', { name: 'Add stakeholder' }).getByRole('form');
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(s.name);
  if (s.organisation) await form.getByRole('textbox', { name: 'Organisation' }).fill(s.organisation);
  await form.getByRole('combobox', { name: 'Stakeholder group' }).selectOption({ label: s.group });
  await form.getByRole('combobox', { name: 'Region' }).selectOption({ label: s.region });
  if (s.gender) await form.getByRole('combobox', { name: 'Gender (optional)' }).selectOption({ label: s.gender });
  await form.getByRole('button', { name: 'Add to registry' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('table', { name: 'Stakeholder registry' }).getByRole('row', { name: new RegExp(s.name) })).toBeVisible();
}

/**
 * Opens Sidebar › Maintenance and chooses an item ("Import DOCX…", "Connect to a server…", ...). The menu stays
 * expanded after a choice, so it is only toggled when it is closed.
 */
export async function maintenanceItem(page: Page, item: string): Promise<void> {
  const toggle = sidebar(page).getByRole('button', { name: 'Maintenance' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await sidebar(page).getByRole('menu', { name: 'Maintenance' }).getByRole('menuitem', { name: item }).click();
}

/** Maintenance › "Connect to a server…" with an editor invite; waits for Synced (the person stays on the screen they were on). */
export async function connectToServer(page: Page, invite: string): Promise<void> {
  await maintenanceItem(page, 'Connect to a server…');
  const dialog = page.getByRole('dialog', { name: 'Connect to a server…' });
  await dialog.getByRole('textbox', { name: 'Invite link' }).fill(invite);
  await expect(dialog.getByRole('status')).toContainText('Join as Editor');
  await dialog.getByRole('button', { name: 'Join workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });
}

/**
 * Opens a browser invite link (served by the sync server) in `page` and joins; ends on the document list once
 * `expectTitle` is listed. Returns false when the list needed a reload to show it (a known intermittent bug
 * recorded by sync.spec.ts), so a caller can record it too.
 */
export async function joinByInviteLink(page: Page, link: string, role: 'Editor' | 'Read only' | 'Comment only', name: string, expectTitle: string): Promise<boolean> {
  await page.goto(link);
  const join = page.getByRole('region', { name: 'Join a workspace' });
  await expect(join.getByRole('status')).toContainText(`Join as ${role} “${name}”`);
  await join.getByRole('button', { name: 'Join workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  const listed = await expect
    .poll(() => listedTitles(page), { timeout: 20_000 })
    .toContain(expectTitle)
    .then(
      () => true,
      () => false,
    );
  if (!listed) {
    await page.reload();
    await expect.poll(() => listedTitles(page), { timeout: 20_000 }).toContain(expectTitle);
  }
  return listed;
}

/**
 * Selects `text` (its first occurrence, within one text node) inside the editor body with the DOM selection API,
 * as a mouse selection would; works on a read-only body too. Waits for ProseMirror to take the selection.
 */
export async function selectTextInEditor(page: Page, body: Locator, text: string): Promise<void> {
  await expect(body).toContainText(text);
  await body.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      (root as HTMLElement).focus();
      window.getSelection()!.setBaseAndExtent(n, at, n, at + wanted.length);
      document.dispatchEvent(new Event('selectionchange'));
      return;
    }
    throw new Error(`"${wanted}" is not within one text node of the editor`);
  }, text);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(text);
}

/** Runs `action`, which must start a browser download; returns the suggested file name and the bytes. */
export async function captureDownload(page: Page, action: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Today's date in the browser's time zone as YYYY-MM-DD, plus `days`. */
export function isoDateInPage(page: Page, days = 0): Promise<string> {
  return page.evaluate((d) => {
    const t = new Date();
    t.setDate(t.getDate() + d);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  }, days);
}

/**
 * One sync server process for the tests of a spec file: started before them on a free port with a private copy
 * of the web build, stopped after them, its log attached to any test that fails. Returns the running server.
 */
export function syncServerForFile(name: string): () => SyncServerProcess {
  let server: SyncServerProcess | undefined;
  let dataDir: string | undefined;
  let webDir: string | undefined;
  test.beforeAll(async () => {
    dataDir = tempDir(`${name}-data`);
    webDir = await snapshotWebBuild();
    server = new SyncServerProcess(await freePort(), dataDir, webDir);
    await server.start();
  });
  test.afterAll(async () => {
    await server?.kill('SIGTERM');
    if (dataDir) removeDir(dataDir);
    if (webDir) removeDir(webDir);
  });
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus || !server) return;
    writeFileSync(testInfo.outputPath('sync-server.log'), server.log.join(''));
    await testInfo.attach('sync-server.log', { path: testInfo.outputPath('sync-server.log'), contentType: 'text/plain' });
  });
  return () => {
    if (!server) throw new Error(`the ${name} sync server has not started`);
    return server;
  };
}

/** Init script: keeps the text of the first comment highlight the page draws (window.firstHighlight). */
export function recordFirstHighlight(): void {
  const observer = new MutationObserver(() => {
    const first = document.querySelector('.ProseMirror [data-thread]');
    if (!first) return;
    (window as { firstHighlight?: string }).firstHighlight = first.textContent ?? '';
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-thread'] });
}

/** The thread ids of the comment highlights placed for the next open of the page's only document (renderer/src/storage/highlightCache.ts); null: none placed. */
export function placedThreads(page: Page): Promise<string[] | null> {
  return page.evaluate(async () => {
    const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.endsWith('.comments'));
    if (!name) return null;
    const db = await request(indexedDB.open(name));
    try {
      const placed = (await request(db.transaction('custom').objectStore('custom').get('placedHighlights'))) as { ranges: Array<{ threadId: string }> } | undefined;
      return placed ? placed.ranges.map((r) => r.threadId) : null;
    } finally {
      db.close();
    }
  });
}

/** The first comment highlight's text that the page drew since it loaded (with `recordFirstHighlight`). */
export const firstHighlight = (page: Page) => page.evaluate(() => (window as { firstHighlight?: string }).firstHighlight);
