import { Paragraph } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import type { ExportDocument, ExportThread } from '../exportInput';
import type { RenderContext } from './context';
import type { Block } from './blocks';
import { attribution } from './people';
import { humanise } from '../exportLabels';
import { numberBlocks, numbersByBid, type Numbers } from '../../model/paragraphNumbers';
import { S } from './styles';
import { textRuns } from './text';
import { buildTable, fitWidths, type RowOut } from './table';
import { textWidthTwips } from './page';
import { generatedHeading } from './toc';

// "How comments were incorporated" (issue 12): an annex listing each comment with its stakeholder, disposition,
// response, and where the change that implemented it is ("see para 23, accepted with changes"). Built from the
// link each applied comment keeps (ThreadKey.appliedChange: the block and the suggestion it made); paragraph and
// section numbers are the export's own (model/paragraphNumbers.ts), so they match the numbers in the body.

const WEIGHTS = [3, 10, 22, 9, 22, 12];

function cell(text: string, o: { bold?: boolean } = {}): Paragraph[] {
  return text.split('\n').map((p) => new Paragraph({ style: S.tableSmall, children: textRuns(p, o.bold ? { bold: true } : {}) }));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The bid of the block holding a suggestion mark with this id. */
function blockOfSuggestion(body: PMNode, id: string): string | null {
  let found: string | null = null;
  const walk = (n: PMNode, bid: string | null): void => {
    if (found) return;
    const here = (n.type === 'paragraph' || n.type === 'heading') && typeof n.attrs?.bid === 'string' ? n.attrs.bid : bid;
    if (n.marks?.some((m) => (m.type === 'insertion' || m.type === 'deletion' || m.type === 'modification') && String(m.attrs?.id) === id)) {
      found = here;
      return;
    }
    n.content?.forEach((c) => walk(c, here));
  };
  walk(body, null);
  return found;
}

const lowerFirst = (s: string, locale: string) => (s ? s[0].toLocaleLowerCase(locale) + s.slice(1) : s);

/** "see para 23, accepted with changes", from the thread's applied change. */
export function changeMade(t: ExportThread, body: PMNode, numbers: Map<string, Numbers>, ctx: RenderContext): string {
  const L = ctx.labels;
  const disposition = t.disposition && t.disposition !== 'open' ? lowerFirst(L.dispositions[t.disposition] ?? humanise(t.disposition), L.locale) : '';
  const applied = t.appliedChange;
  if (!applied) return L.incorporationNone;
  const bid = (applied.suggestionId && blockOfSuggestion(body, applied.suggestionId)) || applied.blockId;
  const n = bid ? numbers.get(bid) : undefined;
  if (n?.para) return L.incorporationSeePara(n.para, disposition);
  if (n?.section) return L.incorporationSeeSection(n.section, disposition);
  return L.incorporationInText(disposition);
}

export function incorporationAnnexBlocks(docs: ExportDocument[], ctx: RenderContext, o: { compiled: boolean; page: number }): Block[] {
  const L = ctx.labels;
  const r = ctx.redactor.redact;
  const rows: RowOut[] = [{ header: true, cells: L.incorporationColumns.map((c) => ({ children: cell(c, { bold: true }), shade: true })) }];
  docs.forEach((doc, chapter) => {
    const numbers = numbersByBid(numberBlocks(doc.body));
    for (const t of [...doc.threads].sort((a, b) => a.number - b.number)) {
      const who = attribution(t, ctx);
      const comment = [t.quote.trim() ? `“${clip(t.quote.trim(), 200)}”` : '', t.body, t.proposedWording.trim() ? `${L.proposedWording}${L.colon}${t.proposedWording}` : '']
        .filter(Boolean)
        .join('\n');
      const values = [
        o.compiled ? `${chapter + 1}.${t.number}` : String(t.number),
        who.display,
        comment,
        t.disposition ? (L.dispositions[t.disposition] ?? humanise(t.disposition)) : '',
        t.response,
        changeMade(t, doc.body, numbers, ctx),
      ];
      rows.push({ cells: values.map((v) => ({ children: cell(r(v)) })) });
    }
  });
  const heading = generatedHeading(L.incorporationTitle, 1, ctx, o.page);
  if (rows.length === 1) return [heading, new Paragraph({ children: textRuns(L.incorporationEmpty) })];
  return [heading, buildTable({ widths: fitWidths(WEIGHTS, textWidthTwips(ctx.style, 'portrait')), rows })];
}
