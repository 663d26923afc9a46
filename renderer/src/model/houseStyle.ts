/** House style of a workspace: what the export uses and what the page estimate assumes. */
export interface HouseStyle {
  font: string;
  /** points */
  fontSize: number;
  /** 1 = single */
  lineSpacing: number;
  paper: 'A4' | 'Letter';
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

/** Fills missing or invalid values with defaults (settings come from a shared Y.Map and may be partial). */
export function normalizeHouseStyle(raw: Partial<Record<keyof HouseStyle, unknown>>): HouseStyle {
  const num = (v: unknown, d: number, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : d;
  const d = DEFAULT_HOUSE_STYLE;
  const pageTargetMin = num(raw.pageTargetMin, d.pageTargetMin, 1, 2000);
  return {
    font: typeof raw.font === 'string' && raw.font.trim() ? raw.font.trim() : d.font,
    fontSize: num(raw.fontSize, d.fontSize, 6, 36),
    lineSpacing: num(raw.lineSpacing, d.lineSpacing, 1, 3),
    paper: raw.paper === 'Letter' ? 'Letter' : 'A4',
    marginCm: num(raw.marginCm, d.marginCm, 0.5, 6),
    pageTargetMin,
    pageTargetMax: Math.max(pageTargetMin, num(raw.pageTargetMax, d.pageTargetMax, 1, 2000)),
  };
}
