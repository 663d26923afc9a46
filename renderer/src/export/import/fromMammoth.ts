import type { PMNode } from '../../model/bodyJson';
import { cleanText } from '../../schema/cleanText';
import { MAX_TABLE_DEPTH } from '../../schema/limits';
import type { BlockPoint } from '../../model/comments/bodyIndex';
import { isAllowedLink } from '../../schema/safeUrl';
import { RANGE_END, RANGE_START } from './vetPackage';

// Turns mammoth's document model (what its docx reader produces, before any HTML) into our ProseMirror JSON.
// Walking the model rather than mammoth's HTML needs no DOM and no HTML parser, keeps exact structure (list
// levels, header rows, cell spans, footnote bodies) and lets us track inline offsets for comment anchors.

/** The parts of mammoth's element types we read (see mammoth/lib/documents.js). */
export interface MElement {
  type: string;
  children?: MElement[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  indent?: { start?: string | null };
  isBold?: boolean;
  isItalic?: boolean;
  isUnderline?: boolean;
  isStrikethrough?: boolean;
  value?: string;
  href?: string;
  anchor?: string;
  breakType?: string;
  noteType?: string;
  noteId?: string;
  commentId?: string;
  name?: string;
  checked?: boolean;
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
  body?: MElement[];
  authorName?: string;
}

export interface MDocument {
  children: MElement[];
  notes: { resolve(ref: { noteType: string; noteId: string }): { body: MElement[] } | null };
  comments: MElement[];
}

export interface RangeMarks {
  from?: BlockPoint;
  to?: BlockPoint;
  /** where the comment's reference mark sits: the fallback when a file has no range markers */
  ref?: BlockPoint;
}

export interface WalkResult {
  body: PMNode;
  ranges: Map<string, RangeMarks>;
  counts: { images: number; endnotes: number; toc: number; otherNotes: number };
}

type Mark = { type: string; attrs?: Record<string, unknown> };

const HEADING = /^heading\s*([1-9])$/i;
const TOC_STYLE = /^(toc\s*\d|toc heading|table of contents)$/i;
const QUOTE_STYLE = /^(quote|intense quote|block text|quotations)$/i;

function styleOf(p: MElement): string {
  return (p.styleName ?? p.styleId ?? '').trim();
}

function headingLevel(p: MElement): number | null {
  const style = styleOf(p);
  const m = HEADING.exec(style) ?? /^Heading([1-9])$/.exec(p.styleId ?? '');
  if (m) return Math.min(3, Number(m[1]));
  if (/^title$/i.test(style)) return 1;
  return null;
}

/** Plain text of mammoth elements (for footnote and comment bodies). */
export function plainOf(elements: MElement[] | undefined): string {
  const parts: string[] = [];
  const walk = (e: MElement) => {
    if (e.type === 'text') parts.push(e.value ?? '');
    else if (e.type === 'tab') parts.push(' ');
    else if (e.type === 'break') parts.push('\n');
    e.children?.forEach(walk);
    if (e.type === 'paragraph') parts.push('\n');
  };
  elements?.forEach(walk);
  return cleanText(parts.join('')).replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}

const sameMarks = (a: Mark[] | undefined, b: Mark[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

export function walkDocument(doc: MDocument, newId: () => string): WalkResult {
  const ranges = new Map<string, RangeMarks>();
  const counts = { images: 0, endnotes: 0, toc: 0, otherNotes: 0 };
  /** range starts seen between blocks: they belong to the start of the next block */
  let pendingStarts: string[] = [];
  let lastBlock: { bid: string; length: number } | null = null;

  const range = (id: string) => {
    let r = ranges.get(id);
    if (!r) ranges.set(id, (r = {}));
    return r;
  };
  const marker = (name: string | undefined): { start: boolean; id: string } | null => {
    if (!name) return null;
    if (name.startsWith(RANGE_START)) return { start: true, id: name.slice(RANGE_START.length) };
    if (name.startsWith(RANGE_END)) return { start: false, id: name.slice(RANGE_END.length) };
    return null;
  };
  /** A marker outside any block we keep (between blocks, or in a dropped paragraph). */
  const blockLevelMarker = (e: MElement) => {
    const m = marker(e.name);
    if (!m) return;
    if (m.start) pendingStarts.push(m.id);
    else if (lastBlock) range(m.id).to = { bid: lastBlock.bid, offset: lastBlock.length };
    else pendingStarts.push(`end:${m.id}`);
  };
  const markersIn = (elements: MElement[] | undefined) => {
    const walk = (e: MElement) => {
      if (e.type === 'bookmarkStart') blockLevelMarker(e);
      e.children?.forEach(walk);
    };
    elements?.forEach(walk);
  };

  /** Inline content of a paragraph with offsets for markers. */
  const textblock = (p: MElement, type: 'paragraph' | 'heading', attrs: Record<string, unknown>): PMNode => {
    const bid = newId();
    const content: PMNode[] = [];
    let length = 0;
    let skippedParaNumber = false;
    for (const id of pendingStarts) {
      if (id.startsWith('end:')) range(id.slice(4)).to = { bid, offset: 0 };
      else range(id).from = { bid, offset: 0 };
    }
    pendingStarts = [];
    const pushText = (raw: string, marks: Mark[]) => {
      const text = cleanText(raw);
      if (!text) return;
      const last = content[content.length - 1];
      if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text += text;
      else content.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
      length += text.length;
    };
    const pushAtom = (node: PMNode) => {
      content.push(node);
      length += 1;
    };
    const walk = (e: MElement, marks: Mark[]) => {
      switch (e.type) {
        case 'run': {
          // Our own export's "para N" numbers are generated, not content.
          if (e.styleId === 'ParagraphNumber' || /^paragraph number$/i.test(e.styleName ?? '')) {
            skippedParaNumber = true;
            return;
          }
          const m = [...marks];
          if (e.isBold) m.push({ type: 'bold' });
          if (e.isItalic) m.push({ type: 'italic' });
          if (e.isUnderline) m.push({ type: 'underline' });
          if (e.isStrikethrough) m.push({ type: 'strike' });
          e.children?.forEach((c) => walk(c, m));
          return;
        }
        case 'hyperlink': {
          const href = (e.href ?? '').trim();
          const m = href && isAllowedLink(href) ? [...marks.filter((x) => x.type !== 'link'), { type: 'link', attrs: { href } }] : marks;
          e.children?.forEach((c) => walk(c, m));
          return;
        }
        case 'text':
          pushText(e.value ?? '', marks);
          return;
        case 'tab':
          if (skippedParaNumber && length === 0) return;
          pushText('\t', marks);
          return;
        case 'checkbox':
          pushText(e.checked ? '☒' : '☐', marks);
          return;
        case 'break':
          if (e.breakType === 'line' || !e.breakType) pushAtom({ type: 'hardBreak' });
          return;
        case 'noteReference': {
          const note = doc.notes.resolve({ noteType: e.noteType ?? 'footnote', noteId: e.noteId ?? '' });
          if (e.noteType === 'endnote') counts.endnotes++;
          pushAtom({ type: 'footnote', attrs: { text: plainOf(note?.body).replace(/\n/g, ' ') } });
          return;
        }
        case 'image':
          counts.images++;
          return;
        case 'commentReference':
          if (e.commentId !== undefined) range(String(e.commentId)).ref ??= { bid, offset: length };
          return;
        case 'bookmarkStart': {
          const m = marker(e.name);
          if (m) range(m.id)[m.start ? 'from' : 'to'] = { bid, offset: length };
          return;
        }
        default:
          e.children?.forEach((c) => walk(c, marks));
      }
    };
    p.children?.forEach((c) => walk(c, []));
    // Text nodes must not be empty, and the schema's marks need their default attrs only.
    const node: PMNode = { type, attrs: { ...attrs, bid }, ...(content.length ? { content } : {}) };
    lastBlock = { bid, length };
    return node;
  };

  const blocks = (elements: MElement[] | undefined): PMNode[] => {
    const out: PMNode[] = [];
    // Open lists, by level: each entry is the list node at that depth.
    let stack: Array<{ list: PMNode; ordered: boolean }> = [];
    let quote: PMNode | null = null;
    const closeLists = () => {
      stack = [];
    };
    for (const e of elements ?? []) {
      if (e.type === 'paragraph') {
        const style = styleOf(e);
        if (TOC_STYLE.test(style)) {
          // A table of contents is generated content; the export makes a fresh one.
          counts.toc++;
          markersIn(e.children);
          continue;
        }
        const level = headingLevel(e);
        if (level !== null) {
          closeLists();
          quote = null;
          out.push(textblock(e, 'heading', { level }));
          continue;
        }
        if (e.numbering) {
          quote = null;
          const depth = Math.min(8, Math.max(0, Number(e.numbering.level) || 0));
          const ordered = !!e.numbering.isOrdered;
          if (stack.length > depth + 1) stack = stack.slice(0, depth + 1);
          if (stack.length === depth + 1 && stack[depth].ordered !== ordered) stack = stack.slice(0, depth);
          while (stack.length < depth + 1) {
            const list: PMNode = { type: ordered ? 'orderedList' : 'bulletList', content: [] };
            if (!stack.length) out.push(list);
            else {
              const parent = stack[stack.length - 1].list;
              let item = parent.content![parent.content!.length - 1];
              if (!item) {
                item = { type: 'listItem', content: [{ type: 'paragraph', attrs: { bid: newId() } }] };
                parent.content!.push(item);
              }
              item.content!.push(list);
            }
            stack.push({ list, ordered });
          }
          stack[depth].list.content!.push({ type: 'listItem', content: [textblock(e, 'paragraph', {})] });
          continue;
        }
        if (QUOTE_STYLE.test(style)) {
          closeLists();
          if (!quote) out.push((quote = { type: 'blockquote', content: [] }));
          quote.content!.push(textblock(e, 'paragraph', {}));
          continue;
        }
        const indented = Number(e.indent?.start ?? 0) > 0;
        if (stack.length && indented) {
          // An indented paragraph right after a list item continues that item.
          const items = stack[stack.length - 1].list.content!;
          items[items.length - 1].content!.push(textblock(e, 'paragraph', {}));
          continue;
        }
        closeLists();
        quote = null;
        out.push(textblock(e, 'paragraph', {}));
      } else if (e.type === 'table') {
        closeLists();
        quote = null;
        if (tableDepth >= MAX_TABLE_DEPTH) {
          // Tables nested deeper than the schema allows keep their text, cell by cell.
          for (const row of e.children ?? []) for (const cell of row.children ?? []) for (const b of blocks(cell.type === 'tableCell' ? cell.children : [cell])) out.push(b);
          continue;
        }
        const t = table(e);
        if (t) out.push(t);
      } else if (e.type === 'bookmarkStart') {
        blockLevelMarker(e);
      } else if (e.children?.length) {
        // Inline content outside a paragraph (malformed files): keep its text in a paragraph of its own.
        if (e.children.some((c) => c.type === 'paragraph' || c.type === 'table')) out.push(...blocks(e.children));
        else {
          closeLists();
          out.push(textblock({ type: 'paragraph', children: [e] }, 'paragraph', {}));
        }
      }
    }
    return out;
  };

  let tableDepth = 0;
  const table = (t: MElement): PMNode | null => {
    tableDepth++;
    try {
      return tableAt(t);
    } finally {
      tableDepth--;
    }
  };
  const tableAt = (t: MElement): PMNode | null => {
    const rows: PMNode[] = [];
    for (const row of t.children ?? []) {
      if (row.type !== 'tableRow') {
        markersIn([row]);
        continue;
      }
      const cells: PMNode[] = [];
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') {
          markersIn([cell]);
          continue;
        }
        const content = blocks(cell.children);
        cells.push({
          type: row.isHeader ? 'tableHeader' : 'tableCell',
          attrs: { colspan: Math.max(1, cell.colSpan ?? 1), rowspan: Math.max(1, cell.rowSpan ?? 1), colwidth: null },
          content: content.length ? content : [{ type: 'paragraph', attrs: { bid: newId() } }],
        });
      }
      if (cells.length) rows.push({ type: 'tableRow', content: cells });
    }
    return rows.length ? { type: 'table', content: rows } : null;
  };

  const content = blocks(doc.children);
  if (pendingStarts.length && lastBlock) {
    const end = lastBlock as { bid: string; length: number };
    for (const id of pendingStarts) range(id.replace(/^end:/, ''))[id.startsWith('end:') ? 'to' : 'from'] = { bid: end.bid, offset: end.length };
  }
  if (!content.length) content.push({ type: 'paragraph', attrs: { bid: newId() } });
  return { body: { type: 'doc', content }, ranges, counts };
}
