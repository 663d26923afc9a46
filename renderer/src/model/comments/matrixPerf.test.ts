// The matrix of a draft with 2,000 comments must stay cheap. Budgets are generous (shared CI machines); the
// measured times are printed. Best of several runs, after a warm-up.
import { describe, expect, it } from 'vitest';
import { docBody } from '../bodyJson';
import { resolveStakeholder } from '../stakeholders';
import { resolveAnchor } from './anchor';
import { buildBodyIndex } from './bodyIndex';
import { readThreads } from './commentsDoc';
import { generateCommentsFixture } from '../../../../tests/fixtures/generateComments';
import { matrixRows, sortRows } from './matrix';
import { englishT } from '../../i18n/en';

const best = (runs: number, fn: () => void) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
};

describe('matrix performance (2,000 comments)', () => {
  it('readThreads + rows + sort stays well under 100 ms; anchors resolve in one walk', () => {
    const f = generateCommentsFixture({ threads: 2000, seed: 11 });
    const resolve = (id: string) => resolveStakeholder(f.ws, id);
    const pipeline = () => {
      const threads = readThreads(f.comments, { resolveStakeholder: resolve });
      const rows = matrixRows(threads, buildBodyIndex(docBody(f.doc)), englishT);
      sortRows(rows, [{ column: 'group' }, { column: 'para', direction: 'desc' }]);
      return rows;
    };
    const rows = pipeline();
    expect(rows).toHaveLength(2000);
    expect(rows.filter((r) => r.status === 'ok').length).toBeGreaterThan(1800);
    const total = best(7, pipeline);
    const index = buildBodyIndex(docBody(f.doc));
    const threads = readThreads(f.comments);
    const walk = best(7, () => buildBodyIndex(docBody(f.doc)));
    const anchors = best(7, () => threads.forEach((t) => t.anchor && resolveAnchor(index, t.anchor)));
    const read = best(7, () => readThreads(f.comments, { resolveStakeholder: resolve }));
    const rowsOnly = best(7, () => matrixRows(threads, index, englishT));
    const sortOnly = best(7, () => sortRows(rows, [{ column: 'group' }, { column: 'para', direction: 'desc' }]));
    console.log(
      `2,000 comments: read+rows+sort ${total.toFixed(1)} ms (readThreads ${read.toFixed(1)}, rows ${rowsOnly.toFixed(1)}, sort ${sortOnly.toFixed(1)}); ` +
        `body walk ${walk.toFixed(1)} ms; resolving 2,000 anchors ${anchors.toFixed(1)} ms`,
    );
    expect(total).toBeLessThan(250);
  });
});
