import { Bookmark, InternalHyperlink, PageReference, Paragraph, Tab, TextRun, type PageNumberEstimator, type ParagraphChild } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import type { DocState, RenderContext } from './context';
import { S } from './styles';
import { clean, textRuns } from './text';

// The table of contents, pre-rendered: one paragraph per heading in Word's built-in "toc 1".."toc 3" styles,
// an InternalHyperlink to a _Toc Bookmark on the heading, with a PageReference for the page number. The page
// numbers written into the PageReference fields come from our page estimate, handed to docx as the document's
// `pageNumbers` estimator (so the fields are written clean and nothing asks to update fields on open).
// We deliberately do not use docx's TableOfContents field: LibreOffice shows a TOC field's cached text verbatim,
// whereas bare PAGEREF fields are recomputed from its layout (so a PDF made with LibreOffice has exact numbers).
// Word shows the cached numbers, which come from the page estimate, until the user updates fields (Ctrl+A, F9);
// they are close but can be a page off in long reports.

function plain(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(plain).join('');
}

/** The heading's content inside a _Toc bookmark, and its entry in the TOC. */
export function tocBookmark(node: PMNode, level: number, content: ParagraphChild[], ctx: RenderContext, doc: DocState, label = ''): Bookmark {
  const name = ctx.nextBookmark();
  const text = clean(label + ctx.redactor.redact(plain(node).replace(/\s+/g, ' ').trim()));
  if (text) ctx.toc.push({ level, text, bookmark: name, page: doc.headingPages.get(node) ?? 1 });
  return new Bookmark({ id: name, children: content });
}

/** A heading the export adds itself (chapter titles, meeting sections, the annex), with its TOC bookmark. */
export function generatedHeading(raw: string, level: number, ctx: RenderContext, page: number, o: { pageBreakBefore?: boolean; unnumbered?: boolean } = {}): Paragraph {
  // Chapter titles are user text: under Chatham House they may name someone.
  const text = (o.unnumbered ? '' : ctx.headingLabel(level)) + ctx.redactor.redact(raw);
  const runs = textRuns(text);
  const props = { style: S.heading(level), ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}) };
  if (!ctx.opts.toc) return new Paragraph({ ...props, children: runs });
  const name = ctx.nextBookmark();
  ctx.toc.push({ level, text: clean(text), bookmark: name, page });
  return new Paragraph({ ...props, children: [new Bookmark({ id: name, children: runs })] });
}

/** The TOC's title and entries. */
export function tocParagraphs(ctx: RenderContext): Paragraph[] {
  return [
    new Paragraph({ style: S.tocHeading, children: textRuns(ctx.labels.contents) }),
    ...ctx.toc.map(
      (e) =>
        new Paragraph({
          style: S.toc(e.level),
          children: [
            new InternalHyperlink({
              anchor: e.bookmark,
              children: [new TextRun({ text: e.text }), new TextRun({ children: [new Tab()] }), new PageReference(e.bookmark, { hyperlink: true })],
            }),
          ],
        }),
    ),
  ];
}

/** The page of each TOC bookmark, from the page estimate, for docx to write into the PageReference fields. */
export function tocPageNumbers(ctx: RenderContext): PageNumberEstimator {
  return () => ({ bookmarks: new Map(ctx.toc.map((e) => [e.bookmark, String(e.page)])) });
}
