// Command line:
//   npm run server -- [--host 127.0.0.1] [--port 4321] [--data ./data] [--web <dir>] [--max-conn-per-ip N] [--max-message-bytes N]
//                     [--sync full|normal]   (SQLite synchronous; full, the default, fsyncs every commit)
//   npm run -s server -- token --data ./data --workspace <id> --role editor|commenter|viewer --name "<name>" [--days 30] [--server ws://127.0.0.1:4321]
// Bad arguments print one line on stderr and exit with code 2.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserInviteLink, desktopInviteLink } from '../common/invite';
import { isValidId } from '../common/rooms';
import { isRole, ROLES } from '../common/roles';
import { createLogger } from './log';
import { loadSecret } from './secret';
import { startServer } from './server';
import { issueToken, MAX_NAME_LENGTH } from './token';

export class UsageError extends Error {}

type Flags = Map<string, string>;

/** Parses `--key value` and `--key=value` pairs; every flag takes a value and may appear once. */
export function parseFlags(args: readonly string[], allowed: readonly string[]): Flags {
  const flags: Flags = new Map();
  const rest = [...args];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!allowed.includes(key)) throw new UsageError(`unknown option --${key}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = rest.shift();
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${key} needs a value`);
    }
    if (flags.has(key)) throw new UsageError(`--${key} given twice`);
    flags.set(key, value);
  }
  return flags;
}

function intFlag(flags: Flags, key: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(key);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${key} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`--${key} must be between ${min} and ${max}`);
  return value;
}

/** ws(s)://host:port -> http(s)://host:port, for the browser link. */
export function httpBaseOf(server: string): string {
  const url = new URL(server);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return url.origin;
}

export interface TokenOutput {
  desktopLink: string;
  browserLink: string;
  token: string;
}

export function tokenCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): TokenOutput {
  const flags = parseFlags(args, ['data', 'workspace', 'role', 'name', 'days', 'server']);
  const workspace = flags.get('workspace');
  if (!workspace) throw new UsageError('--workspace <id> is required');
  if (!isValidId(workspace)) throw new UsageError(`--workspace must match [A-Za-z0-9_-]{1,64}, got "${workspace}"`);
  const role = flags.get('role');
  if (!role) throw new UsageError(`--role ${ROLES.join('|')} is required`);
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  const name = flags.get('name')?.trim();
  if (!name) throw new UsageError('--name "<name>" is required');
  if (name.length > MAX_NAME_LENGTH) throw new UsageError(`--name is longer than ${MAX_NAME_LENGTH} characters`);
  const daysRaw = flags.get('days') ?? '30';
  const days = Number(daysRaw);
  if (!/^\d+(\.\d+)?$/.test(daysRaw) || !(days > 0) || days > 3650) throw new UsageError('--days must be a number between 0 and 3650');
  const server = flags.get('server') ?? 'ws://127.0.0.1:4321';
  if (!/^wss?:\/\/[^\s/]+\/?$/.test(server)) throw new UsageError(`--server must look like ws://host:port, got "${server}"`);
  const serverUrl = server.replace(/\/+$/, '');
  const { secret } = loadSecret(resolve(flags.get('data') ?? './data'), env);
  const { token } = issueToken({ workspaceId: workspace, role, name, days }, secret);
  const invite = { server: serverUrl, token };
  return { desktopLink: desktopInviteLink(invite), browserLink: browserInviteLink(httpBaseOf(serverUrl), invite), token };
}

async function serveCommand(args: readonly string[]): Promise<void> {
  const flags = parseFlags(args, ['host', 'port', 'data', 'web', 'max-conn-per-ip', 'max-message-bytes', 'sync']);
  const sync = (flags.get('sync') ?? 'full').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new UsageError(`--sync must be full or normal, got "${flags.get('sync')}"`);
  const host = flags.get('host') ?? '127.0.0.1';
  const port = intFlag(flags, 'port', 4321, 0, 65535);
  const maxConnPerIp = intFlag(flags, 'max-conn-per-ip', 50, 1, 1_000_000);
  const maxMessageBytes = intFlag(flags, 'max-message-bytes', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
  const logger = createLogger();
  const server = await startServer({
    host,
    port,
    dataDir: flags.get('data') ?? './data',
    webDir: flags.has('web') ? resolve(flags.get('web') as string) : undefined,
    maxConnPerIp,
    maxMessageBytes,
    synchronous: sync,
    logger,
  });
  process.stderr.write(`Rapporteur sync server listening on ${server.httpUrl} (websocket ${server.url})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutdown', { signal });
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error('shutdown_failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

export async function main(argv: readonly string[]): Promise<number | null> {
  try {
    if (argv[0] === 'token') {
      const out = tokenCommand(argv.slice(1));
      process.stdout.write(`Desktop app: ${out.desktopLink}\nBrowser:     ${out.browserLink}\n${out.token}\n`);
      return 0;
    }
    if (argv[0] === 'help' || argv[0] === '--help') {
      process.stdout.write(
        'usage: server [--host H] [--port N] [--data DIR] [--web DIR] [--max-conn-per-ip N] [--max-message-bytes N] [--sync full|normal]\n' +
          '       server token --data DIR --workspace ID --role editor|commenter|viewer --name NAME [--days 30] [--server ws://host:port]\n',
      );
      return 0;
    }
    await serveCommand(argv);
    return null; // keeps running
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => {
    if (code !== null) process.exitCode = code;
  });
}
