import { esc } from '../xml';

// Run-level XML: a run with text, where tabs and line feeds inside the text become w:tab and w:br.

/** Run properties for our marks, in the schema's element order (rStyle, b, i, strike, u). */
export function rPr(o: { style?: string; bold?: boolean; italic?: boolean; strike?: boolean; underline?: boolean; size?: number }): string {
  let x = '';
  if (o.style) x += `<w:rStyle w:val="${o.style}"/>`;
  if (o.bold) x += '<w:b/><w:bCs/>';
  if (o.italic) x += '<w:i/><w:iCs/>';
  if (o.strike) x += '<w:strike/>';
  if (o.size) x += `<w:sz w:val="${Math.round(o.size * 2)}"/><w:szCs w:val="${Math.round(o.size * 2)}"/>`;
  if (o.underline) x += '<w:u w:val="single"/>';
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** The content of a run for `text` (w:t, w:tab, w:br). */
export function runContent(text: string): string {
  if (!/[\t\n\r]/.test(text)) return `<w:t xml:space="preserve">${esc(text)}</w:t>`;
  let out = '';
  for (const part of text.split(/(\t|\r\n|\n|\r)/)) {
    if (part === '\t') out += '<w:tab/>';
    else if (part === '\n' || part === '\r' || part === '\r\n') out += '<w:br/>';
    else if (part) out += `<w:t xml:space="preserve">${esc(part)}</w:t>`;
  }
  return out;
}

export function run(text: string, props = ''): string {
  return text ? `<w:r>${props}${runContent(text)}</w:r>` : '';
}

/** A paragraph with one plain run, for generated text (title page, labels, table cells of the annex). */
export function simpleParagraph(text: string, o: { style?: string; pPrExtra?: string; runProps?: string } = {}): string {
  const pPr = o.style || o.pPrExtra ? `<w:pPr>${o.style ? `<w:pStyle w:val="${o.style}"/>` : ''}${o.pPrExtra ?? ''}</w:pPr>` : '';
  return `<w:p>${pPr}${run(text, o.runProps ?? '')}</w:p>`;
}
