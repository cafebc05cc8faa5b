// Jest (setupFilesAfterEnv): `describe.each(table)` where some rows carry a `skipReason` (e.g. the
// MariaDB row of apps/gateway/test/harness.ts `backends()` when TEST_DATABASE_URL is unset). Those rows
// are collected with `describe.skip`, so their tests are counted as skipped in Jest's own summary
// instead of vanishing, and the block's title says why. Every `describe.each(backends())` suite gets
// this without changes; tables without a `skipReason` behave exactly as before.
const describe = globalThis.describe;
const each = describe.each;
const skipReasonOf = (row) => (row !== null && typeof row === 'object' && typeof row.skipReason === 'string' ? row.skipReason : undefined);

describe.each = function eachWithSkippableRows(table, ...rest) {
  if (!Array.isArray(table) || rest.length > 0 || !table.some(skipReasonOf)) return each.call(this, table, ...rest);
  const runnable = table.filter((row) => !skipReasonOf(row));
  const skipped = table.filter(skipReasonOf);
  return (title, fn, timeout) => {
    if (runnable.length > 0) each.call(this, runnable)(title, fn, timeout);
    describe.skip.each(skipped)(`${title} (skipped: $skipReason)`, fn, timeout);
  };
};
