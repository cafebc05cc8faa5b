import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { rivOrmOptions } from '../database/orm-config.js';

/** `up` (default), `pending`, `check` or `create` on RIVESTIZIONE_DATABASE_URL (MariaDB/MySQL). */
async function main() {
  const cmd = process.argv[2] ?? 'up';
  const databaseUrl = process.env.RIVESTIZIONE_DATABASE_URL;
  if (!databaseUrl) {
    console.error('RIVESTIZIONE_DATABASE_URL is required (mysql://user:pass@host:3306/db)');
    process.exit(78);
  }
  const orm = await MikroORM.init({ ...rivOrmOptions({ databaseUrl, sqlitePath: '' }), preferTs: cmd === 'create' } as never);
  try {
    const migrator = orm.migrator;
    if (cmd === 'up') {
      const done = await migrator.up();
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'database is up to date');
    } else if (cmd === 'pending') {
      const pending = await migrator.getPending();
      console.log(pending.length ? pending.map((m) => m.name).join('\n') : 'no pending migrations');
    } else if (cmd === 'create') {
      const res = await migrator.create();
      console.log(res.fileName ? `created ${res.fileName}` : 'no changes: entities match the migrations');
    } else if (cmd === 'check') {
      await migrator.up();
      if (await migrator.checkSchema()) {
        console.error('The rivestizione entities differ from its migrations: run the create command and commit the result');
        process.exitCode = 1;
      } else console.log('rivestizione migrations match the entities');
    } else {
      console.error(`unknown command ${cmd}: use up, pending, check or create`);
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
