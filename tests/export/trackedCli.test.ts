// The export CLI's --changes-since and --incorporation-annex, against a real sync server (issue 12).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type RunningServer } from '../../sync-server/server';
import { signToken } from '../../sync-server/token';
import { silentLogger } from '../../sync-server/log';
import { roomPath, type RoomRef } from '../../common/rooms';
import { ThreadKey } from '../../common/commentsSchema';
import { initWorkspace } from '../../renderer/src/model/workspaceDoc';
import { addStakeholder } from '../../renderer/src/model/stakeholders';
import { createDocument } from '../../renderer/src/model/templates';
import { docBody } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { addThread, commentsRoot, setDisposition } from '../../renderer/src/model/comments/commentsDoc';
import { setResponse } from '../../renderer/src/model/comments/responseWrite';
import { buildBodyIndex } from '../../renderer/src/model/comments/bodyIndex';
import { createAnchorAtBlocks } from '../../renderer/src/model/comments/anchor';
import { recordVersion } from '../../renderer/src/model/consultation/snapshots';
import { readDocx, tempDir, PYTHON } from './helpers';

const CLI = fileURLToPath(new URL('../../cli/exportDocx.ts', import.meta.url));
const READER = fileURLToPath(new URL('./read_tracked.py', import.meta.url));
const SECRET = Buffer.from('tracked-cli-test-secret-tracked-cli-test', 'utf8');

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const token = (ws: string) => signToken({ ws, role: 'editor', name: 'Export bot', sub: 'editor-export', exp: Math.floor(Date.now() / 1000) + 3600 }, SECRET);

function sync(server: RunningServer, ref: RoomRef, doc: Y.Doc, tok: string): Promise<WebsocketProvider> {
  return new Promise((resolve, reject) => {
    const provider = new WebsocketProvider(server.url, roomPath(ref), doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { token: tok }, disableBc: true });
    const timer = setTimeout(() => reject(new Error(`seeding ${roomPath(ref)} timed out`)), 10_000);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve(provider);
      }
    });
  });
}

const para = (bid: string, text: string) => ({ type: 'paragraph', attrs: { bid }, content: [{ type: 'text', text }] });

describe('export CLI: --changes-since and --incorporation-annex', () => {
  const dir = tempDir();
  let server: RunningServer;
  let docId = '';

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: join(dir.path, 'data'), secret: SECRET, webDir: null, logger: silentLogger });
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'BPF' });
    const jane = addStakeholder(ws, { name: 'Jane Doe', organisation: 'ACME', group: 'private-sector', region: 'global', themes: [] });
    let doc = new Y.Doc({ gc: false });
    const created = createDocument(ws, () => doc, { kind: 'draft', title: 'Revised paper', subtype: 'output-report', date: '2025-06-12' }, { t: (id) => id, createdBy: 'me' });
    docId = created.id;
    doc = created.doc;
    docBody(doc).delete(0, docBody(doc).length);
    appendJSONToBody(doc, { type: 'doc', content: [para('a', 'Intro paragraph.'), para('b', 'Access needs affordable devices.'), para('c', 'Closing words.')] });
    recordVersion(doc, { name: 'Consultation draft', phase: 'consultation', by: { id: 'me', name: 'Rita Rapporteur' } });
    const b = (docBody(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    b.insert(b.toString().indexOf(' devices'), ' and reliable');
    recordVersion(doc, { name: 'Revised draft', phase: 'revision', by: { id: 'sam', name: 'Sam Secretariat' } });

    const comments = new Y.Doc();
    const actor = { id: 'editor-export', name: 'Rapporteur', role: 'editor' as const };
    const anchor = createAnchorAtBlocks(buildBodyIndex(docBody(doc)), { bid: 'b', offset: 0 }, { bid: 'b', offset: 6 });
    // Threads are numbered by (createdAt, id); two added in the same millisecond would be ordered by their random ids.
    const now = Date.now();
    const applied = addThread(comments, { anchor, type: 'substantive', body: 'Mention reliability.', proposedWording: 'affordable and reliable devices', purpose: 'stakeholder', stakeholder: jane }, actor, { now });
    setDisposition(comments, applied, { value: 'accepted-with-changes' } as never, actor);
    setResponse(comments, applied, 'Added “reliable”.', actor);
    (commentsRoot(comments).get(applied) as Y.Map<unknown>).set(ThreadKey.appliedChange, { suggestionId: null, blockId: 'b', at: Date.now(), by: 'sam', byName: 'Sam Secretariat' });
    addThread(comments, { anchor: null, type: 'general', body: 'Nice work overall.', purpose: 'stakeholder', stakeholder: jane }, actor, { now: now + 1000 });

    const editor = token('wsx');
    const providers = [
      await sync(server, { kind: 'workspace', workspaceId: 'wsx' }, ws, editor),
      await sync(server, { kind: 'document', workspaceId: 'wsx', docId }, doc, editor),
      await sync(server, { kind: 'comments', workspaceId: 'wsx', docId }, comments, editor),
    ];
    const check = new Y.Doc();
    const p = await sync(server, { kind: 'comments', workspaceId: 'wsx', docId }, check, editor);
    for (let i = 0; i < 100 && commentsRoot(check).size < 2; i++) await new Promise((r) => setTimeout(r, 20));
    p.destroy();
    providers.forEach((x) => x.destroy());
  }, 30_000);

  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('writes the changes since the named version as tracked changes, and the incorporation annex', async () => {
    const out = join(dir.path, 'changes.docx');
    const res = await cli(['--server', server.url, '--token', token('wsx'), '--workspace', 'wsx', '--doc', docId, '--out', out, '--para-numbers', '--changes-since', 'Consultation draft', '--incorporation-annex']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const tracked = JSON.parse(execFileSync(PYTHON, [READER, out], { encoding: 'utf8' })) as { changes: Array<{ kind: string; author: string; text: string }> };
    expect(tracked.changes.map((c) => [c.kind, c.author, c.text.trim()])).toEqual([['ins', 'Sam Secretariat', 'and reliable']]);
    const annex = readDocx(new Uint8Array(readFileSync(out))).tables.at(-1)!.rows;
    expect(annex[0]).toEqual(['#', 'Stakeholder', 'Comment', 'Disposition', 'Response', 'Change made']);
    expect(annex[1]).toEqual(['1', 'Jane Doe (ACME, Private sector)', '“Access”\nMention reliability.\nProposed wording: affordable and reliable devices', 'Accepted with changes', 'Added “reliable”.', 'see para 2, accepted with changes']);
    expect(annex[2][5]).toBe('no change to the text');
  }, 120_000);

  it('fails with the available version names when the version does not exist', async () => {
    const res = await cli(['--server', server.url, '--token', token('wsx'), '--workspace', 'wsx', '--doc', docId, '--out', join(dir.path, 'x.docx'), '--changes-since', 'Final']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('export: no version named "Final"; available: "Consultation draft", "Revised draft"\n');
  }, 120_000);
});
