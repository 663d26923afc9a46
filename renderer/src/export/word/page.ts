import { paperTwips, type HouseStyle } from '../../model/houseStyle';
import { cmToTwips } from '../xml';

// Page geometry in twips. The annex (a wide comment matrix) goes on landscape pages; everything else is portrait.

export type Orientation = 'portrait' | 'landscape';

export function pageSizeTwips(style: HouseStyle, orientation: Orientation): { w: number; h: number } {
  const p = paperTwips(style.paper);
  return orientation === 'portrait' ? { w: p.w, h: p.h } : { w: p.h, h: p.w };
}

export const marginTwips = (style: HouseStyle) => cmToTwips(style.marginCm);

/** Width between the left and right margins. */
export function textWidthTwips(style: HouseStyle, orientation: Orientation): number {
  return pageSizeTwips(style, orientation).w - 2 * marginTwips(style);
}
