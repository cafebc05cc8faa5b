import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Comune, Convenzione, Ente, LOOKUP_SECTIONS, Profile, RIVESTIZIONE_FIELDS, User, VISURA_TYPES, type Role } from '#libs/domain';
import { closeGatewayApp, createGatewayApp } from '../src/app.factory.js';
import { loadConfig, type GatewayConfig } from '../src/config/config.js';
import { hashSecret } from '../src/auth/password.js';
import { AuditService } from '../src/audit/audit.service.js';
import { AccessLogService } from '../src/audit/access-log.service.js';

export interface Backend {
  name: 'sqlite' | 'mariadb';
  databaseUrl?: string;
  /** Set when this backend cannot run here: its suite is then collected as skipped (jest.skippable-rows.js). */
  skipReason?: string;
}

/**
 * SQLite always; MariaDB when TEST_DATABASE_URL is set, and otherwise a MariaDB row with a
 * `skipReason`, so that `describe.each(backends())` shows the MariaDB cases as skipped in Jest's
 * summary rather than leaving them out of the count. Each MariaDB suite gets a fresh database of
 * its own, and the harness refuses to touch one whose name lacks "test".
 */
export function backends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return [{ name: 'sqlite' }, url ? { name: 'mariadb', databaseUrl: url } : { name: 'mariadb', skipReason: 'TEST_DATABASE_URL is not set' }];
}

/**
 * Kept so that the suites calling it need no change: why suites are skipped is now printed once per
 * run by jest.global-setup.js, and each skipped block's title says it too.
 */
export function announceSkips() {}

async function freshMariaDb(baseUrl: string): Promise<string> {
  const url = new URL(baseUrl);
  const base = url.pathname.replace(/^\//, '');
  if (!/test/i.test(base)) throw new Error(`Refusing to use database "${base}" for tests: its name must contain "test"`);
  const name = `${base}_${randomBytes(4).toString('hex')}`;
  const admin = await MikroORM.init({ ...(await import('../src/database/orm-config.js')).ormOptions({ databaseUrl: baseUrl, sqlitePath: '' }), entities: [Comune], discovery: { warnWhenNoEntities: false } } as any);
  await admin.em.getConnection().execute(`create database \`${name}\` character set utf8mb4 collate utf8mb4_unicode_ci`);
  await admin.close(true);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropMariaDb(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.replace(/^\//, '');
  if (!/test/i.test(name)) return;
  const { ormOptions } = await import('../src/database/orm-config.js');
  const admin = await MikroORM.init({ ...ormOptions({ databaseUrl, sqlitePath: '' }), entities: [Comune] } as any);
  await admin.em.getConnection().execute(`drop database if exists \`${name}\``);
  await admin.close(true);
}

export interface TestGateway {
  app: INestApplication;
  http: ReturnType<typeof request>;
  em: EntityManager;
  config: GatewayConfig;
  backend: Backend;
  close(): Promise<void>;
  drain(): Promise<void>;
}

/** The consumer services every test gateway knows (SERVICE_CLIENTS), with their secrets. */
export const TEST_SERVICE_CLIENTS = {
  visure: 'visure-test-secret-0123456789abcdef-0001',
  rivestizione: 'rivestizione-test-secret-0123456789abcdef',
  console: 'console-test-secret-0123456789abcdef-0003',
} as const;

export async function startGateway(backend: Backend, env: Record<string, string> = {}): Promise<TestGateway> {
  if (backend.skipReason) throw new Error(`backend ${backend.name} cannot run here (${backend.skipReason}): iterate backends() with describe.each so that it is skipped`);
  const dir = mkdtempSync(join(tmpdir(), 'geres-test-'));
  const databaseUrl = backend.databaseUrl ? await freshMariaDb(backend.databaseUrl) : undefined;
  const config = loadConfig({
    GERES_SANDBOX: 'true',
    LOG_LEVEL: 'silent',
    SQLITE_PATH: ':memory:',
    JWT_SIGNING_KEY_FILE: join(dir, 'jwt.pem'),
    INSTANCE_NAME: 'test',
    SERVICE_CLIENTS: Object.entries(TEST_SERVICE_CLIENTS).map(([name, secret]) => `${name}:${secret}`).join(','),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const app = await createGatewayApp(config, { createSchema: true });
  await app.init();
  const em = app.get(EntityManager).fork();
  const drain = async () => {
    await app.get(AuditService).drain();
    await app.get(AccessLogService).drain();
  };
  return {
    app,
    http: request(app.getHttpServer()),
    em,
    config,
    backend,
    drain,
    async close() {
      await drain();
      await closeGatewayApp(app);
      if (databaseUrl) await dropMariaDb(databaseUrl);
    },
  };
}

export const PASSWORD = 'Test-Password-2026!';

/** Two Comuni and their Enti, with one user per role and area, for tenancy tests. */
export async function seedTenants(em: EntityManager) {
  const hash = await hashSecret(PASSWORD);
  const bari = em.create(Comune, { codiceIstat: '072006', codiceCatastale: 'A662', nome: 'Bari', provincia: 'BA' } as any);
  const lecce = em.create(Comune, { codiceIstat: '075035', codiceCatastale: 'E506', nome: 'Lecce', provincia: 'LE' } as any);
  const pl = em.create(Ente, { kind: 'municipal_office', name: 'Polizia Locale di Bari', comune: bari } as any);
  // Each Ente is owned by the Comune that registered it (Ente.comune); a convenzione gives no ownership.
  const consorzio = em.create(Ente, { kind: 'external_body', name: 'Consorzio', codiceFiscale: '93012345678', comune: bari } as any);
  const salento = em.create(Ente, { kind: 'external_body', name: 'Servizi Salento', codiceFiscale: '93087654321', comune: lecce } as any);
  em.create(Convenzione, { ente: pl, comune: bari, validFrom: '2026-01-01' } as any);
  em.create(Convenzione, { ente: consorzio, comune: bari, validFrom: '2026-01-01' } as any);
  em.create(Convenzione, { ente: consorzio, comune: lecce, validFrom: '2020-01-01', validTo: '2021-12-31' } as any);
  em.create(Convenzione, { ente: salento, comune: lecce, validFrom: '2026-01-01' } as any);
  const users: Record<string, User> = {};
  const mk = (username: string, role: Role, where: { ente?: Ente; comune?: Comune }, profile: Partial<Profile> = {}) => {
    const u = em.create(User, { username, name: username, email: `${username}@test.invalid`, role, ...where, passwordHash: hash } as any);
    em.create(Profile, {
      user: u,
      sections: [...LOOKUP_SECTIONS],
      visuraTypes: [...VISURA_TYPES],
      rivestizioneFields: [...RIVESTIZIONE_FIELDS],
      scope: 'agreed',
      allowedComuni: [],
      dailyQuota: 100,
      ...profile,
    } as any);
    users[username] = u;
  };
  mk('top.bari', 'TOP', { comune: bari }, { allowedComuni: ['072006'], scope: 'national', dailyQuota: 10000 });
  mk('top.lecce', 'TOP', { comune: lecce }, { allowedComuni: ['075035'], scope: 'national', dailyQuota: 10000 });
  mk('admin.consorzio', 'ADMIN', { ente: consorzio }, { allowedComuni: ['072006'], sections: ['generalita', 'residenza', 'famiglia'], dailyQuota: 500 });
  mk('std.consorzio', 'STANDARD', { ente: consorzio }, { allowedComuni: ['072006'], sections: ['generalita'] });
  mk('ps.pl', 'STANDARDPS', { ente: pl }, { allowedComuni: ['072006'] });
  mk('admin.pl', 'ADMIN', { ente: pl }, { allowedComuni: ['072006'] });
  mk('admin.salento', 'ADMIN', { ente: salento }, { allowedComuni: ['075035'] });
  mk('std.salento', 'STANDARD', { ente: salento }, { allowedComuni: ['075035'] });
  await em.flush();
  return { comuni: { bari, lecce }, enti: { pl, consorzio, salento }, users };
}

export type Tenants = Awaited<ReturnType<typeof seedTenants>>;

export async function login(gw: TestGateway, username: string, password = PASSWORD): Promise<string> {
  const res = await gw.http.post('/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}
