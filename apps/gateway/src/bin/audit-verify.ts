import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../database/orm-config.js';
import { verifyAuditTrail } from '../audit/audit-verification.service.js';

/**
 * `npm run audit:verify [-- --against <checkpoint file>]`: recomputes every audit chain and lists
 * every broken link of each (event id, sequence number, what is wrong); with `--against` (or
 * AUDIT_CHECKPOINT_FILE, or the sandbox's file beside its database), also proves that no chain lost events, disappeared or was rewritten
 * since each signed checkpoint, and that no checkpoint line was forged or edited. Exits 0 when all
 * holds, 1 when anything is broken, 2 when it cannot run. Uses DATABASE_URL (or the sandbox SQLite
 * file) and AUDIT_CHAIN_KEY, as the gateway does.
 */
async function main() {
  const { values } = parseArgs({ options: { against: { type: 'string' } } });
  const sqlitePath = process.env.SQLITE_PATH || `${process.env.GERES_SANDBOX_DIR || '.sandbox'}/geres.sqlite`;
  // The sandbox keeps its checkpoints beside its database file (as the gateway's configuration does).
  const sandboxCheckpoints = !process.env.DATABASE_URL ? join(dirname(sqlitePath), 'audit-checkpoints.jsonl') : undefined;
  const against = values.against ?? (process.env.AUDIT_CHECKPOINT_FILE || (sandboxCheckpoints && existsSync(sandboxCheckpoints) ? sandboxCheckpoints : undefined));
  if (against && !existsSync(against)) {
    console.error(`checkpoint file ${against} does not exist`);
    process.exitCode = 2;
    return;
  }
  const orm = await MikroORM.init(ormOptions({ databaseUrl: process.env.DATABASE_URL, sqlitePath }));
  try {
    const report = await verifyAuditTrail(orm.em.fork(), process.env.AUDIT_CHAIN_KEY || undefined, against);
    if (report.checkpoints) {
      const c = report.checkpoints;
      console.log(`checkpoints ${c.file}: ${c.lines} line(s), ${c.valid} with a valid signature`);
      for (const bad of c.invalid) console.log(`  BROKEN checkpoint: ${bad.message}`);
    }
    let breaks = 0;
    for (const c of report.chains) {
      if (c.ok) {
        console.log(`chain ${c.chainId}: ${c.events} events, intact`);
        continue;
      }
      console.log(`chain ${c.chainId}: ${c.events} events, BROKEN in ${c.breaks.length} place(s)`);
      for (const b of c.breaks) console.log(`  BROKEN at event ${b.eventId ?? '-'} (seq ${b.seq}, ${b.reason}): ${b.message}`);
      breaks += c.breaks.length;
    }
    breaks += report.checkpoints?.invalid.length ?? 0;
    console.log(report.ok ? `audit trail intact: ${report.events} events in ${report.chains.length} chain(s)` : `audit trail BROKEN: ${breaks} break(s)`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await orm.close(true);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
