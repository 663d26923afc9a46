import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodySnapshot, documentStats } from './derive';
import { DEFAULT_HOUSE_STYLE } from './houseStyle';

describe('documentStats', () => {
  it('gives a page target to draft outputs only: a meeting summary has none, so it is never "below target"', () => {
    const doc = new Y.Doc();
    const body = bodySnapshot(doc);
    const style = { ...DEFAULT_HOUSE_STYLE, pageTargetMin: 20, pageTargetMax: 40 };
    expect(documentStats(body, doc, style, 'draft')).toMatchObject({ targetMin: 20, targetMax: 40 });
    for (const kind of ['meeting', 'contribution', 'query'] as const) expect(documentStats(body, doc, style, kind)).toMatchObject({ targetMin: null, targetMax: null });
  });
});
