import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.data',
      'dist',
      'bench/.build',
      'drizzle',
      'coverage',
      'bench/results',
      'test-artifacts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // GraphQL responses are untyped JSON; tests read them loosely and assert on values.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The house rules of src/: small functions, short lines, and the arrows between folders
    // (docs/architecture.md): domain pure, db without rules, modules through their services.
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    rules: {
      'boundaries/arrows': 'error',
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
);
