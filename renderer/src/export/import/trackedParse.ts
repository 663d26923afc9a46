import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { ImportError } from './importError';
import { DEFAULT_LIMITS, type UnzipLimits } from './safeUnzip';
import { vetPackage } from './vetPackage';

// "Import changes from DOCX…" (issue 12), step 1: the tracked changes of a returned Word file, paragraph by
// paragraph. mammoth drops w:del, so word/document.xml is read here with @xmldom, after the same vetting as every
// DOCX import (vetPackage: size caps, bomb check, no DOCTYPE/ENTITY, no external parts). Each paragraph comes out
// as segments: text kept ('eq'), inserted ('ins', w:ins) and deleted ('del', w:del with w:delText), with
// Word's w:author and w:date. Inline atoms (footnote references, line breaks) read as U+FFFC, one character, as
// our block offsets count them. Paragraph numbers and comment references our export adds are skipped. The block
// id of a paragraph we exported comes from its `_rp<bid>` bookmark (word/tracked.ts).

export const ATOM = '\uFFFC';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const BID_PREFIX = '_rp';
/** Run styles of text our export adds around the body's own (paragraph numbers, comment marks). */
const SKIPPED_RUN_STYLES = new Set(['ParagraphNumber', 'CommentReference']);

export interface Segment {
  kind: 'eq' | 'ins' | 'del';
  text: string;
  author: string;
  /** epoch ms, NaN when Word wrote none */
  at: number;
}

export interface TrackedParagraph {
  /** our block id when the paragraph carries our bookmark */
  bid: string | null;
  segments: Segment[];
  /** the whole paragraph was inserted (its paragraph mark is in w:ins) */
  inserted: boolean;
}

export const originalText = (p: TrackedParagraph) => p.segments.filter((s) => s.kind !== 'ins').map((s) => s.text).join('');
export const revisedText = (p: TrackedParagraph) => p.segments.filter((s) => s.kind !== 'del').map((s) => s.text).join('');
export const hasChanges = (p: TrackedParagraph) => p.inserted || p.segments.some((s) => s.kind !== 'eq');

const el = (n: Node | null): n is Element => !!n && n.nodeType === 1;
const isW = (n: Element, name: string) => n.namespaceURI === W && n.localName === name;
const attr = (n: Element, name: string) => n.getAttributeNS(W, name) ?? n.getAttribute(`w:${name}`) ?? '';

function children(n: Node): Element[] {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (el(c)) out.push(c);
  return out;
}

function parseDate(s: string): number {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) ? t : NaN;
}

function paragraph(p: Element): TrackedParagraph {
  const out: TrackedParagraph = { bid: null, segments: [], inserted: false };
  const push = (kind: Segment['kind'], text: string, author = '', at = NaN) => {
    if (!text) return;
    const last = out.segments[out.segments.length - 1];
    if (last && last.kind === kind && last.author === author && (last.at === at || (Number.isNaN(last.at) && Number.isNaN(at)))) last.text += text;
    else out.segments.push({ kind, text, author, at });
  };
  const run = (r: Element, kind: Segment['kind'], author: string, at: number) => {
    let text = '';
    for (const c of children(r)) {
      if (isW(c, 'rPr')) {
        const style = children(c).find((x) => isW(x, 'rStyle'));
        if (style && SKIPPED_RUN_STYLES.has(attr(style, 'val'))) return;
      } else if (isW(c, 't') || isW(c, 'delText')) text += c.textContent ?? '';
      else if (isW(c, 'tab')) text += '\t';
      else if (isW(c, 'br') || isW(c, 'cr') || isW(c, 'footnoteReference') || isW(c, 'endnoteReference') || isW(c, 'noBreakHyphen')) text += isW(c, 'noBreakHyphen') ? '-' : ATOM;
    }
    push(kind, text, author, at);
  };
  const walk = (n: Element, kind: Segment['kind'], author: string, at: number) => {
    for (const c of children(n)) {
      if (isW(c, 'pPr')) {
        const rPr = children(c).find((x) => isW(x, 'rPr'));
        if (rPr && children(rPr).some((x) => isW(x, 'ins'))) out.inserted = true;
      } else if (isW(c, 'r')) run(c, kind, author, at);
      else if (isW(c, 'ins') || isW(c, 'del') || isW(c, 'moveFrom') || isW(c, 'moveTo'))
        walk(c, isW(c, 'ins') || isW(c, 'moveTo') ? 'ins' : 'del', attr(c, 'author'), parseDate(attr(c, 'date')));
      else if (isW(c, 'bookmarkStart')) {
        const name = attr(c, 'name');
        if (!out.bid && name.startsWith(BID_PREFIX) && /^[A-Za-z0-9_-]{1,36}$/.test(name.slice(BID_PREFIX.length))) out.bid = name.slice(BID_PREFIX.length);
      } else if (isW(c, 'hyperlink') || isW(c, 'smartTag') || isW(c, 'fldSimple') || isW(c, 'customXml') || isW(c, 'sdtContent')) walk(c, kind, author, at);
      else if (isW(c, 'sdt')) walk(c, kind, author, at);
    }
  };
  walk(p, 'eq', '', NaN);
  return out;
}

/** The paragraphs of word/document.xml's body in reading order (table cells included), with their changes. */
export function parseTrackedDocument(xml: string): TrackedParagraph[] {
  const errors: string[] = [];
  const fail = (m: string) => errors.push(m);
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (errors.length || !doc.documentElement) throw new ImportError('not-docx', '(word/document.xml is not valid XML)');
  const body = children(doc.documentElement).find((c) => isW(c, 'body'));
  if (!body) throw new ImportError('not-docx', '(word/document.xml has no body)');
  const out: TrackedParagraph[] = [];
  const walk = (n: Element) => {
    for (const c of children(n)) {
      if (isW(c, 'p')) out.push(paragraph(c));
      else if (isW(c, 'tbl') || isW(c, 'tr') || isW(c, 'tc') || isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) walk(c);
    }
  };
  walk(body);
  return out;
}

/** The tracked paragraphs of an untrusted .docx (vetted first; throws ImportError like the plain import). */
export function readTrackedDocx(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): TrackedParagraph[] {
  const vetted = vetPackage(bytes, { ...DEFAULT_LIMITS, ...limits });
  const parts = unzipSync(vetted.zip, { filter: (f) => f.name.endsWith('.xml') && !f.name.endsWith('.rels') });
  // The main part is the one vetPackage checked holds <w:document> (word/document.xml as Word and we write it).
  const dec = new TextDecoder('utf-8');
  const names = Object.keys(parts).sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : 0));
  for (const name of names) {
    const xml = dec.decode(parts[name]);
    if (/<w:document\b/.test(xml)) return parseTrackedDocument(xml);
  }
  throw new ImportError('not-docx');
}
