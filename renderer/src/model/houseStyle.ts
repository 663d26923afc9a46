// House style of a workspace, the one home of its facts: defaults and limits, paper sizes, and the type sizes and
// spacing that both the page estimate (pageEstimate.ts) and the exporter's styles (export/word/styles.ts) use.

export type Paper = 'A4' | 'Letter';

/** House style of a workspace: what the export uses and what the page estimate assumes. */
export interface HouseStyle {
  font: string;
  /** points */
  fontSize: number;
  /** 1 = single */
  lineSpacing: number;
  paper: Paper;
  /** centimetres, all four sides */
  marginCm: number;
  pageTargetMin: number;
  pageTargetMax: number;
}

export const DEFAULT_HOUSE_STYLE: HouseStyle = {
  font: 'Times New Roman',
  fontSize: 12,
  lineSpacing: 1,
  paper: 'A4',
  marginCm: 2.54,
  pageTargetMin: 20,
  pageTargetMax: 40,
};

/** Accepted range of each numeric setting (the Settings screen explains a value outside it; shared data falls back). */
export const HOUSE_STYLE_LIMITS = {
  fontSize: { min: 6, max: 36, integer: false },
  lineSpacing: { min: 1, max: 3, integer: false },
  marginCm: { min: 0.5, max: 6, integer: false },
  pageTargetMin: { min: 1, max: 2000, integer: true },
  pageTargetMax: { min: 1, max: 2000, integer: true },
} as const;

/** Fills missing or invalid values with defaults (settings come from a shared Y.Map and may be partial). */
export function normalizeHouseStyle(raw: Partial<Record<keyof HouseStyle, unknown>>): HouseStyle {
  const num = (key: keyof typeof HOUSE_STYLE_LIMITS) => {
    const v = raw[key];
    const { min, max } = HOUSE_STYLE_LIMITS[key];
    return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : DEFAULT_HOUSE_STYLE[key];
  };
  const pageTargetMin = num('pageTargetMin');
  return {
    font: typeof raw.font === 'string' && raw.font.trim() ? raw.font.trim() : DEFAULT_HOUSE_STYLE.font,
    fontSize: num('fontSize'),
    lineSpacing: num('lineSpacing'),
    paper: raw.paper === 'Letter' ? 'Letter' : 'A4',
    marginCm: num('marginCm'),
    pageTargetMin,
    pageTargetMax: Math.max(pageTargetMin, num('pageTargetMax')),
  };
}

/** Paper sizes, portrait, in millimetres. */
export const PAPER_MM: Record<Paper, { w: number; h: number }> = { A4: { w: 210, h: 297 }, Letter: { w: 215.9, h: 279.4 } };

const MM_PER_INCH = 25.4;
/** Twentieths of a point, Word's page unit. */
export const mmToTwips = (mm: number) => Math.round((mm / MM_PER_INCH) * 1440);

/** Paper size in twips (A4: 11906 x 16838; Letter: 12240 x 15840). */
export function paperTwips(paper: Paper): { w: number; h: number } {
  const p = PAPER_MM[paper];
  return { w: mmToTwips(p.w), h: mmToTwips(p.h) };
}

/** The text area of a portrait page (paper less the margins on all four sides), in points. */
export function textAreaPt(style: HouseStyle): { width: number; height: number } {
  const cmToPt = 72 / 2.54;
  const p = PAPER_MM[style.paper];
  return { width: (p.w / 10 - 2 * style.marginCm) * cmToPt, height: (p.h / 10 - 2 * style.marginCm) * cmToPt };
}

/** Sizes (pt) and spacing (pt) of the house style: the exporter's styles.xml and the page estimate both use them. */
export function typeMetrics(style: HouseStyle) {
  const s = style.fontSize;
  return {
    size: { body: s, h1: s + 4, h2: s + 2, h3: s, title: s * 2, subtitle: s + 4, table: Math.max(8, s - 1), small: Math.max(7, s - 4), footnote: Math.max(7, s - 2), header: Math.max(7, s - 2) },
    spacing: {
      after: s / 2,
      h1: { before: s, after: s / 2 },
      h2: { before: (s * 5) / 6, after: s / 3 },
      h3: { before: (s * 2) / 3, after: s / 3 },
    },
  };
}
