// Imports one file in this process and prints the outcome and the peak memory as JSON: run by the hostile-import
// test in a child process with a small heap, so a file the caps miss crashes the child, not the test runner.
import { readFileSync } from 'node:fs';
import { importDocx } from '../../renderer/src/export/import/importDocx';
import { ImportError } from '../../renderer/src/export/import/importError';

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const timer = setInterval(sample, 5);
const started = Date.now();
const bytes = new Uint8Array(readFileSync(process.argv[2]));
importDocx(bytes).then(
  (r) => finish({ ok: true, blocks: r.body.content?.length ?? 0 }),
  (e: unknown) => finish({ ok: false, code: e instanceof ImportError ? e.code : 'crash', message: String(e instanceof Error ? e.message : e) }),
);
function finish(o: Record<string, unknown>) {
  sample();
  clearInterval(timer);
    // maxRSS is the kernel's own high-water mark (KiB): exact even while the import held the thread.
  const maxRssMb = Math.round(Math.max(peakRss / 1024, process.resourceUsage().maxRSS) / 1024);
  process.stdout.write(JSON.stringify({ ...o, ms: Date.now() - started, peakRssMb: maxRssMb, peakHeapMb: Math.round(peakHeap / 1048576) }));
}
