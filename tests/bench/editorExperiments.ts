import type { Browser, BrowserContext } from 'playwright-core';
import type { Plugin } from 'vite';
import { build } from 'vite';
import { join } from 'node:path';
import type { EditorSeed } from './editorSeed';
import { openCold, openFromList, ROOT, seed, sleep } from './editorPage';
import { startStaticServer, type StaticServer } from './editorServer';
import { percentile, round } from './editorStats';

// Opt-in (BENCH_EXPERIMENTS=1): measures app changes the bench's profile suggests, without touching the app.
// Each variant is a web build of the same config with a source patch applied at build time (a Vite transform),
// served from its own origin and seeded alike. Runs are interleaved across variants (A B C A B C ...) so a
// machine that gets busier during the run penalises every variant alike.

interface Variant {
  name: string;
  what: string;
  patch?: (id: string, code: string) => string | null;
}

const VARIANTS: Variant[] = [
  { name: 'baseline', what: 'the web build as it is' },
  {
    name: 'table-no-nodeview',
    what: "TableKit table option View: null: no node views, so EditorContent's createNodeViews() no longer redraws the whole document",
    patch: (id, code) => (id.endsWith('renderer/src/editor/extensions.ts') ? code.replace('table: { resizable: false }', 'table: { resizable: false, View: null }') : null),
  },
  {
    name: 'table-no-nodeview+content-visibility',
    what: 'plus `.prose > * { content-visibility: auto }`: off-screen blocks skip layout and paint (caveat: style containment scopes the CSS footnote counter)',
    patch: (id, code) => {
      if (id.endsWith('renderer/src/editor/extensions.ts')) return code.replace('table: { resizable: false }', 'table: { resizable: false, View: null }');
      if (id.endsWith('renderer/src/ui/styles.css')) return `${code}\n.prose > * { content-visibility: auto; contain-intrinsic-size: auto 3em; }\n`;
      return null;
    },
  },
];

function patchPlugin(variant: Variant): Plugin {
  return {
    name: `bench-variant-${variant.name}`,
    enforce: 'pre',
    transform(code, id) {
      const out = variant.patch?.(id.replace(/\?.*$/, ''), code);
      if (out === null || out === undefined) return null;
      if (out === code) throw new Error(`variant ${variant.name}: the patch no longer applies to ${id}`);
      return { code: out, map: null };
    },
  };
}

async function buildVariant(variant: Variant, outDir: string): Promise<void> {
  await build({ configFile: join(ROOT, 'renderer/vite.web.config.ts'), logLevel: 'warn', plugins: [patchPlugin(variant)], build: { outDir, emptyOutDir: true } });
}

export async function runExperiments(browser: Browser, s: EditorSeed, benchDir: string, probe: (lastText: string) => void, runs: number, keystrokes: number): Promise<Array<Record<string, unknown>>> {
  const setups: Array<{ variant: Variant; server: StaticServer; context: BrowserContext; open: number[]; keys: number[] }> = [];
  try {
    for (const variant of VARIANTS) {
      const outDir = join(benchDir, `variant-${variant.name}`);
      await buildVariant(variant, outDir);
      const server = await startStaticServer(outDir, benchDir);
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(60_000);
      await context.addInitScript(probe, s.lastBlockText);
      await seed(context, server.url, s);
      await (await openCold(context, server.url)).page.close(); // warm caches
      setups.push({ variant, server, context, open: [], keys: [] });
    }
    for (let i = 0; i < runs; i++) {
      for (const setup of setups) {
        const { result, page } = await openFromList(setup.context, setup.server.url);
        setup.open.push(result.ready);
        await page.close();
      }
    }
    for (const setup of setups) setup.keys = await typeInMiddle(setup.context, setup.server.url, s, keystrokes);
    return setups.map((x) => ({
      bench: 'editor_experiment',
      variant: x.variant.name,
      change: x.variant.what,
      open_median_ms: round(percentile(x.open, 50)),
      open_p95_ms: round(percentile(x.open, 95)),
      open_runs: x.open.length,
      keystroke_median_ms: round(percentile(x.keys, 50)),
      keystroke_p95_ms: round(percentile(x.keys, 95)),
      keystrokes: x.keys.length,
    }));
  } finally {
    for (const x of setups) {
      await x.context.close();
      await x.server.close();
    }
  }
}

/** Keydown -> after the next frame, as editor.ts measures it (shorter run). */
async function typeInMiddle(context: BrowserContext, base: string, s: EditorSeed, keystrokes: number): Promise<number[]> {
  const { page } = await openCold(context, base);
  await sleep(2000);
  const paragraph = page.locator('.ProseMirror h1', { hasText: s.middleHeading }).first().locator('xpath=following-sibling::p[1]');
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    window.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        w.__benchKeyPending = new Promise((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - t0);
            channel.port2.postMessage(null);
          }),
        );
      },
      { capture: true },
    );
  });
  const out: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    const started = Date.now();
    await page.keyboard.type('the quick brown fox '[i % 20]);
    out.push((await page.evaluate(() => (window as unknown as { __benchKeyPending: Promise<number> }).__benchKeyPending)) as number);
    const wait = 100 - (Date.now() - started);
    if (wait > 0) await sleep(wait);
  }
  await page.close();
  return out;
}
