import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../database/orm-config.js';
import { verifyAuditTrail } from '../audit/audit-query.service.js';

/**
 * `npm run audit:verify`: recomputes every audit chain. Exits 0 when intact; otherwise prints the
 * first broken link of each broken chain (event id, sequence number, what is wrong) and exits 1.
 * Uses DATABASE_URL, or the sandbox SQLite file when it is not set.
 */
async function main() {
  const orm = await MikroORM.init(ormOptions({ databaseUrl: process.env.DATABASE_URL, sqlitePath: process.env.SQLITE_PATH || `${process.env.GERES_SANDBOX_DIR || '.sandbox'}/geres.sqlite` }));
  try {
    const report = await verifyAuditTrail(orm.em.fork(), process.env.AUDIT_CHAIN_KEY || undefined);
    for (const c of report.chains) {
      console.log(c.ok ? `chain ${c.chainId}: ${c.events} events, intact` : `chain ${c.chainId}: BROKEN at event ${c.break!.eventId} (seq ${c.break!.seq}, ${c.break!.reason}): ${c.break!.message}`);
    }
    console.log(report.ok ? `audit trail intact: ${report.events} events in ${report.chains.length} chain(s)` : 'audit trail BROKEN');
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await orm.close(true);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
