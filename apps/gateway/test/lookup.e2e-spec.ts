import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditEvent, canonicalJson, Comune, IdempotencyRecord, Profile, Workstation } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { hashDeviceToken } from '../src/auth/workstation-match.js';
import { AnprConnectorService } from '../src/anpr/anpr-connector.service.js';
import { logger } from '../src/common/logger.js';
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

    it('refuses a wrong check character before ANPR is called, naming the field, and records the refusal', async () => {
      const before = await gw.em.fork().count(AuditEvent, { outcomeDetail: 'invalid-criteria' });
      const res = await search('top.bari', { criterion: cf('invalid-check-cf') });
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('urn:geres:problem:invalid-criteria');
      expect(res.body.errors[0].field).toBe('criterion.codiceFiscale');
      const bad = await search('top.bari', { criterion: { type: 'generalita', cognome: 'ROSSI' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field)).toContain('criterion.nome');
      await gw.drain();
      // Audited as a refusal, and no intent: ANPR was never called.
      expect(await gw.em.fork().count(AuditEvent, { outcomeDetail: 'invalid-criteria' })).toBe(before + 1);
      const refused = await gw.em.fork().find(AuditEvent, { requestId: res.body.requestId });
      expect(refused.map((e) => [e.outcome, e.outcomeDetail, e.criterionValue])).toEqual([['denied', 'invalid-criteria', entry('invalid-check-cf').codiceFiscale]]);
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
      const ev = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: elsewhere.body.requestId, outcome: 'denied' });
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
    expect(events.map((e) => `${e.outcome}:${e.outcomeDetail ?? ''}`).sort()).toEqual(['ok:', 'ok:idempotent_replay', 'pending:anpr_call']);
    expect(new Set(events.filter((e) => e.outcome !== 'pending').map((e) => e.anprOperationId))).toEqual(new Set([first.body.anprOperationId]));
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
    await gw.drain();
    // Recorded one event per refused request (no per-minute summary).
    expect(await gw.em.fork().find(AuditEvent, { requestId: last.body.requestId })).toMatchObject([{ username: 'std.salento', outcome: 'denied', outcomeDetail: 'rate-limited', operation: 'getPerson' }]);
    expect(last.headers['ratelimit-policy']).toBe('"user";q=40;w=60');
    expect(last.headers['ratelimit']).toMatch(/^"user";r=0;t=\d+$/);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  describe('audit of every ANPR call and every refusal', () => {
    const events = async (requestId: string) =>
      (await gw.em.fork().find(AuditEvent, { requestId }, { orderBy: { seq: 'asc' } })).map((e) => [e.outcome, e.outcomeDetail ?? null, e.username ?? null]);

    it('writes a durable intent with the operation id sent to ANPR before the outcome event', async () => {
      const res = await search('admin.consorzio', { criterion: cf('demo-resident') });
      expect(res.status).toBe(200);
      await gw.drain();
      const list = await gw.em.fork().find(AuditEvent, { requestId: res.body.requestId }, { orderBy: { seq: 'asc' } });
      expect(list.map((e) => [e.outcome, e.outcomeDetail ?? null])).toEqual([
        ['pending', 'anpr_call'],
        ['ok', null],
      ]);
      expect(list[0].chainId).toBe(list[1].chainId);
      expect(list[0].anprOperationId).toMatch(/^\d+$/);
      expect(list[1].anprOperationId).toBe(res.body.anprOperationId);
    });

    it('records validation refusals, missing tokens, a key in progress and a key reused', async () => {
      const badSection = await gw.http.post('/v1/persons/search').auth(tokens['admin.consorzio'], { type: 'bearer' }).send({ comune: DEMO_COMUNE_ISTAT, criterion: cf('demo-resident'), motivoRichiesta: 'Pratica 2026/9', sections: ['no-such-section'] });
      expect(badSection.status).toBe(400);
      expect(badSection.body.type).toBe('urn:geres:problem:validation-failed');
      const anonymous = await gw.http.post('/v1/persons/search').send({ comune: DEMO_COMUNE_ISTAT, criterion: cf('demo-resident'), motivoRichiesta: 'x', sections: ['generalita'] });
      expect(anonymous.status).toBe(401);
      const anonymousGet = await gw.http.get(`/v1/persons/${entry('demo-resident').codiceFiscale}`).query({ comune: DEMO_COMUNE_ISTAT, sections: 'generalita', motivoRichiesta: 'x' });
      expect(anonymousGet.status).toBe(401);

      const key = 'in-progress-0001';
      const body = { comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/1', sections: ['generalita'], criterion: cf('married') };
      const requestHash = createHash('sha256').update(`POST /v1/persons/search\n${canonicalJson(body)}`).digest('hex');
      const now = new Date();
      await gw.em.fork().insert(IdempotencyRecord, { id: `user:${t.users['admin.consorzio'].id}:${key}`, requestHash, state: 'in_progress', createdAt: now, expiresAt: new Date(now.getTime() + 60_000) });
      const busy = await search('admin.consorzio', { criterion: cf('married') }, { 'Idempotency-Key': key });
      expect(busy.status).toBe(409);
      const reused = await search('admin.consorzio', { criterion: cf('divorced') }, { 'Idempotency-Key': key });
      expect(reused.status).toBe(422);

      await gw.drain();
      expect(await events(badSection.body.requestId)).toEqual([['denied', 'validation-failed', 'admin.consorzio']]);
      expect(await events(anonymous.body.requestId)).toEqual([['denied', anonymous.body.type.replace('urn:geres:problem:', ''), null]]);
      expect(await events(anonymousGet.body.requestId)).toEqual([['denied', anonymousGet.body.type.replace('urn:geres:problem:', ''), null]]);
      expect(await events(busy.body.requestId)).toEqual([['denied', 'idempotency-in-progress', 'admin.consorzio']]);
      expect(await events(reused.body.requestId)).toEqual([['denied', 'idempotency-key-reused', 'admin.consorzio']]);
      const getRefusal = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: anonymousGet.body.requestId });
      expect(getRefusal).toMatchObject({ operation: 'getPerson', criterionValue: entry('demo-resident').codiceFiscale, targetComune: DEMO_COMUNE_ISTAT });
    });

    it('re-authorises a replay: after the profile loses the section, the stored answer is refused and the refusal audited', async () => {
      const key = 'replay-after-change-01';
      const user = t.users['std.consorzio'].id;
      const first = await search('std.consorzio', { criterion: cf('demo-resident') }, { 'Idempotency-Key': key });
      expect(first.status).toBe(200);
      // Stored encrypted: no personal data in the clear at rest.
      const stored = await gw.em.fork().findOneOrFail(IdempotencyRecord, { id: `user:${user}:${key}` });
      expect(stored.responseBody).toMatchObject({ alg: 'A256GCM' });
      expect(JSON.stringify(stored.responseBody)).not.toContain(entry('demo-resident').codiceFiscale);
      await gw.em.fork().nativeUpdate(Profile, { user }, { sections: ['residenza'] });
      try {
        const replay = await search('std.consorzio', { criterion: cf('demo-resident') }, { 'Idempotency-Key': key });
        expect(replay.status).toBe(403);
        expect(replay.body).toMatchObject({ type: 'urn:geres:problem:forbidden-by-profile', rule: 'section_not_allowed:generalita' });
        expect(replay.headers['idempotent-replayed']).toBeUndefined();
        await gw.drain();
        expect(await events(replay.body.requestId)).toEqual([['denied', 'replay:section_not_allowed:generalita', 'std.consorzio']]);
      } finally {
        await gw.em.fork().nativeUpdate(Profile, { user }, { sections: ['generalita'] });
      }
      const allowedAgain = await search('std.consorzio', { criterion: cf('demo-resident') }, { 'Idempotency-Key': key });
      expect(allowedAgain.status).toBe(200);
      expect(allowedAgain.headers['idempotent-replayed']).toBe('true');
      expect(allowedAgain.body).toEqual(first.body);
    });

    it('answers an internal fault with a logged 500 carrying the request id and none of its message', async () => {
      const connector = gw.app.get(AnprConnectorService);
      const spy = jest.spyOn(connector, 'lookup').mockRejectedValueOnce(new TypeError('cannot read properties of undefined at /srv/geres/dist/secret.js'));
      const logged = jest.spyOn(logger, 'error');
      try {
        const res = await search('admin.consorzio', { criterion: cf('demo-resident') });
        expect(res.status).toBe(500);
        expect(res.body).toMatchObject({ type: 'urn:geres:problem:internal-error', requestId: res.headers['x-request-id'] });
        expect(JSON.stringify(res.body)).not.toMatch(/secret|undefined|srv/);
        expect(logged.mock.calls.some(([obj]) => (obj as { requestId?: string })?.requestId === res.body.requestId)).toBe(true);
        await gw.drain();
        expect(await events(res.body.requestId)).toEqual([['error', 'internal: TypeError', 'admin.consorzio']]);
      } finally {
        spy.mockRestore();
        logged.mockRestore();
      }
    });

    it('answers a refused connection and an unreadable secret as anpr-unavailable without internal detail', async () => {
      const em = gw.em.fork();
      const comune = await em.findOneOrFail(Comune, { codiceIstat: DEMO_COMUNE_ISTAT });
      const { anprSoapUrl, keystorePasswordRef } = comune;
      try {
        await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { anprSoapUrl: 'http://127.0.0.1:1' });
        const down = await search('admin.consorzio', { criterion: cf('demo-resident') });
        expect(down.status).toBe(503);
        expect(down.body).toMatchObject({ type: 'urn:geres:problem:anpr-unavailable', detail: 'ANPR is unavailable or did not answer in time; try again later' });
        expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:1\b/);
        await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { anprSoapUrl, keystorePasswordRef: 'file:/nonexistent/geres-keystore-password' });
        const secret = await search('admin.consorzio', { criterion: cf('demo-resident') });
        expect(secret.status).toBe(503);
        expect(secret.body.type).toBe('urn:geres:problem:anpr-unavailable');
        expect(JSON.stringify(secret.body)).not.toMatch(/nonexistent|ENOENT|keystore/);
        await gw.drain();
        const [downEvent] = await gw.em.fork().find(AuditEvent, { requestId: down.body.requestId, outcome: 'error' });
        expect(downEvent.outcomeDetail).toMatch(/^anpr-unavailable: .+/);
        const [secretEvent] = await gw.em.fork().find(AuditEvent, { requestId: secret.body.requestId, outcome: 'error' });
        expect(secretEvent.outcomeDetail).toMatch(/^anpr-unavailable: .*nonexistent/);
      } finally {
        await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { anprSoapUrl, keystorePasswordRef });
      }
    });
  });
});
