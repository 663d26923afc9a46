import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engineProblems, installedPackages, type InstalledPackage } from './checkEngines.mjs';

const pkg = (name: string, node: unknown): InstalledPackage => ({ name, version: '1.0.0', node, dir: `node_modules/${name}` });
const supported = { projectRange: '>=22.13', running: '24.22.3', ltsMajor: 24 };

describe('engineProblems', () => {
  it('accepts packages whose range admits the running Node, the minimum and the .nvmrc line', () => {
    const packages = [pkg('a', '>=18'), pkg('b', '^20.19.0 || >=22.12.0'), pkg('c', '^22 || ^24 || >=26'), pkg('d', undefined), pkg('e', '*')];
    expect(engineProblems(packages, supported)).toEqual([]);
  });

  it('names the package and what its range excludes', () => {
    expect(engineProblems([pkg('old', '^22.14.0')], supported)).toEqual([
      `old@1.0.0 (node_modules/old) requires node "^22.14.0", which excludes the running Node 24.22.3 and the project's minimum 22.13.0 and Node 24 (.nvmrc)`,
    ]);
    expect(engineProblems([pkg('new', '>=25')], { ...supported, running: '25.0.0' })[0]).toContain("excludes the project's minimum 22.13.0 and Node 24");
    expect(engineProblems([pkg('bad', 'not a range')], supported)[0]).toContain('not a valid range');
  });

  it('refuses a running Node below the project range (Node 20 is end of life)', () => {
    expect(engineProblems([], { ...supported, running: '20.20.2' })).toEqual([`the running Node 20.20.2 is outside the project's engines.node ">=22.13"`]);
  });

  it('finds scoped and nested packages in this checkout', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const names = new Set(installedPackages(root).map((p) => p.name));
    expect(names.has('electron')).toBe(true);
    expect(names.has('@electron/get')).toBe(true);
  });
});
