import { AlignmentType, LineRuleType, Paragraph, TabStopType, Tab, TextRun, type IParagraphOptions, type Table } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import type { BlockEnv, DocState, RenderContext } from './context';
import { renderInline } from './inline';
import { renderTable } from './bodyTable';
import { LIST_HANGING_TWIPS, LIST_INDENT_TWIPS, type ListRef } from './numbering';
import { S } from './styles';
import { tocBookmark } from './toc';
import { MAX_LIST_DEPTH } from '../../schema/limits';
import { revisionAttrs, typeRevision, wholeBlockChange } from './tracked';

/** A block whose whole text is one suggestion has its paragraph mark tracked too (word/tracked.ts). */
function markRevision(node: PMNode, ctx: RenderContext, doc: DocState): Pick<IParagraphOptions, 'run' | 'revision'> {
  const change = wholeBlockChange(node);
  const oldStyle = (type: string, attrs: Record<string, unknown>) => (type === 'heading' ? S.heading(headingLevel(attrs.level, doc)) : undefined);
  return { ...typeRevision(node, ctx, doc, oldStyle), ...(change ? { run: { [change.kind]: revisionAttrs(change, ctx, doc) } } : {}) };
}

const headingLevel = (level: unknown, doc: DocState) => Math.min(3, Math.max(1, Number(level) || 1) + doc.headingShift);

// Block content: paragraphs, headings, lists, block quotes and tables, in reading order.

export type Block = Paragraph | Table;

/** Appends without spreading into arguments (a list or a body can have more blocks than a call takes). */
export function append<T>(out: T[], items: readonly T[]): T[] {
  for (const item of items) out.push(item);
  return out;
}

/** Where a paragraph number sits: this far into the left margin, text aligned as usual. */
export const PARA_NUMBER_GUTTER = 567;

const ALIGN: Record<string, IParagraphOptions['alignment']> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

export function topEnv(width: number): BlockEnv {
  return { width, indent: 0, listDepth: 0, inQuote: false, inTable: false, bold: false };
}

function paraNumberRuns(n: number, inline: boolean): TextRun[] {
  const number = new TextRun({ style: S.paraNumber, text: inline ? `[${n}] ` : `${n}.` });
  return inline ? [number] : [number, new TextRun({ children: [new Tab()] })];
}

type ListItemRef = ListRef & { level: number };

function paragraph(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv, list?: ListItemRef): Paragraph {
  const number = doc.paraNumbers?.get(node);
  let props: IParagraphOptions = {};
  let prefix: TextRun[] = [];
  if (env.inTable) {
    props = { style: env.tableStyle ?? S.tableText, ...(env.align && ALIGN[env.align] ? { alignment: ALIGN[env.align] } : {}) };
  } else if (list || env.listDepth > 0) {
    // List paragraphs carry their indent explicitly, so lists inside quotes or tables line up too.
    props = {
      style: S.listParagraph,
      ...(list ? { numbering: list } : {}),
      indent: { left: env.indent, ...(list ? { hanging: LIST_HANGING_TWIPS } : {}) },
    };
    if (number !== undefined) prefix = paraNumberRuns(number, true);
  } else if (number !== undefined) {
    // The number hangs in the left margin; the text starts where it would without it.
    props = {
      ...(env.inQuote ? { style: S.quote } : {}),
      tabStops: [{ type: TabStopType.LEFT, position: env.indent }],
      indent: { left: env.indent, hanging: env.indent + PARA_NUMBER_GUTTER, ...(env.inQuote ? { right: 720 } : {}) },
    };
    prefix = paraNumberRuns(number, false);
  } else if (env.inQuote) {
    props = { style: S.quote, ...(env.indent !== 720 ? { indent: { left: env.indent, right: 720 } } : {}) };
  } else if (env.indent) {
    props = { indent: { left: env.indent } };
  }
  return new Paragraph({ ...props, ...markRevision(node, ctx, doc), children: [...prefix, ...renderInline(node, ctx, doc, { bold: env.bold })] });
}

function heading(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): Paragraph {
  const level = headingLevel(node.attrs?.level, doc);
  const label = env.inTable ? '' : ctx.headingLabel(level);
  const content = [...(label ? [new TextRun({ text: label })] : []), ...renderInline(node, ctx, doc, { bold: env.bold })];
  const mark = markRevision(node, ctx, doc);
  if (env.inTable || !ctx.opts.toc) return new Paragraph({ style: S.heading(level), ...mark, children: content });
  return new Paragraph({ style: S.heading(level), ...mark, children: [tocBookmark(node, level, content, ctx, doc, label)] });
}

function list(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): Block[] {
  // UN style: with paragraph numbers on, every list outside a table is lettered (the labels the editor shows).
  const kind = ctx.opts.paraNumbers && !env.inTable ? 'lettered' : node.type === 'orderedList' ? 'ordered' : 'bullet';
  const level = Math.min(8, env.listDepth);
  const htmlType = kind === 'lettered' ? (node.type === 'bulletList' ? 'bullet' : 'ordered') : node.attrs?.type;
  const ref: ListItemRef = { ...ctx.numbering.newList(kind, kind === 'ordered' ? Number(node.attrs?.start ?? 1) : 1, htmlType), level };
  // Past Word's nine levels, items stay at the ninth (same number level, same indent).
  const step = env.listDepth < MAX_LIST_DEPTH ? LIST_INDENT_TWIPS : 0;
  const inner: BlockEnv = { ...env, listDepth: env.listDepth + 1, indent: env.indent + step, width: env.width - step };
  const out: Block[] = [];
  for (const item of node.content ?? []) {
    const blocks = item.content ?? [];
    blocks.forEach((b, i) => {
      if (i === 0 && b.type === 'paragraph') out.push(paragraph(b, ctx, doc, inner, ref));
      else append(out, renderBlock(b, ctx, doc, inner));
    });
    // An item whose first block is not a paragraph (not in our schema, but tolerated) still shows its number.
    if (!blocks.length || blocks[0].type !== 'paragraph')
      out.push(new Paragraph({ style: S.listParagraph, numbering: ref, indent: { left: inner.indent, hanging: LIST_HANGING_TWIPS } }));
  }
  return out;
}

export function renderBlock(node: PMNode, ctx: RenderContext, doc: DocState, env: BlockEnv): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node, ctx, doc, env)];
    case 'heading':
      return [heading(node, ctx, doc, env)];
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
      return [paragraph({ type: 'paragraph', content: [node] }, ctx, doc, env)];
    default:
      return renderBlocks(node.content ?? [], ctx, doc, env);
  }
}

/** A 6 pt gap after a table: the next paragraph has no space before it, and two tables in a row would merge. */
export const tableGap = () => new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT } });

export function renderBlocks(nodes: PMNode[], ctx: RenderContext, doc: DocState, env: BlockEnv): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    append(out, renderBlock(node, ctx, doc, env));
    if (node.type === 'table') out.push(tableGap());
  }
  return out;
}
