import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlOf, createStaticHandler, MISSING_BUILD_TEXT, resolveInside } from './staticFiles';
import { tempDir } from './testHelpers';

const dir = tempDir();
const root = join(dir.path, 'web');
let server: Server;
let missingServer: Server;

function listen(handlerRoot: string): Promise<Server> {
  const handler = createStaticHandler(handlerRoot);
  const s = createServer((req, res) => void handler(req, res));
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r(s)));
}

/** Raw request: the path goes on the wire as given (fetch would normalise `..`). */
function get(s: Server, path: string, method = 'GET', headers: Record<string, string> = {}) {
  const { port } = s.address() as AddressInfo;
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolveRes, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolveRes({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rapporteur</title>');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'assets', 'index-Bx7k2QzA.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir.path, 'secret.txt'), 'outside the root');
  symlinkSync(join(dir.path, 'secret.txt'), join(root, 'link.txt'));
  server = await listen(root);
  missingServer = await listen(join(dir.path, 'no-build-here'));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => missingServer.close(r));
  dir.remove();
});

describe('static files', () => {
  it('serves index.html for / with no-cache, and assets with their types', async () => {
    const index = await get(server, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Rapporteur</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    const sw = await get(server, '/sw.js');
    expect(sw.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const hashed = await get(server, '/assets/index-Bx7k2QzA.js?v=1');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toContain('immutable');
    const css = await get(server, '/assets/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD without a body and 304 for a matching ETag', async () => {
    const head = await get(server, '/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const again = await get(server, '/index.html', 'GET', { 'if-none-match': String(head.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('never leaves the root', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link.txt', '/%00', '/a%5c..%5csecret.txt']) {
      const res = await get(server, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the root');
    }
    expect(resolveInside('/srv/web', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/srv/web', '/a/b.js')).toBe('/srv/web/a/b.js');
  });

  it('refuses other methods and unknown files', async () => {
    expect((await get(server, '/', 'POST')).status).toBe(405);
    expect((await get(server, '/nope.js')).status).toBe(404);
  });

  it('says how to build when the web build is missing', async () => {
    const res = await get(missingServer, '/');
    expect(res.status).toBe(404);
    expect(res.body).toBe(MISSING_BUILD_TEXT);
    expect(res.body).toContain('npm run build:web');
  });

  it('chooses cache headers by name', () => {
    expect(cacheControlOf('index.html')).toBe('no-cache');
    expect(cacheControlOf('sw.js')).toBe('no-cache');
    expect(cacheControlOf('assets/vendor-DkP3x9aQ.js')).toContain('immutable');
    expect(cacheControlOf('favicon.svg')).toBe('public, max-age=3600');
  });
});
