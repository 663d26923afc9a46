// Before `npm start` / `npm run dev`: make sure the Electron binary is there, then launch the given command.
//   node scripts/ensureElectron.mjs [--electron-dir <dir>] [-- <command> [args...]]
// Electron 45's package no longer downloads its binary when it installs, and electron-vite stops with
// "Electron uninstall" when it finds no path.txt. So the binary is fetched here, with @electron/get (what the
// electron package itself uses) showing progress, and unpacked by the package's own installer (install.js,
// its `install-electron` bin). Where that cannot happen, one paragraph says what failed and how to go on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ELECTRON_RELEASES = 'https://github.com/electron/electron/releases/download/';

/** The executable inside an unpacked Electron, as the electron package's install.js names it. */
export function platformPath(platform) {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

export function defaultElectronDir() {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

const readText = (file) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/**
 * Where the Electron binary is, or why there is none. Mirrors electron's index.js: ELECTRON_OVERRIDE_DIST_PATH
 * wins; otherwise path.txt (written by install.js) names the executable under dist/, for this package's version.
 */
export function locateElectron({ electronDir, env = process.env, platform = process.platform }) {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const relative = readText(join(electronDir, 'path.txt'));
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(resolve(override), relative ?? platformPath(platform));
    return existsSync(binary)
      ? { version, binary, override: true }
      : { version, override: true, missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${binary} does not exist` };
  }
  if (!relative) return { version, missing: `the Electron ${version} binary has not been downloaded yet (no ${join(electronDir, 'path.txt')})` };
  const binary = join(electronDir, 'dist', relative);
  if (!existsSync(binary)) return { version, missing: `${binary} does not exist` };
  const installed = readText(join(electronDir, 'dist', 'version'))?.replace(/^v/, '');
  if (installed && installed !== version) return { version, missing: `dist/ holds Electron ${installed}, the package is ${version}` };
  return { version, binary };
}

/** The mirror @electron/get will use (same variables, in the same order). */
export function mirrorFrom(env) {
  return (
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    env.ELECTRON_MIRROR ||
    ELECTRON_RELEASES
  );
}

/** One line for why a download failed: fetch hides the reason in error.cause. */
export function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail = cause instanceof Error ? cause.message : cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
  const message = error.message.split('\n')[0];
  return detail && !message.includes(detail) ? `${message}: ${detail}` : message;
}

/** The one paragraph printed when there is no Electron binary and none could be fetched. */
export function failureMessage({ version, reason, mirror, override }) {
  const what = override
    ? `Rapporteur cannot start the desktop app: ${reason}.`
    : `Rapporteur cannot start the desktop app: the Electron ${version} binary is not installed and downloading it from ${mirror} failed (${reason}). ` +
      'This happens offline, behind a proxy Electron does not know about (set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1), ' +
      'or on a network that blocks the download.';
  return (
    `${what} Two ways on: set ELECTRON_OVERRIDE_DIST_PATH to the folder of an unpacked Electron ${version} ` +
    `(the one containing ${platformPath(process.platform)}) and run the command again, ` +
    'or run `npm run web` to use Rapporteur in a browser (http://127.0.0.1:5173).'
  );
}

function progressPrinter(stream, version) {
  let lastTenth = -1;
  return ({ transferred, total, percent }) => {
    const mb = (bytes) => (bytes / 1e6).toFixed(1);
    const pct = Math.floor(percent * 100);
    const line = total ? `Downloading Electron ${version}: ${pct}% (${mb(transferred)} of ${mb(total)} MB)` : `Downloading Electron ${version}: ${mb(transferred)} MB`;
    if (stream.isTTY) {
      stream.write(`\r${line}`);
    } else if (Math.floor(pct / 10) > lastTenth) {
      lastTenth = Math.floor(pct / 10);
      stream.write(`${line}\n`);
    }
  };
}

/** Fetches Electron's zip into @electron/get's cache, checked against the package's checksums.json. */
async function download({ electronDir, env, version, stderr }) {
  const { downloadArtifact } = await import('@electron/get');
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const remoteChecksums = env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums;
  stderr.write(`Electron ${version} is not installed yet; downloading it once (about 100 MB).\n`);
  // A network that drops packets would otherwise hang here for ever: give up after a stall, not a duration.
  const stallMs = Number(env.RAPPORTEUR_ELECTRON_STALL_MS) || 60_000;
  const controller = new AbortController();
  let stall = setTimeout(() => controller.abort(new Error(`no data for ${stallMs / 1000} s`)), stallMs);
  const printProgress = progressPrinter(stderr, version);
  const onProgress = (progress) => {
    clearTimeout(stall);
    stall = setTimeout(() => controller.abort(new Error(`the download stalled for ${stallMs / 1000} s`)), stallMs);
    printProgress(progress);
  };
  try {
    await downloadArtifact({
      version,
      artifactName: 'electron',
      platform,
      arch,
      cacheRoot: env.electron_config_cache,
      checksums: remoteChecksums ? undefined : JSON.parse(readFileSync(join(electronDir, 'checksums.json'), 'utf8')),
      downloadOptions: { quiet: true, getProgressCallback: onProgress, signal: controller.signal },
    });
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(stall);
  }
  if (stderr.isTTY) stderr.write('\n');
}

/** Runs the electron package's own installer, which unpacks the cached zip into dist/ and writes path.txt. */
function runInstaller({ electronDir, env }) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { env, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status === 0) return undefined;
  const firstLine = (result.stderr || result.error?.message || `exit code ${result.status}`).trim().split('\n')[0];
  return `Electron's installer failed: ${firstLine}`;
}

/**
 * Makes sure an Electron binary exists. Resolves to { ok: true, binary } or { ok: false, message } where message
 * is the paragraph for the user. Never throws for download problems.
 */
export async function ensureElectron({ electronDir = defaultElectronDir(), env = process.env, stderr = process.stderr } = {}) {
  const found = locateElectron({ electronDir, env });
  if (found.binary) return { ok: true, binary: found.binary, version: found.version };
  const mirror = mirrorFrom(env);
  const fail = (reason) => ({ ok: false, message: failureMessage({ version: found.version, reason, mirror, override: found.override }) });
  if (found.override) return fail(found.missing);
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return fail('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  try {
    await download({ electronDir, env, version: found.version, stderr });
  } catch (error) {
    if (stderr.isTTY) stderr.write('\n');
    return fail(describeError(error));
  }
  const installerError = runInstaller({ electronDir, env });
  if (installerError) return fail(installerError);
  const after = locateElectron({ electronDir, env });
  return after.binary ? { ok: true, binary: after.binary, version: after.version } : fail(after.missing);
}

export function parseArgs(argv) {
  const options = { electronDir: undefined, command: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      options.command = argv.slice(i + 1);
      break;
    }
    if (argv[i] === '--electron-dir') options.electronDir = resolve(argv[++i] ?? '.');
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const result = await ensureElectron({ electronDir: options.electronDir });
  if (!result.ok) {
    process.stderr.write(`\n${result.message}\n\n`);
    process.exit(1);
  }
  if (options.command.length === 0) {
    process.stdout.write(`Electron ${result.version}: ${result.binary}\n`);
    return;
  }
  // electron-vite takes the binary from ELECTRON_EXEC_PATH before it looks for path.txt.
  const [command, ...args] = options.command;
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: result.binary },
    shell: process.platform === 'win32',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`Could not run ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(1);
  });
}
