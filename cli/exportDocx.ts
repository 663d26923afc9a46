// Export a document to DOCX from the command line (the one Node-only file of the exporter):
//
//   npm run -s export -- --server ws://127.0.0.1:4321 --token <token> --workspace <id> --doc <docId> --out report.docx
//                        [--annex] [--word-comments] [--chatham-house] [--toc] [--para-numbers] [--timeout 20000]
//                        [--lang en|fr|es]  (default: the document's language; English for --json)
//                        [--changes-since "<version name>"]  (--server only: the current text with every change
//                        since that saved version as Word tracked changes)  [--incorporation-annex]
//   npm run -s export -- --json saved.json --out report.docx [same flags]
//
// --server syncs three rooms with the stock y-websocket provider: the workspace (<ws>/_workspace), the document
// (<ws>/<doc>) and its comments (<ws>/<doc>/comments). --json reads an ExportInput (or the single-document form,
// see jsonInput.ts); several documents are compiled into one report. Options --title and --status override the
// title page. Any failure prints ONE line on stderr and exits non-zero (2 for bad arguments, 1 otherwise).
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { isValidId, roomPath, type RoomRef } from '../common/rooms';
import { closeReasonKey } from '../common/closeCodes';
import { wsDocuments } from '../renderer/src/model/workspaceDoc';
import { exportDocx, compileDocx } from '../renderer/src/export/exportDocx';
import { exportInputFromDocs, exportThreadsFromDocs } from '../renderer/src/export/fromDocs';
import { withChangesSince, UnknownVersionError } from '../renderer/src/export/changesSince';
import { parseExportJson } from '../renderer/src/export/jsonInput';
import type { ExportInput } from '../renderer/src/export/exportInput';
import type { ExportOptions } from '../renderer/src/export/options';
import { exportLabelsFrom } from '../renderer/src/export/exportLabels';
import { DOCUMENT_LANGUAGES, documentLanguage, isDocumentLanguage, type DocumentLanguage } from '../renderer/src/model/language';
import { loadLocale, translator } from '../renderer/src/i18n/index';

class UsageError extends Error {}
class ExportFailure extends Error {}

const BOOLEAN_FLAGS = ['annex', 'word-comments', 'chatham-house', 'toc', 'para-numbers', 'incorporation-annex'] as const;
const VALUE_FLAGS = ['server', 'token', 'workspace', 'doc', 'out', 'json', 'timeout', 'title', 'status', 'lang', 'changes-since'] as const;

export interface CliArgs {
  values: Map<string, string>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if ((BOOLEAN_FLAGS as readonly string[]).includes(key)) {
      flags.add(key);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(key)) throw new UsageError(`unknown option --${key}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${key} needs a value`);
    values.set(key, value);
  }
  return { values, flags };
}

function optionsOf(args: CliArgs): ExportOptions {
  return {
    annex: args.flags.has('annex'),
    incorporationAnnex: args.flags.has('incorporation-annex'),
    wordComments: args.flags.has('word-comments'),
    chathamHouse: args.flags.has('chatham-house'),
    toc: args.flags.has('toc'),
    paraNumbers: args.flags.has('para-numbers'),
    ...(args.values.has('title') ? { title: args.values.get('title') } : {}),
    ...(args.values.has('status') ? { status: args.values.get('status') } : {}),
  };
}

/** Fails before any network work when the output cannot be written. */
function checkWritable(out: string): void {
  const path = resolve(out);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new ExportFailure(`cannot write ${out}: it is a directory`);
    accessSync(dirname(path), constants.W_OK);
  } catch (e) {
    if (e instanceof ExportFailure) throw e;
    throw new ExportFailure(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : 'permission denied'}`);
  }
}

/** Why a websocket connection failed, in one phrase. */
function connectionProblem(event: unknown, server: string): string {
  const message = String((event as { message?: string; error?: Error })?.message ?? (event as { error?: Error })?.error?.message ?? '');
  const status = /Unexpected server response: (\d+)/.exec(message)?.[1];
  if (status === '401' || status === '403') return `the server refused the token (HTTP ${status}): check --token and --workspace`;
  if (status === '404') return `the server does not know this room (HTTP 404)`;
  if (status) return `the server refused the connection (HTTP ${status})`;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(message)) return `cannot reach ${server} (${message.split(' ')[1] ?? message})`;
  return `connection to ${server} failed${message ? ` (${message})` : ''}`;
}

/** Syncs one room into `doc`; resolves once the first sync completes. */
function syncRoom(server: string, token: string, ref: RoomRef, doc: Y.Doc, timeoutMs: number): Promise<WebsocketProvider> {
  return new Promise((resolveSync, reject) => {
    const provider = new WebsocketProvider(server, roomPath(ref), doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      disableBc: true,
    });
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      provider.destroy();
      reject(new ExportFailure(message));
    };
    const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms syncing ${roomPath(ref)} from ${server}`), timeoutMs);
    provider.on('connection-error', (event: unknown) => fail(connectionProblem(event, server)));
    provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
      if (!event || provider.synced) return;
      const key = event.code ? closeReasonKey(event.code) : null;
      if (event.code && event.code >= 4000) fail(`the server closed the connection to ${roomPath(ref)} (code ${event.code}${key ? `, ${key}` : ''})`);
    });
    provider.on('sync', (synced: boolean) => {
      if (!synced || settled) return;
      settled = true;
      clearTimeout(timer);
      resolveSync(provider);
    });
  });
}

async function inputFromServer(args: CliArgs): Promise<{ input: ExportInput; language: DocumentLanguage }> {
  const server = args.values.get('server')!.replace(/\/+$/, '');
  if (!/^wss?:\/\/[^\s/]+(\/[^\s]*)?$/.test(server)) throw new UsageError(`--server must look like ws://host:port, got "${server}"`);
  const token = args.values.get('token');
  const workspaceId = args.values.get('workspace');
  const docId = args.values.get('doc');
  if (!token) throw new UsageError('--token is required with --server');
  if (!workspaceId || !isValidId(workspaceId)) throw new UsageError('--workspace <id> is required (letters, digits, _ and -)');
  if (!docId || !isValidId(docId)) throw new UsageError('--doc <docId> is required (letters, digits, _ and -)');
  const timeout = Number(args.values.get('timeout') ?? 20000);
  if (!Number.isFinite(timeout) || timeout < 100) throw new UsageError('--timeout must be a number of milliseconds (at least 100)');

  const providers: WebsocketProvider[] = [];
  try {
    const wsDoc = new Y.Doc();
    providers.push(await syncRoom(server, token, { kind: 'workspace', workspaceId }, wsDoc, timeout));
    const entry = wsDocuments(wsDoc).get(docId);
    if (!entry || entry.get('deleted') === true) throw new ExportFailure(`unknown document "${docId}" in workspace "${workspaceId}"`);
    // gc off: a named version is a snapshot of this doc (model/consultation/snapshots.ts), rebuilt from the content it keeps.
    const docDoc = new Y.Doc({ gc: false });
    const commentsDoc = new Y.Doc();
    providers.push(
      ...(await Promise.all([
        syncRoom(server, token, { kind: 'document', workspaceId, docId }, docDoc, timeout),
        syncRoom(server, token, { kind: 'comments', workspaceId, docId }, commentsDoc, timeout),
      ])),
    );
    const input = exportInputFromDocs(wsDoc, docDoc, exportThreadsFromDocs(wsDoc, docDoc, commentsDoc), docId);
    const since = args.values.get('changes-since');
    if (since !== undefined) {
      try {
        input.documents[0] = withChangesSince(input.documents[0], docDoc, since);
      } catch (e) {
        if (e instanceof UnknownVersionError) throw new ExportFailure(e.message);
        throw e;
      }
    }
    return { input, language: documentLanguage(wsDoc, docId) };
  } finally {
    for (const p of providers) p.destroy();
  }
}

export async function run(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const out = args.values.get('out');
  if (!out) throw new UsageError('--out <file.docx> is required');
  const json = args.values.get('json');
  if (!json && !args.values.has('server')) throw new UsageError('give --server (with --token, --workspace, --doc) or --json <file>');
  if (json && args.values.has('server')) throw new UsageError('give either --server or --json, not both');
  if (json && args.values.has('changes-since')) throw new UsageError('--changes-since needs the document\'s versions: use it with --server');
  if (args.values.has('changes-since') && !args.values.get('changes-since')!.trim()) throw new UsageError('--changes-since needs a version name');
  const lang = args.values.get('lang');
  if (lang !== undefined && !isDocumentLanguage(lang)) throw new UsageError(`--lang must be one of ${DOCUMENT_LANGUAGES.join(', ')}, got "${lang}"`);
  checkWritable(out);
  let input: ExportInput;
  let language: DocumentLanguage = 'en';
  if (json) {
    let text: string;
    try {
      text = readFileSync(json, 'utf8');
    } catch (e) {
      throw new ExportFailure(`cannot read ${json}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    try {
      input = parseExportJson(text);
    } catch (e) {
      throw new ExportFailure(`${json}: ${(e as Error).message}`);
    }
  } else ({ input, language } = await inputFromServer(args));
  // The export speaks the document's language (--lang overrides it; a JSON input is English unless told).
  if (lang) language = lang as DocumentLanguage;
  await loadLocale(language);
  const options = { ...optionsOf(args), labels: exportLabelsFrom(translator(language).t, language) };
  const bytes = input.documents.length > 1 ? await compileDocx(input, options) : await exportDocx(input, options);
  try {
    writeFileSync(out, bytes);
  } catch (e) {
    throw new ExportFailure(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

const isMain = import.meta.url === new URL(`file://${resolve(process.argv[1] ?? '')}`).href;
if (isMain) {
  run(process.argv.slice(2)).then(
    () => process.exit(0),
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`export: ${message.split('\n')[0]}\n`);
      process.exit(e instanceof UsageError ? 2 : 1);
    },
  );
}
