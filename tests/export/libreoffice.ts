// LibreOffice and poppler helpers for the export tests and the benchmark: one batched DOCX -> PDF conversion
// (LibreOffice starts once for all files, with a throwaway profile), page counts, and how full the last page is.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function hasLibreOffice(): boolean {
  return spawnSync('libreoffice', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether the LibreOffice checks `what` can run. CI installs LibreOffice (.ci/run): there they must run, so a missing
 * one fails. Elsewhere they skip, and say so.
 */
export function libreOfficeChecks(what: string): boolean {
  if (hasLibreOffice()) return true;
  if (process.env.CI) throw new Error('LibreOffice is required in CI (apt-get install libreoffice-writer-nogui poppler-utils)');
  console.log(`[skipped] ${what}: \`libreoffice\` or \`pdfinfo\` is not installed`);
  return false;
}

/** Converts the given .docx files to PDF in `outDir`; returns the PDF path of each input (throws if one is missing). */
export function convertToPdf(files: string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    const res = spawnSync(
      'libreoffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (res.status !== 0) throw new Error(`libreoffice failed (${res.status}): ${res.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => {
    const pdf = join(outDir, basename(f).replace(/\.docx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${f}`);
    return pdf;
  });
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}

/** Text of the PDF, pages separated by form feeds. */
export function pdfText(pdf: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/**
 * Pages filled in the PDF's last section of text, as a fraction: (pages - 1) + how far down the text area the
 * last page's text reaches. Words in the top and bottom margins (running header, page number) are ignored.
 */
export function fractionalPages(pdf: string, marginPt: number): { pages: number; lastFill: number } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const pages = html.split('<page ').slice(1);
  const last = pages[pages.length - 1] ?? '';
  const height = Number(/height="([\d.]+)"/.exec(last)?.[1] ?? 842);
  let maxY = marginPt;
  for (const m of last.matchAll(/yMax="([\d.]+)"/g)) {
    const y = Number(m[1]);
    if (y > marginPt && y < height - marginPt + 2) maxY = Math.max(maxY, y);
  }
  return { pages: pages.length, lastFill: Math.min(1, (maxY - marginPt) / (height - 2 * marginPt)) };
}

export function readPdfBytes(pdf: string): Buffer {
  return readFileSync(pdf);
}
