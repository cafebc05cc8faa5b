import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.testutil.ts', 'apps/*/test/**/*.ts', 'sdk/test/**/*.ts'];

const APPS = ['gateway', 'visure', 'rivestizione', 'console'];
const GATEWAY_ENTRY = {
  group: ['**/gateway/src/**', '!**/gateway/src/index.js'],
  message: 'Outside apps/gateway, import the gateway only through its entry point, apps/gateway/src/index.ts',
};
const HARNESS_IN_TESTS_ONLY = { group: ['**/gateway/test/**'], message: 'apps/gateway/test/harness.ts is for tests only' };
const otherApps = (self) => ({
  group: APPS.filter((a) => a !== self && a !== 'gateway').map((a) => `**/${a}/src/**`),
  message: "Apps never import another app's sources: call its API",
});
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * Who may import what: libraries never import apps or test-env; an app never imports another app's
 * sources (a consumer app reaches the gateway through its HTTP API, the SDK); from outside
 * apps/gateway the gateway is imported only through its entry point, and its test harness only by
 * tests.
 */
function dependencyRules() {
  return [
    { files: ['**/*.ts'], ignores: ['apps/gateway/**'], rules: restrict(GATEWAY_ENTRY, HARNESS_IN_TESTS_ONLY) },
    { files: TESTS, ignores: ['apps/gateway/**'], rules: restrict(GATEWAY_ENTRY) },
    ...APPS.filter((a) => a !== 'gateway').flatMap((a) => [
      {
        files: [`apps/${a}/**/*.ts`],
        rules: restrict(otherApps(a), { group: ['**/gateway/src/**'], message: 'Consumer apps reach the gateway through its HTTP API, with the SDK' }, HARNESS_IN_TESTS_ONLY),
      },
      { files: [`apps/${a}/test/**/*.ts`, `apps/${a}/**/*.spec.ts`, `apps/${a}/**/*.e2e-spec.ts`, `apps/${a}/**/*.testutil.ts`], rules: restrict(otherApps(a), GATEWAY_ENTRY) },
    ]),
    { files: ['apps/gateway/**/*.ts'], rules: restrict(otherApps('gateway')) },
    {
      files: ['libs/**/*.ts'],
      ignores: ['**/*.spec.ts', '**/*.testutil.ts'],
      rules: restrict({ group: ['**/apps/**', '**/test-env/**'], message: 'libs never import apps or test-env' }),
    },
  ];
}

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'coverage/', '**/*.d.ts', 'sdk/src/generated/', 'sdk/src/*/generated/', 'java-client/', 'dotnet-client/'] },
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
    // The console's own browser script.
    files: ['apps/console/static/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    // Tests may poke at loosely typed answers and internals.
    files: TESTS,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Dependency rules (no-restricted-imports; each file gets one list, the last block matching it wins).
  ...dependencyRules(),
);
