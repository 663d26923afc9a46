// What a start loads: the scripts index.html runs before anything is shown are the entry and its static imports.
// The document list must not wait for the editor (Tiptap, ProseMirror, y-tiptap, the editor schema): those load
// with the screens that edit (document, compare, digest, new-document dialog), or once the start is idle.
// And what V8 compiles as it loads: the chunks a document's open runs carry the compile hint, the others do not.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Plugin } from 'vite';
import { COMPILE_HINT, rendererConfig } from '../../renderer/vite.shared';

const EDITOR = /node_modules\/(@tiptap|prosemirror-|@handlewithcare)|renderer\/src\/(schema\/schema|schema\/extensions|model\/bodyWrite)\.ts$/;

describe('the start and the open', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'rapporteur-start-'));
  const start: { modules: string[]; chunks: string[] } = { modules: [], chunks: [] };
  /** chunk file name -> its modules, as the bundle holds them */
  const modulesOf = new Map<string, string[]>();

  beforeAll(async () => {
    const record: Plugin = {
      name: 'record-start',
      generateBundle(_options, bundle) {
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        for (const c of chunks) modulesOf.set(c.fileName, Object.keys(c.modules));
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
    const config = rendererConfig();
    await build({ ...config, plugins: [...(config.plugins ?? []), record], configFile: false, logLevel: 'silent', build: { ...config.build, outDir, emptyOutDir: true } });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('loads no editor code at the start: the entry chunk and its static imports hold no Tiptap, ProseMirror or editor schema', () => {
    expect(start.modules.some((m) => m.endsWith('renderer/src/ui/documents/DocumentsScreen.tsx'))).toBe(true);
    expect(start.modules.some((m) => /node_modules\/yjs\//.test(m))).toBe(true);
    expect(start.modules.filter((m) => EDITOR.test(m))).toEqual([]);
  });

  it("has V8 compile, as they load, the chunks a document's open runs: not the start's, nor export, import or spreadsheets", () => {
    const files = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const hinted = new Set(files.filter((f) => readFileSync(join(outDir, 'assets', f), 'utf8').startsWith(`${COMPILE_HINT}\n`)));
    const holding = (re: RegExp) => [...modulesOf].filter(([, ms]) => ms.some((m) => re.test(m))).map(([f]) => f.replace(/^assets\//, ''));
    // the document screen and the editor (ProseMirror, Tiptap, the schema) it runs
    for (const re of [/ui\/document\/DocumentScreen\.tsx$/, /node_modules\/prosemirror-view\//, /renderer\/src\/schema\/schema\.ts$/]) {
      expect(holding(re).length).toBeGreaterThan(0);
      for (const f of holding(re)) expect(hinted, f).toContain(f);
    }
    // the comments preview worker (a build of its own), and not the import worker
    expect(files.filter((f) => f.startsWith('commentsPreviewWorker-') && hinted.has(f))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('importWorker-') && hinted.has(f))).toEqual([]);
    // nothing the start loads, and none of the rarely run code
    for (const f of start.chunks) expect(hinted, f).not.toContain(f.replace(/^assets\//, ''));
    for (const re of [/ui\/export\/ExportDialog\.tsx$/, /model\/comments\/matrixXlsx\.ts$/, /export\/import\/importDocx\.ts$/]) {
      expect(holding(re).length).toBeGreaterThan(0);
      for (const f of holding(re)) expect(hinted, f).not.toContain(f);
    }
  });
});
