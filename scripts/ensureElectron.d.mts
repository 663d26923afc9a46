// Types for ensureElectron.mjs (a plain Node script, so that `npm start` needs no TypeScript loader).
export interface ElectronLocation {
  version: string;
  binary?: string;
  override?: boolean;
  missing?: string;
}
export type EnsureResult = { ok: true; binary: string; version: string } | { ok: false; message: string };
export function platformPath(platform: NodeJS.Platform | 'mas'): string;
export function defaultElectronDir(): string;
export function locateElectron(options: { electronDir: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): ElectronLocation;
export function mirrorFrom(env: NodeJS.ProcessEnv): string;
export function describeError(error: unknown): string;
export function failureMessage(options: { version: string; reason: string; mirror: string; override?: boolean }): string;
export function ensureElectron(options?: { electronDir?: string; env?: NodeJS.ProcessEnv; stderr?: NodeJS.WritableStream & { isTTY?: boolean } }): Promise<EnsureResult>;
export function parseArgs(argv: string[]): { electronDir: string | undefined; command: string[] };
