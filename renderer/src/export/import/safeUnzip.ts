import { Inflate } from 'fflate';
import { ImportError } from './importError';

// Reads a zip from untrusted bytes. We parse the central directory ourselves and inflate each wanted entry with a
// streaming inflater in small slices, counting the bytes it actually produces: a zip's declared sizes are not
// trusted, so a "bomb" (a tiny entry claiming a small size that expands to gigabytes) is stopped as soon as the
// running total passes the cap, never after.

export interface UnzipLimits {
  /** the file itself */
  maxCompressedBytes: number;
  /** sum of the inflated entries we read */
  maxTotalBytes: number;
  /** the main document part (word/document.xml), inflated */
  maxMainPartBytes: number;
  /** any other part we read (styles, numbering, comments, [Content_Types].xml, .rels ...), inflated */
  maxPartBytes: number;
  maxEntries: number;
  /** XML elements in all parts together: a parsed element costs mammoth ~1 KB of heap, whatever its size in bytes */
  maxElements: number;
  /** runs (w:r) in one paragraph */
  maxRunsPerParagraph: number;
}

// XML grows ~25x when parsed into a DOM and then into mammoth's document model, so the caps are on what the
// parser will see, not on what the zip holds. Our own export of the bench's 25,000-word report (with comments,
// TOC and annex) has a 0.6 MB document.xml of ~16,000 elements, and ~20,000 elements in all; Word writes the same
// text 3-5x more verbosely (run properties, rsids). The caps leave 20x and more over that; the element count is
// what bounds memory (about 1 KB of heap per parsed element), the byte caps bound the text. tests/bench/export.ts
// measures the peak memory of the worst file the caps accept.
export const DEFAULT_LIMITS: UnzipLimits = {
  maxCompressedBytes: 25 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxMainPartBytes: 16 * 1024 * 1024,
  maxPartBytes: 4 * 1024 * 1024,
  maxEntries: 1000,
  maxElements: 400_000,
  maxRunsPerParagraph: 5_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataOffset: number;
  encrypted: boolean;
}

// Small slices bound what one push can produce (deflate expands at most ~1032x): 4 KiB in, ~4 MiB out.
const SLICE = 4 * 1024;

function u16(b: Uint8Array, o: number) {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number) {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

/** The entries of the zip's central directory. */
export function listEntries(bytes: Uint8Array, limits: UnzipLimits): ZipEntry[] {
  if (bytes.length > limits.maxCompressedBytes) throw new ImportError('too-large', `The limit is ${Math.round(limits.maxCompressedBytes / 1048576)} MB.`);
  const startsLikeZip = bytes.length >= 4 && u32(bytes, 0) === 0x04034b50;
  if (bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1)
    throw new ImportError('not-docx', 'It looks like an old Word (.doc) or a password-protected file: save it as .docx and try again.');
  // End of central directory: 22 bytes plus a comment of up to 64 KiB, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError(startsLikeZip ? 'truncated' : 'not-zip');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ImportError('not-docx', 'ZIP64 packages are not supported.');
  if (count > limits.maxEntries) throw new ImportError('too-large', `It has ${count} parts; the limit is ${limits.maxEntries}.`);
  if (cdOffset + cdSize > eocd) throw new ImportError('truncated');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== 0x02014b50) throw new ImportError('truncated');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50) throw new ImportError('truncated');
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw new ImportError('truncated');
    entries.push({ name, method, compressedSize, dataOffset, encrypted: (flags & 1) === 1 });
  }
  return entries;
}

/** Inflates entries one by one against a shared budget. */
export class Inflater {
  private used = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: UnzipLimits,
  ) {}

  /** The entry's bytes; `maxBytes` caps this entry on top of the shared budget. */
  read(entry: ZipEntry, maxBytes = Infinity): Uint8Array {
    if (entry.encrypted) throw new ImportError('not-docx', 'The package is encrypted.');
    const data = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let own = 0;
    const charge = (n: number) => {
      own += n;
      if (own > maxBytes) throw new ImportError('bomb', `(${entry.name} is over ${Math.round(maxBytes / 1048576)} MB)`);
      this.charge(n);
    };
    if (entry.method === 0) {
      charge(data.length);
      return data;
    }
    if (entry.method !== 8) throw new ImportError('not-docx', `Unsupported compression in ${entry.name}.`);
    const chunks: Uint8Array[] = [];
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      charge(chunk.length);
      chunks.push(chunk);
      if (final) done = true;
    });
    try {
      for (let o = 0; o < data.length; o += SLICE) inflate.push(data.subarray(o, Math.min(data.length, o + SLICE)), o + SLICE >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError('truncated', `(${entry.name})`);
    }
    if (!done) throw new ImportError('truncated', `(${entry.name})`);
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  private charge(n: number) {
    this.used += n;
    if (this.used > this.limits.maxTotalBytes) throw new ImportError('bomb');
  }
}
