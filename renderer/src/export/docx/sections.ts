import type { HouseStyle } from '../../model/houseStyle';
import { XML_DECL, W_NS, esc } from '../xml';
import { DocumentRels, PART_TYPES, type WordPart } from './package';
import { marginTwips, pageSizeTwips, type Orientation } from './page';
import { S } from './styles';

// Page furniture: the running header (short title), the footer (page number), and the section properties.
// Three sections at most: front matter (title page without header or footer, TOC pages numbered i, ii...),
// the body (numbered from 1, so the page estimate and the TOC count body pages), and a landscape annex.

export interface HeaderFooterIds {
  header: string;
  footer: string;
  empty: string;
  emptyFooter: string;
}

function hdrFtr(tag: 'hdr' | 'ftr', inner: string): string {
  return `${XML_DECL}<w:${tag} ${W_NS}>${inner}</w:${tag}>`;
}

export function headerFooterParts(rels: DocumentRels, shortTitle: string): { ids: HeaderFooterIds; parts: WordPart[] } {
  const parts: WordPart[] = [
    { name: 'header1.xml', xml: hdrFtr('hdr', `<w:p><w:pPr><w:pStyle w:val="${S.header}"/></w:pPr><w:r><w:t xml:space="preserve">${esc(shortTitle)}</w:t></w:r></w:p>`), ...PART_TYPES.header },
    { name: 'header2.xml', xml: hdrFtr('hdr', `<w:p><w:pPr><w:pStyle w:val="${S.header}"/></w:pPr></w:p>`), ...PART_TYPES.header },
    {
      name: 'footer1.xml',
      // A simple PAGE field: every reader recomputes it, in the number format of the section.
      xml: hdrFtr('ftr', `<w:p><w:pPr><w:pStyle w:val="${S.footer}"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`),
      ...PART_TYPES.footer,
    },
    { name: 'footer2.xml', xml: hdrFtr('ftr', `<w:p><w:pPr><w:pStyle w:val="${S.footer}"/></w:pPr></w:p>`), ...PART_TYPES.footer },
  ];
  const [header, empty, footer, emptyFooter] = parts.map((p) => rels.add(p.relType, p.name));
  return { ids: { header, footer, empty, emptyFooter }, parts };
}

export function sectPr(
  style: HouseStyle,
  o: { ids: HeaderFooterIds; kind: 'front' | 'body' | 'annex'; orientation?: Orientation; restartNumbering?: boolean },
): string {
  const orientation = o.orientation ?? 'portrait';
  const { w, h } = pageSizeTwips(style, orientation);
  const m = marginTwips(style);
  const refs =
    o.kind === 'front'
      ? `<w:headerReference w:type="default" r:id="${o.ids.empty}"/><w:headerReference w:type="first" r:id="${o.ids.empty}"/>` +
        `<w:footerReference w:type="default" r:id="${o.ids.footer}"/><w:footerReference w:type="first" r:id="${o.ids.emptyFooter}"/>`
      : `<w:headerReference w:type="default" r:id="${o.ids.header}"/><w:footerReference w:type="default" r:id="${o.ids.footer}"/>`;
  const pgNum =
    o.kind === 'front' ? '<w:pgNumType w:fmt="lowerRoman" w:start="1"/>' : o.restartNumbering ? '<w:pgNumType w:fmt="decimal" w:start="1"/>' : '<w:pgNumType w:fmt="decimal"/>';
  return (
    `<w:sectPr>${refs}<w:type w:val="nextPage"/>` +
    `<w:pgSz w:w="${w}" w:h="${h}"${orientation === 'landscape' ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${m}" w:right="${m}" w:bottom="${m}" w:left="${m}" w:header="708" w:footer="708" w:gutter="0"/>` +
    `${pgNum}<w:cols w:space="708"/>${o.kind === 'front' ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="360"/></w:sectPr>`
  );
}

/** settings.xml: footnote separators, even/odd off, and no updateFields (nothing prompts on open). */
export function settingsXml(hasFootnotes: boolean): string {
  return (
    `${XML_DECL}<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    (hasFootnotes ? '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' : '') +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}
