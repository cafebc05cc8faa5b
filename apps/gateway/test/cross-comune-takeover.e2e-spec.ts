import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Application, Convenzione, User, Workstation } from '#libs/domain';
import { AuditService } from '../src/audit/audit.service.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

// Each suite starts a gateway on a fresh database (MariaDB too) and checks many cases; a shared CI box is slow.
jest.setTimeout(120_000);

/**
 * Issue 9, finding 1, step by step: the TOP of Lecce tries to take over an Ente of Bari. Adding a
 * convenzione of Lecce with Bari's consorzio is Lecce's own consent (its users' lookups on Lecce's
 * residents) and is accepted; every later step, each of which would give Lecce power over Bari's
 * Ente or residents, is refused, and Bari's data stays exactly as it was.
 */
const LOG_TABLES = new Set(['audit_event', 'audit_chain', 'access_log']);

async function digest(gw: TestGateway): Promise<string> {
  const h = createHash('sha256');
  const tables = [...new Set([...gw.em.getMetadata().getAll().values()].map((m) => m.tableName).filter(Boolean))].sort();
  for (const table of tables) {
    if (LOG_TABLES.has(table)) continue;
    const rows = (await gw.em.getConnection().execute(`select * from ${table}`)) as any[];
    h.update(table).update(rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, String(r[k] instanceof Date ? r[k].toISOString() : r[k])]))).sort().join('\n'));
  }
  return h.digest('hex');
}

describe.each(backends())('cross-Comune takeover (finding 1) on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  let lecce: string;
  let bari: string;
  let wsId: string;
  let appId: string;
  const as = (token: string) => ({
    get: (path: string) => gw.http.get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => gw.http.post(path).auth(token, { type: 'bearer' }),
    put: (path: string) => gw.http.put(path).auth(token, { type: 'bearer' }),
    patch: (path: string) => gw.http.patch(path).auth(token, { type: 'bearer' }),
  });

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend);
    t = await seedTenants(gw.em);
    const em = gw.em.fork();
    const ws = em.create(Workstation, { code: '072006-CS-0001', label: 'Consorzio front office', ente: t.enti.consorzio.id, authorised: true, ipRange: '10.1.2.0/24' } as any);
    const app = em.create(Application, { ente: t.enti.consorzio.id, name: 'Consorzio app', clientId: 'app_consorzio_t' } as any);
    await em.flush();
    wsId = ws.id;
    appId = app.id;
    // A lookup of the consorzio on a Bari resident, already on record.
    await gw.app.get(AuditService).record({
      requestId: 'bari-lookup-1',
      userId: t.users['std.consorzio'].id,
      username: 'std.consorzio',
      enteId: t.enti.consorzio.id,
      targetComune: '072006',
      operation: 'POST /v1/persons/search',
      outcome: 'ok',
    });
    lecce = await login(gw, 'top.lecce');
    bari = await login(gw, 'top.bari');
  });
  afterAll(() => gw?.close());

  it('is refused at the first step that would give Lecce any power, and at every later step', async () => {
    const consorzio = t.enti.consorzio.id;
    const today = new Date().toISOString().slice(0, 10);

    // 1. Lecce consents to the consorzio querying Lecce's residents: accepted, and it names Lecce.
    const conv = await as(lecce).post(`/v1/enti/${consorzio}/convenzioni`).send({ validFrom: today });
    expect(conv.status).toBe(201);
    expect(conv.body).toMatchObject({ comune: '075035', validFrom: today, validTo: null });
    const afterConsent = await digest(gw);

    // It gives Lecce a view of the Ente and of its own convenzione, nothing of Bari's.
    const seen = await as(lecce).get(`/v1/enti/${consorzio}`);
    expect(seen.status).toBe(200);
    expect(seen.body.comune).toBe('072006');
    expect(seen.body.convenzioni.map((c: any) => c.comune)).toEqual(['075035', '075035']);

    // 2. A STANDARDPS user in Bari's Ente: refused (the first step that would give Lecce power).
    const user = await as(lecce).post('/v1/users').send({ username: 'ps.intruder', name: 'Intruder', email: 'i@test.invalid', role: 'STANDARDPS', enteId: consorzio, password: 'Another-Password-9' });
    expect([user.status, user.body.type]).toEqual([403, 'urn:geres:problem:forbidden']);
    const csv = await as(lecce).post('/v1/users/import').set('content-type', 'text/csv').send(`username,name,email,role,ente\nps.intruder2,Intruder,i@test.invalid,STANDARDPS,${t.enti.consorzio.codiceFiscale}\n`);
    expect(csv.status).toBe(403);

    // 3. Giving Bari in allowedComuni to a user of the consorzio, or to one of Lecce's own.
    const grant = { sections: ['generalita'], visuraTypes: [], rivestizioneFields: [], scope: 'national', allowedComuni: ['072006'], dailyQuota: 1000 };
    expect((await as(lecce).put(`/v1/users/${t.users['std.consorzio'].id}/profile`).send(grant)).status).toBe(404);
    const own = await as(lecce).put(`/v1/users/${t.users['std.salento'].id}/profile`).send(grant);
    expect(own.status).toBe(403);
    expect(own.body.violations).toEqual(['allowedComuni: 072006 has no active convenzione with the user\'s ente']);

    // 4. Looking up a Bari resident: refused before ANPR is called.
    const lookup = await as(lecce).post('/v1/persons/search').send({ comune: '072006', motivoRichiesta: 'Pratica 2026/1', sections: ['generalita'], criterion: { type: 'codiceFiscale', codiceFiscale: 'NRECLD70B17A662M' } });
    expect(lookup.status).toBe(403);
    expect(lookup.body.type).toBe('urn:geres:problem:comune-not-agreed');

    // 5. Suspending Bari's ADMIN of the consorzio.
    expect((await as(lecce).patch(`/v1/users/${t.users['admin.consorzio'].id}`).send({ status: 'suspended' })).status).toBe(404);

    // 6. Withdrawing the consorzio's workstation authorisation, or re-pointing it.
    expect((await as(lecce).patch(`/v1/workstations/${wsId}`).send({ authorised: false })).status).toBe(404);
    expect((await as(lecce).patch(`/v1/workstations/${wsId}`).send({ ipRange: '0.0.0.0/0' })).status).toBe(404);

    // 7. Reading the consorzio's lookups on Bari, its applications and its users.
    const audit = await as(lecce).get(`/v1/audit-events?enteId=${consorzio}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.filter((e: any) => e.targetComune === '072006')).toEqual([]);
    expect((await as(lecce).get(`/v1/applications/${appId}`)).status).toBe(404);
    expect((await as(lecce).get(`/v1/users/${t.users['admin.consorzio'].id}`)).status).toBe(404);
    const users = await as(lecce).get(`/v1/users?enteId=${consorzio}`);
    expect(users.body.items).toEqual([]);
    // … nor ending Bari's own convenzione with its Ente, nor renaming the Ente.
    const bariConv = await gw.em.fork().findOneOrFail(Convenzione, { ente: consorzio, comune: t.comuni.bari.id });
    expect((await as(lecce).patch(`/v1/enti/${consorzio}/convenzioni/${bariConv.id}`).send({ validTo: today })).status).toBe(404);
    expect((await as(lecce).patch(`/v1/enti/${consorzio}`).send({ name: 'Taken' })).status).toBe(404);

    // Nothing of Bari's changed after Lecce's consent.
    expect(await digest(gw)).toBe(afterConsent);
    const ws = await gw.em.fork().findOneOrFail(Workstation, { id: wsId });
    expect([ws.authorised, ws.ipRange]).toEqual([true, '10.1.2.0/24']);
    expect((await gw.em.fork().findOneOrFail(User, { id: t.users['admin.consorzio'].id })).status).toBe('active');
    expect(await gw.em.fork().count(User, { username: { $like: 'ps.intruder%' } })).toBe(0);

    // Bari, the owner, still sees and manages everything; the lookup is on Bari's record.
    const bariAudit = await as(bari).get(`/v1/audit-events?enteId=${consorzio}`);
    expect(bariAudit.body.items.map((e: any) => e.requestId)).toContain('bari-lookup-1');
    expect((await as(bari).get(`/v1/users/${t.users['admin.consorzio'].id}`)).status).toBe(200);

    // Lecce may withdraw its own consent, and nothing more.
    const ended = await as(lecce).patch(`/v1/enti/${consorzio}/convenzioni/${conv.body.id}`).send({ validTo: today });
    expect([ended.status, ended.body.validTo]).toEqual([200, today]);
  });
});
