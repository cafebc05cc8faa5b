import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { ALL_ENTITIES } from '#libs/domain';

export interface DatabaseSettings {
  databaseUrl?: string;
  sqlitePath: string;
  debug?: boolean;
}

/**
 * MariaDB/MySQL in production (schema managed by committed migrations), SQLite as the embedded
 * default for the sandbox (schema created from the entities on boot).
 */
export function ormOptions(db: DatabaseSettings): Options {
  const common = {
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    forceUtcTimezone: true,
    debug: db.debug ?? false,
    allowGlobalContext: false,
    migrations: {
      path: 'dist/apps/gateway/src/migrations',
      pathTs: 'apps/gateway/src/migrations',
      glob: '!(*.d|*.spec).{js,ts}',
      emit: 'ts' as const,
      snapshot: true,
      snapshotName: '.snapshot-geres',
      transactional: true,
    },
  };
  if (db.databaseUrl) {
    // The driver takes a mysql:// URL whether the server is MariaDB or MySQL.
    const clientUrl = db.databaseUrl.replace(/^mariadb:/, 'mysql:');
    return { ...common, driver: MariaDbDriver, clientUrl, pool: { min: 1, max: 10 } } as unknown as Options;
  }
  if (db.sqlitePath !== ':memory:') mkdirSync(dirname(db.sqlitePath), { recursive: true });
  return { ...common, driver: SqliteDriver, dbName: db.sqlitePath } as unknown as Options;
}
