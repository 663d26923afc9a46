import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
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

/** Vite settings shared by the Electron renderer and the web build. */
export function rendererConfig(): UserConfig {
  return {
    root: resolve(here),
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      rollupOptions: { input: resolve(here, 'index.html') },
      chunkSizeWarningLimit: 4000,
      sourcemap: false,
    },
  };
}
