import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeClock } from '#libs/clock';
import { Profile } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

/**
 * The daily quota is a quota per Italian day: it runs out, says exactly how long until Italian
 * midnight, and is whole again at that midnight — shown by moving the gateway's clock, not by waiting.
 */
describe.each(backends())('daily quota across Italian midnight on $name', (backend) => {
  // 23:59:58 in Rome (CET, UTC+1) on 10 March 2026.
  const clock = new FakeClock('2026-03-10T22:59:58Z');
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let t: Tenants;
  let token: string;
  let codiceFiscale: string;
  const dir = mkdtempSync(join(tmpdir(), 'geres-quota-'));

  beforeAll(async () => {
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    codiceFiscale = buildSandboxCatalogue(anpr.registry).entries.find((e) => e.key === 'demo-resident')!.codiceFiscale!;
    gw = await startGateway(backend, process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}, { clock });
    t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    await gw.em.fork().nativeUpdate(Profile, { user: t.users['ps.pl'].id }, { dailyQuota: 2 });
    token = await login(gw, 'ps.pl');
  }, 90_000);
  afterAll(async () => {
    await gw?.close();
    await anpr?.close();
  });

  const search = () =>
    gw.http
      .post('/v1/persons/search')
      .auth(token, { type: 'bearer' })
      .send({ comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/9', sections: ['generalita'], criterion: { type: 'codiceFiscale', codiceFiscale } });
  const usage = async () => (await gw.http.get('/v1/me/usage').auth(token, { type: 'bearer' })).body;

  it('refuses the third lookup until midnight, then allows it', async () => {
    expect((await search()).status).toBe(200);
    expect((await search()).status).toBe(200);

    const over = await search();
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toBe('2');
    expect(over.body).toMatchObject({ type: 'urn:geres:problem:quota-exceeded', dailyQuota: 2, retryAfterSeconds: 2 });
    expect(await usage()).toEqual({ day: '2026-03-10', dailyQuota: 2, used: 2, remaining: 0, resetsInSeconds: 2 });

    clock.advance(1000); // 23:59:59: still the same day
    const stillOver = await search();
    expect(stillOver.status).toBe(429);
    expect(stillOver.headers['retry-after']).toBe('1');

    clock.advance(1000); // 00:00:00 on 11 March in Rome
    expect(await usage()).toEqual({ day: '2026-03-11', dailyQuota: 2, used: 0, remaining: 2, resetsInSeconds: 86_400 });
    const next = await search();
    expect(next.status).toBe(200);
    expect(next.body.asOf).toBe('2026-03-11');
    expect(await usage()).toEqual({ day: '2026-03-11', dailyQuota: 2, used: 1, remaining: 1, resetsInSeconds: 86_400 });
  });
});
