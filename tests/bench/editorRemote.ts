import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { BODY } from '../../renderer/src/model/bodyJson';
import { commentsDocName, roomForDocName } from '../../common/rooms';
import { generateComments, generateStakeholders } from '../fixtures/generateComments';
import { tokenSubprotocols } from '../../common/syncProtocol';
import { signToken } from '../../sync-server/token';
import { SECRET, startProcess } from './server';
import { b64, docHash, probe, sleep, type PageLib } from './editorPage';
import { DOC_ID, WORKSPACE_ID, WORKSPACE_NAME, type EditorSeed } from './editorSeed';
import { percentile, round, summary } from './editorStats';

// The editor bench's `editor_remote_edit` line: the report open in the app (its workspace connected to a real
// sync server process on loopback, sync-server/cli.ts), and a second peer, the stock y-websocket client in this
// Node process, inserting a few characters at the start of the middle section's paragraph. Figure: the peer's
// insert -> the text painted in the app's editor (the frame after the DOM has it). Node and the page time on
// their own clocks (both wall-clock based); the offset between them is measured by round trips and applied, and
// its uncertainty (half the best round trip) is reported.
// Floor in the same run: the transport alone, the same kind of update from one stock client to a second stock
// client in this process, through the same server (insert -> the second client's doc has it).

const TARGET_P95_MS = 16;
const EDITS = Number(process.env.BENCH_REMOTE_EDITS ?? 40);

export function stockPeer(url: string, room: string, token: string): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, protocols: tokenSubprotocols(token), disableBc: true });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => s && resolve());
  });
  return { doc, provider, synced };
}

/** The XmlText of the paragraph after the heading whose text is `heading`. */
function paragraphText(doc: Y.Doc, heading: string): Y.XmlText | null {
  const kids = doc.getXmlFragment(BODY).toArray();
  for (let i = 0; i < kids.length - 1; i++) {
    const k = kids[i];
    if (k instanceof Y.XmlElement && k.nodeName === 'heading' && k.toString().includes(heading)) {
      const p = kids[i + 1];
      if (p instanceof Y.XmlElement) {
        const text = p.toArray().find((c) => c instanceof Y.XmlText);
        if (text instanceof Y.XmlText) return text;
      }
    }
  }
  return null;
}

const epochNow = () => performance.timeOrigin + performance.now();

/** page clock - node clock, from the round trip with the smallest span; and half that span (the uncertainty). */
async function clockOffset(page: Page): Promise<{ offset: number; uncertainty: number }> {
  let best = { offset: 0, uncertainty: Infinity };
  for (let i = 0; i < 15; i++) {
    const t1 = epochNow();
    const pageT = (await page.evaluate(() => performance.timeOrigin + performance.now())) as number;
    const t2 = epochNow();
    if ((t2 - t1) / 2 < best.uncertainty) best = { offset: pageT - (t1 + t2) / 2, uncertainty: (t2 - t1) / 2 };
  }
  return best;
}

/** Arms the page: resolves with the page-clock epoch of the DOM having `marker`, and after the next frame. */
function arm(page: Page, marker: string) {
  return page.evaluate((m) => {
    const w = window as unknown as { __remoteSeen: Promise<{ dom: number; painted: number }> };
    w.__remoteSeen = new Promise((resolve) => {
      const pm = document.querySelector('.ProseMirror')!;
      const observer = new MutationObserver((records) => {
        if (!records.some((r) => (r.target.textContent ?? '').includes(m))) return;
        observer.disconnect();
        const dom = performance.timeOrigin + performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ dom, painted: performance.timeOrigin + performance.now() });
          channel.port2.postMessage(null);
        });
      });
      observer.observe(pm, { childList: true, subtree: true, characterData: true });
    });
  }, marker);
}

/**
 * The report open in the app as a co-facilitator has it: its workspace connected to a real sync server process on
 * loopback (sync-server/cli.ts), `peers` stock y-websocket peers in this process on the same document, each with
 * a caret in the report (awareness), and `comments` comment threads anchored in it. The seeded context's pages
 * connect on their own; `close` stops everything.
 */
export interface ConnectedSession {
  context: BrowserContext;
  peers: Array<ReturnType<typeof stockPeer>>;
  /** waits (bounded) until the peers hold the report (the app pushed its copy), then shows their carets (with
   * `carets`); call once a page of the context has opened it. False when they never got it. */
  peersHoldReport: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** Typing as the issue sets it: the report open with 3 co-facilitators connected (their carets in it) and comments shown. */
export const TYPING_SESSION = { peers: 3, comments: 200, carets: true } as const;

/** A real sync server process on loopback (sync-server/cli.ts), its data in a temporary folder, admitting the app served from `base`. */
export interface BenchSyncServer {
  url: string;
  /** an editor's token for workspace `ws`, named `sub` */
  token: (sub: string, ws?: string) => string;
  close: () => Promise<void>;
}

export async function startSyncServer(base: string): Promise<BenchSyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-editor-remote-'));
  // The app is served from the bench's static server: its origin is allowed, as a deployment allows its web app's.
  const { proc, port } = await startProcess(['sync-server/cli.ts', '--port', '0', '--data', dataDir, '--allow-origin', new URL(base).origin], { RAPPORTEUR_SECRET: SECRET }, (line) => {
    try {
      const e = JSON.parse(line) as { event?: string; url?: string };
      return e.event === 'listening' && e.url ? Number(new URL(e.url).port) : null;
    } catch {
      return null;
    }
  });
  const exp = Math.floor(Date.now() / 1000) + 86_400;
  return {
    url: `ws://127.0.0.1:${port}`,
    token: (sub, ws = WORKSPACE_ID) => signToken({ ws, role: 'editor', name: sub, sub, exp }, Buffer.from(SECRET)),
    close: async () => {
      await stop(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function connectedSession(browser: Browser, base: string, s: EditorSeed, opts: { peers: number; comments: number; carets: boolean }): Promise<ConnectedSession> {
  const server = await startSyncServer(base);
  const { url, token } = server;
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  await context.addInitScript(probe, s.lastBlockText);
  const peers: Array<ReturnType<typeof stockPeer>> = [];
  const close = async () => {
    for (const p of peers) {
      p.provider.destroy();
      p.provider.awareness.destroy(); // its outdated-state timer would keep the bench process alive
    }
    await context.close();
    await server.close();
  };
  try {
    const { ws, comments } = withComments(s, opts.comments);
    const seedPage = await context.newPage();
    await seedPage.goto(`${base}/#/`);
    await seedPage.waitForSelector('#root *');
    await seedPage.evaluate(
      async ({ ws, doc, comments, wsName, docName, commentsName, row }) => {
        const lib = (await import('/__bench/lib.js' as string)) as PageLib;
        const bytes = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
        await lib.seedDocDb(wsName, [bytes(ws)]);
        await lib.seedDocDb(docName, [bytes(doc)]);
        if (comments) await lib.seedDocDb(commentsName, [bytes(comments)]);
        await lib.putWorkspaceRow(row);
      },
      {
        ws: b64(ws),
        doc: b64(s.docUpdate),
        comments: comments ? b64(comments) : null,
        wsName: s.wsName,
        docName: s.docName,
        commentsName: commentsDocName(WORKSPACE_ID, DOC_ID),
        row: { id: WORKSPACE_ID, name: WORKSPACE_NAME, lastOpenedAt: Date.now(), serverUrl: url, token: token('app'), role: 'editor' },
      },
    );
    await seedPage.close();
    const room = roomForDocName(s.docName)!;
    for (let i = 0; i < opts.peers; i++) peers.push(stockPeer(url, room, token(`peer-${i + 1}`)));
    await Promise.all(peers.map((p) => p.synced));
    const peersHoldReport = async () => {
      for (let i = 0; i < 300 && peers.some((p) => !paragraphText(p.doc, s.middleHeading)); i++) await sleep(100);
      if (peers.some((p) => !paragraphText(p.doc, s.middleHeading))) return false;
      if (!opts.carets) return true;
      // Each peer's caret: the first in the paragraph typed in (ahead of the typing), the others 4 and 8 blocks on.
      peers.forEach((p, i) => {
        const text = i === 0 ? paragraphText(p.doc, s.middleHeading)! : (paragraphAfter(p.doc, s.middleHeading, i * 4) ?? paragraphText(p.doc, s.middleHeading)!);
        const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, Math.min(text.length, 200)));
        // the name the peer's token carries: the server drops awareness naming anyone else (sync-server/awarenessGuard.ts)
        p.provider.awareness.setLocalState({ user: { name: `peer-${i + 1}`, color: ['#b5462a', '#2a6fb5', '#3c8a3c'][i % 3] }, cursor: { anchor: at, head: at } });
      });
      return true;
    };
    return { context, peers, peersHoldReport, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function stop(proc: ChildProcess): Promise<void> {
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
}

/** The seed's workspace with stakeholders, and a comments doc of `count` threads anchored in its report (null: none). */
function withComments(s: EditorSeed, count: number): { ws: Uint8Array; comments: Uint8Array | null } {
  if (count === 0) return { ws: s.wsUpdate, comments: null };
  const ws = new Y.Doc();
  Y.applyUpdate(ws, s.wsUpdate);
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, s.docUpdate);
  const comments = new Y.Doc();
  generateComments(comments, doc, generateStakeholders(ws, { count: 24 }), { count });
  return { ws: Y.encodeStateAsUpdate(ws), comments: Y.encodeStateAsUpdate(comments) };
}

/** The XmlText of the first paragraph `skip` blocks after the heading whose text is `heading`. */
function paragraphAfter(doc: Y.Doc, heading: string, skip: number): Y.XmlText | null {
  const kids = doc.getXmlFragment(BODY).toArray();
  const at = kids.findIndex((k) => k instanceof Y.XmlElement && k.nodeName === 'heading' && k.toString().includes(heading));
  for (let i = at + skip; at >= 0 && i < kids.length; i++) {
    const k = kids[i];
    if (k instanceof Y.XmlElement && k.nodeName === 'paragraph') {
      const text = k.toArray().find((c) => c instanceof Y.XmlText);
      if (text instanceof Y.XmlText && text.length > 0) return text;
    }
  }
  return null;
}

export async function measureRemoteEdit(browser: Browser, base: string, s: EditorSeed, log: (m: string) => void): Promise<Record<string, unknown>> {
  log('remote edit: seeding a workspace connected to a sync server on loopback');
  const session = await connectedSession(browser, base, s, { peers: 2, comments: 0, carets: false });
  const [a, b] = session.peers as [ReturnType<typeof stockPeer>, ReturnType<typeof stockPeer>];
  try {
    const page = await session.context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`.slice(0, 300)));
    await page.goto(`${base}/${docHash}`);
    await page.evaluate(() => (window as unknown as { __benchOpen: Promise<unknown> }).__benchOpen);

    // The app pushes its local copy on connecting; wait (bounded) until the peers hold the report.
    await session.peersHoldReport();
    const textA = paragraphText(a.doc, s.middleHeading);
    if (!textA) {
      const status = await page.getByRole('status', { name: 'Sync status' }).textContent().catch(() => '?');
      throw new Error(`remote edit: the report never reached the stock peer through the sync server (app sync status: ${status}; peer body blocks: ${a.doc.getXmlFragment(BODY).length}; console: ${consoleLines.slice(-8).join(' | ')})`);
    }
    await sleep(1500);

    log(`remote edit: ${EDITS} edits from the stock peer to the app, then the transport floor`);
    const clock = await clockOffset(page);
    const toDom: number[] = [];
    const toPaint: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const marker = `Rq${i}z `;
      await arm(page, marker);
      const t0 = epochNow();
      textA.insert(0, marker);
      const seen = (await page.evaluate(() => (window as unknown as { __remoteSeen: Promise<{ dom: number; painted: number }> }).__remoteSeen)) as { dom: number; painted: number };
      toDom.push(seen.dom - clock.offset - t0);
      toPaint.push(seen.painted - clock.offset - t0);
      await sleep(100);
    }
    const landed = ((await page.locator('.ProseMirror').textContent()) ?? '').includes(`Rq${EDITS - 1}z `);
    const clockAfter = await clockOffset(page);

    // The transport floor: peer A -> server -> peer B, same kind of update, same server, no editor.
    const transport: number[] = [];
    const textB = paragraphText(b.doc, s.middleHeading)!;
    for (let i = 0; i < EDITS; i++) {
      const marker = `Tq${i}z `;
      const got = new Promise<number>((resolve) => {
        const on = () => {
          if (!textB.toString().includes(marker)) return;
          b.doc.off('update', on);
          resolve(epochNow());
        };
        b.doc.on('update', on);
      });
      const t0 = epochNow();
      textA.insert(0, marker);
      transport.push((await got) - t0);
      await sleep(100);
    }
    await page.close();
    const p95 = (xs: number[]) => percentile(xs, 95);
    return {
      bench: 'editor_remote_edit',
      from: 'stock y-websocket peer (Node) inserts at the start of the middle section -> the text painted in the app (the frame after the DOM has it), real sync server on loopback, 25k-word report open',
      edits: EDITS,
      ...summary(toPaint),
      dom_p95_ms: round(p95(toDom)),
      floor_transport_p95_ms: round(p95(transport)),
      floor_transport_median_ms: round(percentile(transport, 50)),
      floor: 'the same kind of update from a second stock peer to a third, through the same server, no editor',
      ratio_p95: round(p95(toPaint) / p95(transport), 1),
      clock_offset_uncertainty_ms: round(Math.max(clock.uncertainty, clockAfter.uncertainty), 2),
      clock_drift_during_ms: round(clockAfter.offset - clock.offset, 2),
      text_landed: landed,
      target_p95_ms: TARGET_P95_MS,
    };
  } finally {
    await session.close();
  }
}
