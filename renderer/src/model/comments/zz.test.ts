import { it } from 'vitest';
import { generateCommentsFixture } from './generateComments';
import { readThreads } from './commentsDoc';
import { matrixRows, sortRows } from './matrix';
import { buildBodyIndex } from './bodyIndex';
import { docBody } from '../bodyJson';
import { resolveStakeholder } from '../registry';
const time = (label: string, fn: () => unknown) => {
  const ts: number[] = [];
  for (let k = 0; k < 8; k++) { const t0 = performance.now(); fn(); ts.push(performance.now() - t0); }
  console.log(label, Math.min(...ts).toFixed(1), ts.map((x) => x.toFixed(0)).join(' '));
};
it('perf', () => {
  const f = generateCommentsFixture({ threads: 2000 });
  const res = (id: string) => resolveStakeholder(f.ws, id);
  time('read-noreg', () => readThreads(f.comments));
  time('read-reg', () => readThreads(f.comments, { resolveStakeholder: res }));
  const threads = readThreads(f.comments, { resolveStakeholder: res });
  time('index', () => buildBodyIndex(docBody(f.doc)));
  const index = buildBodyIndex(docBody(f.doc));
  time('rows', () => matrixRows(threads, index));
  const rows = matrixRows(threads, index);
  time('sort-comment', () => sortRows(rows, { column: 'comment' }));
  time('sort-group-para', () => sortRows(rows, [{ column: 'group' }, { column: 'para', direction: 'desc' }]));
  time('sort-number', () => sortRows(rows, { column: 'number' }));
});
