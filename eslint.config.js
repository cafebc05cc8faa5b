import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'coverage/', '**/*.d.ts', 'sdk/src/generated/', 'java-client/', 'dotnet-client/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No `any` in product code: type it, or narrow an `unknown`.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests may poke at loosely typed answers and internals.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.testutil.ts', 'apps/*/test/**/*.ts', 'sdk/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Dependency rules: libraries never import apps or the test environment.
    files: ['libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.testutil.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '**/test-env/**'], message: 'libs never import apps or test-env' }] }],
    },
  },
);
