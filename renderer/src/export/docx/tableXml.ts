import { S } from './styles';

// The low-level table writer shared by body tables, the meeting header, action points and the comment matrix.
// Fixed layout with explicit column widths that sum to the space available, so no table runs off the page.

export interface CellOut {
  /** block XML of the cell (must end with a paragraph; an empty string gets an empty paragraph) */
  xml: string;
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

export function tableXml(o: { widths: number[]; rows: RowOut[]; indent?: number; borders?: boolean }): string {
  const total = o.widths.reduce((a, b) => a + b, 0);
  const noBorders =
    '<w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="nil"/>`).join('') +
    '</w:tblBorders>';
  let x =
    `<w:tbl><w:tblPr><w:tblStyle w:val="${S.tableGrid}"/><w:tblW w:w="${total}" w:type="dxa"/>` +
    `<w:tblInd w:w="${o.indent ?? 0}" w:type="dxa"/>${o.borders === false ? noBorders : ''}<w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${o.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  let headerRun = true;
  for (const row of o.rows) {
    headerRun = headerRun && !!row.header;
    x += `<w:tr>${headerRun ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}`;
    let col = 0;
    for (const cell of row.cells) {
      const span = Math.max(1, Math.min(cell.gridSpan ?? 1, o.widths.length - col));
      const w = o.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      x +=
        `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}` +
        (cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.vMerge === 'continue' ? '<w:vMerge/>' : '') +
        (cell.shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : '') +
        `</w:tcPr>${cell.xml && cell.xml.endsWith('</w:p>') ? cell.xml : `${cell.xml}<w:p/>`}</w:tc>`;
    }
    x += '</w:tr>';
  }
  return `${x}</w:tbl>`;
}
