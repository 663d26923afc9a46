import type { PMNode } from '../../model/bodyJson';
import type { BlockEnv, DocState, RenderContext } from './context';
import { renderInline } from './inline';
import { renderTable } from './bodyTable';
import { LIST_HANGING_TWIPS, LIST_INDENT_TWIPS } from './numbering';
import { S } from './styles';
import { tocBookmark } from './toc';

// Block content: paragraphs, headings, lists, block quotes and tables, in reading order.

/** Where a paragraph number sits: this far into the left margin, text aligned as usual. */
export const PARA_NUMBER_GUTTER = 567;

/** Paragraph properties in the order the schema requires. */
export function pPr(o: {
  style?: string;
  numPr?: { numId: number; ilvl: number };
  tabs?: number[];
  ind?: { left: number; hanging?: number; right?: number };
  jc?: string;
  sectPr?: string;
}): string {
  let x = '';
  if (o.style) x += `<w:pStyle w:val="${o.style}"/>`;
  if (o.numPr) x += `<w:numPr><w:ilvl w:val="${o.numPr.ilvl}"/><w:numId w:val="${o.numPr.numId}"/></w:numPr>`;
  if (o.tabs?.length) x += `<w:tabs>${o.tabs.map((p) => `<w:tab w:val="left" w:pos="${p}"/>`).join('')}</w:tabs>`;
  if (o.ind)
    x += `<w:ind w:left="${o.ind.left}"${o.ind.right !== undefined ? ` w:right="${o.ind.right}"` : ''}${o.ind.hanging !== undefined ? ` w:hanging="${o.ind.hanging}"` : ''}/>`;
  if (o.jc) x += `<w:jc w:val="${o.jc}"/>`;
  if (o.sectPr) x += o.sectPr;
  return x ? `<w:pPr>${x}</w:pPr>` : '';
}

const JC: Record<string, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

export function topEnv(width: number): BlockEnv {
  return { width, indent: 0, listDepth: 0, inQuote: false, inTable: false, bold: false };
}

function paraNumberRun(n: number, inline: boolean): string {
  const text = inline ? `[${n}] ` : `${n}.`;
  return `<w:r><w:rPr><w:rStyle w:val="${S.paraNumber}"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>${inline ? '' : '<w:r><w:tab/></w:r>'}`;
}

function paragraph(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv, numPr?: { numId: number; ilvl: number }): string {
  const number = doc.paraNumbers?.get(node);
  let props: string;
  let prefix = '';
  if (env.inTable) {
    props = pPr({ style: env.tableStyle ?? S.tableText, jc: env.align ? JC[env.align] : undefined });
  } else if (numPr || env.listDepth > 0) {
    // List paragraphs carry their indent explicitly, so lists inside quotes or tables line up too.
    props = pPr({ style: S.listParagraph, numPr, ind: { left: env.indent, hanging: numPr ? LIST_HANGING_TWIPS : undefined } });
    if (number !== undefined) prefix = paraNumberRun(number, true);
  } else if (number !== undefined) {
    // The number hangs in the left margin; the text starts where it would without it.
    props = pPr({
      style: env.inQuote ? S.quote : undefined,
      tabs: [env.indent],
      ind: { left: env.indent, hanging: env.indent + PARA_NUMBER_GUTTER, right: env.inQuote ? 720 : undefined },
    });
    prefix = paraNumberRun(number, false);
  } else if (env.inQuote) {
    props = pPr({ style: S.quote, ind: env.indent !== 720 ? { left: env.indent, right: 720 } : undefined });
  } else {
    props = env.indent ? pPr({ ind: { left: env.indent } }) : '';
  }
  return `<w:p>${props}${prefix}${renderInline(node, ctx, doc, { bold: env.bold })}</w:p>`;
}

function heading(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): string {
  const level = Math.min(3, Math.max(1, Number(node.attrs?.level) || 1) + doc.headingShift);
  const content = renderInline(node, ctx, doc, { bold: env.bold });
  if (env.inTable || !ctx.opts.toc) return `<w:p>${pPr({ style: S.heading(level) })}${content}</w:p>`;
  const mark = tocBookmark(node, level, ctx, doc);
  return `<w:p>${pPr({ style: S.heading(level) })}${mark.start}${content}${mark.end}</w:p>`;
}

function list(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): string {
  const kind = node.type === 'orderedList' ? 'ordered' : 'bullet';
  const ilvl = Math.min(8, env.listDepth);
  const start = kind === 'ordered' ? Number(node.attrs?.start ?? 1) : 1;
  const numId = ctx.numbering.newList(kind, ilvl, start, node.attrs?.type);
  const inner: BlockEnv = { ...env, listDepth: env.listDepth + 1, indent: env.indent + LIST_INDENT_TWIPS, width: env.width - LIST_INDENT_TWIPS };
  let out = '';
  for (const item of node.content ?? []) {
    const blocks = item.content ?? [];
    blocks.forEach((b, i) => {
      if (i === 0 && b.type === 'paragraph') out += paragraph(b, ctx, doc, inner, { numId, ilvl });
      else out += renderBlock(b, ctx, doc, inner);
    });
    // An item whose first block is not a paragraph (not in our schema, but tolerated) still shows its number.
    if (!blocks.length || blocks[0].type !== 'paragraph') out = out + `<w:p>${pPr({ style: S.listParagraph, numPr: { numId, ilvl }, ind: { left: inner.indent, hanging: LIST_HANGING_TWIPS } })}</w:p>`;
  }
  return out;
}

export function renderBlock(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): string {
  switch (node.type) {
    case 'paragraph':
      return paragraph(node, ctx, doc, env);
    case 'heading':
      return heading(node, ctx, doc, env);
    case 'bulletList':
    case 'orderedList':
      return list(node, ctx, doc, env);
    case 'blockquote':
      return renderBlocks(node.content ?? [], ctx, doc, { ...env, inQuote: true, indent: env.indent + 720, width: env.width - 1440 });
    case 'table':
      return renderTable(node, ctx, doc, env);
    case 'text':
    case 'hardBreak':
    case 'footnote':
      // Inline content where a block belongs (only in hand-made JSON): keep it, in a paragraph of its own.
      return paragraph({ type: 'paragraph', content: [node] }, ctx, doc, env);
    default:
      return renderBlocks(node.content ?? [], ctx, doc, env);
  }
}

/** A 6 pt gap after a table: the next paragraph has no space before it, and two tables in a row would merge. */
export const TABLE_GAP = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/></w:pPr></w:p>';

export function renderBlocks(nodes: PMNode[], ctx: RenderContext, doc: DocState, env: BlockEnv): string {
  let out = '';
  for (const node of nodes) {
    out += renderBlock(node, ctx, doc, env);
    if (node.type === 'table') out += TABLE_GAP;
  }
  return out;
}
