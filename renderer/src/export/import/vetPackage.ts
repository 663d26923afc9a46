import { zipSync } from 'fflate';
import { ImportError } from './importError';
import { DEFAULT_LIMITS, Inflater, listEntries, type UnzipLimits } from './safeUnzip';

// Vets an untrusted .docx before mammoth sees it, and hands mammoth a clean copy:
//   - only the XML parts (media are never inflated: we drop images anyway);
//   - no part may declare a DOCTYPE or ENTITY (no entity expansion, ever);
//   - external relationships: hyperlinks stay (our schema filters their schemes later); external images,
//     templates, OLE objects and frames are stripped with a notice; any other external relationship (a part or
//     a chunk of content living outside the file) refuses the import;
//   - comment range markers, which mammoth ignores, become named bookmarks (which it keeps) so comments can be
//     anchored to their ranges.

export const RANGE_START = '__rapcs_';
export const RANGE_END = '__rapce_';

const STRIPPABLE_EXTERNAL = /\/(image|attachedTemplate|oleObject|frame|video|audio|media|externalLinkPath)$/;

export interface VettedPackage {
  /** a stored (uncompressed) zip of the vetted XML parts, for mammoth */
  zip: Uint8Array;
  notices: string[];
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = m[2] ?? m[3] ?? '';
  return out;
}

/** Vets rels XML: returns it without strippable external relationships; throws on forbidden ones. */
function vetRels(xml: string, name: string, notices: Set<string>): string {
  return xml.replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g, (tag) => {
    const a = attrs(tag);
    if ((a.TargetMode ?? '').toLowerCase() !== 'external') return tag;
    const type = a.Type ?? '';
    if (type.endsWith('/hyperlink')) return tag;
    if (STRIPPABLE_EXTERNAL.test(type)) {
      notices.add('Linked content outside the file (external images, templates or objects) was ignored.');
      return '';
    }
    throw new ImportError('external', `(${name}: ${type.split('/').pop()})`);
  });
}

function officeDocumentPath(rootRels: string): string | null {
  for (const m of rootRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if ((a.Type ?? '').endsWith('/officeDocument') && (a.TargetMode ?? '').toLowerCase() !== 'external') return (a.Target ?? '').replace(/^\/+/, '');
  }
  return null;
}

/** Comment ranges as bookmarks named after the comment id. */
export function markCommentRanges(xml: string): string {
  return xml
    .replace(/<w:commentRangeStart\b[^>]*?\bw:id\s*=\s*["'](-?\d+)["'][^>]*?\/>/g, (_m, id) => `<w:bookmarkStart w:id="0" w:name="${RANGE_START}${id}"/>`)
    .replace(/<w:commentRangeEnd\b[^>]*?\bw:id\s*=\s*["'](-?\d+)["'][^>]*?\/>/g, (_m, id) => `<w:bookmarkStart w:id="0" w:name="${RANGE_END}${id}"/>`);
}

export function vetPackage(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_LIMITS): VettedPackage {
  const entries = listEntries(bytes, limits);
  const inflater = new Inflater(bytes, limits);
  const notices = new Set<string>();
  const byName = new Map(entries.map((e) => [e.name.replace(/^\/+/, ''), e]));
  if (!byName.has('[Content_Types].xml') || !byName.has('_rels/.rels')) throw new ImportError('not-docx');
  const parts = new Map<string, string>();
  for (const [name, entry] of byName) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = decodeXml(inflater.read(entry));
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportError('entities');
    parts.set(name, name.endsWith('.rels') ? vetRels(xml, name, notices) : xml);
  }
  const main = officeDocumentPath(parts.get('_rels/.rels') ?? '');
  if (!main || !parts.has(main) || !/<w:document\b/.test(parts.get(main)!)) throw new ImportError('not-docx');
  parts.set(main, markCommentRanges(parts.get(main)!));

  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  // UTF-16 parts are re-encoded, so their declarations must not claim otherwise.
  for (const [name, xml] of parts) files[name] = enc.encode(xml.replace(/^(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/, '$1'));
  return { zip: zipSync(files, { level: 0 }), notices: [...notices] };
}
