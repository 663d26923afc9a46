// What a start loads: the scripts index.html runs before anything is shown are the entry and its static imports.
// The document list must not wait for the editor (Tiptap, ProseMirror, y-tiptap, the editor schema): those load
// with the screens that edit (document, compare, digest, new-document dialog), or once the start is idle.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type Plugin } from 'vite';
import { rendererConfig } from '../../renderer/vite.shared';

const EDITOR = /node_modules\/(@tiptap|prosemirror-|@handlewithcare)|renderer\/src\/(schema\/schema|schema\/extensions|model\/bodyWrite)\.ts$/;

describe('the start', () => {
  it('loads no editor code: the entry chunk and its static imports hold no Tiptap, ProseMirror or editor schema', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'rapporteur-start-'));
    const start: { modules: string[]; chunks: string[] } = { modules: [], chunks: [] };
    const record: Plugin = {
      name: 'record-start',
      generateBundle(_options, bundle) {
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const entry = chunks.find((c) => c.isEntry)!;
        const seen = new Set<string>();
        const visit = (name: string) => {
          if (seen.has(name)) return;
          seen.add(name);
          const chunk = byName.get(name)!;
          start.modules.push(...Object.keys(chunk.modules));
          chunk.imports.forEach(visit);
        };
        visit(entry.fileName);
        start.chunks = [...seen];
      },
    };
    try {
      const config = rendererConfig();
      await build({ ...config, plugins: [...(config.plugins ?? []), record], configFile: false, logLevel: 'silent', build: { ...config.build, outDir, emptyOutDir: true } });
      expect(start.modules.some((m) => m.endsWith('renderer/src/ui/documents/DocumentsScreen.tsx'))).toBe(true);
      expect(start.modules.some((m) => /node_modules\/yjs\//.test(m))).toBe(true);
      expect(start.modules.filter((m) => EDITOR.test(m))).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
