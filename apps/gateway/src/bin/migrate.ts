import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../database/orm-config.js';

/**
 * `npm run migrate [up|down|pending|check|create]` against DATABASE_URL (MariaDB/MySQL).
 * Migrations never run on boot: deploying a new version and migrating are separate, deliberate steps.
 * `check` exits 1 when the entities and the committed migrations disagree (used by CI).
 */
async function main() {
  const cmd = process.argv[2] ?? 'up';
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required (mysql://user:pass@host:3306/db)');
    process.exit(78);
  }
  const orm = await MikroORM.init({ ...ormOptions({ databaseUrl, sqlitePath: '' }), preferTs: cmd === 'create' });
  try {
    const migrator = orm.migrator;
    switch (cmd) {
      case 'up': {
        const done = await migrator.up();
        console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'database is up to date');
        break;
      }
      case 'down': {
        const done = await migrator.down();
        console.log(done.length ? `reverted: ${done.map((m) => m.name).join(', ')}` : 'nothing to revert');
        break;
      }
      case 'pending': {
        const pending = await migrator.getPending();
        console.log(pending.length ? pending.map((m) => m.name).join('\n') : 'no pending migrations');
        break;
      }
      case 'create': {
        const res = await migrator.create();
        console.log(res.fileName ? `created ${res.fileName}` : 'no changes: entities match the migrations');
        break;
      }
      case 'check': {
        await migrator.up();
        const needed = await migrator.checkSchema();
        if (needed) {
          console.error('The entities differ from the migrations: run `npm run migrate:create` and commit the result');
          process.exitCode = 1;
        } else console.log('migrations match the entities');
        break;
      }
      default:
        console.error(`unknown command ${cmd}: use up, down, pending, check or create`);
        process.exitCode = 64;
    }
  } finally {
    await orm.close(true);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
