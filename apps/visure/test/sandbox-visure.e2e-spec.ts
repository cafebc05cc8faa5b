import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { backends, seedTenants, startGateway, TEST_SERVICE_CLIENTS, type TestGateway } from '../../gateway/test/harness.js';
import { startSandboxVisure } from '../src/sandbox.js';
import type { RunningVisure } from '../src/app.js';

jest.setTimeout(60_000);

/** What `npm start` will run: the sandbox visure service on the sandbox's folder and gateway. */
describe.each(backends().filter((b) => b.name === 'sqlite'))('startSandboxVisure on $name', (backend) => {
  let gw: TestGateway;
  let visure: RunningVisure;
  const dir = mkdtempSync(join(tmpdir(), 'geres-sandbox-visure-'));

  beforeAll(async () => {
    gw = await startGateway(backend);
    await seedTenants(gw.em);
    writeFileSync(join(dir, 'service-clients.json'), JSON.stringify({ visure: TEST_SERVICE_CLIENTS.visure }), { mode: 0o600 });
    await gw.app.listen(0, '127.0.0.1');
    const gatewayUrl = `http://127.0.0.1:${(gw.app.getHttpServer().address() as { port: number }).port}`;
    visure = await startSandboxVisure({ gatewayUrl, sandboxDir: dir, gatewayEm: gw.em, port: 0 });
  }, 400_000);
  afterAll(async () => {
    await visure?.close();
    await gw?.close();
  });

  it('serves every Comune\'s seal, keeps its secrets private, and asks for a token', async () => {
    for (const istat of ['072006', '075035']) {
      const cert = await fetch(`${visure.url}/v1/comuni/${istat}/seal-certificate`);
      expect([cert.status, (await cert.text()).startsWith('-----BEGIN CERTIFICATE-----')]).toEqual([200, true]);
      expect(statSync(join(dir, 'visure', `seal-${istat}.p12`)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(join(dir, 'visure', 'data.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'visure')).mode & 0o777).toBe(0o700);
    const anonymous = await fetch(`${visure.url}/v1/visure`);
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${visure.url}/health/live`)).status).toBe(200);
  });
});
