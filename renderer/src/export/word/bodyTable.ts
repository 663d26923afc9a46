import type { PMNode } from '../../model/bodyJson';
import type { BlockEnv, DocState, RenderContext } from './context';
import { renderBlocks, type Block } from './blocks';
import { buildTable, fitWidths, type CellOut, type RowOut } from './table';
import { MAX_TABLE_DEPTH } from '../../schema/limits';

// A body table: lays the cells out on a grid (colspan, rowspan become column spans and vertical merges), sizes the
// columns from the editor's column widths when it has them (else equally) to exactly the width available, and
// marks the leading rows of header cells as repeating header rows.

const CELL_MARGINS = 216; // left + right cell margin, twips

interface Placed {
  node: PMNode;
  row: number;
  col: number;
  colspan: number;
  rowspan: number;
}

function intAttr(v: unknown, max: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}

export function layoutTable(table: PMNode): { cells: Placed[]; rows: number; cols: number; starts: Map<string, Placed>; covered: Map<string, Placed> } {
  const rows = (table.content ?? []).filter((r) => r.type === 'tableRow');
  const occupied = new Set<string>();
  const cells: Placed[] = [];
  const starts = new Map<string, Placed>();
  const covered = new Map<string, Placed>();
  let cols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.content ?? []) {
      while (occupied.has(`${r},${c}`)) c++;
      const p: Placed = { node: cell, row: r, col: c, colspan: intAttr(cell.attrs?.colspan, 63), rowspan: intAttr(cell.attrs?.rowspan, rows.length - r) };
      cells.push(p);
      starts.set(`${r},${c}`, p);
      for (let dr = 0; dr < p.rowspan; dr++)
        for (let dc = 0; dc < p.colspan; dc++) {
          occupied.add(`${r + dr},${c + dc}`);
          if (dr > 0 && dc === 0) covered.set(`${r + dr},${c}`, p);
        }
      c += p.colspan;
      cols = Math.max(cols, c);
    }
  });
  return { cells, rows: rows.length, cols: Math.max(1, Math.min(cols, 63)), starts, covered };
}

function columnWeights(cells: Placed[], cols: number): number[] {
  const weights: Array<number | null> = Array.from({ length: cols }, () => null);
  for (const p of cells) {
    const cw = p.node.attrs?.colwidth;
    if (!Array.isArray(cw)) continue;
    cw.forEach((w, i) => {
      const col = p.col + i;
      if (col < cols && weights[col] === null && typeof w === 'number' && w > 0) weights[col] = w;
    });
  }
  const known = weights.filter((w): w is number => w !== null);
  const fallback = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  return weights.map((w) => w ?? fallback);
}

/** A table nested deeper than MAX_TABLE_DEPTH, as its text: each cell's blocks in reading order. */
function tableAsText(table: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): Block[] {
  const out: Block[] = [];
  for (const row of table.content ?? []) for (const cell of row.content ?? []) for (const b of renderBlocks(cell.content ?? [], ctx, doc, env)) out.push(b);
  return out;
}

export function renderTable(table: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): Block[] {
  const depth = env.tableDepth ?? 0;
  if (depth >= MAX_TABLE_DEPTH) return tableAsText(table, ctx, doc, env);
  const grid = layoutTable(table);
  if (!grid.rows) return [];
  const widths = fitWidths(columnWeights(grid.cells, grid.cols), Math.max(1000, env.width));
  const rows: RowOut[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells: CellOut[] = [];
    let allHeader = true;
    for (let c = 0; c < grid.cols; ) {
      const start = grid.starts.get(`${r},${c}`);
      const cover = grid.covered.get(`${r},${c}`);
      if (start) {
        const header = start.node.type === 'tableHeader';
        allHeader &&= header;
        const span = Math.min(start.colspan, grid.cols - c);
        const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
        const inner: BlockEnv = {
          width: width - CELL_MARGINS,
          indent: 0,
          listDepth: 0,
          tableDepth: depth + 1,
          inQuote: false,
          inTable: true,
          bold: header,
          align: typeof start.node.attrs?.align === 'string' ? start.node.attrs.align : undefined,
        };
        cells.push({ children: renderBlocks(start.node.content ?? [], ctx, doc, inner), gridSpan: span, vMerge: start.rowspan > 1 ? 'restart' : undefined, shade: header });
        c += span;
      } else if (cover) {
        const span = Math.min(cover.colspan, grid.cols - c);
        cells.push({ children: [], gridSpan: span, vMerge: 'continue', shade: cover.node.type === 'tableHeader' });
        c += span;
      } else {
        // A ragged row: fill the grid so every row has all its columns.
        cells.push({ children: [] });
        allHeader = false;
        c += 1;
      }
    }
    rows.push({ header: allHeader && cells.length > 0, cells });
  }
  return [buildTable({ widths, rows, indent: env.indent })];
}
