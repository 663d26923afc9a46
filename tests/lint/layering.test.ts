// Each layering rule of eslint.config.js, probed: a file in the layer that imports what the rule forbids must fail
// lint, and a neighbouring allowed import must pass. Lints strings through the ESLint API with the repo's config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

interface Probe {
  rule: string;
  file: string;
  denied: string[];
  allowed: string[];
}

const PROBES: Probe[] = [
  { rule: 'model/ imports only common/ and schema/', file: 'renderer/src/model/comments/probe.ts', denied: ['../../state/uiStore', '../../ui/App', '../../export/exportInput', '../../editor/editorExtensions', '../../i18n/en', '../../storage/openDocs', '../../sync/workspaceSync', '../../platform/desktop'], allowed: ['../../../../common/rooms', '../../schema/schema', './anchor', '../documentDoc', 'yjs'] },
  { rule: 'schema/ imports only common/', file: 'renderer/src/schema/probe.ts', denied: ['../model/bodyJson', '../editor/pasteCleanup', '../ui/App'], allowed: ['../../../common/ids', './footnote', '@tiptap/core'] },
  { rule: 'storage/ may not import state/ or ui/', file: 'renderer/src/storage/probe.ts', denied: ['../state/uiStore', '../ui/App', '../sync/workspaceSync'], allowed: ['../model/catalog', './catalogDb'] },
  { rule: 'sync/ may not import state/ or ui/', file: 'renderer/src/sync/probe.ts', denied: ['../state/uiStore', '../ui/hooks'], allowed: ['../storage/catalogDb', '../model/identity'] },
  { rule: 'state/ may not import ui/', file: 'renderer/src/state/probe.ts', denied: ['../ui/App', '../ui/comments/commentsUiStore'], allowed: ['../storage/openDocs', '../model/catalog', './route'] },
  { rule: 'export/ may not import ui/, state/, storage/ or sync/', file: 'renderer/src/export/word/probe.ts', denied: ['../../ui/App', '../../state/uiStore', '../../storage/catalogDb', '../../sync/workspaceSync', '../../editor/editorExtensions'], allowed: ['../../model/bodyJson', '../../schema/schema', '../exportInput'] },
  { rule: 'editor/ may not import ui/, state/, storage/, sync/ or export/', file: 'renderer/src/editor/probe.ts', denied: ['../ui/App', '../state/uiStore', '../storage/openDocs', '../export/exportDocx'], allowed: ['../schema/extensions', '../model/bodyJson'] },
  { rule: 'i18n/ imports no other layer', file: 'renderer/src/i18n/probe.ts', denied: ['../model/kinds', '../ui/App'], allowed: ['./en'] },
  { rule: 'the renderer never imports electron or node:*', file: 'renderer/src/ui/probe.tsx', denied: ['electron', 'node:fs', 'fs', '../../../electron/main/ipc', '../../../sync-server/server', '../../../cli/exportDocx'], allowed: ['../state/uiStore', 'react'] },
  { rule: 'production renderer code never imports tests', file: 'renderer/src/model/probe.ts', denied: ['../../../tests/fixtures/generateComments'], allowed: [] },
  { rule: 'common/ imports nothing platform-specific', file: 'common/probe.ts', denied: ['node:fs', 'electron', 'react', '../renderer/src/model/kinds', '../sync-server/token'], allowed: ['./rooms', 'yjs'] },
  { rule: 'electron/ does not reach into the renderer or the server', file: 'electron/main/probe.ts', denied: ['../../renderer/src/model/kinds', '../../sync-server/token'], allowed: ['../../common/desktopApi', 'node:path', 'electron'] },
  { rule: 'the server uses only pure renderer layers', file: 'sync-server/probe.ts', denied: ['../renderer/src/ui/App', '../renderer/src/state/uiStore', '../renderer/src/storage/openDocs', '../renderer/src/editor/pasteCleanup', 'electron', '../tests/fixtures/prng'], allowed: ['../renderer/src/model/comments/commentsDoc', '../renderer/src/schema/schema', '../common/rooms', 'node:http'] },
  { rule: 'the storage worker imports only packages and .mjs files', file: 'sync-server/storage/probe.mjs', denied: ['./docStore', './workerDocStore.ts', '../log', 'electron', '../../renderer/src/ui/App', '../../tests/fixtures/prng'], allowed: ['./packedUpdates.mjs', './sqliteDocStore.mjs', 'better-sqlite3', 'node:worker_threads'] },
  { rule: 'the CLI uses only pure renderer layers', file: 'cli/probe.ts', denied: ['../renderer/src/sync/workspaceSync', '../renderer/src/ui/App'], allowed: ['../renderer/src/export/exportDocx', '../renderer/src/model/bodyJson', '../renderer/src/i18n/en', 'node:fs'] },
];

describe('layering lint', () => {
  for (const probe of PROBES) {
    it(probe.rule, async () => {
      for (const spec of probe.denied) {
        const messages = await restrictedImports(probe.file, `import '${spec}';\n`);
        expect(messages, `${probe.file} importing ${spec}`).not.toEqual([]);
      }
      for (const spec of probe.allowed) {
        const messages = await restrictedImports(probe.file, `import '${spec}';\n`);
        expect(messages, `${probe.file} importing ${spec}`).toEqual([]);
      }
    });
  }

  it('test files beside model code may use fixtures, but not electron', async () => {
    expect(await restrictedImports('renderer/src/model/probe.test.ts', "import '../../../tests/fixtures/prng';\n")).toEqual([]);
    expect(await restrictedImports('renderer/src/model/probe.test.ts', "import 'electron';\n")).not.toEqual([]);
  });
});
