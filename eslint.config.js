// Layering (STYLE.md): folders are runtimes and imports go toward common/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].filter((m) => !m.startsWith('_'));

const restrict = (message, paths, patterns = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', 'data', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures take `({}, testInfo)` when a test needs no fixture.
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.*.ts', 'renderer/serviceWorkerManifest.ts', 'renderer/src/export/cli.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      ...restrict('The renderer runs in a sandbox and in browsers: no electron or Node imports.', ['electron', ...nodeBuiltins], [
        '**/electron/**',
        '**/sync-server/**',
      ]),
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: restrict('common/ is shared by every runtime: nothing platform-specific.', ['electron', 'react', 'dexie', ...nodeBuiltins], [
      '**/renderer/**',
      '**/electron/**',
      '**/sync-server/**',
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict('Electron code does not reach into the renderer or the server.', [], ['**/renderer/**', '**/sync-server/**']),
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: restrict('The server may use only the pure model and export modules of the renderer.', ['electron'], [
      '**/renderer/src/ui/**',
      '**/renderer/src/state/**',
      '**/renderer/src/storage/**',
      '**/renderer/src/sync/**',
      '**/electron/**',
    ]),
  },
);
