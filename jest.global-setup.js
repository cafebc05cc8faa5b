// Jest globalSetup: says once per run which optional services are missing, and so which suites Jest
// reports as skipped (see jest.skippable-rows.js and apps/gateway/test/harness.ts).
export default function announceOptionalServices() {
  const missing = [];
  if (!process.env.TEST_DATABASE_URL) missing.push('MariaDB suites are skipped: set TEST_DATABASE_URL=mysql://user:pass@127.0.0.1:3306/geres_test (bash scripts/start-services.sh) to run them');
  if (!process.env.TEST_REDIS_URL) missing.push('Redis is not used: set TEST_REDIS_URL=redis://127.0.0.1:6379/1 to run the Redis cases');
  if (missing.length > 0) process.stdout.write(`\n${missing.map((m) => `  ${m}`).join('\n')}\n\n`);
}
