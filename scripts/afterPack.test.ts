import { FuseState, FuseV1Options } from '@electron/fuses';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FUSES, afterPack, expectedFuseStates, packagedBinary, readFuses } from './afterPack.mjs';

/** Electron's fuse sentinel (declared by @electron/fuses, not exported at run time). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const work = mkdtempSync(join(tmpdir(), 'rapporteur-fuses-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in for an Electron binary: some bytes, the fuse sentinel, a v1 wire of 9 fuses all "inherit"/on. */
function fakeElectron(file: string): string {
  const wire = Buffer.from([1, 9, ...Array.from({ length: 9 }, () => FuseState.ENABLE)]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(1000, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(1000, 7)]));
  return file;
}

describe('FUSES', () => {
  it('is the agreed hardening', () => {
    expect(FUSES).toMatchObject({
      version: '1',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(Object.isFrozen(FUSES)).toBe(true);
    expect(expectedFuseStates()).toEqual({
      RunAsNode: FuseState.DISABLE,
      EnableCookieEncryption: FuseState.ENABLE,
      EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
      EnableNodeCliInspectArguments: FuseState.DISABLE,
      EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
      OnlyLoadAppFromAsar: FuseState.ENABLE,
      GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
    });
  });
});

describe('afterPack', () => {
  const packager = { appInfo: { productFilename: 'Rapporteur' }, executableName: 'rapporteur' };

  it('finds the packed executable on each platform', () => {
    expect(packagedBinary({ appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', packager })).toBe(join('/out/linux-unpacked', 'rapporteur'));
    expect(packagedBinary({ appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', packager })).toBe(join('/out/win-unpacked', 'Rapporteur.exe'));
    expect(packagedBinary({ appOutDir: '/out/mac', electronPlatformName: 'darwin', packager })).toBe(join('/out/mac', 'Rapporteur.app'));
  });

  it('burns the fuses into the binary, as @electron/fuses reads them back', async () => {
    const binary = fakeElectron(join(work, 'rapporteur'));
    await afterPack({ appOutDir: work, electronPlatformName: 'linux', packager });
    const fuses = await readFuses(binary);
    expect(fuses).toMatchObject(expectedFuseStates());
    // Fuses we do not set keep Electron's default.
    expect(fuses.LoadBrowserProcessSpecificV8Snapshot).toBe(FuseState.ENABLE);
  });
});
