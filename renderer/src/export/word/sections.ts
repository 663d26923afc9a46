import { Footer, Header, NumberFormat, PageOrientation, Paragraph, SectionType, SimpleField, type ISectionOptions } from 'docx';
import type { HouseStyle } from '../../model/houseStyle';
import { marginTwips, pageSizeTwips, type Orientation } from './page';
import { S } from './styles';
import { textRuns } from './text';

// Page furniture and sections: the running header (short title), the footer (page number), and the section
// properties. Three sections at most: front matter (title page without header or footer, TOC pages numbered
// i, ii...), the body (numbered from 1, so the page estimate and the TOC count body pages), and a landscape annex.

export interface PageFurniture {
  header: Header;
  footer: Footer;
  emptyHeader: Header;
  emptyFooter: Footer;
}

export function pageFurniture(shortTitle: string): PageFurniture {
  return {
    header: new Header({ children: [new Paragraph({ style: S.header, children: textRuns(shortTitle) })] }),
    // A simple PAGE field: every reader recomputes it, in the number format of the section.
    footer: new Footer({ children: [new Paragraph({ style: S.footer, children: [new SimpleField(' PAGE ', '1')] })] }),
    emptyHeader: new Header({ children: [new Paragraph({ style: S.header })] }),
    emptyFooter: new Footer({ children: [new Paragraph({ style: S.footer })] }),
  };
}

export function section(
  style: HouseStyle,
  furniture: PageFurniture,
  o: { kind: 'front' | 'body' | 'annex'; orientation?: Orientation; restartNumbering?: boolean },
  children: ISectionOptions['children'],
): ISectionOptions {
  // docx takes the portrait size and swaps it for landscape pages.
  const { w, h } = pageSizeTwips(style, 'portrait');
  const m = marginTwips(style);
  const front = o.kind === 'front';
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      titlePage: front,
      page: {
        size: { width: w, height: h, orientation: o.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: m, right: m, bottom: m, left: m, header: 708, footer: 708, gutter: 0 },
        pageNumbers: front
          ? { start: 1, formatType: NumberFormat.LOWER_ROMAN }
          : { ...(o.restartNumbering ? { start: 1 } : {}), formatType: NumberFormat.DECIMAL },
      },
    },
    headers: front ? { default: furniture.emptyHeader, first: furniture.emptyHeader } : { default: furniture.header },
    footers: front ? { default: furniture.footer, first: furniture.emptyFooter } : { default: furniture.footer },
    children,
  };
}
