import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { CONTENT_SECURITY_POLICY, createAppRequestHandler, installAppProtocol, registerAppScheme, resolveAppPath } from './appProtocol';

let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'rapporteur-protocol-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rapporteur</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  writeFileSync(outside, 'top secret');
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('registerAppScheme / installAppProtocol', () => {
  it('registers app as standard, secure, fetch-capable and code-cached', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('installs a handler for app:', () => {
    installAppProtocol(root);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('resolveAppPath', () => {
  it('maps URLs to files under the root, / to index.html', () => {
    expect(resolveAppPath(root, 'app://rapporteur/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://rapporteur/index.html?x#/join')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://rapporteur/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://rapporteur/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it('refuses traversal, other hosts, other schemes and malformed escapes', () => {
    for (const url of [
      'app://rapporteur/..%2fsecret.txt',
      'app://rapporteur/assets/..%2f..%2fsecret.txt',
      'app://rapporteur/%2e%2e/secret.txt',
      'app://rapporteur/..%5csecret.txt',
      'app://rapporteur/index.html%00.js',
      'app://rapporteur/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(join(root, '/')), url).toBe(true);
      expect(resolved).not.toBe(outside);
    }
    expect(resolveAppPath(root, 'app://rapporteur/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://rapporteur/index.html%00.js')).toBeNull();
    expect(resolveAppPath(root, 'app://rapporteur/%E0%A4%A')).toBeNull();
  });
});

describe('createAppRequestHandler', () => {
  const handler = () => createAppRequestHandler(root);

  it('serves files with MIME type, nosniff and the strict CSP', async () => {
    const res = await handler()(new Request('app://rapporteur/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');

    const index = await handler()(new Request('app://rapporteur/'));
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Rapporteur</title>');

    const font = await handler()(new Request('app://rapporteur/assets/font.woff2'));
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('answers 404 for missing files, directories, traversal and foreign hosts, with the CSP too', async () => {
    for (const url of ['app://rapporteur/missing.js', 'app://rapporteur/assets', 'app://rapporteur/..%2fsecret.txt', 'app://other/index.html']) {
      const res = await handler()(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('top secret');
    }
  });

  it('supports HEAD and refuses writes', async () => {
    const head = await handler()(new Request('app://rapporteur/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    const post = await handler()(new Request('app://rapporteur/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is default-deny with explicit allow-lists', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self' ws: wss:",
      'worker-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-src': "'none'",
      'object-src': "'none'",
    });
  });
});
