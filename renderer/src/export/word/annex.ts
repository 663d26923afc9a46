import { Paragraph } from 'docx';
import type { ExportDocument } from '../exportInput';
import type { RenderContext } from './context';
import type { Block } from './blocks';
import { attribution } from './people';
import { humanise } from '../exportLabels';
import { paragraphNumbersByBid } from '../../model/paragraphNumbers';
import { S } from './styles';
import { textRuns } from './text';
import { buildTable, contentWidths, type RowOut } from './table';
import { textWidthPt } from '../../model/pageEstimate';
import { typeMetrics } from '../../model/houseStyle';
import { textWidthTwips } from './page';
import { generatedHeading } from './toc';

// The comment matrix annex: one row per thread, on landscape pages so twelve columns stay readable, with the
// header row repeated on every page. Threads on deleted text are listed too (they can't be Word comments).

function cell(text: string, o: { bold?: boolean } = {}): Paragraph[] {
  return text.split('\n').map((p) => new Paragraph({ style: S.tableSmall, children: textRuns(p, o.bold ? { bold: true } : {}) }));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function annexBlocks(docs: ExportDocument[], ctx: RenderContext, o: { compiled: boolean; page: number }): Block[] {
  const L = ctx.labels;
  const r = ctx.redactor.redact;
  const rows: RowOut[] = [{ header: true, cells: L.annexColumns.map((c) => ({ children: cell(c, { bold: true }), shade: true })) }];
  // Columns sized to their content in the annex's font (narrow #, type, disposition; wide comment and response).
  const size = typeMetrics(ctx.style).size.small;
  const need = L.annexColumns.map((c) => {
    const w = textWidthPt(c, ctx.style.font, size, 'bold');
    return { word: w.longestWord * 20, line: w.line * 20 };
  });
  const measure = (col: number, text: string) => {
    const w = textWidthPt(text, ctx.style.font, size);
    need[col] = { word: Math.max(need[col].word, w.longestWord * 20), line: Math.max(need[col].line, w.line * 20) };
  };
  docs.forEach((doc, chapter) => {
    const paraByBid = paragraphNumbersByBid(doc.body);
    for (const t of [...doc.threads].sort((a, b) => a.number - b.number)) {
      const who = attribution(t, ctx);
      const para = t.para ?? (t.from ? paraByBid.get(t.from.bid) : undefined);
      const quote = t.quote.trim() ? `“${clip(t.quote.trim(), 300)}”` : '';
      const comment = [
        t.from === null ? `(${L.onDeletedText}${quote ? `: ${quote}` : ''})` : quote,
        t.body,
        ...t.replies.map((rep) => {
          const author = ctx.opts.chathamHouse ? (r(rep.author) !== rep.author ? r(rep.author) : L.participant) : rep.author;
          return `↳ ${author}: ${rep.body}`;
        }),
      ]
        .filter(Boolean)
        .join('\n');
      const values = [
        o.compiled ? `${chapter + 1}.${t.number}` : String(t.number),
        para !== undefined && para !== null ? String(para) : '—',
        t.section || '—',
        who.name,
        who.organisation,
        who.group,
        who.region,
        L.commentTypes[t.type] ?? humanise(t.type),
        comment,
        t.proposedWording,
        t.disposition ? (L.dispositions[t.disposition] ?? humanise(t.disposition)) : '',
        t.response,
      ];
      values.forEach((v, col) => measure(col, r(v)));
      rows.push({ cells: values.map((v) => ({ children: cell(r(v)) })) });
    }
  });
  const heading = generatedHeading(L.annexTitle, 1, ctx, o.page, { unnumbered: true });
  if (rows.length === 1) return [heading, new Paragraph({ children: textRuns(L.annexEmpty) })];
  return [heading, buildTable({ widths: contentWidths(need, textWidthTwips(ctx.style, 'landscape')), rows })];
}
