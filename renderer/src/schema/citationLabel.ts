// How a citation shows in text (editor, plain text, export): its quote in quotation marks, long quotes shortened.
// Apart from schema/citation.ts so that readers of plain text need not load the editor.

const SHOWN = 90;

export function citationLabel(quote: string): string {
  const q = quote.length > SHOWN ? `${quote.slice(0, SHOWN - 1)}…` : quote;
  return `“${q}”`;
}
