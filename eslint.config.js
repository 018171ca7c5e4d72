import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noImportCycle from './eslint-rules/no-import-cycle.js';

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
  // The layers (README, "How it is built"): imports run app → views → charts → ui → model, and
  // store, storage, import, domain → model; never back up. One block per folder, since a later
  // block's no-restricted-imports replaces an earlier one's.
  {
    // The data model is plain data: it imports nothing outside src/model, not even a package.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'src/model imports nothing outside src/model.' }] }],
    },
  },
  {
    // The domain core must stay free of React, the DOM and storage, so the CLI can use it unchanged.
    files: ['src/domain/**/*.ts', 'src/import/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-*', 'zustand', 'zustand/*', 'recharts', 'node:*', 'fs', 'path'], message: 'The domain and import core run in the CLI and the worker: no React, storage or Node modules.' },
          layer('the domain and import core', 'views', 'ui', 'charts', 'store', 'storage', 'app', 'export', 'workers', 'snapshot', 'cli'),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'sessionStorage'],
      'no-restricted-properties': ['error', { object: 'Number', property: 'parseFloat', message: 'Money is never parsed as a float.' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is never parsed as a float.' }],
    },
  },
  restrict(['src/charts/**/*.{ts,tsx}'], layer('reusable chart parts', 'views', 'app', 'snapshot', 'store', 'storage', 'workers', 'import')),
  restrict(['src/ui/**/*.{ts,tsx}'], layer('shared UI parts', 'views', 'charts', 'app', 'snapshot')),
  restrict(['src/store/**/*.ts', 'src/storage/**/*.ts'], layer('the store and storage', 'views', 'ui', 'charts', 'app', 'snapshot')),
  restrict(['src/storage/**/*.ts'], layer('storage', 'views', 'ui', 'charts', 'app', 'snapshot', 'store', 'workers')),
  restrict(['src/export/**/*.ts', 'src/workers/**/*.ts', 'src/cli/**/*.ts'], layer('export, workers and the CLI', 'views', 'ui', 'charts', 'app', 'snapshot', 'store')),
  restrict(['src/views/**/*.{ts,tsx}'], layer('views', 'app', 'snapshot')),
);

/** A no-restricted-imports pattern against relative imports that climb into one of `folders` of src. */
function layer(who, ...folders) {
  return {
    regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
    message: `${who} never import from ${folders.join(', ')} (see "How it is built" in the README).`,
  };
}

function restrict(files, pattern) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [pattern] }] } };
}
