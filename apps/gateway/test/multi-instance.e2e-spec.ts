import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Convenzione, Profile, User } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { closeGatewayApp, createGatewayApp } from '../src/app.factory.js';
import { GOVERNANCE_TTL_MS, GovernanceCache } from '../src/auth/governance-cache.js';
import { AuditService } from '../src/audit/audit.service.js';
import { AccessLogService } from '../src/audit/access-log.service.js';
import { login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const skipReason = !databaseUrl ? 'TEST_DATABASE_URL is not set' : !redisUrl ? 'TEST_REDIS_URL is not set' : undefined;
if (skipReason) console.log(`multi-instance e2e skipped: ${skipReason} (two gateways share MariaDB and Redis)`);
const maybe = skipReason ? describe.skip : describe;

/** The bound the gateway promises: a governance change is seen by every instance within one second. */
const PROPAGATION_BOUND_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two gateway instances on one machine sharing one MariaDB database and one Redis, as production
 * runs them behind a load balancer: a change of governance made through one is enforced by the
 * other within a second, and the daily quota and the rate limits count across both.
 */
maybe('two gateway instances sharing MariaDB and Redis', () => {
  let gw1: TestGateway;
  let app2: INestApplication;
  let http2: ReturnType<typeof request>;
  let anpr: SandboxAnpr;
  let t: Tenants;
  const tokens: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'geres-multi-'));
  let residentCf: string;

  beforeAll(async () => {
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    residentCf = buildSandboxCatalogue(anpr.registry).entries.find((e) => e.key === 'demo-resident')!.codiceFiscale!;
    gw1 = await startGateway({ name: 'mariadb', databaseUrl }, { REDIS_URL: redisUrl!, RATE_LIMIT_USER_PER_MINUTE: '4', INSTANCE_NAME: 'test-1' });
    // The second instance: same database, same Redis, same token signing key, its own process state.
    app2 = await createGatewayApp({ ...gw1.config, instanceName: 'test-2' });
    await app2.init();
    http2 = request(app2.getHttpServer());
    t = await seedTenants(gw1.em);
    await wireComuneToSimulator(gw1.em.fork(), demoComuneWiring(anpr, dir));
    for (const u of ['top.bari', 'top.lecce', 'admin.consorzio', 'std.consorzio', 'ps.pl']) tokens[u] = await login(gw1, u);
  }, 180_000);
  afterAll(async () => {
    if (app2) {
      await app2.get(AuditService).drain();
      await app2.get(AccessLogService).drain();
      await closeGatewayApp(app2);
    }
    await gw1?.close();
    await anpr?.close();
  });

  const via = (n: 1 | 2) => (n === 1 ? gw1.http : http2);
  const search = (n: 1 | 2, user: string, sections = ['generalita']) =>
    via(n).post('/v1/persons/search').auth(tokens[user]!, { type: 'bearer' }).send({ comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/1', sections, criterion: { type: 'codiceFiscale', codiceFiscale: residentCf } });
  const invalidations = () => app2.get(GovernanceCache).stats.invalidations;

  it('the cache bound is below the promised propagation bound', () => {
    expect(GOVERNANCE_TTL_MS).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it("a user's suspension through one instance is enforced by the other", async () => {
    // Both instances have the caller in their caches.
    expect((await search(1, 'std.consorzio')).status).toBe(200);
    expect((await search(2, 'std.consorzio')).status).toBe(200);
    const before = invalidations();
    const em = gw1.em.fork();
    const u = await em.findOneOrFail(User, { username: 'std.consorzio' });
    u.status = 'suspended';
    await em.flush();
    await sleep(PROPAGATION_BOUND_MS);
    // Instance 2 heard of it over Redis, not only by its cache expiring.
    expect(invalidations()).toBeGreaterThan(before);
    const refused = await search(2, 'std.consorzio');
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:geres:problem:account-suspended');
  });

  it('a profile change through one instance is enforced by the other', async () => {
    expect((await search(2, 'admin.consorzio', ['generalita', 'residenza'])).status).toBe(200);
    const em = gw1.em.fork();
    const p = await em.findOneOrFail(Profile, { user: t.users['admin.consorzio']!.id });
    p.sections = ['generalita'];
    await em.flush();
    await sleep(PROPAGATION_BOUND_MS);
    const refused = await search(2, 'admin.consorzio', ['generalita', 'residenza']);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:geres:problem:forbidden-by-profile');
    expect((await search(2, 'admin.consorzio', ['generalita'])).status).toBe(200);
  });

  it("a convenzione's end through one instance is enforced by the other", async () => {
    expect((await search(2, 'ps.pl')).status).toBe(200);
    const em = gw1.em.fork();
    const c = await em.findOneOrFail(Convenzione, { ente: t.enti.pl.id, comune: t.comuni.bari.id });
    c.validTo = '2026-01-01';
    c.validFrom = '2025-01-01';
    await em.flush();
    await sleep(PROPAGATION_BOUND_MS);
    const refused = await search(2, 'ps.pl');
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:geres:problem:comune-not-agreed');
  });

  it('the daily quota counts the lookups made through both instances', async () => {
    await gw1.em.fork().nativeUpdate(Profile, { user: t.users['top.bari']!.id }, { dailyQuota: 2 });
    await sleep(PROPAGATION_BOUND_MS);
    expect((await search(1, 'top.bari')).status).toBe(200);
    expect((await search(2, 'top.bari')).status).toBe(200);
    const over = await search(1, 'top.bari');
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ type: 'urn:geres:problem:quota-exceeded', dailyQuota: 2 });
    expect((await search(2, 'top.bari')).status).toBe(429);
  });

  it('the per-user rate limit counts the requests made through both instances', async () => {
    // top.lecce may not look up Bari's residents: refused at once, but every request is counted.
    // Start at the beginning of a one-minute window, so that the five requests fall in one.
    const probe = await search(1, 'top.lecce');
    const reset = Number(/t=(\d+)/.exec(String(probe.headers['ratelimit']))?.[1] ?? 60);
    let used = 1;
    if (reset < 15) {
      await sleep((reset + 1) * 1000);
      used = 0;
    }
    const statuses: number[] = [];
    for (let i = used; i < 5; i++) statuses.push((await search(i % 2 === 0 ? 2 : 1, 'top.lecce')).status);
    // Four per minute for this user, whichever instance serves them; the fifth is refused.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 403)).toBe(true);
  }, 120_000);
});
