import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Boundaries: stats, charts and contract are pure (no I/O, no React); only src/db touches duckdb-wasm;
// pipelines never import React; features never import each other.
const pure = (what) => ({
  patterns: [
    { group: ['react', 'react-dom', 'react-vega', '@duckdb/*', 'node:*', '**/db/*', '**/features/*'], message: `${what} stay pure: no I/O, no React.` },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'sample-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@duckdb/*'], message: 'Only src/db imports duckdb-wasm.' }] }] },
  },
  // After the src/** block, so this stricter rule wins for the pure folders.
  { files: ['src/stats/**', 'src/charts/**', 'src/contract/**'], rules: { 'no-restricted-imports': ['error', pure('stats, charts and contract')] } },
  {
    files: ['pipelines/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react-vega', '**/features/**', '**/components/**', '**/app/**'], message: 'Pipelines never import the UI.' }] }] },
  },
);
