import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInvite } from '../common/invite';
import { httpBaseOf, parseFlags, serveOptions, tokenCommand, UsageError } from './cli';
import { REPO_ROOT, tempDir } from './testHelpers';
import { verifyToken } from './token';

const dir = tempDir();
afterAll(() => dir.remove());

const env = { ...process.env, RAPPORTEUR_SECRET: '' };
const runCli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 30_000 });

describe('token command (process)', () => {
  it('prints a desktop link, a browser link, and the token alone on the last line', () => {
    const data = join(dir.path, 'data');
    const res = runCli(['token', '--data', data, '--workspace', 'ws1', '--role', 'commenter', '--name', 'Ana Müller', '--days', '7', '--server', 'ws://10.0.0.5:4321']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [desktopLine = '', browserLine = '', token = ''] = lines;
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const desktop = desktopLine.slice(desktopLine.indexOf('rapporteur://'));
    const browser = browserLine.slice(browserLine.indexOf('http://'));
    expect(desktop.startsWith('rapporteur://join?')).toBe(true);
    expect(browser.startsWith('http://10.0.0.5:4321/#/join?')).toBe(true);
    expect(parseInvite(desktop)).toEqual({ server: 'ws://10.0.0.5:4321', token });
    expect(parseInvite(browser)).toEqual({ server: 'ws://10.0.0.5:4321', token });
    // Signed with the secret generated in the data dir, which the server will use.
    const secret = Buffer.from(readFileSync(join(data, 'secret'), 'utf8').trim());
    const verified = verifyToken(token, secret);
    expect(verified.ok && verified.claims).toMatchObject({ ws: 'ws1', role: 'commenter', name: 'Ana Müller' });
    if (verified.ok) expect(verified.claims.exp - Date.now() / 1000).toBeGreaterThan(6.9 * 86_400);
  });

  it('exits 2 with one line on stderr for bad arguments', () => {
    const data = join(dir.path, 'data');
    const bad = [
      ['token', '--data', data, '--workspace', 'ws1', '--role', 'owner', '--name', 'X'],
      ['token', '--data', data, '--role', 'editor', '--name', 'X'],
      ['token', '--data', data, '--workspace', 'w s', '--role', 'editor', '--name', 'X'],
      ['token', '--data', data, '--workspace', 'ws1', '--role', 'editor'],
      ['token', '--data', data, '--workspace', 'ws1', '--role', 'editor', '--name', 'X', '--days', 'soon'],
      ['token', '--data', data, '--workspace', 'ws1', '--role', 'editor', '--name', 'X', '--server', 'http://x'],
      ['--port', 'abc'],
      ['--bogus', '1'],
    ];
    for (const args of bad) {
      const res = runCli(args);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/^error: /);
    }
  });
});

describe('cli helpers', () => {
  it('parses flags strictly', () => {
    expect(parseFlags(['--a', '1', '--b=2'], ['a', 'b'])).toEqual(new Map([['a', '1'], ['b', '2']]));
    expect(() => parseFlags(['--a'], ['a'])).toThrow(UsageError);
    expect(() => parseFlags(['--a', '1', '--a', '2'], ['a'])).toThrow(UsageError);
    expect(() => parseFlags(['x'], ['a'])).toThrow(UsageError);
  });

  it('derives the browser base from the websocket URL', () => {
    expect(httpBaseOf('ws://127.0.0.1:4321')).toBe('http://127.0.0.1:4321');
    expect(httpBaseOf('wss://sync.example.org')).toBe('https://sync.example.org');
  });

  it('signs with RAPPORTEUR_SECRET when it is set', () => {
    const out = tokenCommand(['--data', join(dir.path, 'other'), '--workspace', 'ws9', '--role', 'viewer', '--name', 'V'], {
      RAPPORTEUR_SECRET: 'env-secret-env-secret-env-secret',
    });
    expect(verifyToken(out.token, Buffer.from('env-secret-env-secret-env-secret')).ok).toBe(true);
  });

  it('binds an invite to a stakeholder with --stakeholder, and refuses an id that is not one', () => {
    const secretEnv = { RAPPORTEUR_SECRET: 'env-secret-env-secret-env-secret' };
    const args = ['--data', join(dir.path, 'other'), '--workspace', 'ws9', '--role', 'commenter', '--name', 'Ana'];
    const out = tokenCommand([...args, '--stakeholder', 'st-42'], secretEnv);
    const verified = verifyToken(out.token, Buffer.from(secretEnv.RAPPORTEUR_SECRET));
    expect(verified.ok && verified.claims.stakeholder).toBe('st-42');
    const plain = verifyToken(tokenCommand(args, secretEnv).token, Buffer.from(secretEnv.RAPPORTEUR_SECRET));
    expect(plain.ok && 'stakeholder' in plain.claims).toBe(false);
    expect(() => tokenCommand([...args, '--stakeholder', 'not an id'], secretEnv)).toThrow(UsageError);
  });

  it('collects repeatable flags', () => {
    expect(parseFlags(['--o', 'a', '--o=b'], ['o'], ['o']).get('o')).toBe('a,b');
  });
});

describe('scale-out options', () => {
  it('selects PostgreSQL with --store or RAPPORTEUR_STORE and Redis with --redis or RAPPORTEUR_REDIS; SQLite stays the default', () => {
    expect(serveOptions([], {})).not.toHaveProperty('storeUrl');
    expect(serveOptions(['--store', 'postgres://u@db/r', '--redis', 'redis://cache:6379'], {})).toMatchObject({
      storeUrl: 'postgres://u@db/r',
      redisUrl: 'redis://cache:6379',
    });
    expect(serveOptions([], { RAPPORTEUR_STORE: 'postgresql://db/r', RAPPORTEUR_REDIS: 'redis://c' })).toMatchObject({ storeUrl: 'postgresql://db/r', redisUrl: 'redis://c' });
    expect(() => serveOptions(['--store', 'mysql://db'], {})).toThrow(UsageError);
    expect(() => serveOptions(['--redis', 'redis://c'], {})).toThrow(/needs --store/);
  });
});
