import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { loadConfig, type RivestizioneConfig } from '../src/config.js';
import { rivOrmOptions } from '../src/database/orm-config.js';
import { RivBudgetDay } from '../src/database/entities.js';

export interface RivBackend {
  name: 'sqlite' | 'mariadb';
  databaseUrl?: string;
  skipReason?: string;
}

/** SQLite always; MariaDB with TEST_DATABASE_URL (otherwise a skipped row, as the gateway's harness does). */
export function rivBackends(): RivBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  return [{ name: 'sqlite' }, url ? { name: 'mariadb', databaseUrl: url } : { name: 'mariadb', skipReason: 'TEST_DATABASE_URL is not set' }];
}

async function adminExecute(baseUrl: string, sql: string) {
  const orm = await MikroORM.init({ ...rivOrmOptions({ databaseUrl: baseUrl, sqlitePath: '' }), entities: [RivBudgetDay] } as never);
  try {
    await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close(true);
  }
}

/** A database of its own for one suite; refuses a base whose name lacks "test". */
export async function freshRivDatabase(backend: RivBackend): Promise<{ databaseUrl?: string; drop(): Promise<void> }> {
  if (!backend.databaseUrl) return { drop: async () => {} };
  const url = new URL(backend.databaseUrl);
  const base = url.pathname.replace(/^\//, '');
  if (!/test/i.test(base)) throw new Error(`Refusing to use database "${base}": its name must contain "test"`);
  const name = `${base}_riv_${randomBytes(4).toString('hex')}`;
  await adminExecute(backend.databaseUrl, `create database \`${name}\` character set utf8mb4 collate utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return { databaseUrl, drop: () => adminExecute(backend.databaseUrl!, `drop database if exists \`${name}\``) };
}

export const TEST_CLIENT_SECRET = 'rivestizione-test-secret-0123456789abcdef';

export function testConfig(env: Record<string, string | undefined> = {}): RivestizioneConfig {
  const dir = mkdtempSync(join(tmpdir(), 'geres-riv-'));
  return loadConfig({
    GATEWAY_URL: 'http://127.0.0.1:1',
    GATEWAY_CLIENT_ID: 'rivestizione',
    GATEWAY_CLIENT_SECRET: TEST_CLIENT_SECRET,
    RIVESTIZIONE_GRANT_KEY: randomBytes(32).toString('base64'),
    RIVESTIZIONE_SQLITE_PATH: join(dir, 'riv.sqlite'),
    RIVESTIZIONE_FILES_DIR: join(dir, 'files'),
    RIVESTIZIONE_DEFAULT_WINDOWS: '00:00-24:00',
    RIVESTIZIONE_DEFAULT_RATE: '1000',
    RIVESTIZIONE_DEFAULT_CONCURRENCY: '8',
    RIVESTIZIONE_RETRY_BASE_MS: '0',
    RIVESTIZIONE_TICK_MS: '100000',
    RIVESTIZIONE_PORT: '0',
    ...env,
  });
}

/** Runs ticks until `done` says so (the processing is asynchronous; no wall-clock assertion is made). */
export async function until(tick: () => Promise<void>, done: () => Promise<boolean>, maxRounds = 2000) {
  for (let i = 0; i < maxRounds; i++) {
    await tick();
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not reached');
}
