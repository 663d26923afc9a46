import type { PMNode } from './bodyJson';
import { textAreaPt, typeMetrics, type HouseStyle } from './houseStyle';
import { MAX_LIST_DEPTH } from '../schema/limits';

// Estimates how many pages a body fills in house style by laying it out the way the DOCX export does: text is
// broken into lines with Times New Roman character widths, paragraphs get the export's spacing, headings keep
// with the next paragraph, paragraphs keep two lines at the top and bottom of a page (widow/orphan control),
// table rows take the height of their tallest cell and header rows repeat, footnotes take room at the page foot.
//
// What it counts: the BODY as the export lays it out in its body section, which starts on a fresh page after
// the title page (and the table of contents, when there is one) and is numbered from 1. The title page, the
// TOC and the comment annex are not counted. Calibrated against LibreOffice's rendering of our DOCX (Liberation
// Serif has Times New Roman's metrics); tests/bench/export.ts measures the error on the corpus.

export const PAGE_METRICS = {
  /** line height at single spacing, as a multiple of the font size (Times New Roman: ascent + descent + gap) */
  lineHeightEm: 1.15,
  /** scale on the character widths below (kerning, rounding of the renderer) */
  widthScale: 1.0,
  /** top + bottom cell margins and the border of a table row, pt */
  tableRowPaddingPt: 3.3,
  /** left + right cell margins, pt */
  tableCellMarginsPt: 10.8,
  /** indent of each list level and of a block quote (each side), pt */
  listIndentPt: 36,
  quoteIndentPt: 36,
  /** the gap the export leaves after each table, pt */
  tableGapPt: 6,
  /** height of the footnote separator line, pt */
  footnoteSeparatorPt: 14,
  /** rows that do not fit move to the next page whole (true) or break at a line (false) */
  moveRows: false,
  /** lines a paragraph keeps together at a page break (widow/orphan control) */
  widowLines: 2,
  /** title page and table of contents the export adds (not counted: see above) */
  frontMatterPages: 0,
};

// Advance widths (1/1000 em) of Times New Roman, ASCII 32..126, regular, bold and italic.
const REGULAR =
  '250,333,408,500,500,833,778,180,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500,278,278,564,564,564,444,' +
  '921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,' +
  '333,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444,480,200,480,541';
const BOLD =
  '250,333,555,500,500,1000,833,278,333,333,500,570,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,570,570,570,500,' +
  '930,722,667,722,722,667,611,778,778,389,500,778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,333,278,333,581,500,' +
  '333,500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,722,500,500,444,394,220,394,520';
const ITALIC =
  '250,333,420,500,500,833,778,214,333,333,500,675,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,675,675,675,500,' +
  '920,611,611,667,722,611,611,722,722,333,444,667,556,833,667,722,611,722,611,500,556,722,611,833,611,556,556,389,278,389,422,500,' +
  '333,500,500,444,500,444,278,500,500,278,278,444,278,722,500,500,500,500,389,389,278,500,444,667,444,444,389,400,275,400,541';
export type Face = 'regular' | 'bold' | 'italic';
const WIDTHS: Record<Face, number[]> = { regular: REGULAR.split(',').map(Number), bold: BOLD.split(',').map(Number), italic: ITALIC.split(',').map(Number) };
const EXTRA: Record<string, number> = { '‘': 333, '’': 333, '“': 444, '”': 444, '–': 500, '—': 1000, '…': 1000, '•': 350, '€': 500, '£': 500, '\u00a0': 250 };

/** Other fonts are scaled relative to Times New Roman (rough: only Times New Roman is calibrated). */
function fontScale(font: string): number {
  const f = font.toLowerCase();
  if (/times|liberation serif|tinos|nimbus roman/.test(f)) return 1;
  if (/arial|helvetica|liberation sans|arimo|nimbus sans/.test(f)) return 1.12;
  if (/calibri|carlito/.test(f)) return 1.04;
  if (/cambria|caladea/.test(f)) return 1.1;
  if (/georgia/.test(f)) return 1.16;
  if (/verdana|tahoma/.test(f)) return 1.28;
  if (/garamond/.test(f)) return 0.98;
  return 1.1;
}

function charWidth(ch: string, face: Face): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return WIDTHS[face][code - 32];
  const extra = EXTRA[ch];
  if (extra) return extra;
  if (code >= 0x2e80) return 1000; // CJK and other full-width scripts
  const base = ch.normalize('NFD').charCodeAt(0);
  if (base >= 32 && base <= 126) return WIDTHS[face][base - 32];
  return 500;
}

/** Width of a string in em. Cached per word: reports repeat their vocabulary. */
const wordCache = new Map<string, number>();
function wordWidthEm(word: string, face: Face): number {
  const key = face === 'regular' ? word : `${face[0]}${word}`;
  let w = wordCache.get(key);
  if (w === undefined) {
    w = 0;
    for (const ch of word) w += charWidth(ch, face);
    w /= 1000;
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(key, w);
  }
  return w;
}

/** Number of lines `text` needs in a column `widthEm` wide (greedy breaking at spaces, as word processors do). */
export function countLines(text: string, columnEm: number, face: Face = 'regular'): number {
  // A column narrower than a character (a list nested past the page's width) still holds one per line; without
  // this floor a zero or negative width never finishes breaking a word.
  const widthEm = Math.max(1, columnEm);
  let lines = 0;
  const space = wordWidthEm(' ', face);
  for (const part of text.split('\n')) {
    lines++;
    let x = 0;
    for (const word of part.split(/[ \t]+/)) {
      if (!word) continue;
      let w = wordWidthEm(word, face);
      if (x > 0 && x + space + w > widthEm) {
        lines++;
        x = 0;
      }
      // A word longer than the line is broken wherever it overflows.
      while (w > widthEm) {
        lines++;
        w -= widthEm;
      }
      x += (x > 0 ? space : 0) + w;
    }
  }
  return lines;
}

interface ParaBox {
  kind: 'para';
  lines: number;
  lineHeight: number;
  before: number;
  after: number;
  keepNext: boolean;
  pageBreakBefore: boolean;
  footnotes: number;
  node: PMNode;
}
interface TableBox {
  kind: 'table';
  rows: Array<{ height: number; lineHeight: number; header: boolean }>;
  node: PMNode;
}
type Box = ParaBox | TableBox;

/** Text of a paragraph, its footnotes, and the face most of its characters are set in. */
function inlineParts(node: PMNode, base: Face): { text: string; footnotes: string[]; face: Face } {
  let text = '';
  let bold = 0;
  let italic = 0;
  const footnotes: string[] = [];
  for (const c of node.content ?? []) {
    if (c.type === 'text') {
      const n = (c.text ?? '').length;
      text += c.text ?? '';
      if (c.marks?.some((m) => m.type === 'bold')) bold += n;
      else if (c.marks?.some((m) => m.type === 'italic')) italic += n;
    } else if (c.type === 'hardBreak') text += '\n';
    else if (c.type === 'footnote') {
      text += '¹';
      footnotes.push(String(c.attrs?.text ?? ''));
    }
  }
  const face: Face = bold > text.length / 2 ? 'bold' : italic > text.length / 2 ? 'italic' : base;
  return { text, footnotes, face };
}

function layoutBoxes(body: PMNode, style: HouseStyle, usableWidthPt: number): Box[] {
  const m = PAGE_METRICS;
  const t = typeMetrics(style);
  const scale = fontScale(style.font) * m.widthScale;
  const lh = (size: number) => size * m.lineHeightEm * style.lineSpacing;
  const widthEm = (widthPt: number, size: number) => widthPt / (size * scale);
  const fnLines = (notes: string[]) => notes.reduce((sum, n) => sum + countLines(n, widthEm(usableWidthPt, t.size.footnote)), 0) * t.size.footnote * m.lineHeightEm;

  const boxes: Box[] = [];
  const walk = (node: PMNode, widthPt: number, inTable: boolean, out: Box[], face: Face = 'regular', listDepth = 0) => {
    switch (node.type) {
      case 'paragraph': {
        const size = inTable ? t.size.table : t.size.body;
        const parts = inlineParts(node, face);
        out.push({
          kind: 'para',
          lines: countLines(parts.text, widthEm(widthPt, size), parts.face),
          lineHeight: lh(size),
          before: 0,
          after: inTable ? 0 : t.spacing.after,
          keepNext: false,
          pageBreakBefore: node.attrs?.pageBreakBefore === true,
          footnotes: parts.footnotes.length ? fnLines(parts.footnotes) : 0,
          node,
        });
        return;
      }
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(node.attrs?.level) || 1));
        const size = level === 1 ? t.size.h1 : level === 2 ? t.size.h2 : t.size.h3;
        const sp = level === 1 ? t.spacing.h1 : level === 2 ? t.spacing.h2 : t.spacing.h3;
        const parts = inlineParts(node, 'bold');
        out.push({
          kind: 'para',
          lines: countLines(parts.text, widthEm(widthPt, size), 'bold'),
          lineHeight: lh(size),
          before: inTable ? 0 : sp.before,
          after: inTable ? 0 : sp.after,
          keepNext: !inTable,
          pageBreakBefore: node.attrs?.pageBreakBefore === true,
          footnotes: parts.footnotes.length ? fnLines(parts.footnotes) : 0,
          node,
        });
        return;
      }
      case 'bulletList':
      case 'orderedList':
      {
        // as the export: items past Word's nine levels keep the ninth level's indent
        const inner = listDepth < MAX_LIST_DEPTH ? widthPt - m.listIndentPt : widthPt;
        for (const item of node.content ?? []) item.content?.forEach((c) => walk(c, inner, inTable, out, face, listDepth + 1));
        return;
      }
      case 'blockquote':
        node.content?.forEach((c) => walk(c, widthPt - 2 * m.quoteIndentPt, inTable, out, 'italic', listDepth));
        return;
      case 'table': {
        const rows = (node.content ?? []).filter((r) => r.type === 'tableRow');
        const cols = Math.max(1, ...rows.map((r) => (r.content ?? []).reduce((n, c) => n + (Number(c.attrs?.colspan) || 1), 0)));
        const weights = columnWeights(rows, cols);
        const total = weights.reduce((a, b) => a + b, 0);
        const box: TableBox = { kind: 'table', rows: [], node };
        let leading = true;
        for (const row of rows) {
          let height = 0;
          let col = 0;
          let allHeader = true;
          for (const cell of row.content ?? []) {
            const span = Number(cell.attrs?.colspan) || 1;
            const cellWidth = (weights.slice(col, col + span).reduce((a, b) => a + b, 0) / total) * widthPt - m.tableCellMarginsPt;
            col += span;
            allHeader &&= cell.type === 'tableHeader';
            const inner: Box[] = [];
            cell.content?.forEach((c) => walk(c, Math.max(20, cellWidth), true, inner, cell.type === 'tableHeader' ? 'bold' : 'regular'));
            height = Math.max(height, boxesHeight(inner));
          }
          leading &&= allHeader;
          box.rows.push({ height: Math.max(height, lh(t.size.table)) + m.tableRowPaddingPt, lineHeight: lh(t.size.table), header: leading });
        }
        out.push(box);
        return;
      }
      default:
        node.content?.forEach((c) => walk(c, widthPt, inTable, out, face, listDepth));
    }
  };
  walk(body, usableWidthPt, false, boxes);
  return boxes;
}

function columnWeights(rows: PMNode[], cols: number): number[] {
  const weights: Array<number | null> = Array.from({ length: cols }, () => null);
  for (const row of rows) {
    let col = 0;
    for (const cell of row.content ?? []) {
      const cw = cell.attrs?.colwidth;
      if (Array.isArray(cw)) cw.forEach((w, i) => {
        if (col + i < cols && weights[col + i] === null && typeof w === 'number' && w > 0) weights[col + i] = w;
      });
      col += Number(cell.attrs?.colspan) || 1;
    }
  }
  const known = weights.filter((w): w is number => w !== null);
  const fallback = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  return weights.map((w) => w ?? fallback);
}

function boxesHeight(boxes: Box[]): number {
  let h = 0;
  for (const b of boxes) h += b.kind === 'para' ? b.before + b.lines * b.lineHeight + b.after : b.rows.reduce((s, r) => s + r.height, 0);
  return h;
}

export interface PageLayout {
  /** pages filled, with the last one as a fraction (e.g. 12.4) */
  fractionalPages: number;
  pages: number;
  /** body page (from 1) on which each heading node starts */
  headingPages: Map<PMNode, number>;
}

/** Lays out the body in pages. Heading pages feed the exported table of contents. */
export function estimateLayout(body: PMNode, style: HouseStyle): PageLayout {
  const m = PAGE_METRICS;
  const geo = textAreaPt(style);
  const boxes = layoutBoxes(body, style, geo.width);
  const H = geo.height;
  let page = 0;
  let y = 0;
  let footnoteRoom = 0; // space taken at the foot of the current page
  let prevAfter = 0; // space after the last paragraph, already in y
  const headingPages = new Map<PMNode, number>();
  const newPage = () => {
    page++;
    y = 0;
    footnoteRoom = 0;
    prevAfter = 0;
  };
  const avail = () => H - y - footnoteRoom;
  const addFootnotes = (h: number) => {
    if (!h) return;
    footnoteRoom += (footnoteRoom ? 0 : m.footnoteSeparatorPt) + h;
    // Notes that do not fit run on to the next page (Word continues them there).
    while (y + footnoteRoom > H && y > 0) {
      const over = y + footnoteRoom - H;
      newPage();
      footnoteRoom = Math.min(over, H / 2);
    }
  };

  /** Height of what must stay with a keep-with-next paragraph: the next box's first lines or first row. */
  const keepHeight = (i: number): number => {
    const b = boxes[i];
    if (!b) return 0;
    if (b.kind === 'table') return (b.rows[0]?.height ?? 0) + (b.rows[1]?.height ?? 0);
    const own = b.before + Math.min(b.lines, m.widowLines) * b.lineHeight;
    return b.keepNext ? b.before + b.lines * b.lineHeight + b.after + keepHeight(i + 1) : own;
  };

  boxes.forEach((b, i) => {
    if (b.kind === 'para') {
      if (b.pageBreakBefore && (y > 0 || page > 0) && y > 0) newPage();
      if (b.keepNext) {
        const group = b.before + b.lines * b.lineHeight + b.after + keepHeight(i + 1);
        if (y > 0 && group > avail() && group <= H) newPage();
      }
      if (b.node.type === 'heading') headingPages.set(b.node, page + 1);
      // Space between paragraphs is the larger of the space after one and before the next, not the sum
      // (Word's rule; LibreOffice follows it for .docx).
      y += y > 0 ? Math.max(0, b.before - prevAfter) : 0;
      let lines = b.lines;
      while (lines > 0) {
        const fit = Math.floor((avail() + 0.01) / b.lineHeight);
        if (fit >= lines) {
          y += lines * b.lineHeight;
          lines = 0;
          break;
        }
        // Widow/orphan control: at least two lines on each side of a break, else the paragraph moves.
        let take = Math.min(fit, lines - m.widowLines);
        if (lines <= m.widowLines * 2 - 1 || take < m.widowLines) take = 0;
        if (b.keepNext) take = 0;
        if (take === 0 && y === 0) take = Math.max(1, fit); // taller than a page: no choice
        y += take * b.lineHeight;
        lines -= take;
        newPage();
      }
      y += b.after;
      prevAfter = b.after;
      addFootnotes(b.footnotes);
      if (y > H - footnoteRoom) {
        // The space after a paragraph never pushes the next one; it is swallowed by the page break.
        newPage();
      }
    } else {
      const headerRows = b.rows.filter((r) => r.header);
      const headerHeight = headerRows.reduce((s, r) => s + r.height, 0);
      b.rows.forEach((r) => {
        if (r.height <= avail()) {
          y += r.height;
          return;
        }
        // A row that does not fit breaks at a line (rows may break across pages) or moves whole if only a
        // line or two would stay behind.
        let rest = r.height;
        const fitLines = Math.floor((avail() - m.tableRowPaddingPt) / r.lineHeight);
        if (!m.moveRows && fitLines >= 2 && !r.header) rest -= fitLines * r.lineHeight;
        newPage();
        if (!r.header) y += headerHeight;
        while (rest > avail()) {
          rest -= avail();
          newPage();
          y += headerHeight;
        }
        y += rest;
      });
      y = Math.min(H, y + m.tableGapPt);
      prevAfter = 0;
    }
  });
  const fractionalPages = page + Math.min(1, (y + footnoteRoom) / H);
  return { fractionalPages, pages: Math.max(1, page + (y + footnoteRoom > 0.5 ? 1 : 0)), headingPages };
}

/** Kept for callers that think in lines: the layout expressed as lines of body text. */
export function estimateLines(body: PMNode, style: HouseStyle): { lines: number; linesPerPage: number } {
  const geo = textAreaPt(style);
  const lineHeightPt = style.fontSize * PAGE_METRICS.lineHeightEm * style.lineSpacing;
  const linesPerPage = Math.floor(geo.height / lineHeightPt);
  return { lines: Math.round(estimateLayout(body, style).fractionalPages * linesPerPage), linesPerPage };
}

export function estimatePages(body: PMNode, style: HouseStyle): number {
  return Math.max(1, estimateLayout(body, style).pages + PAGE_METRICS.frontMatterPages);
}

/**
 * Width in points of `text` in the house font at `sizePt` (the same Times New Roman metrics as the estimate):
 * `longestWord` is the widest word (what a column must hold so no word breaks), `line` the whole text on one
 * line (its widest paragraph).
 */
export function textWidthPt(text: string, font: string, sizePt: number, face: Face = 'regular'): { longestWord: number; line: number } {
  const scale = fontScale(font) * PAGE_METRICS.widthScale * sizePt;
  const space = wordWidthEm(' ', face);
  let longestWord = 0;
  let line = 0;
  for (const part of text.split('\n')) {
    let x = 0;
    for (const word of part.split(/[ \t]+/)) {
      if (!word) continue;
      const w = wordWidthEm(word, face);
      longestWord = Math.max(longestWord, w);
      x += (x > 0 ? space : 0) + w;
    }
    line = Math.max(line, x);
  }
  return { longestWord: longestWord * scale, line: line * scale };
}
