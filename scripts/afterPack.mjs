// electron-builder `afterPack` hook (electron-builder.yml): burns Electron's fuses into the packaged binary
// before it is signed, so a shipped Rapporteur cannot be turned into a plain Node runtime or inspector, loads
// its code only from the (integrity-checked) app.asar, and encrypts its cookies. See
// https://www.electronjs.org/docs/latest/tutorial/fuses
import { flipFuses, FuseV1Options, FuseVersion, FuseState, getCurrentFuseWire } from '@electron/fuses';
import { join } from 'node:path';

/** The fuse wire of every packaged build. */
export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the signed binary a general-purpose Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect* would let anyone who can start the app inject code into its main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // electron-builder embeds app.asar's hash (macOS Info.plist, Windows resources); Electron checks it at start.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, never file://, so file: needs none of its legacy privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The fuses a packaged binary must show, by name, as @electron/fuses reports them (FuseState values). */
export function expectedFuseStates() {
  const states = {};
  for (const [key, value] of Object.entries(FUSES)) {
    if (key === 'version') continue;
    states[FuseV1Options[Number(key)]] = value ? FuseState.ENABLE : FuseState.DISABLE;
  }
  return states;
}

/** The Electron executable electron-builder just packed (macOS: the .app, which @electron/fuses understands). */
export function packagedBinary({ appOutDir, electronPlatformName, packager }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return join(appOutDir, packager.executableName);
  }
}

/** The fuse states of a binary, by fuse name. */
export async function readFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  const states = {};
  for (const [key, value] of Object.entries(wire)) {
    if (key !== 'version') states[FuseV1Options[Number(key)]] = value;
  }
  return states;
}

export async function afterPack(context) {
  const binary = packagedBinary(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping bytes breaks the ad-hoc signature arm64 macOS binaries need to run at all; electron-builder
  // signs properly afterwards when a certificate is configured.
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: isMac });
  console.log(`  • fuses applied to ${binary}`);
}

export default afterPack;
