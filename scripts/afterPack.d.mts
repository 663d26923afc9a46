// Types for afterPack.mjs.
import type { FuseConfig, FuseState } from '@electron/fuses';
export const FUSES: Readonly<FuseConfig>;
export function expectedFuseStates(): Record<string, FuseState>;
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export function packagedBinary(context: PackContext): string;
export function readFuses(binary: string): Promise<Record<string, FuseState>>;
export function afterPack(context: PackContext): Promise<void>;
export default afterPack;
