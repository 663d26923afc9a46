import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
import type { UserConfig } from 'vite';

/** Vite settings shared by the Electron renderer and the web build. */
export function rendererConfig(): UserConfig {
  return {
    root: resolve(here),
    base: './',
    plugins: [react()],
    build: {
      rollupOptions: { input: resolve(here, 'index.html') },
      chunkSizeWarningLimit: 4000,
      sourcemap: false,
    },
  };
}
