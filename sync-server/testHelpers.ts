// Shared by the server's tests: temp dirs, a spawned server process, a raw protocol client, bounded waits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import type { Role } from '../common/roles';
import { MessageType, TOKEN_QUERY_PARAM } from '../common/syncProtocol';
import { signToken } from './token';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const TEST_SECRET = Buffer.from('test-secret-test-secret-test-secret', 'utf8');

export function tempDir(prefix = 'rapporteur-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The value, or a thrown error naming what was missing (for indexed reads the test knows must succeed). */
export function defined<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`expected ${what} to be defined`);
  return value;
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function makeToken(
  opts: { ws: string; role: Role; sub?: string; name?: string; exp?: number },
  secret: Uint8Array = TEST_SECRET,
): string {
  return signToken(
    {
      ws: opts.ws,
      role: opts.role,
      name: opts.name ?? `${opts.role} user`,
      sub: opts.sub ?? `${opts.role}-sub`,
      exp: opts.exp ?? Math.floor(Date.now() / 1000) + 3600,
    },
    secret,
  );
}

export const roomUrl = (base: string, room: string, token: string) =>
  `${base}/${room}?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`;

/** Tries to open a websocket; resolves with the HTTP status of a refused upgrade, or 'open'. */
export function tryUpgrade(url: string): Promise<{ status: number; opened: boolean }> {
  return new Promise((resolveResult) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolveResult({ status: res.statusCode ?? 0, opened: false });
      ws.terminate();
    });
    ws.on('open', () => {
      resolveResult({ status: 101, opened: true });
      ws.terminate();
    });
    ws.on('error', () => resolveResult({ status: 0, opened: false }));
  });
}

/** A y-websocket client written against y-protocols, with a Y.Doc, that records what the server did. */
export class RawClient {
  readonly doc: Y.Doc;
  readonly ws: WebSocket;
  closeCode: number | null = null;
  synced = false;
  received = 0;
  private readonly opened: Promise<void>;
  private readonly closedPromise: Promise<number>;

  constructor(url: string, doc: Y.Doc = new Y.Doc()) {
    this.doc = doc;
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((res, rej) => {
      this.ws.once('open', () => res());
      this.ws.once('unexpected-response', (_req, r) => rej(new Error(`upgrade refused: ${r.statusCode}`)));
      this.ws.once('error', rej);
    });
    this.closedPromise = new Promise((res) => this.ws.on('close', (code) => res((this.closeCode = code))));
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.ws.readyState === WebSocket.OPEN) {
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, MessageType.Sync);
        syncProtocol.writeUpdate(enc, update);
        this.ws.send(encoding.toUint8Array(enc));
      }
    });
  }

  static async connect(url: string, doc?: Y.Doc): Promise<RawClient> {
    const client = new RawClient(url, doc);
    await client.opened;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.Sync);
    syncProtocol.writeSyncStep1(enc, client.doc);
    client.ws.send(encoding.toUint8Array(enc));
    return client;
  }

  private onMessage(data: Uint8Array): void {
    this.received += 1;
    const dec = decoding.createDecoder(data);
    const type = decoding.readVarUint(dec);
    if (type !== MessageType.Sync) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.Sync);
    const step = syncProtocol.readSyncMessage(dec, enc, this.doc, this);
    if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
    if (encoding.length(enc) > 1 && this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(enc));
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  async whenSynced(timeoutMs = 10_000): Promise<void> {
    await waitFor(() => this.synced, timeoutMs, 'sync step 2 from the server');
  }

  whenClosed(timeoutMs = 10_000): Promise<number> {
    return Promise.race([
      this.closedPromise,
      new Promise<number>((_, rej) => setTimeout(() => rej(new Error('socket did not close')), timeoutMs).unref()),
    ]);
  }

  close(): void {
    this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** Reads the whole server state through a fresh editor connection. */
export async function fetchDoc(base: string, room: string, token: string): Promise<Y.Doc> {
  const client = await RawClient.connect(roomUrl(base, room, token));
  try {
    await client.whenSynced();
    return client.doc;
  } finally {
    client.close();
  }
}

export interface SpawnedServer {
  proc: ChildProcess;
  url: string;
  httpUrl: string;
  port: number;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `sync-server/cli.ts` in its own process and waits for its `listening` log line. */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnedServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, RAPPORTEUR_SECRET: TEST_SECRET.toString('utf8'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  let buffered = '';
  const listening = new Promise<{ url: string; ws: string }>((res, rej) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        stdout.push(line);
        try {
          const entry = JSON.parse(line) as { event?: string; url?: string; ws?: string };
          if (entry.event === 'listening' && entry.url && entry.ws) res({ url: entry.url, ws: entry.ws });
        } catch {
          /* not a log line */
        }
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    void exited.then((code) => rej(new Error(`server exited (${code}) before listening: ${stderr.join('')}`)));
  });
  const timeout = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  try {
    const { url, ws } = await listening;
    return {
      proc,
      url: ws,
      httpUrl: url,
      port: Number(new URL(url).port),
      stdout,
      stderr,
      exited,
      async stop(signal: NodeJS.Signals = 'SIGTERM') {
        if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
        const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(killer);
        return code;
      },
    };
  } finally {
    clearTimeout(timeout);
  }
}

/** Frames only a y-websocket client sends (the server never does), for raw-protocol tests. */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1FromStateVector(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}
