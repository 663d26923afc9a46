import { Paragraph } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import type { Stakeholder } from '../../model/stakeholders';
import { STAKEHOLDER_GROUPS } from '../../model/kinds';
import type { ExportDocument } from '../exportInput';
import type { DocState, RenderContext } from './context';
import { append, renderBlocks, topEnv, type Block } from './blocks';
import { generatedHeading } from './toc';
import { participantName } from './people';
import { formatDate } from './dates';
import { S } from './styles';
import { textRuns } from './text';
import { buildTable, fitWidths } from './table';
import { textWidthTwips } from './page';

// A meeting summary: a header block (date, format, location, participants by stakeholder group), then agenda,
// the discussion (the body), key messages and action points. Text fields become ordinary blocks so they share
// the body's rendering (and its Chatham House redaction); the layout nodes feed the page estimate.

const text = (t: string): PMNode[] => (t ? [{ type: 'text', text: t }] : []);
const heading = (t: string, level: number): PMNode => ({ type: 'heading', attrs: { level }, content: text(t) });

/** Multi-line field text as blocks: "- item" / "* item" / "• item" lines become a bullet list, "1. item" an ordered one. */
export function textToBlocks(value: unknown): PMNode[] {
  const lines = String(typeof value === 'string' ? value : '').split(/\r?\n/);
  const blocks: PMNode[] = [];
  let list: PMNode | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      list = null;
      continue;
    }
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const ordered = /^\d+[.)]\s+(.*)$/.exec(line);
    const kind = bullet ? 'bulletList' : ordered ? 'orderedList' : null;
    if (kind) {
      if (!list || list.type !== kind) {
        list = { type: kind, content: [] };
        blocks.push(list);
      }
      list.content!.push({ type: 'listItem', content: [{ type: 'paragraph', content: text((bullet ?? ordered)![1]) }] });
    } else {
      list = null;
      blocks.push({ type: 'paragraph', content: text(line) });
    }
  }
  return blocks;
}

export function resolveStakeholder(stakeholders: Stakeholder[], id: string): Stakeholder | null {
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  let s = byId.get(id) ?? null;
  const seen = new Set<string>();
  while (s?.mergedInto && !seen.has(s.id) && byId.has(s.mergedInto)) {
    seen.add(s.id);
    s = byId.get(s.mergedInto)!;
  }
  return s;
}

/** "Label: value" in table text, the label bold. */
const labelled = (label: string, value: string, colon: string) =>
  new Paragraph({ style: S.tableText, children: [...textRuns(`${label}${colon}`, { bold: true }), ...textRuns(value)] });

function participants(doc: ExportDocument, stakeholders: Stakeholder[], ctx: RenderContext): Paragraph[] {
  const list = Array.isArray(doc.fields.participants) ? (doc.fields.participants as Array<Record<string, unknown>>) : [];
  const groups = new Map<string, string[]>();
  for (const p of list) {
    if (typeof p?.stakeholderId === 'string') {
      const s = resolveStakeholder(stakeholders, p.stakeholderId);
      const key = s?.group ?? 'unregistered';
      const name = participantName(s, '', ctx);
      const shown = !ctx.opts.chathamHouse && s?.organisation ? `${name} (${s.organisation})` : name;
      groups.set(key, [...(groups.get(key) ?? []), shown]);
    } else if (typeof p?.name === 'string') {
      const org = typeof p.organisation === 'string' && p.organisation ? ` (${p.organisation})` : '';
      groups.set('unregistered', [...(groups.get('unregistered') ?? []), ctx.opts.chathamHouse ? ctx.labels.participant : `${p.name}${org}`]);
    }
  }
  const order = [...STAKEHOLDER_GROUPS, 'unregistered'];
  const paras = order
    .filter((g) => groups.has(g))
    .map((g) => {
      const label = g === 'unregistered' ? ctx.labels.unregistered : ctx.labels.groups[g as Stakeholder['group']];
      const names = groups.get(g)!;
      const value = ctx.opts.chathamHouse ? ctx.labels.participantsCount(names.length) : names.join('; ');
      return labelled(label, ctx.redactor.redact(value), ctx.labels.colon);
    });
  return paras.length ? paras : [new Paragraph({ style: S.tableText, children: textRuns(ctx.labels.noParticipants) })];
}

export interface DocumentPlan {
  /** blocks as the page estimate should see them, in order */
  layout: PMNode[];
  render: (state: DocState) => Block[];
}

export function meetingPlan(doc: ExportDocument, stakeholders: Stakeholder[], ctx: RenderContext, level: number): DocumentPlan {
  const f = doc.fields;
  const L = ctx.labels;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const headerRows: Array<[string, string | null]> = [
    [L.date, formatDate(str(f.date) || doc.meta.date, L.locale)],
    [L.format, L.formats[str(f.format)] ?? str(f.format)],
    [L.location, str(f.location)],
    [L.participants, null],
  ];
  const rowsShown = headerRows.filter(([, v]) => v === null || v);
  const agenda = textToBlocks(f.agenda);
  const keyMessages = textToBlocks(f.keyMessages);
  const actions = Array.isArray(f.actionPoints) ? (f.actionPoints as Array<Record<string, unknown>>) : [];
  const actionTable: PMNode | null = actions.length
    ? {
        type: 'table',
        content: [
          { type: 'tableRow', content: L.actionColumns.map((c, i) => ({ type: 'tableHeader', attrs: { colwidth: [[7, 20, 43, 15, 15][i]] }, content: [{ type: 'paragraph', content: text(c) }] })) },
          ...actions.map((a, i) => ({
            type: 'tableRow',
            content: [String(i + 1), str(a.owner), str(a.task), formatDate(str(a.due), L.locale), L.actionStatus[str(a.status)] ?? str(a.status)].map((c, j) => ({
              type: 'tableCell',
              attrs: { colwidth: [[7, 20, 43, 15, 15][j]] },
              content: [{ type: 'paragraph', content: text(c) }],
            })),
          })),
        ],
      }
    : null;

  const h = {
    agenda: heading(L.agenda, level),
    discussion: heading(L.discussion, level),
    keyMessages: heading(L.keyMessages, level),
    actionPoints: heading(L.actionPoints, level),
  };
  // The header block, as the estimate sees it: a two-column table, one row per field.
  const headerEstimate: PMNode = {
    type: 'table',
    content: rowsShown.map(([label, v]) => ({
      type: 'tableRow',
      content: [
        { type: 'tableCell', attrs: { colwidth: [1] }, content: [{ type: 'paragraph', content: text(label) }] },
        { type: 'tableCell', attrs: { colwidth: [3] }, content: (v ?? '').split('\n').map((line) => ({ type: 'paragraph', content: text(line) })) },
      ],
    })),
  };
  const sections: Array<[PMNode, PMNode[]]> = [];
  if (agenda.length) sections.push([h.agenda, agenda]);
  sections.push([h.discussion, doc.body.content ?? []]);
  if (keyMessages.length) sections.push([h.keyMessages, keyMessages]);
  if (actionTable) sections.push([h.actionPoints, [actionTable]]);

  return {
    layout: [headerEstimate, ...sections.flatMap(([hd, blocks]) => [hd, ...blocks])],
    render: (state) => {
      const width = textWidthTwips(ctx.style, 'portrait');
      const header = buildTable({
        widths: fitWidths([1, 3], width),
        borders: false,
        rows: rowsShown.map(([label, v]) => ({
          cells: [
            { children: [new Paragraph({ style: S.tableText, children: textRuns(label, { bold: true }) })] },
            { children: v === null ? participants(doc, stakeholders, ctx) : [new Paragraph({ style: S.tableText, children: textRuns(ctx.redactor.redact(v)) })] },
          ],
        })),
      });
      const out: Block[] = [header];
      for (const [hd, blocks] of sections) {
        out.push(generatedHeading(String(hd.content?.[0]?.text ?? ''), level, ctx, state.headingPages.get(hd) ?? 1));
        append(out, renderBlocks(blocks, ctx, state, topEnv(width)));
      }
      return out;
    },
  };
}
