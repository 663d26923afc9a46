import type { PMNode } from './bodyJson';
import type { HouseStyle } from './houseStyle';

// Estimates how many pages a body fills in house style, by laying it out in lines. The constants are calibrated
// against LibreOffice's rendering of our DOCX export (see tests/bench/export.ts for the measured error).

export const PAGE_METRICS = {
  /** average advance width of a Times New Roman character, in em */
  avgCharEm: 0.45,
  /** line height as a multiple of the font size at single spacing */
  lineHeightEm: 1.15,
  /** space after a paragraph, in lines */
  paragraphAfterLines: 0.5,
  /** heading line height factor and space around it, in lines */
  headingScale: { 1: 1.33, 2: 1.17, 3: 1.0 } as Record<number, number>,
  headingSpaceLines: 1.5,
  tableRowPaddingLines: 0.3,
  /** title page and table of contents the export adds */
  frontMatterPages: 0,
};

const CM_PER_PT = 2.54 / 72;

function pageSize(style: HouseStyle) {
  return style.paper === 'Letter' ? { w: 21.59, h: 27.94 } : { w: 21.0, h: 29.7 };
}

function inlineText(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'footnote') return '¹';
  return (node.content ?? []).map(inlineText).join('');
}

/** Lines a run of text occupies at a given column width (in characters). */
function linesFor(text: string, charsPerLine: number): number {
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / Math.max(10, charsPerLine))), 0);
}

export function estimateLines(body: PMNode, style: HouseStyle): { lines: number; linesPerPage: number } {
  const m = PAGE_METRICS;
  const { w, h } = pageSize(style);
  const usableWidthPt = (w - 2 * style.marginCm) / CM_PER_PT;
  const usableHeightPt = (h - 2 * style.marginCm) / CM_PER_PT;
  const lineHeightPt = style.fontSize * m.lineHeightEm * style.lineSpacing;
  const linesPerPage = Math.floor(usableHeightPt / lineHeightPt);
  const charsPerLineAt = (widthPt: number, scale = 1) => widthPt / (style.fontSize * scale * m.avgCharEm);

  let lines = 0;
  const walk = (node: PMNode, widthPt: number) => {
    switch (node.type) {
      case 'paragraph':
        lines += linesFor(inlineText(node), charsPerLineAt(widthPt)) + m.paragraphAfterLines;
        return;
      case 'heading': {
        const scale = m.headingScale[Number(node.attrs?.level ?? 1)] ?? 1;
        lines += linesFor(inlineText(node), charsPerLineAt(widthPt, scale)) * scale + m.headingSpaceLines;
        return;
      }
      case 'bulletList':
      case 'orderedList':
      case 'blockquote':
        node.content?.forEach((c) => walk(c, widthPt - 36));
        return;
      case 'table': {
        for (const row of node.content ?? []) {
          const cells = row.content ?? [];
          const cellWidth = widthPt / Math.max(1, cells.length);
          let rowLines = 1;
          for (const cell of cells) {
            const before = lines;
            cell.content?.forEach((c) => walk(c, cellWidth - 10));
            rowLines = Math.max(rowLines, lines - before);
            lines = before;
          }
          lines += rowLines + m.tableRowPaddingLines;
        }
        lines += m.paragraphAfterLines;
        return;
      }
      default:
        node.content?.forEach((c) => walk(c, widthPt));
    }
  };
  walk(body, usableWidthPt);
  return { lines, linesPerPage };
}

export function estimatePages(body: PMNode, style: HouseStyle): number {
  const { lines, linesPerPage } = estimateLines(body, style);
  return Math.max(1, Math.ceil(lines / linesPerPage + PAGE_METRICS.frontMatterPages));
}

export type PageTargetState = 'below' | 'within' | 'above';

export function pageTargetState(pages: number, min: number, max: number): PageTargetState {
  return pages < min ? 'below' : pages > max ? 'above' : 'within';
}
