import { describe, it, expect } from 'vitest';
import { estimatePages, estimateLayout, estimateLines, countLines } from '../../renderer/src/model/pageEstimate';
import { pageTargetState } from '../../renderer/src/model/pageTargets';
import { DEFAULT_HOUSE_STYLE } from '../../renderer/src/model/houseStyle';
import { generateReport } from '../bench/corpus';

describe('page estimate', () => {
  it('breaks lines like a word processor (greedy, at spaces)', () => {
    expect(countLines('', 10)).toBe(1);
    expect(countLines('aaaa aaaa', 10)).toBe(1);
    expect(countLines('mmmmmmmmmm mmmmmmmmmm', 10)).toBe(2);
    expect(countLines('one\ntwo', 10)).toBe(2);
  });

  it('grows with the text, is deterministic, and knows where each heading falls', () => {
    const body = generateReport(10000, 2);
    const layout = estimateLayout(body, DEFAULT_HOUSE_STYLE);
    expect(estimatePages(body, DEFAULT_HOUSE_STYLE)).toBe(layout.pages);
    expect(layout.pages).toBeGreaterThan(15);
    expect(estimatePages(generateReport(20000, 2), DEFAULT_HOUSE_STYLE)).toBeGreaterThan(layout.pages * 1.7);
    const pages = body.content!.filter((n) => n.type === 'heading').map((n) => layout.headingPages.get(n)!);
    expect(pages[0]).toBe(1);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(estimateLines(body, DEFAULT_HOUSE_STYLE).linesPerPage).toBe(50);
  });

  it('fits more on Letter-size pages with smaller type, less with double spacing', () => {
    const body = generateReport(5000, 3);
    const a4 = estimatePages(body, DEFAULT_HOUSE_STYLE);
    expect(estimatePages(body, { ...DEFAULT_HOUSE_STYLE, fontSize: 10 })).toBeLessThan(a4);
    expect(estimatePages(body, { ...DEFAULT_HOUSE_STYLE, lineSpacing: 2 })).toBeGreaterThan(a4 * 1.7);
  });

  it('places an estimate against the target range', () => {
    expect([pageTargetState(10, 20, 40), pageTargetState(20, 20, 40), pageTargetState(40, 20, 40), pageTargetState(41, 20, 40)]).toEqual(['below', 'within', 'within', 'above']);
  });
});
