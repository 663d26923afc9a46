// Launches the built desktop app (out/main/index.js) and probes its security baseline. Needs a real Electron
// binary: ELECTRON_OVERRIDE_DIST_PATH, or the one `npm start` downloads. Without one it skips, saying why.
// It also reads the fuses of a packaged build in release/ (`npm run dist`), skipping when there is none.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedFuseStates, readFuses } from '../../scripts/afterPack.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainEntry = join(repoRoot, 'out', 'main', 'index.js');
const rendererEntry = join(repoRoot, 'out', 'renderer', 'index.html');
const DESKTOP_API_VERBS = ['appInfo', 'onBeforeClose', 'onMenu', 'openExternal', 'openFile', 'saveFile', 'setSpellCheckerLanguages'];
const releaseDir = join(repoRoot, 'release');
const INVITE_QUERY = `server=${encodeURIComponent('wss://sync.example.org')}&token=abc123`;
/** Links another program or a web page could hand the app: each must be refused with a message. */
const HOSTILE_LINKS = {
  path: `rapporteur://join/../../etc/passwd?${INVITE_QUERY}`,
  host: `rapporteur://evil.example.org/join?${INVITE_QUERY}`,
  overlongToken: `rapporteur://join?server=${encodeURIComponent('wss://sync.example.org')}&token=${'a'.repeat(3000)}`,
};

/** The Electron executable of a packaged build (electron-builder's unpacked output), if one exists. */
function findPackagedBinary(): { path: string } | { reason: string } {
  const candidates = [join(releaseDir, 'linux-unpacked', 'rapporteur'), join(releaseDir, 'win-unpacked', 'Rapporteur.exe')];
  if (existsSync(releaseDir)) {
    for (const dir of readdirSync(releaseDir)) if (dir.startsWith('mac')) candidates.push(join(releaseDir, dir, 'Rapporteur.app'));
  }
  const found = candidates.find((candidate) => existsSync(candidate));
  return found ? { path: found } : { reason: `no packaged build in ${releaseDir} (run \`npm run dist\`, which needs Electron's binary downloads)` };
}

/**
 * Where `require('electron')` would point, without calling it: when the binary is missing, electron's
 * index.js starts a download, which must not happen in a test run.
 */
function findElectronBinary(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative ?? 'electron');
    return existsSync(binary) ? { path: binary } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!relative) return { reason: `no Electron binary: ${pathFile} is missing (the binary was never downloaded) and ELECTRON_OVERRIDE_DIST_PATH is not set` };
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { reason: `no Electron binary at ${binary}` };
}

/** Every missing prerequisite, or undefined when the app can be launched. */
function skipReason(): string | undefined {
  const missing: string[] = [];
  const binary = findElectronBinary();
  if ('reason' in binary) missing.push(binary.reason);
  if (!existsSync(mainEntry)) missing.push(`${mainEntry} does not exist (run \`npx electron-vite build\`)`);
  if (!existsSync(rendererEntry)) missing.push(`${rendererEntry} does not exist (the renderer has not been built)`);
  return missing.length > 0 ? missing.join('; ') : undefined;
}

test.describe('packaged app', () => {
  test('has the hardening fuses burnt in', async () => {
    const packaged = findPackagedBinary();
    if ('reason' in packaged) {
      console.log(`[electron smoke] fuses skipped: ${packaged.reason}`);
      test.skip(true, packaged.reason);
      return;
    }
    expect(await readFuses(packaged.path)).toMatchObject(expectedFuseStates());
  });
});

/** Launches the built app with its own profile; extra arguments go after the entry point, as the OS puts links. */
async function launchApp(extraArgs: string[] = []): Promise<{ app: ElectronApplication; userData: string; stderr: () => string }> {
  const binary = findElectronBinary() as { path: string };
  const userData = mkdtempSync(join(tmpdir(), 'rapporteur-smoke-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
  env.RAPPORTEUR_USER_DATA = userData;
  // Chromium refuses to start as root with its OS sandbox; this does not change the renderer's JS sandbox.
  const args = [mainEntry, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extraArgs];
  const app = await electron.launch({ executablePath: binary.path, args, env });
  let stderr = '';
  app.process().stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { app, userData, stderr: () => stderr };
}

test.describe('desktop app', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    const reason = skipReason();
    if (reason) {
      console.log(`[electron smoke] skipped: ${reason}`);
      test.skip(true, reason);
      return;
    }
    ({ app, userData } = await launchApp());
    // Links must not reach the tester's real browser: record them instead.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens on the workspace screen from app://', async () => {
    expect(page.url()).toMatch(/^app:\/\/rapporteur\//);
    const workspaces = page
      .getByRole('heading', { name: /workspaces/i })
      .or(page.getByRole('main', { name: /workspaces/i }))
      .or(page.getByRole('region', { name: /workspaces/i }));
    await expect(workspaces.first()).toBeVisible();
  });

  test('serves the renderer with the strict CSP header', async () => {
    const csp = await page.evaluate(async () => (await fetch('app://rapporteur/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
  });

  test('window.open never creates a window; https goes to the system browser', async () => {
    const result = await page.evaluate(() => window.open('https://example.org') === null);
    expect(result).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await expect
      .poll(() => app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally ?? []))
      .toContain('https://example.org/');
  });

  test('navigating away from app:// is blocked', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.org';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toMatch(/^app:\/\/rapporteur\//);
    expect(await page.evaluate(() => location.protocol)).toBe('app:');
  });

  test('the renderer has no Node and only the DesktopApi verbs', async () => {
    const probe = await page.evaluate(() => {
      const bridge = (window as unknown as Record<string, object | undefined>).rapporteurDesktop;
      return {
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        module: typeof (globalThis as Record<string, unknown>).module,
        verbs: bridge ? Object.keys(bridge).sort() : null,
        bridgeTypes: bridge ? Object.values(bridge).map((v) => typeof v) : [],
      };
    });
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.module).toBe('undefined');
    expect(probe.verbs).toEqual(DESKTOP_API_VERBS);
    expect(new Set(probe.bridgeTypes)).toEqual(new Set(['function']));
    const info = await page.evaluate(() => (window as unknown as { rapporteurDesktop: { appInfo(): Promise<{ platform: string }> } }).rapporteurDesktop.appInfo());
    expect(info.platform).toBe('desktop');
  });
});

test.describe('deep links', () => {
  let app: ElectronApplication;
  let userData: string;
  let stderr: () => string;

  test.beforeAll(async () => {
    const reason = skipReason();
    if (reason) {
      console.log(`[electron smoke] deep links skipped: ${reason}`);
      test.skip(true, reason);
      return;
    }
    // Launched the way the OS launches it for a link: the link is the last argument.
    ({ app, userData, stderr } = await launchApp([HOSTILE_LINKS.path]));
    await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('a hostile link on the command line is refused with a message', async () => {
    await expect.poll(stderr).toContain('[deep link] Rapporteur refused the link');
    expect(stderr()).toContain('it has a path after "join"');
  });

  test('hostile links from the OS (another host, an overlong token) are refused with a message', async () => {
    for (const link of [HOSTILE_LINKS.host, HOSTILE_LINKS.overlongToken]) {
      await app.evaluate(({ app: electronApp }, url) => {
        electronApp.emit('open-url', { preventDefault: () => undefined }, url);
      }, link);
    }
    await expect.poll(stderr).toContain('is not something the app does');
    await expect.poll(stderr).toContain('its token is 3000 characters long');
  });
});
