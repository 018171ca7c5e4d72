import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noImportCycle from './eslint-rules/no-import-cycle.js';

/** The screens and the shell: only the shell imports views, only views import charts. */
const SCREENS = ['ui', 'charts', 'views', 'app', 'snapshot'];
/** Everything above the import core. */
const UI_AND_EDGES = ['storage', 'workers', 'export', 'store', 'cli', ...SCREENS];
/** The domain and import core run in the CLI and the worker. */
const CORE_PACKAGES = {
  group: ['react', 'react-dom', 'react-*', 'zustand', 'zustand/*', 'recharts', 'node:*', 'fs', 'path'],
  message: 'The domain and import core run in the CLI and the worker: no React, state, charts or Node modules.',
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'eslint-rules/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No module reaches itself through its imports (type-only and dynamic imports count).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'local/no-import-cycle': 'error' },
  },
  // The layers (README, "How it is built"): imports run down, never back up:
  //   app, snapshot → views → charts → ui → store → export → storage, workers → import → domain → model
  // with the CLI beside the store. Each folder names what it may not import; one block per folder,
  // since a later block's no-restricted-imports replaces an earlier one's.
  {
    // The data model is plain data: it imports nothing outside src/model, not even a package.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)|\\.\\.', message: 'src/model imports nothing outside src/model.' }] }],
    },
  },
  {
    // The domain core must stay free of React, the DOM and storage, so the CLI can use it unchanged.
    files: ['src/domain/**/*.ts', 'src/import/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'sessionStorage'],
      'no-restricted-properties': ['error', { object: 'Number', property: 'parseFloat', message: 'Money is never parsed as a float.' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is never parsed as a float.' }],
    },
  },
  restrict('src/domain', ['import', ...UI_AND_EDGES], CORE_PACKAGES),
  restrict('src/import', UI_AND_EDGES, CORE_PACKAGES),
  restrict('src/storage', ['workers', 'export', 'store', 'cli', ...SCREENS]),
  restrict('src/workers', ['storage', 'export', 'store', 'cli', ...SCREENS]),
  restrict('src/export', ['store', 'cli', ...SCREENS]),
  restrict('src/store', ['cli', ...SCREENS]),
  restrict('src/cli', ['store', 'workers', 'export', ...SCREENS]),
  // Charts are drawn from the props they are given: no store, storage or import.
  restrict('src/charts', ['views', 'app', 'snapshot', 'cli', 'store', 'storage', 'workers', 'import']),
  restrict('src/ui', ['charts', 'views', 'app', 'snapshot', 'cli']),
  restrict('src/views', ['app', 'snapshot', 'cli']),
);

/** A config block: files in `folder` may not import (by a relative path) from the folders `above`, nor match `extra`. */
function restrict(folder, above, extra) {
  const pattern = {
    regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
    message: `${folder} never imports from ${above.map((f) => `src/${f}`).join(', ')}: imports run down the layers (README, "How it is built").`,
  };
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: extra ? [extra, pattern] : [pattern] }] },
  };
}
