import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{cli,common,electron,renderer,scripts,sync-server,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'tests/e2e/**', 'out', 'dist'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
