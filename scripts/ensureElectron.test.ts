import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultElectronDir, locateElectron, platformPath } from './ensureElectron.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'ensureElectron.mjs');
const electronDir = defaultElectronDir();

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The environment of a fresh machine whose network blocks the download. */
function offlineEnv(mirror: string, cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/electron/i.test(key)) continue; // no override, mirror or cache settings from the tester's machine
    env[key] = value;
  }
  return { ...env, ELECTRON_MIRROR: mirror, electron_config_cache: cache };
}

describe('ensureElectron (the part of `npm start` before launch)', () => {
  let work: string;
  let fakeElectron: string;
  let mirror: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rapporteur-ensure-electron-'));
    // The electron package as `npm install` leaves it: package.json and checksums, no path.txt, no dist/.
    fakeElectron = join(work, 'electron');
    mkdirSync(fakeElectron);
    copyFileSync(join(electronDir, 'package.json'), join(fakeElectron, 'package.json'));
    copyFileSync(join(electronDir, 'checksums.json'), join(fakeElectron, 'checksums.json'));
    mirror = `http://127.0.0.1:${await closedPort()}/`;
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints one paragraph with both ways on and exits non-zero when the download cannot happen', () => {
    const result = spawnSync(process.execPath, [script, '--electron-dir', fakeElectron, '--', process.execPath, '-e', 'process.exit(0)'], {
      env: offlineEnv(mirror, join(work, 'cache')),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const paragraphs = result.stderr.trim().split(/\n\s*\n/);
    const message = paragraphs[paragraphs.length - 1];
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('the Electron');
    expect(message).toContain(`downloading it from ${mirror} failed`);
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(message).toContain('npm run web');
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(result.stdout).toBe('');
  });

  it('refuses an ELECTRON_OVERRIDE_DIST_PATH that holds no Electron, without downloading', () => {
    const env = { ...offlineEnv(mirror, join(work, 'cache')), ELECTRON_OVERRIDE_DIST_PATH: join(work, 'nowhere') };
    const result = spawnSync(process.execPath, [script, '--electron-dir', fakeElectron], { env, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set, but ${join(work, 'nowhere', platformPath(process.platform))} does not exist`);
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).not.toContain('downloading');
  });

  it('launches the command with ELECTRON_EXEC_PATH when an unpacked Electron is there', () => {
    const dist = join(work, 'unpacked');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, platformPath(process.platform)), '');
    const env = { ...offlineEnv(mirror, join(work, 'cache')), ELECTRON_OVERRIDE_DIST_PATH: dist };
    const result = spawnSync(
      process.execPath,
      [script, '--electron-dir', fakeElectron, '--', process.execPath, '-e', 'process.stdout.write(process.env.ELECTRON_EXEC_PATH)'],
      { env, encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(join(dist, platformPath(process.platform)));
  });

  it('finds a downloaded binary through path.txt and notices a version mismatch', () => {
    const dir = join(work, 'installed');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    copyFileSync(join(electronDir, 'package.json'), join(dir, 'package.json'));
    expect(locateElectron({ electronDir: dir, env: {} }).missing).toMatch(/not been downloaded/);
    writeFileSync(join(dir, 'path.txt'), 'electron');
    writeFileSync(join(dir, 'dist', 'electron'), '');
    const { version } = locateElectron({ electronDir: dir, env: {} });
    writeFileSync(join(dir, 'dist', 'version'), `v${version}`);
    expect(locateElectron({ electronDir: dir, env: {}, platform: 'linux' })).toEqual({ version, binary: join(dir, 'dist', 'electron') });
    writeFileSync(join(dir, 'dist', 'version'), '1.0.0');
    expect(locateElectron({ electronDir: dir, env: {} }).missing).toMatch(/holds Electron 1\.0\.0/);
  });
});
