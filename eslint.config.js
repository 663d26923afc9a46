// Layering (ARCHITECTURE.md): folders are runtimes, and inside the renderer, layers. Imports point down the list
// below and toward common/; every rule here is checked by tests/lint/layering.test.ts with a probe per rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].filter((m) => !m.startsWith('_'));

/**
 * The renderer's layers, top to bottom, with the sibling folders of `renderer/src/` each may not import.
 * `model/` and `schema/` are pure: they may import only each other's lower neighbour and `common/`.
 */
const RENDERER_LAYERS = {
  ui: [],
  state: ['ui'],
  sync: ['ui', 'state', 'editor', 'export'],
  storage: ['ui', 'state', 'sync', 'editor', 'export'],
  editor: ['ui', 'state', 'sync', 'storage', 'export', 'platform'],
  export: ['ui', 'state', 'storage', 'sync', 'editor', 'platform', 'i18n'],
  platform: ['ui', 'state', 'sync', 'storage', 'editor', 'export', 'model', 'schema', 'i18n'],
  i18n: ['ui', 'state', 'sync', 'storage', 'editor', 'export', 'platform', 'model', 'schema'],
  model: ['ui', 'state', 'sync', 'storage', 'editor', 'export', 'platform', 'i18n'],
  schema: ['ui', 'state', 'sync', 'storage', 'editor', 'export', 'platform', 'i18n', 'model'],
};

/** A relative import that climbs into `renderer/src/<folder>` from anywhere below it. */
const intoFolders = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

/** One `no-restricted-imports` entry (a later config replaces an earlier one for the same file, so each is whole). */
function restrict({ paths = [], patterns = [] }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.flatMap(({ names, message }) => names.map((name) => ({ name, message }))),
        patterns: patterns.map(({ group, regex, message }) => (regex ? { regex, message } : { group, message })),
      },
    ],
  };
}

const RENDERER_RUNTIME = {
  paths: [{ names: ['electron', ...nodeBuiltins], message: 'The renderer runs in a sandbox and in browsers: no electron or Node imports.' }],
  patterns: [{ group: ['**/electron/**', '**/sync-server/**', '**/cli/**'], message: 'The renderer does not reach into other runtimes.' }],
};
const NOT_TESTS = { group: ['**/tests/**'], message: 'Production code does not import tests or their fixtures.' };

const NODE_PROGRAMS = {
  paths: [{ names: ['electron', 'react', 'react-dom', 'dexie'], message: 'Node programs use only the pure layers of the renderer.' }],
  patterns: [
    NOT_TESTS,
    { group: ['**/electron/**'], message: 'Node programs do not reach into the desktop shell.' },
    { regex: '/renderer/src/(?!(model|schema|export|i18n)/)', message: 'Node programs may use renderer/src/{model,schema,export,i18n} only (pure, no DOM).' },
  ],
};

const rendererLayer = (layer, forbidden) => ({
  files: [`renderer/src/${layer}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.{ts,tsx}'],
  rules: restrict({
    paths: RENDERER_RUNTIME.paths,
    patterns: [
      ...RENDERER_RUNTIME.patterns,
      NOT_TESTS,
      ...(forbidden.length ? [{ regex: intoFolders(forbidden), message: `renderer/src/${layer}/ may not import ${forbidden.join(', ')} (layers point down; see ARCHITECTURE.md).` }] : []),
    ],
  }),
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
    // The renderer's runtime: tests beside the code included (they run in Node but test browser code).
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      ...restrict(RENDERER_RUNTIME),
    },
  },
  ...Object.entries(RENDERER_LAYERS).map(([layer, forbidden]) => rendererLayer(layer, forbidden)),
  {
    files: ['renderer/src/main.tsx'],
    rules: restrict({ ...RENDERER_RUNTIME, patterns: [...RENDERER_RUNTIME.patterns, NOT_TESTS] }),
  },
  {
    files: ['common/**/*.ts'],
    rules: restrict({
      paths: [{ names: ['electron', 'react', 'dexie', ...nodeBuiltins], message: 'common/ is shared by every runtime: nothing platform-specific.' }],
      patterns: [{ group: ['**/renderer/**', '**/electron/**', '**/sync-server/**', '**/cli/**', '**/tests/**'], message: 'common/ imports nothing but common/.' }],
    }),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict({ patterns: [{ group: ['**/renderer/**', '**/sync-server/**', '**/cli/**'], message: 'Electron code does not reach into the renderer, the server or the CLI.' }] }),
  },
  {
    files: ['sync-server/**/*.{ts,mjs}', 'cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(NODE_PROGRAMS),
  },
  {
    // The SQLite worker starts in plain Node, without a TypeScript loader: it may import packages and .mjs only.
    files: ['sync-server/storage/*.mjs'],
    rules: restrict({
      ...NODE_PROGRAMS,
      patterns: [...NODE_PROGRAMS.patterns, { regex: '^\\.{1,2}/(?!.*\\.mjs$)', message: 'The storage worker runs in plain Node: import packages and .mjs files only.' }],
    }),
  },
);
