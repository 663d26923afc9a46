// Part of `npm test`: the dependency tree is complete (`npm ls`), and every installed package's `engines.node`
// accepts the Node versions this project supports: the running Node, the minimum of package.json's
// `engines.node`, and the LTS line in .nvmrc. Prints one line per problem and exits non-zero if there is one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/** Every package.json under node_modules (scoped and nested ones too), with its folder. */
export function installedPackages(root) {
  const found = [];
  const visit = (modulesDir) => {
    if (!existsSync(modulesDir)) return;
    for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const dir = join(modulesDir, entry.name);
      if (entry.name.startsWith('@')) {
        visit(dir);
        continue;
      }
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        try {
          const { name, version, engines } = JSON.parse(readFileSync(manifest, 'utf8'));
          found.push({ name: name ?? entry.name, version, node: engines?.node, dir: relative(root, dir) });
        } catch {
          found.push({ name: entry.name, version: undefined, node: undefined, dir: relative(root, dir) });
        }
      }
      visit(join(dir, 'node_modules'));
    }
  };
  visit(join(root, 'node_modules'));
  return found;
}

/**
 * Problems with the declared ranges: the project's own range must admit the running Node and the .nvmrc line;
 * every package must admit the running Node, the project's minimum and the .nvmrc line.
 */
export function engineProblems(packages, { projectRange, running, ltsMajor }) {
  const problems = [];
  const minimum = semver.minVersion(projectRange)?.version;
  const lts = `^${ltsMajor}`;
  if (!semver.satisfies(running, projectRange)) problems.push(`the running Node ${running} is outside the project's engines.node "${projectRange}"`);
  if (!semver.intersects(lts, projectRange)) problems.push(`.nvmrc (${ltsMajor}) is outside the project's engines.node "${projectRange}"`);
  for (const pkg of packages) {
    if (typeof pkg.node !== 'string' || pkg.node.trim() === '' || pkg.node.trim() === '*') continue;
    const label = `${pkg.name}@${pkg.version} (${pkg.dir}) requires node "${pkg.node}"`;
    if (!semver.validRange(pkg.node)) {
      problems.push(`${label}, which is not a valid range`);
      continue;
    }
    const excluded = [];
    if (!semver.satisfies(running, pkg.node)) excluded.push(`the running Node ${running}`);
    if (minimum && !semver.satisfies(minimum, pkg.node)) excluded.push(`the project's minimum ${minimum}`);
    if (!semver.intersects(lts, pkg.node)) excluded.push(`Node ${ltsMajor} (.nvmrc)`);
    if (excluded.length > 0) problems.push(`${label}, which excludes ${excluded.join(' and ')}`);
  }
  return problems;
}

function npmLs(root) {
  // Through npm's own CLI when we run under npm (works on every OS); `npm` on PATH otherwise.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, 'ls']] : ['npm', ['ls']];
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' && command === 'npm' });
  return result.status === 0 ? undefined : (result.stdout + result.stderr).trim();
}

function main() {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const projectRange = project.engines?.node;
  const ltsMajor = Number.parseInt(readFileSync(join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, ''), 10);
  const problems = [];
  const ls = npmLs(root);
  if (ls) problems.push(`npm ls reports an incomplete or invalid dependency tree:\n${ls}`);
  const packages = installedPackages(root);
  problems.push(...engineProblems(packages, { projectRange, running: process.versions.node, ltsMajor }));
  if (problems.length > 0) {
    for (const problem of problems) console.error(`engines: ${problem}`);
    process.exit(1);
  }
  const declaring = packages.filter((pkg) => typeof pkg.node === 'string').length;
  console.log(
    `engines: npm ls ok; ${declaring} of ${packages.length} installed packages declare engines.node, and all admit Node ${process.versions.node}, ` +
      `the project's minimum ${semver.minVersion(projectRange)} and Node ${ltsMajor} (.nvmrc).`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
