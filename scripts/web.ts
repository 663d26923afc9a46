// Builds the renderer's web build and serves it (the same static module as the sync server):
//   npx tsx scripts/web.ts [--port 5173] [--host 127.0.0.1] [--no-build]
// Playwright runs it as `npx tsx scripts/web.ts --no-build --port 5199`.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from '../sync-server/staticFiles';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const webDir = resolve(repoRoot, 'dist/web');

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

interface Options {
  host: string;
  port: number;
  build: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { host: '127.0.0.1', port: 5173, build: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--port' || arg === '--host') {
      const value = args[++i];
      if (value === undefined) fail(`${arg} needs a value`);
      if (arg === '--host') options.host = value;
      else {
        if (!/^\d+$/.test(value) || Number(value) > 65535) fail(`--port must be a port number, got "${value}"`);
        options.port = Number(value);
      }
    } else fail(`unknown argument ${arg} (usage: scripts/web.ts [--port N] [--host H] [--no-build])`);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
if (options.build) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['vite', 'build', '--config', 'renderer/vite.web.config.ts'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`error: the web build failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

const serve = createStaticHandler(webDir);
const server = createServer((req, res) => {
  serve(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.on('error', (err) => fail(err.message));
server.listen(options.port, options.host, () => {
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  process.stdout.write(`Serving ${webDir} at http://${host}:${port}/\n`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
