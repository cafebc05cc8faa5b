import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import request from 'supertest';
import { codiceFiscaleCheckCharacter } from '#libs/anpr';
import { createRivestizioneApp, type RivestizioneApp } from '../src/app.factory.js';
import type { RivestizioneConfig } from '../src/config.js';
import { RivRequest } from '../src/database/entities.js';
import { FakeGateway } from './fake-gateway.js';
import { freshRivDatabase, rivBackends, testConfig } from './support.js';
import { built, spawnWorker, stopWorker, waitFor } from './workers.js';

jest.setTimeout(300_000);

const CONCURRENCY = 2;
const RATE = 8;
const ROWS = 60;

/**
 * A gateway stand-in over HTTP that measures what the workers do to it: lookups in flight at once,
 * and lookups started in each second, and which worker process (its pid, from the User-Agent) sent them.
 */
async function startMeasuringGateway() {
  const stats = { inFlight: 0, maxInFlight: 0, perSecond: new Map<number, number>(), pids: new Set<string>(), lookups: 0 };
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/v1/me') {
      return send(200, { application: null, workstation: null, user: { id: 'u1', username: 'std', role: 'STANDARD', enteId: 'e1', comune: null, mediator: false }, profile: { rivestizioneFields: ['codiceFiscale', 'cognome'], sections: ['generalita'] } });
    }
    if (req.method === 'POST' && req.url === '/v1/persons/search') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        stats.lookups++;
        stats.inFlight++;
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
        const second = Math.floor(Date.now() / 1000);
        stats.perSecond.set(second, (stats.perSecond.get(second) ?? 0) + 1);
        const pid = /pid (\d+)/.exec(String(req.headers['user-agent']))?.[1];
        if (pid) stats.pids.add(pid);
        const cf = (JSON.parse(body) as { criterion: { codiceFiscale: string } }).criterion.codiceFiscale;
        setTimeout(() => {
          stats.inFlight--;
          send(200, { persons: [{ idANPR: 'AA11111AA', generalita: { codiceFiscale: cf, cognome: 'ROSSI', nome: 'ANNA', sesso: 'F', dataNascita: '1980-01-01' } }], anprOperationId: '1', warnings: [], comune: '072006', asOf: '2026-12-03', requestId: 'r' });
        }, 40);
      });
      return;
    }
    send(404, { type: 'urn:geres:problem:not-found', status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stats, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const redisUrl = process.env.TEST_REDIS_URL;
const modes = rivBackends()
  .filter((b) => b.name === 'mariadb')
  .map((b) => ({ ...b, skipReason: b.skipReason ?? (!redisUrl ? 'TEST_REDIS_URL is not set' : !built() ? 'the service is not built (npm run build)' : undefined) }));

describe.each(modes)('two worker processes on one Redis ($name)', (backend) => {
  let gw: Awaited<ReturnType<typeof startMeasuringGateway>>;
  let api: RivestizioneApp;
  let config: RivestizioneConfig;
  let db: Awaited<ReturnType<typeof freshRivDatabase>>;
  const prefix = `geres-riv-test-${randomBytes(4).toString('hex')}`;
  const fake = new FakeGateway();
  let workers: Array<ReturnType<typeof spawnWorker>> = [];

  beforeAll(async () => {
    gw = await startMeasuringGateway();
    db = await freshRivDatabase(backend);
    fake.addCaller('tok', { username: 'std', role: 'STANDARD', enteId: 'e1' });
    const env = {
      GATEWAY_URL: gw.url,
      RIVESTIZIONE_DATABASE_URL: db.databaseUrl,
      REDIS_URL: redisUrl,
      RIVESTIZIONE_REDIS_PREFIX: prefix,
      RIVESTIZIONE_DEFAULT_CONVALIDA: 'false',
      RIVESTIZIONE_DEFAULT_CONCURRENCY: String(CONCURRENCY),
      RIVESTIZIONE_DEFAULT_RATE: String(RATE),
      RIVESTIZIONE_CHUNK_SIZE: '10',
      RIVESTIZIONE_TICK_MS: '200',
    };
    config = testConfig(env);
    // The API process: no workers of its own; the grant comes from the in-memory gateway.
    api = await createRivestizioneApp({ ...config, worker: false }, { gateway: fake, createSchema: false });
    const workerEnv = { ...env, GATEWAY_CLIENT_SECRET: config.gatewayClientSecret, RIVESTIZIONE_GRANT_KEY: config.grantKey.toString('base64'), RIVESTIZIONE_FILES_DIR: config.filesDir, RIVESTIZIONE_DEFAULT_WINDOWS: '00:00-24:00', RIVESTIZIONE_RETRY_BASE_MS: '100' };
    workers = [spawnWorker(workerEnv), spawnWorker(workerEnv)];
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w)));
    await api?.close();
    await gw?.close();
    await db?.drop();
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('keeps the Comune\'s concurrency and rate across both workers, and both take part', async () => {
    const items = Array.from({ length: ROWS }, (_, i) => {
      const first15 = `RSSANN80A${String(1 + (i % 28)).padStart(2, '0')}${['A662', 'H501', 'F205'][i % 3]}`;
      return { type: 'CF', value: first15 + codiceFiscaleCheckCharacter(first15) };
    });
    const sub = await request(api.http!.getHttpServer()).post('/v1/rivestizioni').set('authorization', 'Bearer tok').send({ comune: '072006', motivoRichiesta: 'Due worker', items });
    expect(sub.status).toBe(201);
    expect(sub.body.state).toBe('convalidata');
    await waitFor(async () => (await api.engine.em().findOneOrFail(RivRequest, { id: sub.body.id })).state === 'completata', `completion (workers said: ${workers.map((w) => w.output()).join(' | ')})`);
    expect(gw.stats.lookups).toBe(ROWS);
    expect(gw.stats.maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(Math.max(...gw.stats.perSecond.values())).toBeLessThanOrEqual(RATE);
    expect(gw.stats.pids).toEqual(new Set(workers.map((w) => String(w.pid))));
  });
});
