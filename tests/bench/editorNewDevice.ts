import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { commentsDocName, documentDocName, roomForDocName, workspaceDocName } from '../../common/rooms';
import { sleep, type PageLib } from './editorPage';
import { percentile, round, summary } from './editorStats';
import { buildSeed, DOC_ID, DOC_TITLE, keepFunctionNames, measureOpen, openList, PLAIN_ID, TARGET_P95_MS, untilPlaced, WORKSPACE_ID, WORKSPACE_NAME, type Times } from './editorComments';
import { startSyncServer, stockPeer, type BenchSyncServer } from './editorRemote';

// The editor bench's `editor_open_comments_new_device` line: the 2,000-comment draft's first open on a device
// that has never held it, reached the way a co-facilitator's new laptop reaches it. A fresh browser profile is
// given the workspace's connection (a real sync server process on loopback, sync-server/cli.ts, holding the
// workspace, the draft and its comments); the app's background full sync brings the documents and derives them
// (storage/syncedDerivation.ts), which places the draft's highlights for its first open (storage/highlightCache.ts).
// Then, in a fresh page, connected: route change from the list to the draft, measured as `editor_open_comments`
// measures (text editable and highlights in the DOM, painted). Floor in the same run: the same device's next open
// of the draft (its reopen). `editor_open_comments`' `first_open_*` is the other case: an open before anything
// placed the highlights (they are deleted first), which on a new device is an open before its full sync is done.

const stateVector = (sv: Uint8Array) => [...Y.decodeStateVector(sv)].sort(([a], [b]) => a - b).join(';');

/** Writes each doc to the server through a stock y-websocket client; returns once a second client reads it all back. */
async function pushToServer(server: BenchSyncServer, docs: Array<[string, Uint8Array]>): Promise<void> {
  for (const [name, bytes] of docs) {
    const room = roomForDocName(name)!;
    const reader = stockPeer(server.url, room, server.token('bench-reader', WORKSPACE_ID));
    const writer = stockPeer(server.url, room, server.token('bench-seeder', WORKSPACE_ID));
    try {
      await Promise.all([reader.synced, writer.synced]);
      Y.applyUpdate(writer.doc, bytes);
      const want = stateVector(Y.encodeStateVectorFromUpdate(bytes));
      for (let i = 0; i < 300 && stateVector(Y.encodeStateVector(reader.doc)) !== want; i++) await sleep(100);
      if (stateVector(Y.encodeStateVector(reader.doc)) !== want) throw new Error(`new device case: the server did not hold ${name} within 30 s`);
    } finally {
      for (const p of [reader, writer]) {
        p.provider.destroy();
        p.provider.awareness.destroy();
      }
    }
  }
}

export async function measureNewDeviceOpen(browser: Browser, base: string, runs: number, log: (m: string) => void): Promise<Record<string, unknown>> {
  log('new device case: a sync server holding the 2,000-comment draft');
  const s = buildSeed();
  const server = await startSyncServer(base);
  try {
    await pushToServer(server, [
      [workspaceDocName(WORKSPACE_ID), s.ws],
      [documentDocName(WORKSPACE_ID, DOC_ID), s.doc],
      [documentDocName(WORKSPACE_ID, PLAIN_ID), s.plain],
      [commentsDocName(WORKSPACE_ID, DOC_ID), s.comments],
    ]);
    const draft = `#/w/${WORKSPACE_ID}/d/${DOC_ID}`;
    const first: Times[] = [];
    const reopen: Times[] = [];
    const listed: number[] = [];
    const placedAfter: number[] = [];
    log(`new device case: join, full sync, first open, reopen x${runs}`);
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(120_000);
      await keepFunctionNames(context);
      try {
        const page = await context.newPage();
        await page.goto(`${base}/#/`);
        await page.waitForSelector('#root *');
        // What joining by invite leaves on the device: the workspace's connection, and nothing of its content.
        const row = { id: WORKSPACE_ID, name: WORKSPACE_NAME, lastOpenedAt: Date.now(), serverUrl: server.url, token: server.token(`device-${i + 1}`, WORKSPACE_ID), role: 'editor' };
        await page.evaluate(async (row) => ((await import('/__bench/lib.js' as string)) as PageLib).putWorkspaceRow(row), row);
        const joined = Date.now();
        await page.goto(`${base}/#/w/${WORKSPACE_ID}`);
        await page.reload();
        await page.getByText(DOC_TITLE).first().waitFor();
        listed.push(Date.now() - joined);
        await untilPlaced(page, 60);
        placedAfter.push(Date.now() - joined);
        await page.close();
        for (const into of [first, reopen]) {
          const p = await openList(context, base);
          into.push(await measureOpen(p, draft, true));
          await p.close();
        }
      } finally {
        await context.close();
      }
    }
    const painted = first.map((o) => o.painted);
    const reopenP95 = percentile(reopen.map((o) => o.painted), 95);
    return {
      bench: 'editor_open_comments_new_device',
      from: 'a fresh browser profile given the workspace connection (a sync server on loopback holding the draft and its 2,000 comments); after its background full sync placed the highlights: route change (list -> draft), fresh page, connected -> editable text AND highlights in the DOM, painted',
      threads: s.threads,
      comments_update_bytes: s.comments.byteLength,
      ...summary(painted),
      highlights_in_dom_min: Math.min(...first.map((o) => o.highlightCount)),
      all_highlights_p95_ms: round(percentile(first.map((o) => o.allHighlights), 95)),
      floor_reopen_p95_ms: round(reopenP95),
      floor_reopen_median_ms: round(percentile(reopen.map((o) => o.painted), 50)),
      ratio_p95: round(percentile(painted, 95) / reopenP95, 2),
      ratio_of: 'p95_ms / floor_reopen_p95_ms (the same device, its next open of the draft, same run)',
      listed_after_join_median_ms: round(percentile(listed, 50)),
      placed_after_join_median_ms: round(percentile(placedAfter, 50)),
      placed_after_join_p95_ms: round(percentile(placedAfter, 95)),
      target_p95_ms: TARGET_P95_MS,
    };
  } finally {
    await server.close();
  }
}
