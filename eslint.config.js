import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}'],
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
    // The domain core must stay free of React, the DOM and storage, so the CLI can use it unchanged.
    files: ['src/domain/**/*.ts', 'src/import/**/*.ts', 'src/national/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react-*', 'zustand', 'zustand/*', 'recharts', 'node:*', 'fs', 'path'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'sessionStorage'],
      'no-restricted-properties': ['error', { object: 'Number', property: 'parseFloat', message: 'Money is never parsed as a float.' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is never parsed as a float.' }],
    },
  },
);
