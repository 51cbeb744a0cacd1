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
  // The disclosure gate alone reads counts and makes Published figures: nothing else seals a Cell or casts to
  // Published (METHODS §7; src/disclosure/gate.ts). Tests may seal cells to test the gate.
  {
    files: ['src/**/*.{ts,tsx}', 'pipelines/**/*.ts'],
    ignores: ['src/disclosure/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='Cell'][property.name='seal']", message: 'Only src/disclosure seals counts into Cells.' },
        { selector: "TSAsExpression > TSTypeReference[typeName.name='Published']", message: 'Only the disclosure gate makes a Published figure (gate.publish).' },
        { selector: "ImportSpecifier[imported.name='unseal']", message: 'Only the disclosure gate reads a Cell.' },
      ],
    },
  },
  {
    files: ['pipelines/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react-vega', '**/features/**', '**/components/**', '**/app/**'], message: 'Pipelines never import the UI.' }] }] },
  },
);
