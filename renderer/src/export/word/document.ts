import { Document, Packer, PageBreak, Paragraph, type ISectionOptions } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import { normalizeHouseStyle } from '../../model/houseStyle';
import { estimateLayout, type PageLayout } from '../../model/pageEstimate';
import type { ExportDocument, ExportInput } from '../exportInput';
import { resolveOptions, type ExportOptions } from '../options';
import { chathamHouseRedactor, noRedaction } from '../chathamHouse';
import { paragraphNumbers } from '../../model/paragraphNumbers';
import { createContext, type DocState, type RenderContext } from './context';
import { append, renderBlocks, topEnv, type Block } from './blocks';
import { commentMarkers } from './anchors';
import { meetingPlan, type DocumentPlan } from './meeting';
import { contributionPlan } from './contribution';
import { annexBlocks } from './annex';
import { incorporationAnnexBlocks } from './incorporationAnnex';
import { titlePage } from './titlePage';
import { generatedHeading, tocPageNumbers, tocParagraphs } from './toc';
import { formatDate } from './dates';
import { pageFurniture, section } from './sections';
import { S, stylesOptions } from './styles';
import { clean, textRuns } from './text';
import { textWidthTwips } from './page';
import { expandReplyNodes, hasReplyNodes } from '../replyExport';

// Builds one DOCX with the docx library from one document (a report) or several (a compilation, each document a
// chapter). Order of work: plan every document (blocks for the page estimate), estimate pages once (the TOC's
// cached page numbers), build the body (collecting TOC entries, footnotes, comments, lists), then the front
// matter, then the Document, which docx packs.

export interface WriteRequest {
  input: ExportInput;
  documents: ExportDocument[];
  compiled: boolean;
  title: string;
  status: string;
  date: string;
  /** a title page; without one the body opens with the title */
  titlePage: boolean;
  options: ExportOptions;
}

function documentPlan(doc: ExportDocument, input: ExportInput, ctx: RenderContext, compiled: boolean, isFirst: boolean): { plan: DocumentPlan; shift: number } {
  // The contributors block becomes a table here (so the page estimate counts it); citations stay atoms, written
  // by inline.ts, so comment ranges keep their offsets.
  if (hasReplyNodes(doc.body)) doc = { ...doc, body: expandReplyNodes(doc.body, doc.reply, ctx.labels) };
  const chapter: PMNode | null = compiled ? { type: 'heading', attrs: { level: 1, pageBreakBefore: !isFirst }, content: doc.meta.title ? [{ type: 'text', text: doc.meta.title }] : [] } : null;
  const base = compiled ? 2 : 1; // level of the sections the export adds inside a document
  const inner: DocumentPlan =
    doc.meta.kind === 'meeting'
      ? meetingPlan(doc, input.stakeholders, ctx, base)
      : doc.meta.kind === 'contribution'
        ? contributionPlan(doc, input.stakeholders, ctx)
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
      render: (state) => [
        generatedHeading(doc.meta.title, 1, ctx, state.headingPages.get(chapter) ?? 1, { pageBreakBefore: !isFirst }),
        ...inner.render(state),
      ],
    },
  };
}

function plan(req: WriteRequest) {
  const opts = resolveOptions(req.options);
  const style = normalizeHouseStyle(req.input.workspace?.houseStyle ?? {});
  const redactor = opts.chathamHouse ? chathamHouseRedactor(req.input, opts.labels) : noRedaction;
  const ctx = createContext(style, opts, redactor);
  const plans = req.documents.map((doc, i) => ({ doc, ...documentPlan(doc, req.input, ctx, req.compiled, i === 0) }));
  const opening: PMNode[] = req.titlePage ? [] : [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: req.title || ' ' }] }];
  const layout = () => estimateLayout({ type: 'doc', content: [...opening, ...plans.flatMap((p) => p.plan.layout)] }, style);
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

  // Without a title page (a one-page meeting summary) the body opens with the title.
  const body: Block[] = req.titlePage ? [] : [new Paragraph({ style: S.title, children: textRuns(redactor.redact(req.title) || ' ') })];
  plans.forEach(({ doc, plan, shift }, i) => {
    const state: DocState = {
      markers: commentMarkers(doc.body, doc.threads, ctx),
      paraNumbers: opts.paraNumbers ? paragraphNumbers(doc.body) : null,
      headingShift: shift,
      headingPages: layout.headingPages,
      reply: doc.reply,
      suggestions: new Map((doc.suggestions ?? []).map((m) => [m.id, m])),
    };
    append(body, plan.render(state));
    opts.onProgress?.(i + 1, total);
  });
  const annex = opts.annex ? annexBlocks(req.documents, ctx, { compiled: req.compiled, page: layout.pages + 1 }) : null;
  const incorporation = opts.incorporationAnnex ? incorporationAnnexBlocks(req.documents, ctx, { compiled: req.compiled, page: layout.pages + 1 }) : null;

  const shortTitle = redactor.redact(opts.shortTitle ?? req.title);
  const furniture = pageFurniture(shortTitle.length > 90 ? `${shortTitle.slice(0, 89)}…` : shortTitle);
  const front = [
    ...(req.titlePage
      ? titlePage({ title: req.title, process: req.input.workspace?.name ?? '', date: formatDate(req.date, ctx.labels.locale), status: req.status }, ctx)
      : []),
    ...(opts.toc ? [...(req.titlePage ? [new Paragraph({ children: [new PageBreak()] })] : []), ...tocParagraphs(ctx)] : []),
  ];
  const sections: ISectionOptions[] = [
    ...(front.length ? [section(style, furniture, { kind: 'front' }, front)] : []),
    section(style, furniture, { kind: 'body', restartNumbering: true }, body),
    ...(annex ? [section(style, furniture, { kind: 'annex', orientation: 'landscape' }, annex)] : []),
    ...(incorporation ? [section(style, furniture, { kind: 'annex', orientation: 'portrait' }, incorporation)] : []),
  ];

  const title = clean(redactor.redact(req.title));
  const document = new Document({
    title,
    creator: 'Rapporteur',
    lastModifiedBy: 'Rapporteur',
    styles: stylesOptions(style, ctx.labels.locale),
    numbering: ctx.numbering.options(),
    footnotes: ctx.footnotes.options(),
    ...(ctx.comments.count ? { comments: ctx.comments.options() } : {}),
    // The TOC's PageReference fields get the estimated pages, and are written clean (no update prompt).
    ...(opts.toc ? { pageNumbers: tocPageNumbers(ctx) } : {}),
    sections,
  });
  // Packed to a Uint8Array, which needs neither Node's Buffer nor the browser's Blob.
  const bytes = await Packer.pack(document, 'uint8array');
  opts.onProgress?.(total, total);
  return bytes;
}
