// scripts/web.ts serves dist/web through the same static module (Playwright starts it with --no-build).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MISSING_BUILD_TEXT } from './staticFiles';
import { REPO_ROOT } from './testHelpers';

describe('scripts/web.ts', () => {
  it('serves the web build (or says how to make it) and prints its URL', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts', '--no-build', '--port', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        proc.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolveUrl(m[1]);
          }
        });
      });
      const res = await fetch(url);
      if (res.status === 200) {
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('cache-control')).toBe('no-cache');
      } else {
        expect(res.status).toBe(404);
        expect(await res.text()).toBe(MISSING_BUILD_TEXT);
      }
      expect((await fetch(url + 'no-such-file.js')).status).toBe(404);
    } finally {
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('refuses unknown arguments with exit code 2', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts', '--bogus'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => proc.on('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toMatch(/^error: unknown argument --bogus/);
  });
});
