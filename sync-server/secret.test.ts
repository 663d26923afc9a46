import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecret } from './secret';
import { tempDir } from './testHelpers';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('loadSecret', () => {
  it('generates <data>/secret once with mode 0600 and reuses it', () => {
    const dir = tempDir();
    dirs.push(dir);
    const data = join(dir.path, 'data');
    const first = loadSecret(data, {});
    expect(first.source).toBe('generated');
    expect(statSync(join(data, 'secret')).mode & 0o777).toBe(0o600);
    const second = loadSecret(data, {});
    expect(second.source).toBe('file');
    expect(second.secret.equals(first.secret)).toBe(true);
  });

  it('prefers RAPPORTEUR_SECRET and rejects a short one', () => {
    const dir = tempDir();
    dirs.push(dir);
    const fromEnv = loadSecret(dir.path, { RAPPORTEUR_SECRET: 'a-long-enough-secret-value' });
    expect(fromEnv.source).toBe('env');
    expect(fromEnv.secret.toString()).toBe('a-long-enough-secret-value');
    expect(() => loadSecret(dir.path, { RAPPORTEUR_SECRET: 'short' })).toThrow(/at least/);
  });

  it('tightens a secret file readable by others', () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir.path, 'secret'), 'a-secret-written-by-hand-1234\n', { mode: 0o644 });
    const loaded = loadSecret(dir.path, {});
    expect(loaded.fixedMode).toBe(true);
    expect(loaded.secret.toString()).toBe('a-secret-written-by-hand-1234');
    expect(statSync(join(dir.path, 'secret')).mode & 0o777).toBe(0o600);
  });
});
