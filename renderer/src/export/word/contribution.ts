import { Paragraph } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import type { Stakeholder } from '../../model/stakeholders';
import type { ExportDocument } from '../exportInput';
import type { RenderContext } from './context';
import { renderBlocks, topEnv, type Block } from './blocks';
import { resolveStakeholder, type DocumentPlan } from './meeting';
import { formatDate } from './dates';
import { humanise } from '../exportLabels';
import { S } from './styles';
import { textRuns } from './text';
import { buildTable, fitWidths } from './table';
import { textWidthTwips } from './page';

// A stakeholder contribution opens with who sent it: sender, organisation, stakeholder group, date received and
// channel (from the contribution's fields and the registry), labels in the document's language, then the body.

/** The rows of a contribution's header block, empty values left out. */
export function contributionRows(doc: ExportDocument, stakeholders: Stakeholder[], ctx: RenderContext): Array<[string, string]> {
  const L = ctx.labels;
  const f = doc.fields;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const who = str(f.stakeholderId) ? resolveStakeholder(stakeholders, str(f.stakeholderId)) : null;
  const channel = str(f.channel);
  const rows: Array<[string, string]> = [
    [L.sender, who?.name ?? ''],
    [L.organisation, who?.organisation ?? ''],
    [L.group, who ? (L.groups[who.group] ?? humanise(who.group)) : ''],
    [L.receivedOn, formatDate(str(f.receivedOn) || doc.meta.date, L.locale)],
    [L.channel, channel ? (L.channels[channel] ?? humanise(channel)) : ''],
  ];
  return rows.filter(([, v]) => v);
}

export function contributionPlan(doc: ExportDocument, stakeholders: Stakeholder[], ctx: RenderContext): DocumentPlan {
  const rows = contributionRows(doc, stakeholders, ctx);
  const text = (t: string): PMNode[] => (t ? [{ type: 'text', text: t }] : []);
  const estimate: PMNode = {
    type: 'table',
    content: rows.map(([label, v]) => ({
      type: 'tableRow',
      content: [
        { type: 'tableCell', attrs: { colwidth: [1] }, content: [{ type: 'paragraph', content: text(label) }] },
        { type: 'tableCell', attrs: { colwidth: [3] }, content: [{ type: 'paragraph', content: text(v) }] },
      ],
    })),
  };
  const body = doc.body.content ?? [];
  return {
    layout: rows.length ? [estimate, ...body] : body,
    render: (state) => {
      const width = textWidthTwips(ctx.style, 'portrait');
      const out: Block[] = [];
      if (rows.length)
        out.push(
          buildTable({
            widths: fitWidths([1, 3], width),
            borders: false,
            rows: rows.map(([label, v]) => ({
              cells: [
                { children: [new Paragraph({ style: S.tableText, children: textRuns(label, { bold: true }) })] },
                { children: [new Paragraph({ style: S.tableText, children: textRuns(ctx.redactor.redact(v)) })] },
              ],
            })),
          }),
          new Paragraph({ spacing: { before: 0, after: 0 } }),
        );
      for (const b of renderBlocks(body, ctx, state, topEnv(width))) out.push(b);
      return out;
    },
  };
}
