#!/usr/bin/env node
// `npm run bench`: runs each benchmark under tests/bench that exists, one after the other, and forwards the JSON
// lines they print (one object per line). A missing bench prints {"bench":name,"skipped":reason}; a failing one
// prints {"bench":name,"error":message} and makes the run exit non-zero at the end. Benchmarks report figures;
// they never pass or fail on timing.
//
//   npm run bench                 all of them
//   npm run bench -- editor       only the named ones

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHES = ['editor', 'server', 'export', 'comments', 'search', 'versions', 'suggestions', 'compare'];
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 20 * 60_000);

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = only.length > 0 ? BENCHES.filter((b) => only.includes(b)) : BENCHES;
for (const name of only) if (!BENCHES.includes(name)) emit({ bench: name, skipped: `unknown bench (known: ${BENCHES.join(', ')})` });

function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

/** Runs a command; stdout lines go through `onLine`, stderr is passed through. Resolves with the exit code. */
function run(cmd, args, { onLine, timeoutMs = TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => (onLine ? onLine(line) : process.stderr.write(`${line}\n`)));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, error: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, timedOut: signal === 'SIGTERM' || signal === 'SIGKILL' });
    });
  });
}

let failed = false;

// The editor bench drives the real web build; build it once if it is not there.
if (selected.includes('editor') && !existsSync(join(root, 'dist/web/index.html'))) {
  process.stderr.write('[bench] dist/web missing: building the web build\n');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const res = await run(process.execPath, [vite, 'build', '--config', 'renderer/vite.web.config.ts'], { timeoutMs: 10 * 60_000 });
  if (res.code !== 0) {
    failed = true;
    emit({ bench: 'web_build', error: `vite build exited with ${res.error ?? res.signal ?? res.code}` });
  }
}

for (const name of selected) {
  const file = join('tests/bench', `${name}.ts`);
  if (!existsSync(join(root, file))) {
    emit({ bench: name, skipped: `${file} does not exist` });
    continue;
  }
  process.stderr.write(`[bench] ${name}\n`);
  const started = Date.now();
  const res = await run(process.execPath, ['--import', 'tsx', file], {
    onLine: (line) => {
      // Figures are JSON lines; anything else a bench prints on stdout goes to stderr so stdout stays parseable.
      const trimmed = line.trim();
      if (trimmed.startsWith('{') && trimmed.endsWith('}')) process.stdout.write(`${trimmed}\n`);
      else if (trimmed) process.stderr.write(`[${name}] ${line}\n`);
    },
  });
  if (res.code !== 0) {
    failed = true;
    const why = res.timedOut ? `timed out after ${Math.round(TIMEOUT_MS / 1000)} s` : res.error ?? `exited with ${res.signal ?? res.code}`;
    emit({ bench: name, error: why, seconds: Math.round((Date.now() - started) / 1000) });
  }
}

process.exitCode = failed ? 1 : 0;
