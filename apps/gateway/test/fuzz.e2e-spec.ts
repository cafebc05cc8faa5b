import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Comune } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { generateCases, runCases, sampleCases, storedFaults, type FuzzCase, type StoredFault } from './fuzz-cases.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

/**
 * Every operation of the committed OpenAPI document, fed wrong input (fuzz-cases.ts) by every kind
 * of caller, against a seeded gateway wired to the simulated ANPR: no answer may be a 5xx, and
 * afterwards no table may hold a NUL, a lone surrogate (stored as U+FFFD) or an impossible date.
 * FUZZ_MAX_CASES (default 1800, about a minute per database; the generator makes ~2,500) and
 * FUZZ_SEED (default 9) bound and vary the seeded sample; the unknown-field and empty-body cases are always sent.
 */
const DOC = JSON.parse(readFileSync(new URL('../../../openapi/geres.openapi.json', import.meta.url), 'utf8'));
const MAX_CASES = Number(process.env.FUZZ_MAX_CASES ?? 1800);
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const LOOKUPS = new Set(['searchPersons', 'getPerson']);

type Role = 'TOP' | 'ADMIN' | 'STANDARD' | 'APPLICATION' | 'NONE';

describe.each(backends())('fuzz over every operation of the OpenAPI document, on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let t: Tenants;
  const dir = mkdtempSync(join(tmpdir(), 'geres-fuzz-'));
  const auth: Record<Role, Record<string, string>> = { TOP: {}, ADMIN: {}, STANDARD: {}, APPLICATION: {}, NONE: {} };
  let cases: FuzzCase[] = [];
  let wiredComune: Record<string, unknown> = {};
  // The settings cases may store settings that do not lead to ANPR (another engineer's rule to
  // refuse): the lookup cases start from the wired Comune again, so that they test their own input.
  const rewire = async () => {
    const em = gw.em.fork();
    await wireComuneToSimulator(em, demoComuneWiring(anpr, dir));
    const comune = await em.findOneOrFail(Comune, { codiceIstat: DEMO_COMUNE_ISTAT });
    if (!Object.keys(wiredComune).length) wiredComune = Object.fromEntries(Object.entries(comune).filter(([, v]) => v === null || typeof v !== 'object' || Array.isArray(v)));
    else Object.assign(comune, wiredComune);
    await em.flush();
  };

  beforeAll(async () => {
    announceSkips();
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    const resident = buildSandboxCatalogue(anpr.registry).entries.find((e) => e.key === 'demo-resident')!;
    const residentCf = resident.codiceFiscale!;
    gw = await startGateway(backend, {
      RATE_LIMIT_USER_PER_MINUTE: '100000',
      RATE_LIMIT_APP_PER_MINUTE: '100000',
      ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    });
    t = await seedTenants(gw.em);
    await rewire();

    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    auth.TOP = bearer(await login(gw, 'top.bari'));
    auth.ADMIN = bearer(await login(gw, 'admin.consorzio'));
    auth.STANDARD = bearer(await login(gw, 'std.consorzio'));
    // The application the callers use, and a second one (the victim) for the operations on applications.
    const mkApp = async (name: string) => {
      const res = await gw.http.post('/v1/applications').set(auth.ADMIN).send({ name, operatorIds: [t.users['std.consorzio'].id] });
      if (res.status !== 201) throw new Error(`create application: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const app = await mkApp('Fuzz caller');
    const appToken = await gw.http.post('/v1/oauth/token').send({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret });
    auth.APPLICATION = { ...bearer(appToken.body.access_token), 'X-GeRes-Operator': 'std.consorzio' };
    const victimApp = await mkApp('Fuzz victim');
    const victimSecrets = (await gw.http.get(`/v1/applications/${victimApp.id}`).set(auth.ADMIN)).body.secrets;
    const victimUser = await gw.http.post('/v1/users').set(auth.TOP).send({ username: 'fuzz.victim', name: 'Fuzz Victim', email: 'fv@test.invalid', role: 'STANDARD', enteId: t.enti.consorzio.id, password: 'Fuzz-Victim-Password-2026!' });
    const victimWs = await gw.http.post('/v1/workstations').set(auth.ADMIN).send({ code: '072006-FZ-0001', label: 'Fuzz', enteId: t.enti.consorzio.id, ipRange: '10.9.9.0/24' });
    for (const res of [victimUser, victimWs]) if (res.status !== 201) throw new Error(`seed: ${res.status} ${JSON.stringify(res.body)}`);

    const all = generateCases(DOC, {
      pathValues: {
        id: t.enti.consorzio.id,
        'getUser.id': victimUser.body.id,
        'updateUser.id': victimUser.body.id,
        'getUserProfile.id': victimUser.body.id,
        'setUserProfile.id': victimUser.body.id,
        'getApplication.id': victimApp.id,
        'setApplicationOperators.id': victimApp.id,
        'revokeApplication.id': victimApp.id,
        'rotateApplicationSecret.id': victimApp.id,
        'revokeApplicationSecret.id': victimApp.id,
        secretId: victimSecrets[0].id,
        'updateWorkstation.id': victimWs.body.id,
        codiceIstat: DEMO_COMUNE_ISTAT,
        identifier: residentCf,
      },
      baseBodies: {
        searchPersons: { criterion: { type: 'codiceFiscale', codiceFiscale: residentCf }, sections: ['generalita'], comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Fuzz 2026/1' },
        getPerson: {},
      },
    });
    cases = sampleCases(all, MAX_CASES, SEED);
  }, 120_000);

  afterAll(async () => {
    await gw?.close();
    await anpr?.close();
  }, 60_000);

  it('answers every generated case without a 5xx, and stores no invalid value', async () => {
    const run = await runCases(gw.http, cases, auth, SEED, async (operationId) => {
      if (LOOKUPS.has(operationId)) await rewire();
    });
    console.info(`fuzz on ${backend.name}: ${run.sent} requests from ${cases.length} cases over ${run.operations.size} operations (seed ${SEED}): ${JSON.stringify(run.byClass)}; slowest operations (ms): ${JSON.stringify(Object.entries(run.millis).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([op, ms]) => [op, Math.round(ms)]))}`);
    expect(run.operations.size).toBe(Object.values(DOC.paths).flatMap((ops: any) => Object.values(ops).filter((o: any) => o?.operationId)).length);
    expect(run.failures).toEqual([]);

    await gw.drain();
    const faults: StoredFault[] = [];
    let scanned = 0;
    const em = gw.em.fork();
    for (const meta of em.getMetadata().getAll().values()) {
      if (meta.embeddable || meta.virtual || meta.abstract || !meta.tableName) continue;
      const rows = await em.getConnection().execute(`select * from \`${meta.tableName}\``);
      // Days are kept as dates or as YYYY-MM-DD strings of 10 characters (convenzioni).
      const dateColumns = new Set(meta.props.filter((p) => p.type === 'date' || p.columnTypes?.[0] === 'date' || (p.runtimeType === 'string' && p.length === 10)).flatMap((p) => p.fieldNames ?? []));
      faults.push(...storedFaults(meta.tableName, rows as Array<Record<string, unknown>>, dateColumns));
      scanned += (rows as unknown[]).length;
    }
    console.info(`fuzz on ${backend.name}: ${scanned} stored rows scanned, ${faults.length} invalid values`);
    // The scan must have seen the seeded data and what the cases created, or it proves nothing.
    expect(scanned).toBeGreaterThan(100);
    expect(faults).toEqual([]);
  }, 600_000);
});
