// The token-signing secret: RAPPORTEUR_SECRET when set, else `<data>/secret`, generated once with mode 0600.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const SECRET_ENV = 'RAPPORTEUR_SECRET';
const MIN_SECRET_BYTES = 16;

export interface LoadedSecret {
  secret: Buffer;
  source: 'env' | 'file' | 'generated';
  /** set when the secret file was readable by others and has been tightened */
  fixedMode?: boolean;
}

export function loadSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): LoadedSecret {
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (Buffer.byteLength(fromEnv) < MIN_SECRET_BYTES) throw new Error(`${SECRET_ENV} must be at least ${MIN_SECRET_BYTES} bytes`);
    return { secret: Buffer.from(fromEnv, 'utf8'), source: 'env' };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'secret');
  try {
    const generated = randomBytes(32).toString('base64url');
    // 'wx' fails when the file exists, so two processes starting at once cannot both write a secret.
    writeFileSync(file, generated + '\n', { mode: 0o600, flag: 'wx' });
    return { secret: Buffer.from(generated, 'utf8'), source: 'generated' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let fixedMode = false;
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    fixedMode = true;
  }
  const value = readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(value) < MIN_SECRET_BYTES) throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_BYTES} bytes`);
  return { secret: Buffer.from(value, 'utf8'), source: 'file', fixedMode };
}
