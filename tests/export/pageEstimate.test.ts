import { describe, it, expect } from 'vitest';
import { estimatePages, estimateLayout, estimateLines, pageTargetState, pageWarning, countLines } from '../../renderer/src/model/pageEstimate';
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

  it('warns outside the target range, naming the range', () => {
    expect(pageTargetState(10, 20, 40)).toBe('below');
    expect(pageWarning(25, 20, 40)).toBeNull();
    expect(pageWarning(12, 20, 40)).toBe('This draft is about 12 pages, below its target range of 20–40 pages.');
    expect(pageWarning(45, 20, 40)).toBe('This draft is about 45 pages, above its target range of 20–40 pages.');
    expect(pageWarning(1, 2, null)).toBe('This draft is about 1 page, below its target range of at least 2 pages.');
    expect(pageWarning(9, null, 8)).toBe('This draft is about 9 pages, above its target range of at most 8 pages.');
    expect(pageWarning(9, null, null)).toBeNull();
  });
});
