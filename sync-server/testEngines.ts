// The scale-out tests' use of engines.ts: where PostgreSQL or Redis binaries are missing the tests skip with a
// printed reason, except under CI (process.env.CI), where they are required (.ci/run installs `postgresql` and
// `redis-server`) and the suite fails instead.
import { describe } from 'vitest';
import { findEngines, type EngineBinaries } from './engines';

export * from './engines';

const found = findEngines();

/**
 * `describe` for tests that need the real engines: runs them when the binaries are there; otherwise skips with a
 * printed reason, or, under CI, registers a failing suite (CI must have them).
 */
export function describeWithEngines(name: string, body: (bins: EngineBinaries) => void): void {
  if (found.ok) {
    const bins = found.bins;
    describe(name, () => body(bins));
    return;
  }
  const reason = found.reason;
  if (process.env.CI) {
    describe(name, () => {
      throw new Error(`CI requires PostgreSQL and Redis for "${name}": ${reason}`);
    });
    return;
  }
  console.warn(`[skipped] ${name}: ${reason}`);
  describe.skip(name, () => body({ pgBin: '', redisServer: '' }));
}

