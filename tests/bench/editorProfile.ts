import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DOC_TITLE, WORKSPACE_ID, type EditorSeed } from './editorSeed';
import { docHash, openCold, openFromList, ROOT, seed, sleep } from './editorPage';
import { startStaticServer } from './editorServer';
import { connectedSession, TYPING_SESSION } from './editorRemote';
import { round } from './editorStats';

// Where the time goes when the editor bench misses a target. Runs on an unminified build of the same web
// config (so function names are readable) in its own context and origin, seeded like the measured one:
// - a V8 CPU profile (CDP Profiler, 100 µs sampling): the functions with the most self and inclusive time;
// - a Chrome trace (devtools.timeline): main-thread time by kind (script, style, layout, paint, GC), between
//   performance marks placed by the bench around the measured window.

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8'];

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self and inclusive sampled time per function, summed over several profiles. */
export class CpuAggregate {
  self = new Map<string, number>();
  inclusive = new Map<string, number>();
  totalUs = 0;

  add(profile: CpuProfile): void {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const key = (id: number) => {
      const f = byId.get(id)!.callFrame;
      const name = f.functionName || '(anonymous)';
      return f.url ? `${name} ${basename(f.url).replace(/\?.*$/, '')}:${f.lineNumber + 1}` : name;
    };
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i + 1] ?? 0; // a sample lasts until the next one
      this.totalUs += dt;
      this.self.set(key(id), (this.self.get(key(id)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const k = key(n);
        if (seen.has(k)) continue;
        seen.add(k);
        this.inclusive.set(k, (this.inclusive.get(k) ?? 0) + dt);
      }
    });
  }

  top(which: 'self' | 'inclusive', n: number, runs: number, skip: RegExp): Array<[string, number]> {
    return [...this[which].entries()]
      .filter(([k]) => !skip.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => [k, round(us / 1000 / runs)]);
  }

  /** Inclusive time of the functions whose name matches, largest first (the named steps of an open or a keystroke). */
  focus(names: RegExp, runs: number): Array<[string, number]> {
    return [...this.inclusive.entries()]
      .filter(([k]) => names.test(k.split(' ')[0]))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, us]) => [k, round(us / 1000 / runs)]);
  }

  ms(name: string, runs: number): number {
    return round((this.self.get(name) ?? 0) / 1000 / runs);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time of a complete event, where the platform reports it */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The renderer main thread(s) the bench's marks were recorded on (a trace covers every process of the browser). */
function markedThreads(events: TraceEvent[], mark: string): Set<string> {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const marked = new Set(events.filter((e) => e.name === mark).map((e) => `${e.pid}:${e.tid}`));
  return new Set([...marked].filter((k) => main.has(k)));
}

const BUCKETS: Array<[string, RegExp]> = [
  ['gc', /GC|garbage/i],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['paint', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage)$/],
  ['script', /^(FunctionCall|EvaluateScript|EventDispatch|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|v8\.|V8\.)/],
];

/** Main-thread self time by event name between two user-timing marks, per window. */
function traceBreakdown(json: string, startMark: string, endMark: string) {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = markedThreads(events, startMark);
  const starts = events.filter((e) => e.name === startMark).map((e) => e.ts).sort((a, b) => a - b);
  const ends = events.filter((e) => e.name === endMark).map((e) => e.ts).sort((a, b) => a - b);
  const windows = starts.map((s) => [s, ends.find((e) => e > s) ?? s] as const);
  const inWindow = (ts: number) => windows.some(([a, b]) => ts >= a && ts <= b);
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`) && inWindow(e.ts))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time: an event's duration minus that of the events nested directly in it (per thread).
  const selfByName = new Map<string, number>();
  const stacks = new Map<string, Array<{ name: string; end: number; child: number; dur: number }>>();
  const close = (stack: Array<{ name: string; end: number; child: number; dur: number }>) => {
    const top = stack.pop()!;
    selfByName.set(top.name, (selfByName.get(top.name) ?? 0) + Math.max(0, top.dur - top.child));
  };
  for (const e of complete) {
    const tkey = `${e.pid}:${e.tid}`;
    const stack = stacks.get(tkey) ?? [];
    stacks.set(tkey, stack);
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) close(stack);
    if (stack.length > 0) stack[stack.length - 1].child += e.dur!;
    stack.push({ name: e.name, end: e.ts + e.dur!, child: 0, dur: e.dur! });
  }
  for (const stack of stacks.values()) while (stack.length > 0) close(stack);
  const windowUs = windows.reduce((n, [a, b]) => n + (b - a), 0);
  const perWindow = (us: number) => round(us / 1000 / Math.max(1, windows.length));
  const buckets: Record<string, number> = {};
  for (const [name, us] of selfByName) {
    const bucket = BUCKETS.find(([, re]) => re.test(name))?.[0] ?? 'other';
    buckets[bucket] = (buckets[bucket] ?? 0) + us;
  }
  return {
    windows: windows.length,
    window_ms: perWindow(windowUs),
    main_thread_ms: Object.fromEntries(Object.entries(buckets).map(([k, us]) => [k, perWindow(us)])),
    top_events_self_ms: [...selfByName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, us]) => [k, perWindow(us)]),
  };
}

/**
 * Main-thread time of the renderer per window (between each start mark and the next end mark): wall time and
 * thread CPU time of the top-level tasks that overlap it. Thread time leaves out the time the thread waited
 * for a core, so it stays meaningful on a loaded machine, where wall-clock latencies are inflated.
 */
export function mainThreadPerWindow(json: string, startMark: string, endMark: string): Array<{ wallMs: number; cpuMs: number; tasks: number }> {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = markedThreads(events, startMark);
  const starts = events.filter((e) => e.name === startMark).map((e) => e.ts).sort((a, b) => a - b);
  const ends = events.filter((e) => e.name === endMark).map((e) => e.ts).sort((a, b) => a - b);
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Top-level tasks: those not nested in an earlier one on the same thread.
  const topLevel: TraceEvent[] = [];
  const openUntil = new Map<string, number>();
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    if ((openUntil.get(key) ?? -1) > e.ts) continue;
    topLevel.push(e);
    openUntil.set(key, e.ts + e.dur!);
  }
  return starts.map((a) => {
    const b = ends.find((x) => x > a) ?? a;
    const inside = topLevel.filter((e) => e.ts < b && e.ts + e.dur! > a);
    return {
      wallMs: inside.reduce((n, e) => n + e.dur!, 0) / 1000,
      cpuMs: inside.reduce((n, e) => n + (e.tdur ?? e.dur!), 0) / 1000,
      tasks: inside.length,
    };
  });
}

export const TRACE_CATEGORIES_LIGHT = ['devtools.timeline', 'blink.user_timing', ...(process.env.BENCH_TRACE_EXTRA?.split(',') ?? [])];

let unminifiedWeb: string | null = null;

export async function buildUnminified(benchDir: string): Promise<string> {
  if (unminifiedWeb && existsSync(join(unminifiedWeb, 'index.html'))) return unminifiedWeb;
  const outDir = join(benchDir, 'web-unminified');
  await build({ configFile: join(ROOT, 'renderer/vite.web.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false, sourcemap: false } });
  unminifiedWeb = outDir;
  return outDir;
}

async function profilingContext(browser: Browser, s: EditorSeed, benchDir: string, probe: (lastText: string) => void) {
  const server = await startStaticServer(await buildUnminified(benchDir), benchDir);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(probe, s.lastBlockText);
  await seed(context, server.url, s);
  return { server, context };
}

async function listPage(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
  await page.getByText(DOC_TITLE).first().waitFor();
  await sleep(500);
  return page;
}


/** The route change to the document on a list page already open, between the marks `bench-start` and `bench-end`. */
function routeChangeMarked(page: Page): Promise<unknown> {
  return page.evaluate((hash) => {
    const w = window as unknown as { __benchEditorReady: (t0: number) => Promise<{ ready: number; painted: number }> };
    performance.mark('bench-start');
    const ready = w.__benchEditorReady(performance.now());
    location.hash = hash;
    return ready.then((r) => {
      performance.mark('bench-end');
      return r;
    });
  }, docHash);
}

export const SKIP_INCLUSIVE = /^\((root|program|idle)\)$/;

/** Steps of opening and typing worth naming: Yjs, y-tiptap, ProseMirror view, Tiptap, the app's derived stats. */
const FOCUS =
  /^(applyUpdate|applyUpdateV2|readUpdateV2|fetchUpdates|_forceRerender|_typeChanged|_prosemirrorChanged|initProseMirrorDoc|createNodeFromYElement|yXmlFragmentToProsemirrorJSON|updateYFragment|createView|createNodeViews|setProps|updateStateInner|updateChildren|docViewDesc|renderSpec|Editor|createEditor|EditorContent|DocumentScreen|RichTextEditor|useStatsAndIndex|bodyToJSON|plainText|countWords|estimatePages|indexDocument|deriveCatalogRow|deriveDocument|buildBodyIndex|readDOMChange|flush|dispatchTransaction|appendTransaction|applyTransaction|storeUpdate|encodeStateAsUpdate|transact|useDocVersion|Toolbar|decorations|viewDecorations|computeDocDeco|create|buildTree|nodesBetween|descendants|getModernOffsetsFromPoints|getSelectionInformation|restoreSelection|getOffsets|setOffsets|commitBeforeMutationEffects|updatePluginViews|appendTransaction|scrollToSelection|selectionToDOM|coordsAtPos)$/;

export async function profileOpen(browser: Browser, s: EditorSeed, benchDir: string, probe: (lastText: string) => void): Promise<Record<string, unknown>> {
  const { server, context } = await profilingContext(browser, s, benchDir, probe);
  try {
    await (await openCold(context, server.url)).page.close(); // warm the HTTP and code caches
    const runs = 3;
    const cpu = new CpuAggregate();
    const ready: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await listPage(context, server.url);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const r = (await routeChangeMarked(page)) as { ready: number };
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      if (process.env.BENCH_PROFILE_DUMP) writeFileSync(`${process.env.BENCH_PROFILE_DUMP}-open-${i}.cpuprofile`, JSON.stringify(profile));
      cpu.add(profile);
      ready.push(r.ready);
      await page.close();
    }
    const traced = await openFromList(context, server.url, { browser, categories: TRACE_CATEGORIES });
    if (process.env.BENCH_PROFILE_DUMP) writeFileSync(`${process.env.BENCH_PROFILE_DUMP}-open-trace.json`, traced.trace!);
    const trace = traceBreakdown(traced.trace!, 'bench-start', 'bench-end');
    await traced.page.close();
    return {
      build: 'unminified web build, route change to the document',
      runs,
      ready_ms_unminified: ready.map((x) => round(x)),
      sampled_ms_per_open: round(cpu.totalUs / 1000 / runs),
      gc_ms_per_open: cpu.ms('(garbage collector)', runs),
      program_ms_per_open: cpu.ms('(program)', runs),
      top_self_ms: cpu.top('self', 15, runs, /^\((root|idle)\)$/),
      top_inclusive_ms: cpu.top('inclusive', 30, runs, SKIP_INCLUSIVE),
      named_steps_inclusive_ms: cpu.focus(FOCUS, runs),
      trace,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

export async function profileKeystrokes(browser: Browser, s: EditorSeed, benchDir: string): Promise<Record<string, unknown>> {
  // Under the keystroke line's conditions: the report connected to a sync server, with peers, carets and comments.
  const server = await startStaticServer(await buildUnminified(benchDir), benchDir);
  const session = await connectedSession(browser, server.url, s, TYPING_SESSION);
  const keys = 40;
  try {
    const { page } = await openCold(session.context, server.url);
    if (!(await session.peersHoldReport())) throw new Error('keystroke profile: the report never reached the peers through the sync server');
    await sleep(2000);
    const paragraph = page.locator('.ProseMirror h1', { hasText: s.middleHeading }).first().locator('xpath=following-sibling::p[1]');
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.click();
    await page.evaluate(() => {
      // One window per keystroke: from its keydown to after the next frame.
      window.addEventListener(
        'keydown',
        () => {
          performance.mark('key-start');
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => performance.mark('key-end');
            channel.port2.postMessage(null);
          });
        },
        { capture: true },
      );
    });
    const type = async () => {
      for (let i = 0; i < keys; i++) {
        const started = Date.now();
        await page.keyboard.type('abcdefghij'[i % 10]);
        const wait = 100 - (Date.now() - started);
        if (wait > 0) await sleep(wait);
      }
    };
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await type();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    if (process.env.BENCH_PROFILE_DUMP) writeFileSync(`${process.env.BENCH_PROFILE_DUMP}-keystrokes.cpuprofile`, JSON.stringify(profile));
    const cpu = new CpuAggregate();
    cpu.add(profile);
    await sleep(500);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await type();
    await sleep(300);
    const trace = traceBreakdown((await browser.stopTracing()).toString('utf8'), 'key-start', 'key-end');
    await page.close();
    return {
      build: `unminified web build, typing in the middle section at 100 ms intervals, ${TYPING_SESSION.peers} peers connected, ${TYPING_SESSION.comments} comments`,
      keystrokes: keys,
      busy_ms_per_keystroke: round((cpu.totalUs - (cpu.self.get('(idle)') ?? 0)) / 1000 / keys),
      gc_ms_per_keystroke: cpu.ms('(garbage collector)', keys),
      top_self_ms_per_keystroke: cpu.top('self', 15, keys, /^\((root|idle)\)$/),
      top_inclusive_ms_per_keystroke: cpu.top('inclusive', 30, keys, SKIP_INCLUSIVE),
      named_steps_inclusive_ms_per_keystroke: cpu.focus(FOCUS, keys),
      // React function components re-rendered while typing (PascalCase functions of the bundle).
      components_inclusive_ms_per_keystroke: cpu.focus(/^[A-Z][a-z]+[A-Z][A-Za-z]*$|^(Toolbar|Sidebar)$/, keys).filter(([k]) => !/^(EditorView|EditorState|DOMObserver|NodeViewDesc|ViewDesc|TextViewDesc|MarkViewDesc)\b/.test(k)),
      trace_per_keystroke: trace,
    };
  } finally {
    await session.close();
    await server.close();
  }
}
