import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.data', 'dist', 'bench/.build', 'drizzle', 'coverage', 'bench/results'] },
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
    // The math stays pure: no GraphQL, Pothos or Drizzle under src/domain.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['graphql', 'graphql/*', '@pothos/*', 'drizzle-orm', 'drizzle-orm/*', '**/db/**', '**/schema/**'] },
      ],
    },
  },
);
