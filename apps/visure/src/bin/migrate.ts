import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/core';
import { visureOrmOptions } from '../persistence/orm.js';

/**
 * `node dist/apps/visure/src/bin/migrate.js [up|create|check]` against VISURE_DATABASE_URL (MariaDB):
 * the visure service's own tables and migration table (`visura_migrations`), in its own database.
 */
async function main() {
  const cmd = process.argv[2] ?? 'up';
  const databaseUrl = process.env.VISURE_DATABASE_URL;
  if (!databaseUrl) {
    console.error('VISURE_DATABASE_URL is required (mysql://user:pass@host:3306/db)');
    process.exit(78);
  }
  const orm = await MikroORM.init({ ...visureOrmOptions({ databaseUrl, sqlitePath: '' }), preferTs: cmd === 'create' } as Options);
  try {
    const migrator = orm.migrator;
    if (cmd === 'up') {
      const done = await migrator.up();
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'database is up to date');
    } else if (cmd === 'create') {
      const res = await migrator.create();
      console.log(res.fileName ? `created ${res.fileName}` : 'no changes: entities match the migrations');
    } else if (cmd === 'check') {
      await migrator.up();
      if (await migrator.checkSchema()) {
        console.error('The visure entities differ from the migrations: run create and commit the result');
        process.exitCode = 1;
      } else console.log('visure migrations match the entities');
    } else {
      console.error(`unknown command ${cmd}: use up, create or check`);
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
