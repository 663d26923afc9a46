import type { PMNode } from '../../model/bodyJson';
import type { DocState, RenderContext } from './context';
import { esc } from '../xml';
import { S } from './styles';

// The table of contents, pre-rendered: one paragraph per heading in Word's built-in "toc 1".."toc 3" styles,
// hyperlinked to a _Toc bookmark on the heading, with a PAGEREF field for the page number. Nothing asks to
// update fields on open. We deliberately do not wrap the entries in a TOC field: LibreOffice then shows a TOC
// field's cached text verbatim, whereas bare PAGEREF fields are recomputed from its layout (so a PDF made with
// LibreOffice has exact numbers). Word shows the cached numbers, which come from the page estimate, until the
// user updates fields (Ctrl+A, F9); they are close but can be a page off in long reports.

function plain(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(plain).join('');
}

export function tocBookmark(node: PMNode, level: number, ctx: RenderContext, doc: DocState): { start: string; end: string } {
  const id = ctx.nextBookmarkId();
  const name = `_Toc${String(id).padStart(8, '0')}`;
  const text = ctx.redactor.redact(plain(node).replace(/\s+/g, ' ').trim());
  if (text) ctx.toc.push({ level, text, bookmark: name, page: doc.headingPages.get(node) ?? 1 });
  return { start: `<w:bookmarkStart w:id="${id}" w:name="${name}"/>`, end: `<w:bookmarkEnd w:id="${id}"/>` };
}

/** A heading the export adds itself (chapter titles, meeting sections, the annex), with its TOC bookmark. */
export function generatedHeading(raw: string, level: number, ctx: RenderContext, page: number, pPrExtra = ''): string {
  // Chapter titles are user text: under Chatham House they may name someone.
  const text = ctx.redactor.redact(raw);
  const runs = `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  const props = `<w:pPr><w:pStyle w:val="${S.heading(level)}"/>${pPrExtra}</w:pPr>`;
  if (!ctx.opts.toc) return `<w:p>${props}${runs}</w:p>`;
  const id = ctx.nextBookmarkId();
  const name = `_Toc${String(id).padStart(8, '0')}`;
  ctx.toc.push({ level, text, bookmark: name, page });
  return `<w:p>${props}<w:bookmarkStart w:id="${id}" w:name="${name}"/>${runs}<w:bookmarkEnd w:id="${id}"/></w:p>`;
}

const fld = (type: 'begin' | 'separate' | 'end') => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;

export function tocXml(ctx: RenderContext): string {
  const heading = `<w:p><w:pPr><w:pStyle w:val="${S.tocHeading}"/></w:pPr><w:r><w:t>${esc(ctx.labels.contents)}</w:t></w:r></w:p>`;
  if (!ctx.toc.length) return heading;
  const entries = ctx.toc.map((e) => {
    const page = fld('begin') + instr(` PAGEREF ${e.bookmark} \\h `) + fld('separate') + `<w:r><w:t>${e.page}</w:t></w:r>` + fld('end');
    return (
      `<w:p><w:pPr><w:pStyle w:val="${S.toc(e.level)}"/></w:pPr>` +
      `<w:hyperlink w:anchor="${e.bookmark}" w:history="1"><w:r><w:t xml:space="preserve">${esc(e.text)}</w:t></w:r><w:r><w:tab/></w:r>${page}</w:hyperlink>` +
      `</w:p>`
    );
  });
  return heading + entries.join('');
}
