// The export CLI: against a real sync server (in process, stock y-websocket clients seed it) and from saved JSON.
// Failures must be one line on stderr and a non-zero exit.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type RunningServer } from '../../sync-server/server';
import { signToken } from '../../sync-server/token';
import { silentLogger } from '../../sync-server/log';
import { roomPath, type RoomRef } from '../../common/rooms';
import { initWorkspace } from '../../renderer/src/model/workspaceDoc';
import { addStakeholder } from '../../renderer/src/model/stakeholders';
import { createDocument } from '../../renderer/src/model/templates';
import { docBody } from '../../renderer/src/model/bodyJson';
import { appendJSONToBody } from '../../renderer/src/model/bodyWrite';
import { addThread, addReply } from '../../renderer/src/model/comments/commentsDoc';
import { buildBodyIndex } from '../../renderer/src/model/comments/bodyIndex';
import { createAnchorAtBlocks } from '../../renderer/src/model/comments/anchor';
import { run } from '../../cli/exportDocx';
import { setDocumentLanguage, documentLanguage } from '../../renderer/src/model/language';
import { wsDocuments } from '../../renderer/src/model/workspaceDoc';
import { readDocx, tempDir, richBody, draft, meeting, inputOf, STAKEHOLDERS } from './helpers';

const CLI = fileURLToPath(new URL('../../cli/exportDocx.ts', import.meta.url));
const SECRET = Buffer.from('export-cli-test-secret-export-cli-test', 'utf8');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const token = (ws: string, role: 'editor' | 'viewer' = 'viewer', secret: Uint8Array = SECRET) =>
  signToken({ ws, role, name: 'Export bot', sub: `${role}-export`, exp: Math.floor(Date.now() / 1000) + 3600 }, secret);

function sync(server: RunningServer, ref: RoomRef, doc: Y.Doc, tok: string): Promise<WebsocketProvider> {
  return new Promise((resolve, reject) => {
    const provider = new WebsocketProvider(server.url, roomPath(ref), doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: tok },
      disableBc: true,
    });
    const timer = setTimeout(() => reject(new Error(`seeding ${roomPath(ref)} timed out`)), 10_000);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve(provider);
      }
    });
  });
}

describe('export CLI', () => {
  const dir = tempDir();
  let server: RunningServer;
  let docId = '';

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: join(dir.path, 'data'), secret: SECRET, webDir: null, logger: silentLogger });
    const ws = new Y.Doc();
    initWorkspace(ws, { name: 'BPF on Cybersecurity' });
    const jane = addStakeholder(ws, { name: 'Jane Doe', organisation: 'ACME', group: 'private-sector', region: 'global', themes: [] });
    let doc = new Y.Doc();
    const created = createDocument(ws, () => doc, { kind: 'draft', title: 'Synced output report', subtype: 'digest', date: '2025-06-12' }, { t: (id) => `Section ${id.split('.').pop()}`, createdBy: 'me' });
    docId = created.id;
    doc = created.doc;
    appendJSONToBody(doc, richBody());
    // A comment on "Plain" entered for a registered stakeholder, with a reply, in the companion comments doc.
    const comments = new Y.Doc();
    const actor = { id: 'editor-export', name: 'Rapporteur', role: 'editor' as const };
    const anchor = createAnchorAtBlocks(buildBodyIndex(docBody(doc)), { bid: 'p1', offset: 0 }, { bid: 'p1', offset: 5 });
    const threadId = addThread(comments, { anchor, type: 'substantive', body: 'Say more here.', purpose: 'stakeholder', stakeholder: jane }, actor);
    addReply(comments, threadId, 'Will do.', actor);
    const editor = token('wsx', 'editor');
    const providers = [
      await sync(server, { kind: 'workspace', workspaceId: 'wsx' }, ws, editor),
      await sync(server, { kind: 'document', workspaceId: 'wsx', docId }, doc, editor),
      await sync(server, { kind: 'comments', workspaceId: 'wsx', docId }, comments, editor),
    ];
    // Read it back through fresh clients: the server has it before the CLI runs.
    const check = new Y.Doc();
    const p = await sync(server, { kind: 'document', workspaceId: 'wsx', docId }, check, editor);
    for (let i = 0; i < 100 && check.getXmlFragment('body').length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    p.destroy();
    providers.forEach((x) => x.destroy());
  }, 30_000);

  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('syncs the workspace, document and comments rooms from the server and writes the DOCX', async () => {
    const out = join(dir.path, 'synced.docx');
    // An editor's token: unpublished comments and the registry are editors' data (common/roles.ts reads).
    const res = await cli(['--server', server.url, '--token', token('wsx', 'editor'), '--workspace', 'wsx', '--doc', docId, '--out', out, '--toc', '--para-numbers', '--word-comments', '--annex']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const r = readDocx(new Uint8Array(readFileSync(out)));
    expect(r.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Synced output report' });
    expect(r.paragraphs.map((p) => p.text)).toContain('BPF on Cybersecurity');
    expect(r.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text)).toEqual(['Section highlights', 'Section upcoming', 'Introduction', 'Annex: Comments received']);
    expect(r.footnotes.map((f) => f.text)).toEqual(['First note', 'Said by Jane Doe.']);
    expect(r.internalLinks.length).toBeGreaterThan(3);
    // the comments room: a Word comment on its range, threaded reply, and the annex row with its paragraph number
    expect(r.comments.map((c) => [c.author, c.text.split('\n')[0]])).toEqual([
      ['Jane Doe (ACME, Private sector)', '[Substantive]'],
      ['Rapporteur', 'Will do.'],
    ]);
    expect(r.commentsExtended[1].parent).toBe(r.comments[0].lastParaId);
    const annex = r.tables.at(-1)!.rows;
    expect(annex[1].slice(0, 8)).toEqual(['1', '1', '3', 'Jane Doe', 'ACME', 'Private sector', 'Global', 'Substantive']);
  }, 30_000);

  it("exports with a viewer's token only what a viewer reads: the text, no unpublished comment", async () => {
    const out = join(dir.path, 'viewer.docx');
    const res = await cli(['--server', server.url, '--token', token('wsx'), '--workspace', 'wsx', '--doc', docId, '--out', out, '--word-comments']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const r = readDocx(new Uint8Array(readFileSync(out)));
    expect(r.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Synced output report' });
    expect(r.comments).toEqual([]);
  }, 30_000);

  it('refuses a bad token and a token for another workspace with one line and a non-zero exit', async () => {
    const out = join(dir.path, 'never.docx');
    const forged = await cli(['--server', server.url, '--token', token('wsx', 'viewer', Buffer.from('not-the-secret-not-the-secret-xx')), '--workspace', 'wsx', '--doc', docId, '--out', out]);
    expect(forged.code).not.toBe(0);
    expect(forged.stderr).toMatch(/^export: the server refused the token \(HTTP 40[13]\)[^\n]*\n$/);
    const other = await cli(['--server', server.url, '--token', token('elsewhere'), '--workspace', 'wsx', '--doc', docId, '--out', out]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/^export: the server refused the token \(HTTP 40[13]\)[^\n]*\n$/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('reports an unknown document and an unwritable path in one line', async () => {
    const unknown = await cli(['--server', server.url, '--token', token('wsx'), '--workspace', 'wsx', '--doc', 'nope', '--out', join(dir.path, 'x.docx')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('export: unknown document "nope" in workspace "wsx"\n');
    const locked = join(dir.path, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const isRoot = process.getuid?.() === 0;
    const unwritable = await cli(['--server', server.url, '--token', token('wsx'), '--workspace', 'wsx', '--doc', docId, '--out', isRoot ? '/proc/nope/x.docx' : join(locked, 'x.docx')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^export: cannot write [^\n]+\n$/);
  }, 30_000);

  it('exports from saved JSON: the single-document form and a full input (compiled)', async () => {
    const single = join(dir.path, 'single.json');
    writeFileSync(single, JSON.stringify({ workspace: { name: 'W' }, stakeholders: STAKEHOLDERS, document: meeting() }));
    const out1 = join(dir.path, 'single.docx');
    await run(['--json', single, '--out', out1, '--chatham-house', '--annex']);
    const r1 = readDocx(new Uint8Array(readFileSync(out1)));
    expect(r1.paragraphs.map((p) => p.text).join('\n')).not.toContain('Jane Doe');
    expect(r1.tables.at(-1)!.rows[0][0]).toBe('#');

    const full = join(dir.path, 'full.json');
    writeFileSync(full, JSON.stringify(inputOf([draft(richBody(), [], 'First'), meeting()])));
    const out2 = join(dir.path, 'full.docx');
    await run(['--json', full, '--out', out2, '--toc', '--title', 'Compiled']);
    const r2 = readDocx(new Uint8Array(readFileSync(out2)));
    expect(r2.paragraphs[0].text).toBe('Compiled');
    expect(r2.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text)).toEqual(['First', 'Session with Jane Doe']);
  });

  it("speaks the document's language, read from the workspace on the server (or --lang)", async () => {
    const editor = token('wsx', 'editor');
    const ws = new Y.Doc();
    const p = await sync(server, { kind: 'workspace', workspaceId: 'wsx' }, ws, editor);
    for (let i = 0; i < 100 && !wsDocuments(ws).get(docId); i++) await new Promise((r) => setTimeout(r, 20));
    setDocumentLanguage(ws, docId, 'fr');
    // A fresh client sees it before the CLI runs.
    const check = new Y.Doc();
    const c = await sync(server, { kind: 'workspace', workspaceId: 'wsx' }, check, editor);
    for (let i = 0; i < 100 && documentLanguage(check, docId) !== 'fr'; i++) await new Promise((r) => setTimeout(r, 20));
    c.destroy();
    p.destroy();
    try {
      const out = join(dir.path, 'synced-fr.docx');
      const res = await cli(['--server', server.url, '--token', editor, '--workspace', 'wsx', '--doc', docId, '--out', out, '--toc', '--annex']);
      expect(res.stderr).toBe('');
      const r = readDocx(new Uint8Array(readFileSync(out)));
      const text = r.paragraphs.map((x) => x.text).join('\n');
      expect(text).toContain('Table des matières');
      expect(text).toContain('12 juin 2025');
      expect(r.paragraphs.filter((x) => x.style === 'Heading 1').map((x) => x.text)).toContain('Annexe\u00a0: Commentaires reçus');
      expect(r.tables.at(-1)!.rows[1].slice(5, 8)).toEqual(['Secteur privé', 'Mondial', 'De fond']);
      const outEs = join(dir.path, 'synced-es.docx');
      await run(['--server', server.url, '--token', editor, '--workspace', 'wsx', '--doc', docId, '--out', outEs, '--toc', '--lang', 'es']);
      expect(readDocx(new Uint8Array(readFileSync(outEs))).paragraphs.map((x) => x.text)).toContain('Tabla de contenido');
    } finally {
      const ws2 = new Y.Doc();
      const p2 = await sync(server, { kind: 'workspace', workspaceId: 'wsx' }, ws2, editor);
      for (let i = 0; i < 100 && !wsDocuments(ws2).get(docId); i++) await new Promise((r) => setTimeout(r, 20));
      setDocumentLanguage(ws2, docId, null);
      await new Promise((r) => setTimeout(r, 200));
      p2.destroy();
    }
  }, 60_000);

  it('explains bad input and bad arguments', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, JSON.stringify({ workspace: {}, document: { meta: {}, body: { type: 'doc', content: [{ type: 'nonsense' }] } } }));
    await expect(run(['--json', bad, '--out', join(dir.path, 'b.docx')])).rejects.toThrow(/the body is not valid Rapporteur content/);
    await expect(run(['--json', join(dir.path, 'missing.json'), '--out', join(dir.path, 'b.docx')])).rejects.toThrow(/cannot read .*missing\.json: no such file/);
    await expect(run(['--out', 'x.docx'])).rejects.toThrow(/give --server/);
    await expect(run(['--json', bad])).rejects.toThrow(/--out/);
    await expect(run(['--json', bad, '--out', join(dir.path, 'b.docx'), '--lang', 'de'])).rejects.toThrow(/--lang must be one of en, fr, es/);
    const usage = await cli(['--frobnicate']);
    expect(usage).toMatchObject({ code: 2, stderr: 'export: unknown option --frobnicate\n' });
  }, 30_000);
});
