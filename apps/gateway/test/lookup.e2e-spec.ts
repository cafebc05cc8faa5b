import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditEvent, Comune, Profile, Workstation } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { hashDeviceToken } from '../src/auth/workstation-match.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

/**
 * The lookup API end to end: every criterion type, every denial reason of the chain, quota and
 * rate limits, idempotent replay, and an audit event for every call, against the simulated ANPR.
 */
describe.each(backends())('lookup API on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let t: Tenants;
  const tokens: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'geres-lookup-'));
  let cat: ReturnType<typeof buildSandboxCatalogue>['entries'];
  const entry = (key: string) => cat.find((e) => e.key === key)!;

  beforeAll(async () => {
    announceSkips();
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    cat = buildSandboxCatalogue(anpr.registry).entries;
    gw = await startGateway(backend, { RATE_LIMIT_USER_PER_MINUTE: '40' });
    t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    for (const u of ['top.bari', 'top.lecce', 'admin.consorzio', 'std.consorzio', 'ps.pl', 'std.salento']) tokens[u] = await login(gw, u);
  }, 90_000);
  afterAll(async () => {
    await gw?.close();
    await anpr?.close();
  });

  const search = (user: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    gw.http.post('/v1/persons/search').auth(tokens[user], { type: 'bearer' }).set(headers).send({ comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/1', sections: ['generalita'], ...body });
  const cf = (key: string) => ({ type: 'codiceFiscale', codiceFiscale: entry(key).codiceFiscale });

  describe('criteria', () => {
    it('codice fiscale, with the sections asked and nothing more', async () => {
      const res = await search('top.bari', { criterion: cf('demo-resident'), sections: ['generalita', 'residenza'] });
      expect(res.status).toBe(200);
      expect(res.body.persons).toHaveLength(1);
      const p = res.body.persons[0];
      expect(p.idANPR).toBe(entry('demo-resident').idANPR);
      expect(p.generalita.codiceFiscale).toBe(entry('demo-resident').codiceFiscale);
      expect(p.residenza[0].indirizzo.comune.codiceIstat).toBe(DEMO_COMUNE_ISTAT);
      expect(Object.keys(p).sort()).toEqual(['generalita', 'idANPR', 'residenza']);
      expect(res.body).toMatchObject({ comune: DEMO_COMUNE_ISTAT, anprOperationId: expect.any(String), requestId: expect.any(String) });
    });

    it('idANPR, and GET /v1/persons/{identifier}', async () => {
      const byId = await search('top.bari', { criterion: { type: 'idANPR', idANPR: entry('lookup-by-idanpr').idANPR } });
      expect(byId.body.persons[0].idANPR).toBe(entry('lookup-by-idanpr').idANPR);
      const get = await gw.http
        .get(`/v1/persons/${entry('demo-resident').codiceFiscale}`)
        .query({ comune: DEMO_COMUNE_ISTAT, sections: 'generalita,famiglia', motivoRichiesta: 'Pratica 2026/2' })
        .auth(tokens['top.bari'], { type: 'bearer' });
      expect(get.status).toBe(200);
      expect(get.body.persons[0]).toHaveProperty('famiglia');
    });

    it('identity document', async () => {
      const e = entry('identity-card');
      const res = await search('top.bari', { criterion: { type: 'documento', tipoDocumento: 'cartaIdentita', numeroDocumento: (e.query.criterion as any).numero } });
      expect(res.status).toBe(200);
      expect(res.body.persons[0].idANPR).toBe(e.idANPR);
    });

    it('surname + name + birth date, and + birth place to tell homonyms apart', async () => {
      const h = entry('homonyms').query.criterion as any;
      const list = await search('top.bari', { criterion: { type: 'generalita', cognome: h.cognome, nome: h.nome, dataNascita: h.dataNascita } });
      expect(list.status).toBe(200);
      expect(list.body.persons).toHaveLength(2);
      // A family record needs exactly one subject: ANPR refuses the homonyms (EN131).
      const two = await search('top.bari', { criterion: { type: 'generalita', cognome: h.cognome, nome: h.nome, dataNascita: h.dataNascita }, sections: ['generalita', 'famiglia'] });
      expect(two.status).toBe(422);
      expect(two.body.type).toBe('urn:geres:problem:more-than-one-subject');
      const one = await search('top.bari', { criterion: { type: 'generalita', cognome: h.cognome, nome: h.nome, dataNascita: h.dataNascita, luogoNascita: { codiceIstatComune: '075035' } } });
      expect(one.status).toBe(200);
      expect(one.body.persons).toHaveLength(1);
    });

    it('not found', async () => {
      const res = await search('top.bari', { criterion: cf('not-found-cf') });
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('urn:geres:problem:subject-not-found');
    });

    it('refuses a wrong check character before ANPR is called, naming the field', async () => {
      const before = await gw.em.fork().count(AuditEvent, { outcomeDetail: 'invalid-criteria' });
      const res = await search('top.bari', { criterion: cf('invalid-check-cf') });
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('urn:geres:problem:invalid-criteria');
      expect(res.body.errors[0].field).toBe('criterion.codiceFiscale');
      const bad = await search('top.bari', { criterion: { type: 'generalita', cognome: 'ROSSI' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field)).toContain('criterion.nome');
      expect(await gw.em.fork().count(AuditEvent, { outcomeDetail: 'invalid-criteria' })).toBe(before);
    });
  });

  describe('every denial of the chain is refused with its rule and audited', () => {
    it.each([
      ['std.salento', {}, 'comune-not-agreed', 'no_active_convenzione'],
      ['top.lecce', {}, 'comune-not-agreed', 'other_comune'],
      ['std.consorzio', { sections: ['generalita', 'residenza'] }, 'forbidden-by-profile', 'section_not_allowed:residenza'],
      ['admin.consorzio', { purpose: 'visura', visuraType: 'stato_famiglia' }, 'forbidden-by-profile', 'visura_type_not_allowed:stato_famiglia'],
      ['top.bari', { comune: '999999' }, 'comune-not-agreed', 'unknown_comune'],
    ])('%s %j → %s (%s)', async (user, body, type, rule) => {
      if (user === 'admin.consorzio') {
        await gw.em.fork().nativeUpdate(Profile, { user: t.users['admin.consorzio'].id }, { visuraTypes: ['residenza'] });
      }
      const res = await search(user, { criterion: cf('demo-resident'), ...body });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ type: `urn:geres:problem:${type}`, rule });
      await gw.drain();
      const ev = await gw.em.fork().findOne(AuditEvent, { requestId: res.body.requestId });
      expect(ev).toMatchObject({ outcome: 'denied', outcomeDetail: rule, operation: 'searchPersons', criterionValue: entry('demo-resident').codiceFiscale });
    });

    it('comune not in the profile', async () => {
      await gw.em.fork().nativeUpdate(Profile, { user: t.users['std.consorzio'].id }, { allowedComuni: ['075035'] });
      const res = await search('std.consorzio', { criterion: cf('demo-resident') });
      expect(res.body).toMatchObject({ status: 403, rule: 'comune_not_in_profile' });
      await gw.em.fork().nativeUpdate(Profile, { user: t.users['std.consorzio'].id }, { allowedComuni: ['072006'] });
    });

    it('agreed scope: subjects resident elsewhere are refused, residents are answered', async () => {
      const ok = await search('std.consorzio', { criterion: cf('demo-resident') });
      expect(ok.status).toBe(200);
      expect(Object.keys(ok.body.persons[0]).sort()).toEqual(['generalita', 'idANPR']);
      const elsewhere = await search('std.consorzio', { criterion: cf('not-resident-in-comune') });
      expect(elsewhere.body).toMatchObject({ status: 403, type: 'urn:geres:problem:forbidden-by-profile', rule: 'scope_agreed_comuni' });
      await gw.drain();
      const ev = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: elsewhere.body.requestId });
      expect(ev.subjects).toContain(entry('not-resident-in-comune').codiceFiscale);
    });

    it('workstation required by the Comune', async () => {
      await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { workstationPolicy: 'authorised' });
      try {
        const denied = await search('std.consorzio', { criterion: cf('demo-resident') });
        expect(denied.body).toMatchObject({ status: 403, type: 'urn:geres:problem:workstation-not-authorised' });
        const em = gw.em.fork();
        em.create(Workstation, { code: '072006-CS-0100', label: 'PC', ente: t.enti.consorzio.id, authorised: true, deviceTokenHash: hashDeviceToken('tok-100') } as any);
        await em.flush();
        const ok = await search('std.consorzio', { criterion: cf('demo-resident') }, { 'X-GeRes-Workstation': '072006-CS-0100', 'X-GeRes-Device-Token': 'tok-100' });
        expect(ok.status).toBe(200);
      } finally {
        await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { workstationPolicy: 'free' });
      }
    });
  });

  it('enforces the daily quota with Retry-After, and reports usage', async () => {
    await gw.em.fork().nativeUpdate(Profile, { user: t.users['ps.pl'].id }, { dailyQuota: 2 });
    expect((await search('ps.pl', { criterion: cf('demo-resident') })).status).toBe(200);
    expect((await search('ps.pl', { criterion: cf('demo-resident') })).status).toBe(200);
    const over = await search('ps.pl', { criterion: cf('demo-resident') });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ type: 'urn:geres:problem:quota-exceeded', dailyQuota: 2 });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    const usage = await gw.http.get('/v1/me/usage').auth(tokens['ps.pl'], { type: 'bearer' });
    expect(usage.body).toMatchObject({ dailyQuota: 2, used: 2, remaining: 0 });
  });

  it('STANDARDPS lookups are audited but invisible to TOP and ADMIN', async () => {
    await gw.drain();
    const own = await gw.http.get('/v1/me/history').auth(tokens['ps.pl'], { type: 'bearer' });
    expect(own.body.items.filter((e: any) => e.operation === 'searchPersons').length).toBeGreaterThanOrEqual(3);
    const top = await gw.http.get('/v1/audit-events?pageSize=200').auth(tokens['top.bari'], { type: 'bearer' });
    expect(top.body.items.some((e: any) => e.username === 'ps.pl')).toBe(false);
    expect(top.body.items.some((e: any) => e.username === 'std.consorzio' && e.operation === 'searchPersons')).toBe(true);
  });

  it('replays an idempotent POST without calling ANPR again, and refuses the key with another body', async () => {
    const key = 'idem-key-0001';
    const first = await search('top.bari', { criterion: cf('married') }, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    const again = await search('top.bari', { criterion: cf('married') }, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    await gw.drain();
    const events = await gw.em.fork().find(AuditEvent, { criterionValue: entry('married').codiceFiscale });
    expect(events.map((e) => e.outcomeDetail ?? null).sort()).toEqual(['idempotent_replay', null].sort());
    expect(new Set(events.map((e) => e.anprOperationId))).toEqual(new Set([first.body.anprOperationId]));
    const other = await search('top.bari', { criterion: cf('divorced') }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:geres:problem:idempotency-key-reused');
  });

  it('rate-limits per user with RateLimit headers', async () => {
    let last: any;
    for (let i = 0; i < 45; i++) {
      last = await gw.http.get('/v1/persons/XXXXXXXXX').query({ comune: DEMO_COMUNE_ISTAT, sections: 'generalita', motivoRichiesta: 'x' }).auth(tokens['std.salento'], { type: 'bearer' });
      if (last.status === 429) break;
    }
    expect(last.status).toBe(429);
    expect(last.body.type).toBe('urn:geres:problem:rate-limited');
    expect(last.headers['ratelimit-policy']).toBe('"user";q=40;w=60');
    expect(last.headers['ratelimit']).toMatch(/^"user";r=0;t=\d+$/);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
