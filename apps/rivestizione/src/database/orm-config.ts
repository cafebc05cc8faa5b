import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { RIV_ENTITIES } from './entities.js';

/**
 * The service's own database: MariaDB/MySQL in production, SQLite for the sandbox. Its tables are
 * all `riv_*`, so it may share a schema with the gateway or live apart.
 */
export function rivOrmOptions(db: { databaseUrl?: string; sqlitePath: string }): Options {
  const common = {
    entities: RIV_ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    // Its own migrations and its own migration table, so it can share a database with the gateway.
    migrations: {
      tableName: 'riv_migrations',
      path: 'dist/apps/rivestizione/src/migrations',
      pathTs: 'apps/rivestizione/src/migrations',
      glob: '!(*.d|*.spec).{js,ts}',
      emit: 'ts' as const,
      snapshot: true,
      snapshotName: '.snapshot-rivestizione',
      transactional: true,
    },
  };
  if (db.databaseUrl) {
    return { ...common, driver: MariaDbDriver, clientUrl: db.databaseUrl.replace(/^mariadb:/, 'mysql:'), pool: { min: 1, max: 10 } } as unknown as Options;
  }
  if (db.sqlitePath !== ':memory:') mkdirSync(dirname(db.sqlitePath), { recursive: true });
  return { ...common, driver: SqliteDriver, dbName: db.sqlitePath } as unknown as Options;
}

/**
 * Opens the database. `createSchema` builds (or completes) the tables from the entities (SQLite
 * sandbox, tests); otherwise, on MariaDB, the committed migrations are applied.
 */
export async function openDatabase(db: { databaseUrl?: string; sqlitePath: string }, createSchema: boolean): Promise<MikroORM> {
  const orm = await MikroORM.init(rivOrmOptions(db));
  if (createSchema) await orm.schema.update();
  else if (db.databaseUrl) await orm.migrator.up();
  return orm;
}
