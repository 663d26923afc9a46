import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalMergeType,
  WidthType,
} from 'docx';

// The table builder shared by body tables, the meeting header, action points and the comment matrix: fixed layout
// with explicit column widths that sum to the space available (so no table runs off the page), thin single
// borders (or none), cell margins, shaded header cells and header rows repeated on every page.

export interface CellOut {
  /** the cell's blocks (an empty cell gets an empty paragraph; a cell must end with a paragraph) */
  children: Array<Paragraph | Table>;
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
  shade?: boolean;
}

export interface RowOut {
  /** repeated at the top of each page (only leading rows may be) */
  header?: boolean;
  cells: CellOut[];
}

/** Scales `weights` to integer widths summing exactly to `total`. */
export function fitWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Column widths sized to their content, summing exactly to `total` (twips): every column is at least as wide as
 * its longest word plus the cell margins, so words never break inside ("Substanti ve"); what is left goes to the
 * columns whose text wants more than that, in proportion to what each wants (long comments get the room, "#" and
 * "Type" stay narrow). `need[c]` = { word, line } in twips, cell margins excluded. A column's minimum is capped at
 * a quarter of the table, so one very long word (a URL) cannot starve the others.
 */
export function contentWidths(need: Array<{ word: number; line: number }>, total: number): number[] {
  const pad = CELL_MARGINS.left + CELL_MARGINS.right + 30;
  const min = need.map((n) => Math.min(Math.ceil(n.word) + pad, Math.floor(total / 4)));
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= total) return fitWidths(min, total);
  const want = need.map((n, i) => Math.max(0, Math.ceil(n.line) + pad - min[i]));
  const wantSum = want.reduce((a, b) => a + b, 0);
  const extra = total - minSum;
  // All fits on one line: share the rest in proportion to the text, so the table still fills the page.
  const share = wantSum <= extra ? need.map((n, i) => want[i] + ((extra - wantSum) * (n.line + 1)) / need.reduce((a, m) => a + m.line + 1, 0)) : want.map((w) => (w / wantSum) * extra);
  const widths = min.map((m, i) => m + Math.floor(share[i]));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const line = { style: BorderStyle.SINGLE, size: 4, space: 0, color: 'auto' };
const BORDERS = { top: line, left: line, bottom: line, right: line, insideHorizontal: line, insideVertical: line };
/** top + bottom 1.4 pt, left + right 5.4 pt: what the page estimate counts a row and a cell as */
const CELL_MARGINS = { top: 28, bottom: 28, left: 108, right: 108 };

/** An empty paragraph with a table's spacing (no space around it, single line). */
const emptyCellParagraph = () => new Paragraph({ spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } });

export function buildTable(o: { widths: number[]; rows: RowOut[]; indent?: number; borders?: boolean }): Table {
  const total = o.widths.reduce((a, b) => a + b, 0);
  let headerRun = true;
  const rows = o.rows.map((row) => {
    headerRun = headerRun && !!row.header;
    let col = 0;
    const cells = row.cells.map((cell) => {
      const span = Math.max(1, Math.min(cell.gridSpan ?? 1, o.widths.length - col));
      const width = o.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const last = cell.children[cell.children.length - 1];
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(cell.vMerge ? { verticalMerge: cell.vMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
        ...(cell.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
        children: last instanceof Paragraph ? cell.children : [...cell.children, emptyCellParagraph()],
      });
    });
    return new TableRow({ ...(headerRun ? { tableHeader: true } : {}), children: cells });
  });
  return new Table({
    rows,
    columnWidths: o.widths,
    width: { size: total, type: WidthType.DXA },
    indent: { size: o.indent ?? 0, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: o.borders === false ? TableBorders.NONE : BORDERS,
  });
}
