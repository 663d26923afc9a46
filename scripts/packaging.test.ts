// electron-builder.yml, checked with electron-builder's own loader and schema (packaging itself needs Electron's
// binary downloads, so it cannot run here).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };

const loadConfig = () => getConfig(root, join(root, 'electron-builder.yml'), null);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { author?: { name?: string; email?: string }; engines?: { node?: string } };

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('runs the fuse hook after packing', async () => {
    const config = await loadConfig();
    expect(config.afterPack).toBe('./scripts/afterPack.mjs');
    expect(existsSync(join(root, 'scripts/afterPack.mjs'))).toBe(true);
  });

  it('registers rapporteur:// for the OS, and in the Linux desktop entry', async () => {
    const config = (await loadConfig()) as { protocols: Array<{ schemes: string[] }>; linux: { desktop: { entry: Record<string, string> } } };
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['rapporteur']);
    expect(config.linux.desktop.entry.MimeType).toBe('x-scheme-handler/rapporteur;');
  });

  it('takes maintainer, vendor and copyright from package.json author', async () => {
    const config = (await loadConfig()) as { linux: Record<string, unknown>; copyright?: string };
    expect(config.linux.maintainer).toBeUndefined();
    expect(config.linux.vendor).toBeUndefined();
    expect(config.copyright).toBeUndefined();
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/@/);
  });

  it('agrees with .nvmrc on the Node versions', () => {
    const lts = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(lts).toBe('24');
    expect(pkg.engines?.node).toBe('>=22.13');
  });
});
