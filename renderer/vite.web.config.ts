import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './vite.shared';
import { serviceWorkerManifest } from './serviceWorkerManifest';

const here = fileURLToPath(new URL('.', import.meta.url));

// The web build: the same renderer for browsers (stakeholders without the desktop app, and e2e tests).
const base = rendererConfig();
export default defineConfig({
  ...base,
  plugins: [...(base.plugins ?? []), serviceWorkerManifest()],
  build: { ...base.build, outDir: resolve(here, '../dist/web'), emptyOutDir: true },
});
