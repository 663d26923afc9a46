// Command line:
//   npm run server -- [--host 127.0.0.1] [--port 4321] [--data ./data] [--web <dir>] [--max-conn-per-ip N] [--max-message-bytes N]
//                     [--sync full|normal]   (SQLite synchronous; full, the default, fsyncs every commit)
//                     [--max-connections N] [--allow-origin <origin>]... [--connect-src <origin>]...
//                     [--metrics-port N] [--metrics-token <token>]
//                     [--store postgres://…] [--redis redis://…]   (scale-out; env RAPPORTEUR_STORE, RAPPORTEUR_REDIS)
//   npm run -s server -- migrate --from ./data --to postgres://…   (copies the SQLite store, verifies doc by doc)
//   env: RAPPORTEUR_ALLOW_ORIGINS, RAPPORTEUR_CONNECT_SRC (comma-separated), RAPPORTEUR_METRICS_TOKEN, RAPPORTEUR_SECRET
//   npm run -s server -- token --data ./data --workspace <id> --role editor|commenter|viewer --name "<name>" [--days 30] [--server ws://127.0.0.1:4321]
//                     [--stakeholder <registry id>]   (commenters: their comments are attributed to this stakeholder)
// Bad arguments print one line on stderr and exit with code 2.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserInviteLink, desktopInviteLink } from '../common/invite';
import { isValidId } from '../common/rooms';
import { isRole, ROLES } from '../common/roles';
import { createLogger } from './log';
import { loadSecret } from './secret';
import { DEFAULT_LIMITS } from './limits';
import { isOrigin } from './originCheck';
import { isConnectSource } from './securityHeaders';
import { startServer, type ServerOptions } from './server';
import { issueToken, MAX_NAME_LENGTH } from './token';

/** postgres:// or postgresql:// (the PostgreSQL client loads only when one is given). */
const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//.test(value);

export class UsageError extends Error {}

type Flags = Map<string, string>;

/**
 * Parses `--key value` and `--key=value` pairs; every flag takes a value and may appear once, except the
 * `repeatable` ones, whose values are joined with commas.
 */
export function parseFlags(args: readonly string[], allowed: readonly string[], repeatable: readonly string[] = []): Flags {
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
    const previous = flags.get(key);
    if (previous !== undefined && !repeatable.includes(key)) throw new UsageError(`--${key} given twice`);
    flags.set(key, previous === undefined ? value : `${previous},${value}`);
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
  const flags = parseFlags(args, ['data', 'workspace', 'role', 'name', 'days', 'server', 'stakeholder']);
  const workspace = flags.get('workspace');
  if (!workspace) throw new UsageError('--workspace <id> is required');
  if (!isValidId(workspace)) throw new UsageError(`--workspace must match [A-Za-z0-9_-]{1,64}, got "${workspace}"`);
  const role = flags.get('role');
  if (!role) throw new UsageError(`--role ${ROLES.join('|')} is required`);
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  const name = flags.get('name')?.trim();
  if (!name) throw new UsageError('--name "<name>" is required');
  if (name.length > MAX_NAME_LENGTH) throw new UsageError(`--name is longer than ${MAX_NAME_LENGTH} characters`);
  const stakeholder = flags.get('stakeholder');
  if (stakeholder !== undefined && !isValidId(stakeholder))
    throw new UsageError(`--stakeholder must be a registry id ([A-Za-z0-9_-]{1,64}), got "${stakeholder}"`);
  const daysRaw = flags.get('days') ?? '30';
  const days = Number(daysRaw);
  if (!/^\d+(\.\d+)?$/.test(daysRaw) || !(days > 0) || days > 3650) throw new UsageError('--days must be a number between 0 and 3650');
  const server = flags.get('server') ?? 'ws://127.0.0.1:4321';
  if (!/^wss?:\/\/[^\s/]+\/?$/.test(server)) throw new UsageError(`--server must look like ws://host:port, got "${server}"`);
  const serverUrl = server.replace(/\/+$/, '');
  const { secret } = loadSecret(resolve(flags.get('data') ?? './data'), env);
  const { token } = issueToken({ workspaceId: workspace, role, name, days, stakeholder }, secret);
  const invite = { server: serverUrl, token };
  return { desktopLink: desktopInviteLink(invite), browserLink: browserInviteLink(httpBaseOf(serverUrl), invite), token };
}

/** Values of a repeatable flag plus a comma-separated environment variable, validated one by one. */
function listOption(flags: Flags, key: string, envValue: string | undefined, valid: (v: string) => boolean, what: string): string[] {
  const values = [flags.get(key), envValue]
    .flatMap((v) => (v ?? '').split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const v of values) if (!valid(v)) throw new UsageError(`--${key} must be ${what}, got "${v}"`);
  return values;
}

export function serveOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const flags = parseFlags(
    args,
    ['host', 'port', 'data', 'web', 'max-conn-per-ip', 'max-connections', 'max-message-bytes', 'sync', 'allow-origin', 'connect-src', 'metrics-port', 'metrics-token', 'store', 'redis'],
    ['allow-origin', 'connect-src'],
  );
  const sync = (flags.get('sync') ?? 'full').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new UsageError(`--sync must be full or normal, got "${flags.get('sync')}"`);
  const host = flags.get('host') ?? '127.0.0.1';
  const port = intFlag(flags, 'port', 4321, 0, 65535);
  const maxConnPerIp = intFlag(flags, 'max-conn-per-ip', 50, 1, 1_000_000);
  const maxMessageBytes = intFlag(flags, 'max-message-bytes', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
  const maxConnections = intFlag(flags, 'max-connections', DEFAULT_LIMITS.maxConnections, 1, 10_000_000);
  const allowOrigins = listOption(flags, 'allow-origin', env.RAPPORTEUR_ALLOW_ORIGINS, isOrigin, 'an origin like https://host:port');
  const connectSrc = listOption(flags, 'connect-src', env.RAPPORTEUR_CONNECT_SRC, isConnectSource, 'an origin like wss://host:port');
  const metricsPort = flags.has('metrics-port') ? intFlag(flags, 'metrics-port', 0, 0, 65535) : undefined;
  // Prefer the environment for the metrics token: command lines are visible to every user of the machine.
  const metricsToken = flags.get('metrics-token') ?? (env.RAPPORTEUR_METRICS_TOKEN || undefined);
  if (metricsToken !== undefined && metricsToken.length < 16) throw new UsageError('--metrics-token must be at least 16 characters');
  // Scale-out: PostgreSQL store and Redis fan-out (flags, or the environment, which keeps passwords off the process list).
  const storeUrl = flags.get('store') ?? (env.RAPPORTEUR_STORE || undefined);
  if (storeUrl !== undefined && !isPostgresUrl(storeUrl)) throw new UsageError('--store must be a postgres://… URL (SQLite in --data is the default)');
  const redisUrl = flags.get('redis') ?? (env.RAPPORTEUR_REDIS || undefined);
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new UsageError('--redis must be a redis://… URL');
  if (redisUrl !== undefined && storeUrl === undefined) throw new UsageError('--redis needs --store postgres://…: instances fanned out through Redis must share one store');
  return {
    ...(storeUrl !== undefined ? { storeUrl } : {}),
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    host,
    port,
    dataDir: flags.get('data') ?? './data',
    webDir: flags.has('web') ? resolve(flags.get('web') as string) : undefined,
    maxConnPerIp,
    maxConnections,
    maxMessageBytes,
    allowOrigins,
    connectSrc,
    ...(metricsPort !== undefined ? { metricsPort } : {}),
    ...(metricsToken !== undefined ? { metricsToken } : {}),
    synchronous: sync,
  };
}

async function serveCommand(args: readonly string[]): Promise<void> {
  const logger = createLogger();
  const server = await startServer({ ...serveOptions(args), logger });
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
    if (argv[0] === 'migrate') {
      const flags = parseFlags(argv.slice(1), ['from', 'to']);
      const from = flags.get('from');
      const to = flags.get('to') ?? (process.env.RAPPORTEUR_STORE || undefined);
      if (!from || !to) throw new UsageError('migrate needs --from <data dir> and --to postgres://…');
      if (!isPostgresUrl(to)) throw new UsageError('--to must be a postgres://… URL');
      const { migrateCommand } = await import('./migrate');
      const report = await migrateCommand(resolve(from), to, (line) => process.stdout.write(`${line}\n`));
      return report.mismatched.length === 0 ? 0 : 1;
    }
    if (argv[0] === 'help' || argv[0] === '--help') {
      process.stdout.write(
        'usage: server [--host H] [--port N] [--data DIR] [--web DIR] [--max-conn-per-ip N] [--max-connections N] [--max-message-bytes N]\n' +
          '              [--sync full|normal] [--allow-origin ORIGIN]... [--connect-src ORIGIN]... [--metrics-port N] [--metrics-token T]\n' +
          '              [--store postgres://…] [--redis redis://…]\n' +
          '       server migrate --from DATA_DIR --to postgres://…\n' +
          '       server token --data DIR --workspace ID --role editor|commenter|viewer --name NAME [--days 30] [--server ws://host:port] [--stakeholder ID]\n',
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
