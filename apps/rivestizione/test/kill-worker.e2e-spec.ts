import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import request from 'supertest';
import { AuditEvent, Ente, Profile, User } from '#libs/domain';
import { wireComuneToSimulator } from '../../gateway/src/index.js';
import { backends, login, seedTenants, startGateway, TEST_SERVICE_CLIENTS, type TestGateway } from '../../gateway/test/harness.js';
import { DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { createRivestizioneApp, type RivestizioneApp } from '../src/app.factory.js';
import { RivFile, RivRequest, RivRow } from '../src/database/entities.js';
import { mixedList, toCsv } from './population-list.js';
import { freshRivDatabase, testConfig } from './support.js';
import { built, spawnWorker, stopWorker, waitFor } from './workers.js';

jest.setTimeout(900_000);

const ROWS = Number(process.env.RIV_KILL_ROWS ?? 80);
const redisUrl = process.env.TEST_REDIS_URL;
const modes = backends()
  .filter((b) => b.name === 'mariadb')
  .map((b) => ({ ...b, skipReason: b.skipReason ?? (!redisUrl ? 'TEST_REDIS_URL is not set' : !built() ? 'the service is not built (npm run build)' : undefined) }));

/**
 * The crash test of the issue: a worker process is killed (SIGKILL) in the middle of a request and
 * Redis loses everything of the service (the system Redis cannot be restarted from a test, so its
 * keys are deleted: queues, jobs, limiter leases); a new worker then finishes the request. No row is
 * lost or written twice, and ANPR was asked once per row (a repeat is a replay at the gateway).
 */
describe.each(modes)('kill a worker and lose Redis mid-request ($name + Redis)', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let api: RivestizioneApp;
  let db: Awaited<ReturnType<typeof freshRivDatabase>>;
  const prefix = `geres-riv-test-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'geres-riv-kill-'));
  let workerEnv: Record<string, string | undefined>;
  const workers: Array<ReturnType<typeof spawnWorker>> = [];
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(redisUrl!);
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    gw = await startGateway(backend, { RATE_LIMIT_USER_PER_MINUTE: '100000' });
    const t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    const em = gw.em.fork();
    const u = em.create(User, { username: 'riv.kill', name: 'riv.kill', email: 'riv.kill@test.invalid', role: 'STANDARD', ente: em.getReference(Ente, t.enti.pl.id), passwordHash: t.users['ps.pl'].passwordHash } as never);
    em.create(Profile, { user: u, sections: ['generalita', 'residenza'], visuraTypes: [], rivestizioneFields: ['codiceFiscale', 'cognome', 'nome'], scope: 'agreed', allowedComuni: [DEMO_COMUNE_ISTAT], dailyQuota: 5000 } as never);
    await em.flush();
    await gw.app.listen(0, '127.0.0.1');
    const gatewayUrl = `http://127.0.0.1:${(gw.app.getHttpServer().address() as AddressInfo).port}`;
    db = await freshRivDatabase(backend);
    const env = {
      GATEWAY_URL: gatewayUrl,
      GATEWAY_CLIENT_SECRET: TEST_SERVICE_CLIENTS.rivestizione,
      RIVESTIZIONE_DATABASE_URL: db.databaseUrl,
      REDIS_URL: redisUrl,
      RIVESTIZIONE_REDIS_PREFIX: prefix,
      RIVESTIZIONE_DEFAULT_CONVALIDA: 'false',
      RIVESTIZIONE_DEFAULT_CONCURRENCY: '1',
      RIVESTIZIONE_CHUNK_SIZE: '10',
      RIVESTIZIONE_TICK_MS: '200',
    };
    const config = testConfig(env);
    api = await createRivestizioneApp({ ...config, worker: false }, { createSchema: false });
    workerEnv = { ...env, RIVESTIZIONE_GRANT_KEY: config.grantKey.toString('base64'), RIVESTIZIONE_FILES_DIR: config.filesDir, RIVESTIZIONE_DEFAULT_WINDOWS: '00:00-24:00', RIVESTIZIONE_DEFAULT_RATE: '1000', RIVESTIZIONE_RETRY_BASE_MS: '200' };
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w)));
    await api?.close();
    await gw?.close();
    await anpr?.close();
    await db?.drop();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('completes the request after SIGKILL and the loss of Redis, each row once, ANPR asked once per row', async () => {
    const list = mixedList(anpr.registry, DEMO_COMUNE_ISTAT, ROWS * 2).filter((r) => r.expected === 'OK').slice(0, ROWS);
    const token = await login(gw, 'riv.kill');
    const sub = await request(api.http!.getHttpServer()).post('/v1/rivestizioni').set('authorization', `Bearer ${token}`).set('content-type', 'text/csv').query({ comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Kill test' }).send(toCsv(list));
    expect(sub.status).toBe(201);
    const id = sub.body.id as string;
    const done = () => api.engine.em().count(RivRow, { request: id, doneAt: { $ne: null } });

    workers.push(spawnWorker(workerEnv));
    await waitFor(async () => (await done()) >= Math.floor(ROWS / 4), `a quarter of the rows (worker said: ${workers[0].output()})`);
    await stopWorker(workers[0], 'SIGKILL');
    const atKill = await done();
    expect(atKill).toBeLessThan(ROWS);
    const lost = await redis.keys(`${prefix}:*`);
    expect(lost.length).toBeGreaterThan(0);
    await redis.del(...lost);

    workers.push(spawnWorker(workerEnv));
    await waitFor(async () => (await api.engine.em().findOneOrFail(RivRequest, { id })).state === 'completata', `completion (worker said: ${workers[1].output()})`);

    const rows = await api.engine.em().find(RivRow, { request: id }, { orderBy: { position: 'asc' } });
    expect(rows).toHaveLength(ROWS);
    expect(rows.map((r) => r.esito)).toEqual(Array(ROWS).fill('OK'));
    expect(rows.map((r) => r.result?.codiceFiscale)).toEqual(list.map((r) => r.person!.codiceFiscale));
    const files = await api.engine.em().find(RivFile, { request: id });
    expect(files.map((f) => f.rows)).toEqual([ROWS]);

    // ANPR calls: the gateway records an intent (`pending`) before each one. One per subject.
    await gw.drain();
    const intents = await gw.em.fork().find(AuditEvent, { purpose: 'rivestizione', outcome: 'pending', username: 'riv.kill' });
    const perSubject = new Map<string, number>();
    for (const e of intents) perSubject.set(e.criterionValue!, (perSubject.get(e.criterionValue!) ?? 0) + 1);
    expect(perSubject.size).toBe(ROWS);
    expect([...perSubject.values()].every((n) => n === 1)).toBe(true);
  });
});
