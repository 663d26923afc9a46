import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';

// End-to-end tests drive Debian's Chromium against the web build (tests/e2e), and the real Electron app where
// an Electron binary exists (tests/electron; skips with a printed reason otherwise).
export const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 5199);

export default defineConfig({
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--disable-quic', '--no-first-run', '--disable-sync'],
    },
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e', use: { browserName: 'chromium' } },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  webServer: {
    command: `npx tsx scripts/web.ts --no-build --port ${WEB_PORT}`,
    url: `http://127.0.0.1:${WEB_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
