import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { AccessLog, Comune, User, Workstation } from '#libs/domain';
import { hashDeviceToken } from '../src/auth/workstation-match.js';
import { announceSkips, backends, login, PASSWORD, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';


describe.each(backends())('identity on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  let adminToken: string;

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend, { SECRET_ROTATION_OVERLAP_HOURS: '1' });
    t = await seedTenants(gw.em);
    adminToken = await login(gw, 'admin.consorzio');
    // A fresh MariaDB database and its schema can take more than Jest's 5 s on a busy machine.
  }, 60_000);
  afterAll(() => gw?.close(), 60_000);

  it('issues access tokens that an independent verifier accepts through the JWKS', async () => {
    const jwks = (await gw.http.get('/.well-known/jwks.json')).body;
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    const token = await login(gw, 'std.consorzio');
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: 'geres', audience: 'geres' });
    expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
    expect(payload).toMatchObject({ sub: t.users['std.consorzio'].id, typ: 'user', role: 'STANDARD' });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
  });

  it('slows an address down after repeated failures, without locking the account, and records every attempt', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await gw.http.post('/v1/auth/login').send({ username: 'std.salento', password: 'wrong-password' });
      expect(r.status).toBe(401);
      expect(r.body.type).toBe('urn:geres:problem:invalid-credentials');
    }
    const slowed = await gw.http.post('/v1/auth/login').send({ username: 'std.salento', password: PASSWORD });
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatchObject({ type: 'urn:geres:problem:rate-limited', retryAfterSeconds: 1 });
    expect(slowed.headers['retry-after']).toBe('1');
    await gw.drain();
    expect(await gw.em.fork().count(AccessLog, { username: 'std.salento', event: 'login_failure' })).toBe(3);
    expect(await gw.em.fork().count(AccessLog, { username: 'std.salento', event: 'login_throttled' })).toBe(1);
    const unknown = await gw.http.post('/v1/auth/login').send({ username: 'nobody', password: 'whatever-long' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.type).toBe('urn:geres:problem:invalid-credentials');
  });

  it('rotates refresh tokens and closes the family when a used one comes back', async () => {
    const first = (await gw.http.post('/v1/auth/login').send({ username: 'admin.pl', password: PASSWORD })).body;
    const second = await gw.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const replay = await gw.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    const afterReuse = await gw.http.post('/v1/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(afterReuse.status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const s = (await gw.http.post('/v1/auth/login').send({ username: 'admin.pl', password: PASSWORD })).body;
    expect((await gw.http.post('/v1/auth/logout').auth(s.accessToken, { type: 'bearer' }).send({ refreshToken: s.refreshToken })).status).toBe(204);
    expect((await gw.http.post('/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('enforces password rules on creation', async () => {
    const res = await gw.http
      .post('/v1/users')
      .auth(adminToken, { type: 'bearer' })
      .send({ username: 'weak.user', name: 'W', email: 'w@test.invalid', role: 'STANDARD', enteId: t.enti.consorzio.id, password: 'password' });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:geres:problem:weak-password');
  });

  describe('applications', () => {
    let created: any;
    beforeAll(async () => {
      created = (
        await gw.http.post('/v1/applications').auth(adminToken, { type: 'bearer' }).send({ name: 'Gestionale', operatorIds: [t.users['std.consorzio'].id] })
      ).body;
    });

    const token = (id: string, secret: string) => gw.http.post('/v1/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: id, client_secret: secret });

    it('get a token with client credentials (form, JSON or Basic) and act for a registered operator', async () => {
      expect(created.clientSecret).toMatch(/^grs_/);
      const form = await token(created.clientId, created.clientSecret);
      expect(form.status).toBe(200);
      expect(form.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
      const basic = await gw.http.post('/v1/oauth/token').auth(created.clientId, created.clientSecret).send({ grant_type: 'client_credentials' });
      expect(basic.status).toBe(200);
      const me = await gw.http.get('/v1/me').auth(form.body.access_token, { type: 'bearer' }).set('X-GeRes-Operator', 'std.consorzio');
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe('std.consorzio');
      expect(me.body.application.clientId).toBe(created.clientId);
    });

    it('refuses and audits calls without an operator or for someone else', async () => {
      const at = (await token(created.clientId, created.clientSecret)).body.access_token;
      const none = await gw.http.get('/v1/me').auth(at, { type: 'bearer' });
      expect(none.status).toBe(403);
      expect(none.body).toMatchObject({ type: 'urn:geres:problem:operator-required', rule: 'operator_missing' });
      const other = await gw.http.get('/v1/me').auth(at, { type: 'bearer' }).set('X-GeRes-Operator', 'std.salento');
      expect(other.body).toMatchObject({ type: 'urn:geres:problem:operator-not-allowed', rule: 'operator_not_registered' });
      await gw.drain();
      const audit = await gw.http.get('/v1/audit-events?outcome=denied').auth(adminToken, { type: 'bearer' });
      const rules = audit.body.items.filter((e: any) => e.applicationId === created.id).map((e: any) => e.outcomeDetail);
      expect(rules).toEqual(expect.arrayContaining(['operator_missing', 'operator_not_registered']));
    });

    it('keeps the old secret working through the rotation overlap, and honours revocation', async () => {
      const rotated = (await gw.http.post(`/v1/applications/${created.id}/secrets`).auth(adminToken, { type: 'bearer' })).body;
      expect(rotated.clientSecret).not.toBe(created.clientSecret);
      expect((await token(created.clientId, created.clientSecret)).status).toBe(200);
      expect((await token(created.clientId, rotated.clientSecret)).status).toBe(200);
      const old = rotated.secrets.find((s: any) => s.prefix === created.clientSecret.slice(0, 8));
      expect(new Date(old.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3500_000);
      await gw.http.delete(`/v1/applications/${created.id}/secrets/${old.id}`).auth(adminToken, { type: 'bearer' });
      const refused = await token(created.clientId, created.clientSecret);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ type: 'urn:geres:problem:invalid-client', error: 'invalid_client' });
      await gw.http.post(`/v1/applications/${created.id}/revocation`).auth(adminToken, { type: 'bearer' });
      expect((await token(created.clientId, rotated.clientSecret)).status).toBe(401);
    });
  });

  it('requires an authorised, recognised workstation when the Comune says so', async () => {
    const em = gw.em.fork();
    await em.nativeUpdate(Comune, { codiceIstat: '072006' }, { workstationPolicy: 'authorised' });
    const ws = em.create(Workstation, { code: '072006-CS-0009', label: 'PC', ente: t.enti.consorzio.id, authorised: false, deviceTokenHash: hashDeviceToken('device-secret') } as any);
    await em.flush();
    const std = await login(gw, 'std.consorzio');
    const call = (headers: Record<string, string>) => gw.http.get('/v1/me').auth(std, { type: 'bearer' }).set(headers);
    expect((await call({})).body).toMatchObject({ status: 403, rule: 'workstation_missing' });
    expect((await call({ 'X-GeRes-Workstation': '072006-CS-0009', 'X-GeRes-Device-Token': 'wrong' })).body).toMatchObject({ rule: 'workstation_not_recognised' });
    expect((await call({ 'X-GeRes-Workstation': '072006-CS-0009', 'X-GeRes-Device-Token': 'device-secret' })).body).toMatchObject({ rule: 'workstation_not_authorised' });
    const top = await login(gw, 'top.bari');
    await gw.http.patch(`/v1/workstations/${ws.id}`).auth(top, { type: 'bearer' }).send({ authorised: true });
    const ok = await call({ 'X-GeRes-Workstation': '072006-CS-0009', 'X-GeRes-Device-Token': 'device-secret' });
    expect(ok.status).toBe(200);
    expect(ok.body.workstation).toMatchObject({ code: '072006-CS-0009', authorised: true });
    // TOP users are the registry office itself: the policy does not apply to them.
    expect((await gw.http.get('/v1/me').auth(top, { type: 'bearer' })).status).toBe(200);
    await em.nativeUpdate(Comune, { codiceIstat: '072006' }, { workstationPolicy: 'free' });
  });

  it('a suspended user is refused even with a valid token', async () => {
    const std = await login(gw, 'admin.salento');
    await gw.em.fork().nativeUpdate(User, { username: 'admin.salento' }, { status: 'suspended' });
    const res = await gw.http.get('/v1/me').auth(std, { type: 'bearer' });
    expect(res.body).toMatchObject({ type: 'urn:geres:problem:account-suspended' });
  });
});
