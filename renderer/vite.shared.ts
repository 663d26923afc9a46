import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import type { OutputChunk } from 'rolldown';
import { contentSecurityPolicy } from '../common/csp';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Puts the CSP of common/csp.ts into index.html as the first tag of <head>, before anything it governs. */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'rapporteur-csp',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * V8's explicit compile hint (v8.dev/blog/explicit-compile-hints): a script that starts with this comment has all
 * its functions compiled when it loads (off the main thread while it streams) and kept in V8's code cache with it,
 * instead of each function being compiled on the main thread the first time it runs.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The modules whose chunks, with their static imports, a document's open runs (besides those the start ran). */
const OPENING_MODULES = [/\/renderer\/src\/ui\/document\/DocumentScreen\.tsx$/, /\/renderer\/src\/storage\/commentsPreviewWorker\.ts$/];

/**
 * Puts COMPILE_HINT at the top of the chunks a document's open runs: without it, a document's first open in a
 * session compiled about 55 ms of functions on the main thread, and the comments worker 12 ms (a trace of the
 * bench's 2,000-comment draft).
 * Not the chunks the start loads (the entry and its static imports): their code cache would grow with functions
 * the document list never runs, and the start got slower (the list shown 33 ms later at the median). Nor the
 * export, import and spreadsheet code, which is rarely run.
 */
export function compileHints(): Plugin {
  return {
    name: 'rapporteur-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // after Vite's own rewriting of the chunks that import others dynamically
      order: 'post',
      handler(_options, bundle) {
        const chunks = new Map<string, OutputChunk>();
        for (const c of Object.values(bundle)) if (c.type === 'chunk') chunks.set(c.fileName, c);
        const closure = (roots: OutputChunk[]) => {
          const seen = new Set<string>();
          const visit = (name: string) => {
            if (seen.has(name) || !chunks.has(name)) return;
            seen.add(name);
            chunks.get(name)!.imports.forEach(visit);
          };
          roots.forEach((c) => visit(c.fileName));
          return seen;
        };
        const all = [...chunks.values()];
        const opens = (c: OutputChunk) => OPENING_MODULES.some((m) => m.test(c.facadeModuleId ?? ''));
        const start = closure(all.filter((c) => c.isEntry && !opens(c)));
        for (const name of closure(all.filter(opens))) {
          if (!start.has(name)) chunks.get(name)!.code = `${COMPILE_HINT}\n${chunks.get(name)!.code}`;
        }
      },
    },
  };
}

/** Vite settings shared by the Electron renderer and the web build. */
export function rendererConfig(): UserConfig {
  return {
    root: resolve(here),
    base: './',
    plugins: [react(), contentSecurityPolicyMeta(), compileHints()],
    // workers are bundled by a build of their own
    worker: { plugins: () => [compileHints()] },
    build: {
      rollupOptions: { input: resolve(here, 'index.html') },
      chunkSizeWarningLimit: 4000,
      sourcemap: false,
    },
  };
}
