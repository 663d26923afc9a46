import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { build } from 'vite';
import { join } from 'node:path';
import type { EditorSeed } from './editorSeed';
import { openCold, openFromList, ROOT, seed, sleep } from './editorPage';
import { mainThreadPerWindow, TRACE_CATEGORIES_LIGHT } from './editorProfile';
import { startStaticServer, type StaticServer } from './editorServer';
import { percentile, round } from './editorStats';

// Opt-in (BENCH_EXPERIMENTS=1): measures the app changes the profile suggests, without touching the app. Each
// variant is a web build of the same config with source patches applied at build time (a Vite transform that
// fails loudly when a patch no longer applies), served from its own origin and seeded alike. Opens and
// keystrokes are interleaved across variants (A B C A B C ...) so a machine that gets busier during the run
// penalises every variant alike; each figure is given as wall time and as main-thread CPU time (trace).

interface Patch {
  file: string;
  from: string;
  to: string;
}

const PATCHES: Record<string, Patch[]> = {
  // The scrolling main pane as a relayout boundary: a keystroke's layout starts there, not at the document root.
  // Measured (400 keystrokes each, twice): within the noise; it would also re-anchor the narrow window's fixed
  // comments drawer to the pane.
  mainContainment: [{ file: 'renderer/src/ui/styles.css', from: '.main { grid-row: 1 / 2; overflow-y: auto; position: relative; }', to: '.main { grid-row: 1 / 2; overflow-y: auto; position: relative; contain: size layout; }' }],
  // The scrolling main pane on a compositor layer of its own: a keystroke repaints that layer, not the window's.
  // Measured (400 keystrokes): within the noise.
  mainScrollLayer: [{ file: 'renderer/src/ui/styles.css', from: '.main { grid-row: 1 / 2; overflow-y: auto; position: relative; }', to: '.main { grid-row: 1 / 2; overflow-y: auto; position: relative; will-change: scroll-position; }' }],
};

interface Variant {
  name: string;
  patches: Array<keyof typeof PATCHES>;
}

const VARIANTS: Variant[] = [
  { name: 'baseline', patches: [] },
  { name: 'main-containment', patches: ['mainContainment'] },
  { name: 'main-scroll-layer', patches: ['mainScrollLayer'] },
];

function patchPlugin(variant: Variant): Plugin {
  const patches = variant.patches.flatMap((p) => PATCHES[p]);
  return {
    name: `bench-variant-${variant.name}`,
    enforce: 'pre',
    transform(code, id) {
      const path = id.replace(/\?.*$/, '');
      const mine = patches.filter((p) => path.endsWith(p.file));
      if (mine.length === 0) return null;
      let out = code;
      for (const p of mine) {
        if (!out.includes(p.from)) throw new Error(`variant ${variant.name}: patch no longer applies to ${p.file}: ${JSON.stringify(p.from.slice(0, 60))}`);
        out = out.replace(p.from, p.to);
      }
      return { code: out, map: null };
    },
  };
}

async function buildVariant(variant: Variant, outDir: string): Promise<void> {
  await build({ configFile: join(ROOT, 'renderer/vite.web.config.ts'), logLevel: 'warn', plugins: [patchPlugin(variant)], build: { outDir, emptyOutDir: true } });
}

interface Setup {
  variant: Variant;
  server: StaticServer;
  context: BrowserContext;
  open: number[];
  openCpu: number[];
  keys: number[];
  keysCpu: number[];
}

export async function runExperiments(browser: Browser, s: EditorSeed, benchDir: string, probe: (lastText: string) => void, runs: number, keystrokes: number): Promise<Array<Record<string, unknown>>> {
  const setups: Setup[] = [];
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
      setups.push({ variant, server, context, open: [], openCpu: [], keys: [], keysCpu: [] });
    }
    for (let i = 0; i < runs; i++) {
      for (const x of setups) {
        const { result, page, trace } = await openFromList(x.context, x.server.url, { browser, categories: TRACE_CATEGORIES_LIGHT });
        x.open.push(result.ready);
        x.openCpu.push(...mainThreadPerWindow(trace!, 'bench-start', 'bench-end').map((w) => w.cpuMs));
        await page.close();
      }
    }
    const typists = [];
    for (const x of setups) typists.push({ x, page: await readyToType(x.context, x.server.url, s) });
    const rounds = 4;
    for (let r = 0; r < rounds; r++) {
      for (const { x, page } of typists) {
        const part = await typeTraced(browser, page, Math.ceil(keystrokes / rounds));
        x.keys.push(...part.wall);
        x.keysCpu.push(...part.cpu);
      }
    }
    for (const { page } of typists) await page.close();
    return setups.map((x) => ({
      bench: 'editor_experiment',
      variant: x.variant.name,
      patches: x.variant.patches,
      open_median_ms: round(percentile(x.open, 50)),
      open_p95_ms: round(percentile(x.open, 95)),
      open_cpu_median_ms: round(percentile(x.openCpu, 50)),
      open_runs: x.open.length,
      keystroke_median_ms: round(percentile(x.keys, 50)),
      keystroke_p95_ms: round(percentile(x.keys, 95)),
      keystroke_cpu_median_ms: round(percentile(x.keysCpu, 50)),
      keystroke_cpu_p95_ms: round(percentile(x.keysCpu, 95)),
      keystrokes: x.keys.length,
    }));
  } finally {
    for (const x of setups) {
      await x.context.close();
      await x.server.close();
    }
  }
}

/** Opens the document and puts the caret in the middle section, with the keystroke probe installed. */
async function readyToType(context: BrowserContext, base: string, s: EditorSeed): Promise<Page> {
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
        performance.mark('key-start');
        w.__benchKeyPending = new Promise((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              performance.mark('key-end');
              resolve(performance.now() - t0);
            };
            channel.port2.postMessage(null);
          }),
        );
      },
      { capture: true },
    );
  });
  return page;
}

/** Keydown -> after the next frame (wall), and the main thread's CPU time in that window (trace). */
async function typeTraced(browser: Browser, page: Page, keystrokes: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  await browser.startTracing(page, { categories: TRACE_CATEGORIES_LIGHT });
  for (let i = 0; i < keystrokes; i++) {
    const started = Date.now();
    await page.keyboard.type('the quick brown fox '[i % 20]);
    wall.push((await page.evaluate(() => (window as unknown as { __benchKeyPending: Promise<number> }).__benchKeyPending)) as number);
    const wait = 100 - (Date.now() - started);
    if (wait > 0) await sleep(wait);
  }
  await sleep(200);
  const cpu = mainThreadPerWindow((await browser.stopTracing()).toString('utf8'), 'key-start', 'key-end').map((w) => w.cpuMs);
  return { wall, cpu };
}
