import type { PMNode } from '../../model/bodyJson';
import { normalizeHouseStyle } from '../../model/houseStyle';
import { estimateLayout, type PageLayout } from '../../model/pageEstimate';
import type { ExportDocument, ExportInput } from '../exportInput';
import { resolveOptions, type ExportOptions } from '../options';
import { chathamHouseRedactor, noRedaction } from '../chathamHouse';
import { paragraphNumbers } from '../paragraphNumbers';
import { XML_DECL, W_NS } from '../xml';
import { createContext, type DocState, type RenderContext } from './context';
import { renderBlocks, topEnv } from './blocks';
import { commentMarkers } from './anchors';
import { meetingPlan, type DocumentPlan } from './meeting';
import { annexXml } from './annex';
import { titlePageXml } from './titlePage';
import { tocXml, generatedHeading } from './toc';
import { formatDate } from './dates';
import { headerFooterParts, sectPr, settingsXml } from './sections';
import { stylesXml } from './styles';
import { packageDocx, PART_TYPES, type WordPart } from './package';
import { textWidthTwips } from './page';

// Writes one DOCX from one document (a report) or several (a compilation, each document a chapter).
// Order of work: plan every document (blocks for the page estimate), estimate pages once (the TOC's cached page
// numbers), render the body (collecting TOC entries, footnotes, comments, lists), then the front matter, then
// the parts, then the zip.

export interface WriteRequest {
  input: ExportInput;
  documents: ExportDocument[];
  compiled: boolean;
  title: string;
  status: string;
  date: string;
  options: ExportOptions;
}

function documentPlan(doc: ExportDocument, input: ExportInput, ctx: RenderContext, compiled: boolean, isFirst: boolean): { plan: DocumentPlan; shift: number } {
  const base = compiled ? 2 : 1; // level of the sections the export adds inside a document
  const chapter: PMNode | null = compiled ? { type: 'heading', attrs: { level: 1, pageBreakBefore: !isFirst }, content: doc.meta.title ? [{ type: 'text', text: doc.meta.title }] : [] } : null;
  const inner: DocumentPlan =
    doc.meta.kind === 'meeting'
      ? meetingPlan(doc, input.stakeholders, ctx, base)
      : {
          layout: doc.body.content ?? [],
          render: (state) => renderBlocks(doc.body.content ?? [], ctx, state, topEnv(textWidthTwips(ctx.style, 'portrait'))),
        };
  // A meeting's discussion sits under its own heading; a chapter's headings sit under the chapter title.
  const shift = (doc.meta.kind === 'meeting' ? 1 : 0) + (compiled ? 1 : 0);
  if (!chapter) return { plan: inner, shift };
  return {
    shift,
    plan: {
      layout: [chapter, ...inner.layout],
      render: (state) =>
        generatedHeading(doc.meta.title, 1, ctx, state.headingPages.get(chapter) ?? 1, isFirst ? '' : '<w:pageBreakBefore/>') + inner.render(state),
    },
  };
}

function plan(req: WriteRequest) {
  const opts = resolveOptions(req.options);
  const style = normalizeHouseStyle(req.input.workspace?.houseStyle ?? {});
  const redactor = opts.chathamHouse ? chathamHouseRedactor(req.input, opts.labels) : noRedaction;
  const ctx = createContext(style, opts, redactor);
  const plans = req.documents.map((doc, i) => ({ doc, ...documentPlan(doc, req.input, ctx, req.compiled, i === 0) }));
  const layout = () => estimateLayout({ type: 'doc', content: plans.flatMap((p) => p.plan.layout) }, style);
  return { opts, style, redactor, ctx, plans, layout };
}

/** The page layout of the body section as the export will write it (meeting fields and chapter titles included). */
export function estimateBody(req: WriteRequest): PageLayout {
  return plan(req).layout();
}

// Without a TOC nothing shows estimated page numbers, so the layout is skipped.
const NO_LAYOUT: PageLayout = { fractionalPages: 0, pages: 0, headingPages: new Map() };

export async function writeDocx(req: WriteRequest): Promise<Uint8Array> {
  const planned = plan(req);
  const { opts, style, redactor, ctx, plans } = planned;
  const layout = opts.toc ? planned.layout() : NO_LAYOUT;
  const total = req.documents.length + 1;

  ctx.rels.add(PART_TYPES.styles.relType, 'styles.xml');
  ctx.rels.add(PART_TYPES.settings.relType, 'settings.xml');
  const shortTitle = redactor.redact(opts.shortTitle ?? req.title);
  const hf = headerFooterParts(ctx.rels, shortTitle.length > 90 ? `${shortTitle.slice(0, 89)}…` : shortTitle);

  const chunks: string[] = [];
  plans.forEach(({ doc, plan, shift }, i) => {
    const state: DocState = {
      markers: commentMarkers(doc.body, doc.threads, ctx),
      paraNumbers: opts.paraNumbers ? paragraphNumbers(doc.body) : null,
      headingShift: shift,
      headingPages: layout.headingPages,
    };
    chunks.push(plan.render(state));
    opts.onProgress?.(i + 1, total);
  });

  const bodySect = sectPr(style, { ids: hf.ids, kind: 'body', restartNumbering: true });
  let tail: string;
  if (opts.annex) {
    chunks.push(`<w:p><w:pPr>${bodySect}</w:pPr></w:p>`);
    chunks.push(annexXml(req.documents, ctx, { compiled: req.compiled, page: layout.pages + 1 }));
    tail = sectPr(style, { ids: hf.ids, kind: 'annex', orientation: 'landscape' });
  } else tail = bodySect;

  const front =
    titlePageXml({ title: req.title, process: req.input.workspace?.name ?? '', date: formatDate(req.date), status: req.status }, ctx) +
    (opts.toc ? `<w:p><w:r><w:br w:type="page"/></w:r></w:p>${tocXml(ctx)}` : '') +
    `<w:p><w:pPr>${sectPr(style, { ids: hf.ids, kind: 'front' })}</w:pPr></w:p>`;

  const documentXml = `${XML_DECL}<w:document ${W_NS}><w:body>${front}${chunks.join('')}${tail}</w:body></w:document>`;

  const parts: WordPart[] = [
    { name: 'styles.xml', xml: stylesXml(style), ...PART_TYPES.styles },
    { name: 'settings.xml', xml: settingsXml(ctx.footnotes.count > 0), ...PART_TYPES.settings },
    ...hf.parts,
  ];
  const addPart = (p: WordPart) => {
    ctx.rels.add(p.relType, p.name);
    parts.push(p);
  };
  if (!ctx.numbering.isEmpty) addPart({ name: 'numbering.xml', xml: ctx.numbering.xml(), ...PART_TYPES.numbering });
  if (ctx.footnotes.count) addPart({ name: 'footnotes.xml', xml: ctx.footnotes.xml(), ...PART_TYPES.footnotes });
  if (ctx.comments.count) {
    addPart({ name: 'comments.xml', xml: ctx.comments.xml(), ...PART_TYPES.comments });
    addPart({ name: 'commentsExtended.xml', xml: ctx.comments.extendedXml(), ...PART_TYPES.commentsExtended });
  }
  const bytes = packageDocx({ documentXml, parts, rels: ctx.rels, title: redactor.redact(req.title) });
  opts.onProgress?.(total, total);
  return bytes;
}
