import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer/vite.shared';

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: { ...rendererConfig(), build: { ...rendererConfig().build, outDir: resolve('out/renderer') } },
});
