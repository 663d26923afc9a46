import type { Browser } from 'playwright-core';
import type { EditorSeed } from './editorSeed';
export async function profileOpen(_b: Browser, _s: EditorSeed, _d: string, _p: (t: string) => void): Promise<Record<string, unknown>> {
  return { todo: true };
}
export async function profileKeystrokes(_b: Browser, _s: EditorSeed, _d: string, _p: (t: string) => void): Promise<Record<string, unknown>> {
  return { todo: true };
}
