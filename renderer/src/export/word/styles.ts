import {
  AlignmentType,
  LeaderType,
  LineRuleType,
  TabStopType,
  UnderlineType,
  type ICharacterStyleOptions,
  type IParagraphPropertiesOptions,
  type IParagraphStyleOptions,
  type IParagraphStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { typeMetrics, type HouseStyle } from '../../model/houseStyle';
import { textWidthTwips } from './page';
import { clean } from './text';

// The styles part in house style, as docx's `styles` option. Fonts and sizes live in the document defaults and the
// Normal style, so a user who re-styles the report in Word changes one style and everything follows; runs carry
// no fonts of their own. Headings redefine Word's built-in Heading 1-3 (ids Heading1..3, names "heading 1".."heading 3"),
// which is what the navigation pane and Word's own TOC look for. Each style given here takes the place of docx's
// default style with the same id.

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
  titleMeta: 'TitleMeta',
} as const;

/**
 * docx writes a style's paragraph properties with the same ParagraphProperties as a paragraph's, but its type for
 * styles leaves out widow control and tab stops with leaders. We need both in styles (the page estimate counts on
 * widow control; the TOC levels have a dot-leader tab), so this type adds just those two.
 */
type StyleParagraph = IParagraphStylePropertiesOptions & Pick<IParagraphPropertiesOptions, 'widowControl' | 'tabStops'>;
type ParagraphStyle = Omit<IParagraphStyleOptions, 'paragraph'> & { paragraph?: StyleParagraph };
const paragraphStyle = (s: ParagraphStyle): IParagraphStyleOptions => s as IParagraphStyleOptions;

const hp = (pt: number) => Math.round(pt * 2); // half-points
const tw = (pt: number) => Math.round(pt * 20); // twips

function characterStyle(id: string, name: string, run: ICharacterStyleOptions['run'], uiPriority = 99): ICharacterStyleOptions {
  return { id, name, basedOn: 'DefaultParagraphFont', uiPriority, unhideWhenUsed: true, run };
}

/** Word's proofing language for a document language code ('fr' -> 'fr-FR'); English is British, as in UN documents. */
export function proofingLanguage(locale: string): string {
  return ({ en: 'en-GB', fr: 'fr-FR', es: 'es-ES' } as Record<string, string>)[locale] ?? locale;
}

export function stylesOptions(style: HouseStyle, locale = 'en'): IStylesOptions {
  // The same sizes and spacing the page estimate lays out with.
  const { size: z, spacing: sp } = typeMetrics(style);
  const font = clean(style.font);
  const line = Math.round(240 * style.lineSpacing);
  const spacing = (beforePt: number, afterPt: number) => ({ before: tw(beforePt), after: tw(afterPt), line, lineRule: LineRuleType.AUTO });
  const width = textWidthTwips(style, 'portrait');
  const headerTabs = [
    { type: TabStopType.CENTER, position: Math.round(width / 2) },
    { type: TabStopType.RIGHT, position: width },
  ];

  const headings = ([1, 2, 3] as const).map((level) =>
    paragraphStyle({
      id: S.heading(level),
      name: `heading ${level}`,
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 9,
      quickFormat: true,
      paragraph: { keepNext: true, keepLines: true, spacing: spacing(sp[`h${level}`].before, sp[`h${level}`].after), outlineLevel: level - 1 },
      run: { font, bold: true, ...(level === 3 ? { italics: true } : {}), size: hp(z[`h${level}`]) },
    }),
  );
  const tocLevels = ([1, 2, 3] as const).map((level) =>
    paragraphStyle({
      id: S.toc(level),
      name: `toc ${level}`,
      basedOn: S.normal,
      next: S.normal,
      uiPriority: 39,
      paragraph: {
        tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }],
        spacing: { before: level === 1 ? tw(z.body / 3) : 0, after: tw(z.body / 6) },
        indent: { left: (level - 1) * 240 },
      },
      run: level === 1 ? { bold: true } : undefined,
    }),
  );
  // Table text is single-spaced with no space around paragraphs, whatever the house line spacing.
  const tableText = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };

  return {
    default: {
      // The house font and size for everything, the house line spacing.
      document: {
        run: { font, size: hp(z.body), language: { value: proofingLanguage(locale), eastAsia: proofingLanguage(locale), bidirectional: 'ar-SA' } },
        paragraph: { spacing: spacing(0, sp.after) },
      },
    },
    paragraphStyles: [
      paragraphStyle({ id: S.normal, name: 'Normal', quickFormat: true, paragraph: { widowControl: true }, run: { font, size: hp(z.body) } }),
      ...headings,
      paragraphStyle({
        id: S.title,
        name: 'Title',
        basedOn: S.normal,
        next: S.normal,
        uiPriority: 10,
        quickFormat: true,
        paragraph: { spacing: { before: 0, after: tw(z.body), line: 240, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.CENTER },
        run: { bold: true, size: hp(z.title) },
      }),
      paragraphStyle({
        id: S.subtitle,
        name: 'Subtitle',
        basedOn: S.normal,
        next: S.normal,
        uiPriority: 11,
        quickFormat: true,
        paragraph: { spacing: { before: 0, after: tw(z.body * 2) }, alignment: AlignmentType.CENTER },
        run: { size: hp(z.subtitle) },
      }),
      paragraphStyle({ id: S.titleMeta, name: 'Title Page Detail', basedOn: S.normal, uiPriority: 12, paragraph: { spacing: { after: tw(z.body / 2) }, alignment: AlignmentType.CENTER } }),
      paragraphStyle({ id: S.quote, name: 'Quote', basedOn: S.normal, next: S.normal, uiPriority: 29, quickFormat: true, paragraph: { indent: { left: 720, right: 720 } }, run: { italics: true } }),
      paragraphStyle({ id: S.listParagraph, name: 'List Paragraph', basedOn: S.normal, uiPriority: 34, quickFormat: true, paragraph: { indent: { left: 720 } } }),
      // outline level 9 = body text: the TOC's own title must not list itself or show in the navigation pane
      paragraphStyle({ id: S.tocHeading, name: 'TOC Heading', basedOn: S.heading(1), next: S.normal, uiPriority: 39, quickFormat: true, paragraph: { outlineLevel: 9 } }),
      ...tocLevels,
      paragraphStyle({ id: S.tableText, name: 'Table Text', basedOn: S.normal, uiPriority: 40, paragraph: { spacing: tableText }, run: { size: hp(z.table) } }),
      paragraphStyle({ id: S.tableSmall, name: 'Table Text Small', basedOn: S.normal, uiPriority: 40, paragraph: { spacing: tableText }, run: { size: hp(z.small) } }),
      paragraphStyle({ id: S.footnoteText, name: 'footnote text', basedOn: S.normal, uiPriority: 99, paragraph: { spacing: tableText }, run: { size: hp(z.footnote) } }),
      paragraphStyle({ id: S.commentText, name: 'annotation text', basedOn: S.normal, uiPriority: 99, paragraph: { spacing: { after: 0 } }, run: { size: hp(z.footnote) } }),
      paragraphStyle({
        id: S.header,
        name: 'header',
        basedOn: S.normal,
        uiPriority: 99,
        paragraph: { tabStops: headerTabs, spacing: { after: 0 }, alignment: AlignmentType.RIGHT },
        run: { italics: true, size: hp(z.header) },
      }),
      paragraphStyle({
        id: S.footer,
        name: 'footer',
        basedOn: S.normal,
        uiPriority: 99,
        paragraph: { tabStops: headerTabs, spacing: { after: 0 }, alignment: AlignmentType.CENTER },
        run: { size: hp(z.header) },
      }),
    ],
    characterStyles: [
      characterStyle(S.footnoteReference, 'footnote reference', { superScript: true }),
      characterStyle(S.commentReference, 'annotation reference', { size: 16 }),
      characterStyle(S.hyperlink, 'Hyperlink', { color: '0563C1', underline: { type: UnderlineType.SINGLE } }),
      characterStyle(S.paraNumber, 'Paragraph Number', { color: '404040' }, 50),
    ],
  };
}
