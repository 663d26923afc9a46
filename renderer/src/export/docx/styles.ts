import type { HouseStyle } from '../../model/houseStyle';
import { XML_DECL, W_NS, attr } from '../xml';
import { textWidthTwips } from './page';
import { typeMetrics } from '../../model/pageEstimate';

// styles.xml in house style. Fonts and sizes live in the document defaults and the Normal style, so a user who
// re-styles the report in Word changes one style and everything follows; runs carry no fonts of their own.
// Headings are Word's built-in Heading 1-3 (ids Heading1..3, names "heading 1".."heading 3"), which is what the
// navigation pane and Word's own TOC look for.

/** Style ids the renderer refers to. */
export const S = {
  normal: 'Normal',
  heading: (level: number) => `Heading${level}`,
  title: 'Title',
  subtitle: 'Subtitle',
  quote: 'Quote',
  listParagraph: 'ListParagraph',
  tocHeading: 'TOCHeading',
  toc: (level: number) => `TOC${level}`,
  tableText: 'TableText',
  tableSmall: 'TableSmall',
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  commentText: 'CommentText',
  commentReference: 'CommentReference',
  hyperlink: 'Hyperlink',
  header: 'Header',
  footer: 'Footer',
  paraNumber: 'ParagraphNumber',
  tableGrid: 'TableGrid',
  titleMeta: 'TitleMeta',
} as const;

const hp = (pt: number) => Math.round(pt * 2); // half-points
const tw = (pt: number) => Math.round(pt * 20); // twips

function paragraphStyle(o: {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  uiPriority?: number;
  qFormat?: boolean;
  pPr?: string;
  rPr?: string;
  isDefault?: boolean;
}): string {
  return (
    `<w:style w:type="paragraph"${o.isDefault ? ' w:default="1"' : ''} w:styleId="${o.id}"><w:name w:val="${attr(o.name)}"/>` +
    (o.basedOn ? `<w:basedOn w:val="${o.basedOn}"/>` : '') +
    (o.next ? `<w:next w:val="${o.next}"/>` : '') +
    (o.uiPriority !== undefined ? `<w:uiPriority w:val="${o.uiPriority}"/>` : '') +
    (o.qFormat ? '<w:qFormat/>' : '') +
    (o.pPr ? `<w:pPr>${o.pPr}</w:pPr>` : '') +
    (o.rPr ? `<w:rPr>${o.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

function characterStyle(id: string, name: string, rPr: string, uiPriority = 99): string {
  return `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="${uiPriority}"/><w:unhideWhenUsed/><w:rPr>${rPr}</w:rPr></w:style>`;
}

export function stylesXml(style: HouseStyle): string {
  // The same sizes and spacing the page estimate lays out with.
  const { size: z, spacing: sp } = typeMetrics(style);
  const font = attr(style.font);
  const fonts = `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
  const size = (pt: number) => `<w:sz w:val="${hp(pt)}"/><w:szCs w:val="${hp(pt)}"/>`;
  const line = Math.round(240 * style.lineSpacing);
  const lineSpacing = (beforePt: number, afterPt: number) =>
    `<w:spacing w:before="${tw(beforePt)}" w:after="${tw(afterPt)}" w:line="${line}" w:lineRule="auto"/>`;
  const width = textWidthTwips(style, 'portrait');
  const headings = ([1, 2, 3] as const).map((level) => {
    const s = level === 1 ? sp.h1 : level === 2 ? sp.h2 : sp.h3;
    const pt = level === 1 ? z.h1 : level === 2 ? z.h2 : z.h3;
    return paragraphStyle({
      id: S.heading(level),
      name: `heading ${level}`,
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 9,
      qFormat: true,
      pPr: `<w:keepNext/><w:keepLines/>${lineSpacing(s.before, s.after)}<w:outlineLvl w:val="${level - 1}"/>`,
      rPr: `${fonts}<w:b/><w:bCs/>${level === 3 ? '<w:i/><w:iCs/>' : ''}${size(pt)}`,
    });
  });
  const tocLevels = [1, 2, 3].map((level) =>
    paragraphStyle({
      id: S.toc(level),
      name: `toc ${level}`,
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 39,
      pPr:
        `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${width}"/></w:tabs>` +
        `<w:spacing w:before="${level === 1 ? tw(z.body / 3) : 0}" w:after="${tw(z.body / 6)}"/>` +
        `<w:ind w:left="${(level - 1) * 240}"/>`,
      rPr: level === 1 ? '<w:b/><w:bCs/>' : undefined,
    }),
  );
  return (
    `${XML_DECL}<w:styles ${W_NS}>` +
    // Defaults: the house font and size for everything, single (or house) line spacing.
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts}${size(z.body)}<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${lineSpacing(0, sp.after)}</w:pPr></w:pPrDefault></w:docDefaults>` +
    paragraphStyle({ id: S.normal, name: 'Normal', isDefault: true, qFormat: true, pPr: '<w:widowControl/>', rPr: `${fonts}${size(z.body)}` }) +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    headings.join('') +
    paragraphStyle({
      id: S.title,
      name: 'Title',
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 10,
      qFormat: true,
      pPr: `<w:spacing w:before="0" w:after="${tw(z.body)}" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`,
      rPr: `<w:b/><w:bCs/>${size(z.title)}`,
    }) +
    paragraphStyle({
      id: S.subtitle,
      name: 'Subtitle',
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 11,
      qFormat: true,
      pPr: `<w:spacing w:before="0" w:after="${tw(z.body * 2)}"/><w:jc w:val="center"/>`,
      rPr: size(z.subtitle),
    }) +
    paragraphStyle({ id: S.titleMeta, name: 'Title Page Detail', basedOn: S.normal, uiPriority: 12, pPr: `<w:spacing w:after="${tw(z.body / 2)}"/><w:jc w:val="center"/>` }) +
    paragraphStyle({
      id: S.quote,
      name: 'Quote',
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 29,
      qFormat: true,
      pPr: '<w:ind w:left="720" w:right="720"/>',
      rPr: '<w:i/><w:iCs/>',
    }) +
    paragraphStyle({ id: S.listParagraph, name: 'List Paragraph', basedOn: S.normal, uiPriority: 34, qFormat: true, pPr: '<w:ind w:left="720"/>' }) +
    paragraphStyle({
      id: S.tocHeading,
      name: 'TOC Heading',
      basedOn: S.heading(1),
      next: S.normal,
      uiPriority: 39,
      qFormat: true,
      // outline level 9 = body text: the TOC's own title must not list itself or show in the navigation pane
      pPr: '<w:outlineLvl w:val="9"/>',
    }) +
    tocLevels.join('') +
    paragraphStyle({ id: S.tableText, name: 'Table Text', basedOn: S.normal, uiPriority: 40, pPr: '<w:spacing w:before="0" w:after="0"/>', rPr: size(z.table) }) +
    paragraphStyle({ id: S.tableSmall, name: 'Table Text Small', basedOn: S.normal, uiPriority: 40, pPr: '<w:spacing w:before="0" w:after="0"/>', rPr: size(z.small) }) +
    paragraphStyle({
      id: S.footnoteText,
      name: 'footnote text',
      basedOn: S.normal,
      uiPriority: 99,
      pPr: '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
      rPr: size(z.footnote),
    }) +
    characterStyle(S.footnoteReference, 'footnote reference', '<w:vertAlign w:val="superscript"/>') +
    paragraphStyle({ id: S.commentText, name: 'annotation text', basedOn: S.normal, uiPriority: 99, pPr: '<w:spacing w:after="0"/>', rPr: size(z.footnote) }) +
    characterStyle(S.commentReference, 'annotation reference', '<w:sz w:val="16"/><w:szCs w:val="16"/>') +
    characterStyle(S.hyperlink, 'Hyperlink', '<w:color w:val="0563C1"/><w:u w:val="single"/>') +
    characterStyle(S.paraNumber, 'Paragraph Number', '<w:color w:val="404040"/>', 50) +
    paragraphStyle({
      id: S.header,
      name: 'header',
      basedOn: S.normal,
      uiPriority: 99,
      pPr: `<w:tabs><w:tab w:val="center" w:pos="${Math.round(width / 2)}"/><w:tab w:val="right" w:pos="${width}"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="right"/>`,
      rPr: `<w:i/><w:iCs/>${size(z.header)}`,
    }) +
    paragraphStyle({
      id: S.footer,
      name: 'footer',
      basedOn: S.normal,
      uiPriority: 99,
      pPr: `<w:tabs><w:tab w:val="center" w:pos="${Math.round(width / 2)}"/><w:tab w:val="right" w:pos="${width}"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="center"/>`,
      rPr: size(z.header),
    }) +
    `<w:style w:type="table" w:styleId="${S.tableGrid}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
    '<w:tblPr><w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`).join('') +
    '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}
