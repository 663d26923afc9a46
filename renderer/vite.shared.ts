import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { contentSecurityPolicy, type CspTarget } from '../common/csp';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Puts the CSP of common/csp.ts into index.html as the first tag of <head>, before anything it governs. */
export function contentSecurityPolicyMeta(target: CspTarget): Plugin {
  return {
    name: 'rapporteur-csp',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ target }) }, injectTo: 'head-prepend' },
    ],
  };
}

/** Vite settings shared by the Electron renderer and the web build; `target` picks the CSP of index.html. */
export function rendererConfig(target: CspTarget = 'web'): UserConfig {
  return {
    root: resolve(here),
    base: './',
    plugins: [react(), contentSecurityPolicyMeta(target)],
    build: {
      rollupOptions: { input: resolve(here, 'index.html') },
      chunkSizeWarningLimit: 4000,
      sourcemap: false,
    },
  };
}
