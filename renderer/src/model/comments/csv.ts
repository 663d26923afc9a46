// CSV as RFC 4180 says (CRLF records, fields quoted when they hold the delimiter, a quote or a line break, quotes
// doubled), written for Excel: UTF-8 with a BOM, and cells that a spreadsheet would run as a formula (starting
// with = + - @, tab or CR) prefixed with an apostrophe. Reading undoes both and accepts what spreadsheets save:
// comma, semicolon or tab delimiters, LF or CRLF, and Windows-1252 when the bytes are not UTF-8.

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(rows: readonly (readonly string[])[], opts: { bom?: boolean; delimiter?: string } = {}): string {
  const d = opts.delimiter ?? ',';
  const body = rows.map((r) => r.map((c) => quote(escapeFormula(c), d)).join(d)).join('\r\n') + '\r\n';
  return (opts.bom ?? true ? '\uFEFF' : '') + body;
}

/** The delimiter of the first record: the most frequent of , ; and tab outside quotes. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** Records of a CSV text, formula escapes undone. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const d = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(unescapeFormula(cell));
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === d) endCell();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) endRow();
  // Blank lines stay (as ['']) so record n is the row a spreadsheet shows as n; trailing ones go.
  while (rows.length && rows[rows.length - 1].every((c) => c === '')) rows.pop();
  return rows;
}

/** Text of CSV bytes: UTF-8 when valid (BOM or not), else Windows-1252 (Excel's "CSV" on Western systems). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
