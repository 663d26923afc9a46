// Hostile DOCX files that passed every check and then took the importer to a multi-gigabyte heap: a 190 MB
// document.xml, a 190 MB [Content_Types].xml, a paragraph of 1.5 million runs, and (the same class) a
// million-element body. Each file is generated here, then imported in a child process with a 512 MB heap: it
// must be refused with a clear message, quickly, and the child must not crash.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileDocx, worstAcceptedDocx } from '../fixtures/hostileDocx';
import { DEFAULT_LIMITS } from '../../renderer/src/export/import/safeUnzip';
import { tempDir } from './helpers';

const PROBE = fileURLToPath(new URL('./importProbe.ts', import.meta.url));

interface ProbeResult {
  ok: boolean;
  code?: string;
  message?: string;
  ms: number;
  peakRssMb: number;
}

function probe(bytes: Uint8Array): ProbeResult {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'file.docx');
    writeFileSync(file, bytes);
    const out = execFileSync(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', PROBE, file], { encoding: 'utf8', timeout: 60_000 });
    return JSON.parse(out) as ProbeResult;
  } finally {
    dir.remove();
  }
}

describe('importDocx: memory bombs are refused in bounded memory and time', () => {
  const cases: Array<[string, () => Uint8Array]> = [
    ['a 190 MB document.xml', () => hostileDocx.hugeDocument(190)],
    ['a 190 MB [Content_Types].xml', () => hostileDocx.hugeContentTypes(190)],
    ['one paragraph of 1.5 million runs', () => hostileDocx.manyRuns(1_500_000)],
    ['1.5 million empty paragraphs', () => hostileDocx.manyElements(1_500_000)],
  ];
  for (const [name, make] of cases) {
    it(`refuses ${name}`, () => {
      const bytes = make();
      expect(bytes.length).toBeLessThan(1024 * 1024);
      const r = probe(bytes);
      expect(r).toMatchObject({ ok: false, code: 'bomb' });
      expect(r.message).toMatch(/far more data than a Word document should/);
      expect(r.ms).toBeLessThan(10_000);
      expect(r.peakRssMb).toBeLessThan(700);
    }, 90_000);
  }

  it('accepts the worst file under the caps within the same heap', () => {
    const r = probe(worstAcceptedDocx(DEFAULT_LIMITS.maxElements, DEFAULT_LIMITS.maxMainPartBytes));
    expect(r).toMatchObject({ ok: true });
    expect(r.ms).toBeLessThan(60_000);
  }, 120_000);
});
