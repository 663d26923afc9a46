// Types for checkEngines.mjs.
export interface InstalledPackage {
  name: string;
  version: string | undefined;
  node: unknown;
  dir: string;
}
export function installedPackages(root: string): InstalledPackage[];
export function engineProblems(packages: InstalledPackage[], options: { projectRange: string; running: string; ltsMajor: number }): string[];
