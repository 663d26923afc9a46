// `server migrate --from <data> --to postgres://…` against a real PostgreSQL: every document of an embedded store
// (compacted state + updates) is copied and verified; a server on PostgreSQL then serves the same content.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from './log';
import { DB_FILE_NAME, startServer } from './server';
import { SqliteDocStore } from './storage/sqliteDocStore.mjs';
import { describeWithEngines, startPostgres, type TestPostgres } from './testEngines';
import { fetchDoc, makeToken, REPO_ROOT, TEST_SECRET, tempDir } from './testHelpers';

const run = promisify(execFile);
const editor = makeToken({ ws: 'ws1', role: 'editor' });

describeWithEngines('server migrate (SQLite -> PostgreSQL)', (bins) => {
  let pg: TestPostgres;
  const dir = tempDir();
  beforeAll(async () => {
    pg = await startPostgres(bins);
  }, 120_000);
  afterAll(() => {
    pg?.destroy();
    dir.remove();
  });

  it('copies every document and verifies each; a PostgreSQL server then serves the same content', async () => {
    const store = new SqliteDocStore(join(dir.path, DB_FILE_NAME));
    const expected = new Map<string, string>();
    for (let d = 0; d < 5; d++) {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 30; i++) doc.getText('body').insert(doc.getText('body').length, `d${d}.${i} `);
      doc.getText('body').delete(0, 5);
      const seqs = store.appendSync(updates.map((update) => ({ docName: `doc.ws1.m${d}`, update })));
      if (d % 2 === 0) store.compactSync(`doc.ws1.m${d}`, Y.encodeStateAsUpdate(doc), seqs[19] ?? 0); // part compacted
      expected.set(`ws1/m${d}`, doc.getText('body').toString());
    }
    store.closeSync();

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', 'migrate', '--from', dir.path, '--to', pg.url], { cwd: REPO_ROOT, timeout: 60_000 });
    expect(stdout).toMatch(/^5 documents copied, 5 verified$/m);
    expect(stdout.split('\n').filter((l) => l.startsWith('ok '))).toHaveLength(5);

    const server = await startServer({ port: 0, dataDir: tempDir().path, secret: TEST_SECRET, webDir: null, logger: silentLogger, storeUrl: pg.url });
    try {
      for (const [room, text] of expected) expect((await fetchDoc(server.url, room, editor)).getText('body').toString()).toBe(text);
    } finally {
      await server.close();
    }
  }, 90_000);
});
