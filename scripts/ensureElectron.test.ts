import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
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

describe('ensureElectron with a reachable mirror', () => {
  it("downloads with progress, unpacks with the electron package's own installer, then launches", async () => {
    const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
    // Inside node_modules, so the package's install.js finds @electron/get and the extractor as it would for real.
    const pkgDir = mkdtempSync(join(repo, 'node_modules', '.rapporteur-test-electron-'));
    const cache = mkdtempSync(join(tmpdir(), 'rapporteur-electron-cache-'));
    for (const file of ['package.json', 'checksums.json', 'install.js']) copyFileSync(join(electronDir, file), join(pkgDir, file));
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    const executable = platformPath(process.platform);
    const zip = Buffer.from(zipSync({ [executable]: new TextEncoder().encode('#!/bin/sh\n'), version: new TextEncoder().encode(version) }));
    const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
    const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
    const requests: string[] = [];
    const mirror = createHttpServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url?.endsWith(`/${zipName}`)) res.writeHead(200, { 'content-length': zip.length }).end(zip);
      else if (req.url?.endsWith('/SHASUMS256.txt')) res.writeHead(200).end(sums);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
    try {
      const { port } = mirror.address() as { port: number };
      const env = { ...offlineEnv(`http://127.0.0.1:${port}/`, cache), electron_use_remote_checksums: '1' };
      const child = spawn(process.execPath, [script, '--electron-dir', pkgDir, '--', process.execPath, '-e', 'process.stdout.write(process.env.ELECTRON_EXEC_PATH)'], {
        env,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((done) => child.on('close', done));
      expect(stderr).toContain(`Electron ${version} is not installed yet; downloading it once`);
      expect(stderr).toMatch(new RegExp(`Downloading Electron ${version.replace(/\./g, '\\.')}: 100%`));
      expect(status, stderr).toBe(0);
      expect(stdout).toBe(join(pkgDir, 'dist', executable));
      expect(readFileSync(join(pkgDir, 'path.txt'), 'utf8')).toBe(executable);
      expect(existsSync(join(pkgDir, 'dist', executable))).toBe(true);
      expect(requests.some((url) => url.endsWith(zipName))).toBe(true);
    } finally {
      mirror.close();
      rmSync(pkgDir, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
