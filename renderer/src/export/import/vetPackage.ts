import { zipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { ImportError } from './importError';
import { DEFAULT_LIMITS, Inflater, listEntries, type UnzipLimits } from './safeUnzip';

// Vets an untrusted .docx before mammoth sees it, and hands mammoth a clean copy:
//   - only the XML parts (media are never inflated: we drop images anyway);
//   - no part may declare a DOCTYPE or ENTITY (no entity expansion, ever);
//   - external relationships: hyperlinks stay (our schema filters their schemes later); external images,
//     templates, OLE objects and frames are stripped with a notice; any other external relationship (a part or
//     a chunk of content living outside the file) refuses the import;
//   - the parsed size is bounded before mammoth builds a DOM: elements in all parts, runs in one paragraph;
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

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A .rels part parsed with a real XML parser (DOCTYPE and ENTITY were refused before, so nothing expands). */
function parseRels(xml: string, name: string): Document {
  const errors: string[] = [];
  const fail = (msg: string) => {
    errors.push(msg);
  };
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (errors.length || !doc.documentElement || doc.documentElement.localName !== 'Relationships') throw new ImportError('not-docx', `(${name} is not valid XML)`);
  return doc;
}

function relationships(doc: Document): Element[] {
  return Array.from(doc.documentElement.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Relationship');
}

/** Vets rels XML: returns it without strippable external relationships (their ids into `stripped`); throws on forbidden ones. */
function vetRels(xml: string, name: string, notices: Set<string>, stripped: Set<string>): string {
  const doc = parseRels(xml, name);
  let changed = false;
  for (const rel of relationships(doc)) {
    if ((rel.getAttribute('TargetMode') ?? '').trim().toLowerCase() !== 'external') continue;
    const type = rel.getAttribute('Type') ?? '';
    if (type.endsWith('/hyperlink')) continue;
    if (STRIPPABLE_EXTERNAL.test(type)) {
      notices.add('Linked content outside the file (external images, templates or objects) was ignored.');
      stripped.add(rel.getAttribute('Id') ?? '');
      rel.parentNode?.removeChild(rel);
      changed = true;
      continue;
    }
    throw new ImportError('external', `(${name}: ${type.split('/').pop()})`);
  }
  if (!changed) return xml;
  // Re-serialised from the parsed tree: what mammoth reads is exactly what we vetted.
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<Relationships xmlns="${REL_NS}">`];
  const q = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  for (const rel of relationships(doc)) {
    const attrs = Array.from(rel.attributes).map((a) => `${a.name}="${q(a.value)}"`).join(' ');
    out.push(`<Relationship ${attrs}/>`);
  }
  out.push('</Relationships>');
  return out.join('');
}

function officeDocumentPath(rootRels: string): string | null {
  for (const rel of relationships(parseRels(rootRels, '_rels/.rels'))) {
    if ((rel.getAttribute('Type') ?? '').endsWith('/officeDocument') && (rel.getAttribute('TargetMode') ?? '').trim().toLowerCase() !== 'external')
      return (rel.getAttribute('Target') ?? '').replace(/^\/+/, '');
  }
  return null;
}

/**
 * Counts what a parser would build, without building it: start tags in the part, and runs in each paragraph
 * (a paragraph of a million runs is one "line" to a byte cap but a million objects to mammoth).
 */
export function countElements(xml: string, name: string, limits: UnzipLimits, sofar: number): number {
  let elements = sofar;
  let runs = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    // a start tag: a letter or '_' or ':' (end tags, comments, declarations and processing instructions are not)
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58)) {
      if (c === 47 && xml.startsWith('/w:p>', i + 1)) runs = 0;
      continue;
    }
    if (++elements > limits.maxElements) throw new ImportError('bomb', `(more than ${limits.maxElements.toLocaleString('en')} XML elements)`);
    if (xml.startsWith('w:', i + 1)) {
      const k = xml.charCodeAt(i + 4);
      const endOfName = k === 32 || k === 62 || k === 47 || k === 9 || k === 10 || k === 13;
      if (endOfName && xml.charCodeAt(i + 3) === 112 /* w:p */) runs = 0;
      else if (endOfName && xml.charCodeAt(i + 3) === 114 /* w:r */ && ++runs > limits.maxRunsPerParagraph)
        throw new ImportError('bomb', `(a paragraph of more than ${limits.maxRunsPerParagraph.toLocaleString('en')} runs in ${name})`);
    }
  }
  return elements;
}

/** The part whose relationships a .rels part holds: word/_rels/document.xml.rels -> word/document.xml. */
const relsOwner = (rels: string) => rels.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');

/**
 * Removes references to stripped relationships: mammoth would look the id up, find nothing and fail with a
 * TypeError on a legitimate file (a picture linked from the web); without the reference it skips the picture.
 */
function dropReferences(xml: string, ids: Set<string>): string {
  return xml.replace(/\s(r:(?:embed|link|id|pict))\s*=\s*(["'])(.*?)\2/g, (m, _a, _q, id: string) => (ids.has(id) ? '' : m));
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
  let elements = 0;
  const stripped = new Map<string, Set<string>>();
  const readPart = (name: string, maxBytes: number) => {
    const xml = decodeXml(inflater.read(byName.get(name)!, maxBytes));
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportError('entities');
    elements = countElements(xml, name, limits, elements);
    if (!name.endsWith('.rels')) return void parts.set(name, xml);
    const ids = new Set<string>();
    parts.set(name, vetRels(xml, name, notices, ids));
    if (ids.size) stripped.set(relsOwner(name), ids);
  };
  // The root relationships first: they say which part is the main document, the one allowed to be large.
  readPart('_rels/.rels', limits.maxPartBytes);
  const main = officeDocumentPath(parts.get('_rels/.rels') ?? '');
  if (main && byName.has(main)) readPart(main, limits.maxMainPartBytes);
  for (const name of byName.keys()) {
    if (!/\.(xml|rels)$/i.test(name) || parts.has(name)) continue;
    readPart(name, limits.maxPartBytes);
  }
  for (const [owner, ids] of stripped) if (parts.has(owner)) parts.set(owner, dropReferences(parts.get(owner)!, ids));
  if (!main || !parts.has(main) || !/<w:document\b/.test(parts.get(main)!)) throw new ImportError('not-docx');
  parts.set(main, markCommentRanges(parts.get(main)!));

  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  // UTF-16 parts are re-encoded, so their declarations must not claim otherwise.
  for (const [name, xml] of parts) files[name] = enc.encode(xml.replace(/^(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/, '$1'));
  return { zip: zipSync(files, { level: 0 }), notices: [...notices] };
}
