import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLog, AuditEvent, Comune, User } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { SigningKeysService } from '../src/auth/signing-keys.service.js';
import { announceSkips, backends, login, seedTenants, startGateway, TEST_SERVICE_CLIENTS, type TestGateway } from './harness.js';

const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS = 'urn:ietf:params:oauth:token-type:access_token';
const MEDIATOR_OPERATOR = 'MEDIATORE-BARI-01';

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/**
 * Delegation grants (RFC 8693) for the consumer services: who may ask, what a grant may do, how a
 * stored grant gains a mediator's approval or the Comune's silent consent, and what the audit
 * trail then records about a lookup.
 */
describe.each(backends())('delegation grants on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  const tokens: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'geres-delegation-'));
  let resident: { codiceFiscale?: string };

  beforeAll(async () => {
    announceSkips();
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    resident = buildSandboxCatalogue(anpr.registry).entries.find((e) => e.key === 'demo-resident')!;
    gw = await startGateway(backend);
    const t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    const em = gw.em.fork();
    const top = await em.findOneOrFail(User, { id: t.users['top.bari'].id });
    Object.assign(top, { mediator: true, anprOperatorId: MEDIATOR_OPERATOR });
    await em.flush();
    for (const u of ['top.bari', 'admin.consorzio', 'std.consorzio', 'std.salento']) tokens[u] = await login(gw, u);
  }, 90_000);
  afterAll(async () => {
    await gw?.close();
    await anpr?.close();
  });

  const exchange = (form: Record<string, string>, client = 'visure', secret: string = TEST_SERVICE_CLIENTS.visure) =>
    gw.http.post('/v1/oauth/token').auth(client, secret).type('form').send({ grant_type: EXCHANGE, subject_token_type: ACCESS, ...form });
  const search = (token: string) =>
    gw.http.post('/v1/persons/search').auth(token, { type: 'bearer' }).send({
      comune: DEMO_COMUNE_ISTAT,
      motivoRichiesta: 'Visura 2026/7',
      sections: ['generalita'],
      purpose: 'visura',
      visuraType: 'residenza',
      criterion: { type: 'codiceFiscale', codiceFiscale: resident.codiceFiscale },
    });
  /** A grant as the gateway would have issued it `ageSeconds` ago for a deferred request. */
  const storedGrant = (user: User, ageSeconds: number) =>
    gw.app.get(SigningKeysService).sign({ sub: user.id, typ: 'user', role: user.role, username: user.username, jti: `old-${ageSeconds}`, act: { sub: 'visure' }, gat: Math.floor(Date.now() / 1000) - ageSeconds }, 86400);

  it('only a configured service with its secret may exchange; an application or a wrong secret may not', async () => {
    const wrong = await exchange({ subject_token: tokens['std.consorzio'] }, 'visure', 'x'.repeat(40));
    expect([wrong.status, wrong.body.type]).toEqual([401, 'urn:geres:problem:invalid-client']);
    const unknown = await exchange({ subject_token: tokens['std.consorzio'] }, 'app_not_a_service', 'x'.repeat(40));
    expect([unknown.status, unknown.body.error]).toEqual([401, 'unauthorized_client']);
    const missing = await exchange({});
    expect([missing.status, missing.body.type]).toEqual([400, 'urn:geres:problem:invalid-grant']);
    const garbage = await exchange({ subject_token: 'not.a.token' });
    expect([garbage.status, garbage.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('a grant acts for that person only, names the service, lives as long as asked within the cap, and only looks up', async () => {
    const res = await exchange({ subject_token: tokens['std.consorzio'], requested_lifetime: String(3 * 86400) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ issued_token_type: ACCESS, token_type: 'Bearer', expires_in: 3 * 86400 });
    const c = claims(res.body.access_token);
    expect(c).toMatchObject({ username: 'std.consorzio', act: { sub: 'visure' }, typ: 'user' });
    expect(c.med).toBeUndefined();
    const capped = await exchange({ subject_token: tokens['std.consorzio'], requested_lifetime: String(365 * 86400) });
    expect(capped.body.expires_in).toBe(gw.config.delegationMaxSeconds);

    const me = await gw.http.get('/v1/me').auth(res.body.access_token, { type: 'bearer' });
    expect([me.status, me.body.user.username, me.body.actingService]).toEqual([200, 'std.consorzio', 'visure']);
    // What a consumer needs to route a request: the Ente's kind and the policies of the agreed Comuni.
    expect(me.body.ente).toMatchObject({ name: 'Consorzio', kind: 'external_body', comune: '072006' });
    expect(me.body.comuni).toEqual([{ codiceIstat: '072006', nome: 'Bari', own: false, nonResidentVisuraPolicy: 'mediator', silentConsentHours: 24 }]);
    const topMe = await gw.http.get('/v1/me').auth(tokens['top.bari'], { type: 'bearer' });
    expect([topMe.body.ente, topMe.body.comuni.map((c: { codiceIstat: string; own: boolean }) => [c.codiceIstat, c.own]), topMe.body.actingService]).toEqual([null, [['072006', true]], null]);
    const governance = await gw.http.get('/v1/users').auth(res.body.access_token, { type: 'bearer' });
    expect([governance.status, governance.body.rule]).toEqual([403, 'delegation_scope']);
    const password = await gw.http.post('/v1/me/password').auth(res.body.access_token, { type: 'bearer' }).send({ currentPassword: 'a', newPassword: 'b' });
    expect(password.status).toBe(403);
    // A grant is not a person's token: it cannot be the actor, nor be exchanged by another service.
    const other = await exchange({ subject_token: res.body.access_token }, 'rivestizione', TEST_SERVICE_CLIENTS.rivestizione);
    expect([other.status, other.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('a lookup under a grant is audited with the person and the acting service', async () => {
    const grant = (await exchange({ subject_token: tokens['top.bari'] })).body.access_token;
    const res = await search(grant);
    expect(res.status).toBe(200);
    await gw.drain();
    const ev = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: res.body.requestId, outcome: 'ok' });
    expect([ev.username, ev.actingService, ev.mediatorId ?? null, ev.purpose]).toEqual(['top.bari', 'visure', null, 'visura:residenza']);
  });

  it('a mediator\'s approval: the new grant carries the mediator, the lookup uses the mediator\'s ANPR operator id, the audit names all three', async () => {
    const requester = await gw.em.fork().findOneOrFail(User, { username: 'std.consorzio' });
    const stored = (await exchange({ subject_token: tokens['std.consorzio'], requested_lifetime: '86400' })).body.access_token;
    // The actor must be a mediator acting with their own token.
    const notMediator = await exchange({ subject_token: stored, actor_token: tokens['admin.consorzio'], actor_token_type: ACCESS });
    expect([notMediator.status, notMediator.body.error]).toEqual([400, 'invalid_grant']);
    // Mediation is added to a stored grant, not to a fresh person's token.
    const fresh = await exchange({ subject_token: tokens['std.consorzio'], actor_token: tokens['top.bari'] });
    expect(fresh.status).toBe(400);

    const approved = await exchange({ subject_token: stored, actor_token: tokens['top.bari'], actor_token_type: ACCESS });
    expect(approved.status).toBe(200);
    const top = await gw.em.fork().findOneOrFail(User, { username: 'top.bari' });
    expect(claims(approved.body.access_token)).toMatchObject({ sub: requester.id, med: top.id, cns: 'mediator', act: { sub: 'visure' } });
    // Never extended: the approval ends when the stored grant does.
    expect(claims(approved.body.access_token).exp).toBeLessThanOrEqual(claims(stored).exp);

    const res = await search(approved.body.access_token);
    expect(res.status).toBe(200);
    await gw.drain();
    const ev = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: res.body.requestId, outcome: 'ok' });
    expect([ev.username, ev.actingService, ev.mediatorId, ev.anprOperatorId]).toEqual(['std.consorzio', 'visure', top.id, MEDIATOR_OPERATOR]);
    // Without the approval the same person's lookup goes under the Comune's own operator.
    const plain = await search(stored);
    await gw.drain();
    const plainEv = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: plain.body.requestId, outcome: 'ok' });
    expect(plainEv.anprOperatorId).not.toBe(MEDIATOR_OPERATOR);
    expect(plainEv.mediatorId ?? null).toBeNull();
  });

  it('silent consent: refused before the Comune\'s hours and without a designated mediator, then granted under that mediator', async () => {
    const em = gw.em.fork();
    const requester = await em.findOneOrFail(User, { username: 'std.consorzio' });
    const bari = await em.findOneOrFail(Comune, { codiceIstat: '072006' });
    Object.assign(bari, { silentConsentHours: 2, silentConsentMediator: null });
    await em.flush();
    const early = await exchange({ subject_token: await storedGrant(requester, 3600), mediation: 'silent', comune: '072006' });
    expect([early.status, early.body.error]).toEqual([400, 'invalid_grant']);
    expect(early.body.detail).toMatch(/due at/);
    const due = await storedGrant(requester, 2 * 3600 + 5);
    const noMediator = await exchange({ subject_token: due, mediation: 'silent', comune: '072006' });
    expect(noMediator.status).toBe(400);
    expect(noMediator.body.detail).toMatch(/designated mediator/);

    const set = await gw.http.patch('/v1/comuni/072006/settings').auth(tokens['top.bari'], { type: 'bearer' }).send({ silentConsentMediator: 'admin.consorzio' });
    expect([set.status, set.body.errors?.[0]?.field]).toEqual([400, 'silentConsentMediator']);
    const ok = await gw.http.patch('/v1/comuni/072006/settings').auth(tokens['top.bari'], { type: 'bearer' }).send({ silentConsentMediator: 'top.bari' });
    expect([ok.status, ok.body.settings.silentConsentMediator]).toEqual([200, 'top.bari']);
    const granted = await exchange({ subject_token: due, mediation: 'silent', comune: '072006' });
    expect(granted.status).toBe(200);
    const top = await gw.em.fork().findOneOrFail(User, { username: 'top.bari' });
    expect(claims(granted.body.access_token)).toMatchObject({ sub: requester.id, med: top.id, cns: 'silent' });
  });

  it('a suspended person\'s grants stop at once, and each exchange is in the access log', async () => {
    const grant = (await exchange({ subject_token: tokens['std.salento'] })).body.access_token;
    expect((await gw.http.get('/v1/me').auth(grant, { type: 'bearer' })).status).toBe(200);
    const em = gw.em.fork();
    const u = await em.findOneOrFail(User, { username: 'std.salento' });
    u.status = 'suspended';
    await em.flush();
    const after = await gw.http.get('/v1/me').auth(grant, { type: 'bearer' });
    expect([after.status, after.body.type]).toEqual([403, 'urn:geres:problem:account-suspended']);
    await gw.drain();
    const logged = await gw.em.fork().find(AccessLog, { userId: u.id, event: 'delegation' });
    expect(logged.map((l) => l.detail)).toEqual(['visure']);
  });
});
