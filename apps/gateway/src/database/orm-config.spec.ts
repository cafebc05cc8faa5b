import { describe, expect, it } from '@jest/globals';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { ormOptions } from './orm-config.js';

describe('ormOptions', () => {
  it('uses MariaDB for a mysql URL and SQLite otherwise', () => {
    expect(ormOptions({ databaseUrl: 'mariadb://u:p@h:3306/d', sqlitePath: 'x' })).toMatchObject({ driver: MariaDbDriver, clientUrl: 'mysql://u:p@h:3306/d' });
    expect(ormOptions({ sqlitePath: ':memory:' })).toMatchObject({ driver: SqliteDriver, dbName: ':memory:' });
  });
});
