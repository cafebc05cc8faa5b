import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { VISURE_ENTITIES } from './entities.js';

export interface VisureDatabaseSettings {
  /** mysql:// or mariadb:// in production; without it, SQLite at sqlitePath (the sandbox). */
  databaseUrl?: string;
  sqlitePath: string;
}

/** The visure service's own tables (`visura_*`), apart from the gateway's. */
export function visureOrmOptions(db: VisureDatabaseSettings): Options {
  const common = {
    entities: VISURE_ENTITIES,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    extensions: [Migrator],
    // Its own migrations and migration table: the service has a database of its own in production.
    migrations: {
      path: 'dist/apps/visure/src/migrations',
      pathTs: 'apps/visure/src/migrations',
      glob: '!(*.d|*.spec).{js,ts}',
      emit: 'ts' as const,
      snapshot: true,
      snapshotName: '.snapshot-visure',
      tableName: 'visura_migrations',
      transactional: true,
    },
  };
  if (db.databaseUrl) {
    return { ...common, driver: MariaDbDriver, clientUrl: db.databaseUrl.replace(/^mariadb:/, 'mysql:'), pool: { min: 1, max: 10 } } as unknown as Options;
  }
  if (db.sqlitePath !== ':memory:') mkdirSync(dirname(db.sqlitePath), { recursive: true });
  return { ...common, driver: SqliteDriver, dbName: db.sqlitePath } as unknown as Options;
}

/** Opens the database; `createSchema` builds or updates the `visura_*` tables from the entities (sandbox, tests). */
export async function openVisureDatabase(db: VisureDatabaseSettings, createSchema: boolean): Promise<MikroORM> {
  const orm = await MikroORM.init(visureOrmOptions(db));
  if (createSchema) await orm.schema.update({ safe: true } as never);
  return orm;
}
