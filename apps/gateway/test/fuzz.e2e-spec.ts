import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Comune } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { generateCases, sampleCases, seededRandom, storedFaults, type FuzzCase, type StoredFault } from './fuzz-cases.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

/**
 * Every operation of the committed OpenAPI document, fed wrong input (fuzz-cases.ts) by every kind
 * of caller, against a seeded gateway wired to the simulated ANPR: no answer may be a 5xx, and
 * afterwards no table may hold a NUL, a lone surrogate (stored as U+FFFD) or an impossible date.
 * FUZZ_MAX_CASES (default 4000) and FUZZ_SEED (default 9) bound and vary the sample.
 */
const DOC = JSON.parse(readFileSync(new URL('../../../openapi/geres.openapi.json', import.meta.url), 'utf8'));
const MAX_CASES = Number(process.env.FUZZ_MAX_CASES ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const LOOKUPS = new Set(['searchPersons', 'getPerson']);

type Role = 'TOP' | 'ADMIN' | 'STANDARD' | 'APPLICATION' | 'NONE';
const ROLES: Role[] = ['TOP', 'ADMIN', 'STANDARD', 'APPLICATION', 'NONE'];

interface Failure {
  case: string;
  role: Role;
  status: number;
  type?: string;
  detail?: string;
  requestId?: string;
}

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
    gw = await startGateway(backend, { RATE_LIMIT_USER_PER_MINUTE: '100000', RATE_LIMIT_APP_PER_MINUTE: '100000' });
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
    const random = seededRandom(SEED);
    const failures: Failure[] = [];
    const operations = new Set<string>();
    let sent = 0;
    const byClass: Record<string, number> = {};
    let lastOperation = '';
    for (const c of cases) {
      operations.add(c.operationId);
      if (c.operationId !== lastOperation && LOOKUPS.has(c.operationId)) await rewire();
      lastOperation = c.operationId;
      const roles = c.everyRole ? ROLES : [ROLES[Math.floor(random() * ROLES.length)]];
      for (const role of roles) {
        const url = c.query ? `${c.path}?${c.query}` : c.path;
        let req = (gw.http as any)[c.method.toLowerCase()](url).set({ ...auth[role], ...c.headers });
        if (c.body) req = req.set('content-type', c.body.contentType).send(c.body.text);
        const res = await req;
        sent++;
        byClass[`${String(res.status)[0]}xx`] = (byClass[`${String(res.status)[0]}xx`] ?? 0) + 1;
        if (res.status >= 500) {
          failures.push({ case: `${c.method} ${c.path.slice(0, 80)} ${c.operationId}: ${c.label}`, role, status: res.status, type: res.body?.type, detail: res.body?.detail, requestId: res.body?.requestId });
        }
      }
    }
    console.info(`fuzz on ${backend.name}: ${sent} requests from ${cases.length} cases over ${operations.size} operations (seed ${SEED}): ${JSON.stringify(byClass)}`);
    expect(operations.size).toBe(Object.values(DOC.paths).flatMap((ops: any) => Object.values(ops).filter((o: any) => o?.operationId)).length);
    expect(failures).toEqual([]);

    await gw.drain();
    const faults: StoredFault[] = [];
    let scanned = 0;
    const em = gw.em.fork();
    for (const meta of Object.values(em.getMetadata().getAll())) {
      if (meta.embeddable || meta.virtual || meta.abstract || !meta.tableName) continue;
      const rows = await em.getConnection().execute(`select * from \`${meta.tableName}\``);
      faults.push(...storedFaults(meta.tableName, rows as Array<Record<string, unknown>>));
      scanned += (rows as unknown[]).length;
    }
    console.info(`fuzz on ${backend.name}: ${scanned} stored rows scanned, ${faults.length} invalid values`);
    expect(faults).toEqual([]);
  }, 600_000);
});
