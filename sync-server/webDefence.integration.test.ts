// The web build defends itself (issue 9, part 5): security headers, the Origin allow-list, the token as a
// subprotocol, protected metrics, caps that count sockets before they upgrade, rate-limited refusal logs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../common/closeCodes';
import { tokenSubprotocols } from '../common/syncProtocol';
import { serveOptions } from './cli';
import { createLogger, silentLogger } from './log';
import { startServer, type RunningServer, type ServerOptions } from './server';
import { makeToken, roomUrl, TEST_SECRET, tempDir, tryUpgrade, waitFor } from './testHelpers';

const dir = tempDir();
const web = join(dir.path, 'web');
const editor = makeToken({ ws: 'ws1', role: 'editor' });
const METRICS_TOKEN = 'metrics-token-0123456789';
let server: RunningServer;
const started: RunningServer[] = [];

async function start(extra: Partial<ServerOptions>, name: string): Promise<RunningServer> {
  const s = await startServer({ port: 0, dataDir: join(dir.path, name), secret: TEST_SECRET, webDir: web, logger: silentLogger, ...extra });
  started.push(s);
  return s;
}

beforeAll(async () => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Rapporteur</title>');
  writeFileSync(join(web, 'assets', 'app-abcdef12.js'), 'console.log(1)');
  server = await start({ allowOrigins: ['https://review.example.org'], connectSrc: ['wss://sync.example.org'], metricsToken: METRICS_TOKEN }, 'main');
});

afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
  dir.remove();
});

/** Opens a websocket with extra headers/protocols; resolves with the status and the selected subprotocol. */
function upgrade(url: string, opts: { origin?: string; protocols?: string[] } = {}): Promise<{ status: number; protocol: string }> {
  return new Promise((resolveResult) => {
    const ws = new WebSocket(url, opts.protocols ?? [], opts.origin ? { headers: { Origin: opts.origin } } : {});
    ws.on('unexpected-response', (_req, res) => {
      resolveResult({ status: res.statusCode ?? 0, protocol: '' });
      ws.terminate();
    });
    ws.on('open', () => {
      resolveResult({ status: 101, protocol: ws.protocol });
      ws.close();
    });
    ws.on('error', () => resolveResult({ status: 0, protocol: '' }));
  });
}

describe('security headers', () => {
  it('sends CSP (with frame-ancestors and a narrow connect-src), X-Frame-Options and Referrer-Policy on / and static files', async () => {
    for (const path of ['/', '/assets/app-abcdef12.js', '/healthz', '/missing']) {
      const res = await fetch(`${server.httpUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'none'");
      const connectSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
      expect(connectSrc).toBe(`connect-src 'self' ws://127.0.0.1:${server.port} wss://127.0.0.1:${server.port} wss://sync.example.org`);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('origin allow-list', () => {
  const url = () => roomUrl(server.url, 'ws1/d1', editor);

  it('refuses an unknown origin with 403 before the upgrade', async () => {
    expect((await upgrade(url(), { origin: 'https://evil.example.com' })).status).toBe(403);
    expect((await upgrade(url(), { origin: 'null' })).status).toBe(403);
  });

  it("allows the server's own origin, the desktop app, configured origins, and clients that send none", async () => {
    expect((await upgrade(url(), { origin: server.httpUrl })).status).toBe(101);
    expect((await upgrade(url(), { origin: 'app://rapporteur' })).status).toBe(101);
    expect((await upgrade(url(), { origin: 'https://review.example.org' })).status).toBe(101);
    expect((await upgrade(url())).status).toBe(101);
  });
});

describe('token as a subprotocol', () => {
  it('accepts the token in Sec-WebSocket-Protocol and echoes the plain subprotocol; the query still works', async () => {
    expect(await upgrade(`${server.url}/ws1/d1`, { protocols: tokenSubprotocols(editor) })).toEqual({ status: 101, protocol: 'rapporteur' });
    expect((await upgrade(roomUrl(server.url, 'ws1/d1', editor))).status).toBe(101);
    // The app (it offers `rapporteur`) learns a refusal from a close code, as browsers see no HTTP status.
    expect((await upgrade(`${server.url}/ws1/d1`, { protocols: tokenSubprotocols('forged.token') })).status).toBe(101);
    expect((await upgrade(`${server.url}/ws1/d1`, { protocols: ['rapporteur.token.forged.token'] })).status).toBe(401);
    expect((await upgrade(`${server.url}/ws1/d1`)).status).toBe(401);
  });

  it('tells an app client why its invite is refused with a close code, and loads no room', async () => {
    const forged = makeToken({ ws: 'ws1', role: 'editor' }, Buffer.from('another-secret-another-secret', 'utf8'));
    const expired = makeToken({ ws: 'ws1', role: 'editor', exp: Math.floor(Date.now() / 1000) - 10 });
    const otherWs = makeToken({ ws: 'ws2', role: 'editor' });
    const closeOf = (token: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${server.url}/ws1/d1`, tokenSubprotocols(token));
        ws.on('close', (code) => resolve(code));
        ws.on('error', reject);
      });
    expect(await closeOf(forged)).toBe(CloseCode.InviteInvalid);
    expect(await closeOf(otherWs)).toBe(CloseCode.InviteInvalid);
    expect(await closeOf(expired)).toBe(CloseCode.TokenExpired);
  });
});

describe('metrics', () => {
  it('wants the bearer token when one is configured', async () => {
    expect((await fetch(`${server.httpUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.httpUrl}/metrics`, { headers: { Authorization: 'Bearer wrong-token-000000000' } })).status).toBe(401);
    const ok = await fetch(`${server.httpUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('rapporteur_connections');
  });

  it('moves to its own port with metricsPort, leaving none on the main one', async () => {
    const separate = await start({ metricsPort: 0 }, 'metrics-port');
    expect(separate.metricsUrl).not.toBe(separate.httpUrl);
    expect((await fetch(`${separate.httpUrl}/metrics`)).status).not.toBe(200);
    const res = await fetch(`${separate.metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('rapporteur_connections');
  });
});

describe('connection caps count sockets before the upgrade', () => {
  const openRaw = async (s: RunningServer, n: number): Promise<Socket[]> => {
    const sockets = await Promise.all(
      Array.from({ length: n }, () => new Promise<Socket>((res, rej) => {
        const socket = connect(s.port, '127.0.0.1', () => res(socket));
        socket.on('error', rej);
      })),
    );
    return sockets;
  };

  it('counts sockets that never finish their request toward the per-IP cap', async () => {
    const capped = await start({ maxConnPerIp: 3 }, 'per-ip');
    const idle = await openRaw(capped, 3);
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(await tryUpgrade(roomUrl(capped.url, 'ws1/d1', editor))).toEqual({ status: 429, opened: false });
    } finally {
      idle.forEach((s) => s.destroy());
    }
    await waitFor(async () => (await tryUpgrade(roomUrl(capped.url, 'ws1/d1', editor))).opened, 5000, 'slot freed');
  });

  it('has a global cap (503)', async () => {
    const capped = await start({ maxConnPerIp: 100, maxConnections: 2 }, 'global');
    const idle = await openRaw(capped, 2);
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(await tryUpgrade(roomUrl(capped.url, 'ws1/d1', editor))).toEqual({ status: 503, opened: false });
    } finally {
      idle.forEach((s) => s.destroy());
    }
    await waitFor(async () => (await tryUpgrade(roomUrl(capped.url, 'ws1/d1', editor))).opened, 5000, 'slot freed');
  });
});

describe('refused upgrades in the log', () => {
  it('logs at most 20 lines a minute per reason and counts the rest', async () => {
    const lines: string[] = [];
    const s = await start({ logger: createLogger((l) => lines.push(l)) }, 'log');
    for (let i = 0; i < 40; i++) expect((await tryUpgrade(`${s.url}/ws1/d1?token=bad`)).status).toBe(401);
    const refused = lines.filter((l) => l.includes('"upgrade_refused"'));
    expect(refused.length).toBe(20);
    expect(s.metrics.upgradeLogsSuppressed.get()).toBe(20);
    expect(lines.join('')).not.toContain('token=bad');
  });
});

describe('command line', () => {
  it('reads origins and connect sources from repeatable flags and the environment, and refuses junk', () => {
    const opts = serveOptions(
      ['--allow-origin', 'https://a.example.org', '--allow-origin=http://127.0.0.1:5199', '--connect-src', 'wss://sync.example.org', '--metrics-port', '9100'],
      { RAPPORTEUR_ALLOW_ORIGINS: 'https://b.example.org', RAPPORTEUR_METRICS_TOKEN: METRICS_TOKEN },
    );
    expect(opts.allowOrigins).toEqual(['https://a.example.org', 'http://127.0.0.1:5199', 'https://b.example.org']);
    expect(opts.connectSrc).toEqual(['wss://sync.example.org']);
    expect(opts.metricsPort).toBe(9100);
    expect(opts.metricsToken).toBe(METRICS_TOKEN);
    expect(() => serveOptions(['--allow-origin', 'https://a.example.org/path'], {})).toThrow(/origin/);
    expect(() => serveOptions(['--connect-src', "'unsafe-inline'"], {})).toThrow(/connect-src/);
    expect(() => serveOptions(['--metrics-token', 'short'], {})).toThrow(/16/);
  });
});
