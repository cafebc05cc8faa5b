import { createHash, createPrivateKey, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, decodeJwt, type JWTPayload } from 'jose';
import { AccessLog, RefreshToken, User } from '#libs/domain';
import { announceSkips, backends, login, PASSWORD, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

/**
 * Sessions (issue 9, finding 9): what a token must carry, how long a login lasts, what ends it,
 * how failed credentials are slowed down, and a forced password change. Throttling counts in Redis
 * when TEST_REDIS_URL is set; every run uses addresses of its own, so counts of earlier runs do
 * not leak into it.
 */
describe.each(backends())('sessions on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  const net = `10.${randomInt(1, 255)}.${randomInt(1, 255)}`;
  let hosts = 0;
  /** A client address never used before in this run. */
  const address = () => `${net}.${++hosts}`;

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend, {
      TRUST_PROXY: 'true',
      REFRESH_FAMILY_MAX_SECONDS: '600',
      // Other runs against the same Redis share usernames: keep the per-account threshold out of these tests.
      LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES: '10000',
      ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    });
    t = await seedTenants(gw.em);
    // A fresh MariaDB database and its schema can take more than Jest's 5 s on a busy machine.
  }, 60_000);
  afterAll(() => gw?.close(), 60_000);

  const loginFrom = (from: string, username: string, password = PASSWORD) =>
    gw.http.post('/v1/auth/login').set('X-Forwarded-For', from).send({ username, password });

  describe('access token claims', () => {
    const forge = async (claims: JWTPayload, build: (j: SignJWT) => SignJWT = (j) => j) => {
      const key = createPrivateKey(readFileSync(gw.config.jwtSigningKeyFile!));
      const jwt = new SignJWT({ sub: t.users['std.consorzio'].id, typ: 'user', jti: 'forged', ...claims }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' });
      return build(jwt).sign(key);
    };
    const me = (token: string) => gw.http.get('/v1/me').auth(token, { type: 'bearer' });

    it('mints tokens with our iss and aud, an exp and the configured lifetime', async () => {
      const claims = decodeJwt(await login(gw, 'std.consorzio'));
      expect(claims).toMatchObject({ iss: 'geres', aud: 'geres' });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    });

    it('accepts a well-formed token signed by our key', async () => {
      const ok = await forge({}, (j) => j.setIssuer('geres').setAudience('geres').setIssuedAt().setExpirationTime('600s'));
      expect((await me(ok)).status).toBe(200);
    });

    it.each([
      ['a foreign iss', (j: SignJWT) => j.setIssuer('https://evil.example').setAudience('geres').setIssuedAt().setExpirationTime('600s')],
      ['no iss', (j: SignJWT) => j.setAudience('geres').setIssuedAt().setExpirationTime('600s')],
      ['no aud', (j: SignJWT) => j.setIssuer('geres').setIssuedAt().setExpirationTime('600s')],
      ['a foreign aud', (j: SignJWT) => j.setIssuer('geres').setAudience('visure').setIssuedAt().setExpirationTime('600s')],
      ['no exp', (j: SignJWT) => j.setIssuer('geres').setAudience('geres').setIssuedAt()],
      ['a 10-year exp', (j: SignJWT) => j.setIssuer('geres').setAudience('geres').setIssuedAt().setExpirationTime('3650d')],
      ['no iat', (j: SignJWT) => j.setIssuer('geres').setAudience('geres').setExpirationTime('600s')],
    ])('refuses a token signed by our key with %s (401 invalid-token)', async (_, build) => {
      const res = await me(await forge({}, build));
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('urn:geres:problem:invalid-token');
    });
  });

  describe('refresh families', () => {
    it('keep the end of the login through every rotation', async () => {
      const first = (await loginFrom(address(), 'admin.pl')).body;
      expect(first.refreshExpiresIn).toBeLessThanOrEqual(600);
      expect(first.refreshExpiresIn).toBeGreaterThan(590);
      const second = (await gw.http.post('/v1/auth/refresh').send({ refreshToken: first.refreshToken })).body;
      expect(second.refreshExpiresIn).toBeLessThanOrEqual(first.refreshExpiresIn);
      const em = gw.em.fork();
      const hash = (token: string) => createHash('sha256').update(token).digest('hex');
      const family = [
        await em.findOneOrFail(RefreshToken, { tokenHash: hash(first.refreshToken) }),
        await em.findOneOrFail(RefreshToken, { tokenHash: hash(second.refreshToken) }),
      ];
      expect(family[1].family).toBe(family[0].family);
      expect(family[1].familyExpiresAt!.getTime()).toBe(family[0].familyExpiresAt!.getTime());
      expect(family[1].expiresAt.getTime()).toBeLessThanOrEqual(family[0].familyExpiresAt!.getTime());
    });

    it('are refused once the login has reached its maximum duration, whatever the token\'s own expiry', async () => {
      const s = (await loginFrom(address(), 'admin.pl')).body;
      const em = gw.em.fork();
      const row = await em.findOneOrFail(RefreshToken, { tokenHash: createHash('sha256').update(s.refreshToken).digest('hex') });
      await em.nativeUpdate(RefreshToken, { family: row.family }, { familyExpiresAt: new Date(Date.now() - 1000), expiresAt: new Date(Date.now() + 3600_000) });
      const res = await gw.http.post('/v1/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'urn:geres:problem:invalid-token', detail: 'This login has reached its maximum duration; log in again' });
    });
  });

  describe('ending every session', () => {
    it('a password change revokes every refresh token of the person, and the new password must differ', async () => {
      const a = (await loginFrom(address(), 'admin.salento')).body;
      const b = (await loginFrom(address(), 'admin.salento')).body;
      const same = await gw.http.post('/v1/me/password').auth(a.accessToken, { type: 'bearer' }).send({ currentPassword: PASSWORD, newPassword: PASSWORD });
      expect(same.status).toBe(400);
      expect(same.body.type).toBe('urn:geres:problem:weak-password');
      const changed = await gw.http
        .post('/v1/me/password')
        .auth(a.accessToken, { type: 'bearer' })
        .send({ currentPassword: PASSWORD, newPassword: 'Another-Password-2026!' });
      expect(changed.status).toBe(204);
      for (const s of [a, b]) {
        const res = await gw.http.post('/v1/auth/refresh').send({ refreshToken: s.refreshToken });
        expect(res.status).toBe(401);
        expect(res.body.type).toBe('urn:geres:problem:invalid-token');
      }
      expect((await loginFrom(address(), 'admin.salento')).status).toBe(401);
      expect((await loginFrom(address(), 'admin.salento', 'Another-Password-2026!')).status).toBe(200);
      const open = await gw.em.fork().count(RefreshToken, { user: t.users['admin.salento'].id, revokedAt: null });
      expect(open).toBe(1);
    });

    it('a suspension revokes every refresh token, and they stay revoked after reactivation', async () => {
      const s = (await loginFrom(address(), 'std.consorzio')).body;
      const admin = await login(gw, 'admin.consorzio');
      const id = t.users['std.consorzio'].id;
      expect((await gw.http.patch(`/v1/users/${id}`).auth(admin, { type: 'bearer' }).send({ status: 'suspended' })).status).toBe(200);
      expect(await gw.em.fork().count(RefreshToken, { user: id, revokedAt: null })).toBe(0);
      expect((await gw.http.patch(`/v1/users/${id}`).auth(admin, { type: 'bearer' }).send({ status: 'active' })).status).toBe(200);
      const res = await gw.http.post('/v1/auth/refresh').send({ refreshToken: s.refreshToken });
      expect(res.status).toBe(401);
      expect(res.body.type).toBe('urn:geres:problem:invalid-token');
    });
  });

  describe('throttling failed credentials', () => {
    it('five anonymous wrong passwords from one address slow that address down, not the TOP from another', async () => {
      const attacker = address();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await loginFrom(attacker, 'top.bari', `wrong-${i}`)).status);
      // Three failures, then the address has to wait: the fourth and fifth are not even checked.
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const slowed = await loginFrom(attacker, 'top.bari');
      expect(slowed.status).toBe(429);
      expect(slowed.body).toMatchObject({ type: 'urn:geres:problem:rate-limited', retryAfterSeconds: 1 });
      expect(slowed.headers['retry-after']).toBe('1');
      const office = address();
      const top = await loginFrom(office, 'top.bari');
      expect(top.status).toBe(200);

      // The TOP is told: an entry in their own access log naming the address and the count.
      await gw.drain();
      const log = await gw.http.get('/v1/me/access-log?event=login_throttled').auth(top.body.accessToken, { type: 'bearer' });
      expect(log.status).toBe(200);
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({ event: 'login_throttled', clientIp: attacker, detail: `3 failures from ${attacker}; next in 1 s` });
    });

    it('a person\'s managers see the throttling of their users', async () => {
      const from = address();
      for (let i = 0; i < 3; i++) expect((await loginFrom(from, 'admin.salento', 'wrong-password')).status).toBe(401);
      for (let i = 0; i < 3; i++) expect((await loginFrom(from, 'std.salento', 'wrong-password')).status).toBe(401);
      await gw.drain();
      const top = await login(gw, 'top.lecce');
      const log = await gw.http.get('/v1/access-log?event=login_throttled').auth(top, { type: 'bearer' });
      expect(log.status).toBe(200);
      expect(log.body.items.map((e: any) => [e.username, e.clientIp]).sort()).toEqual([['admin.salento', from], ['std.salento', from]]);
    });

    it('throttles client secrets on /v1/oauth/token by client id and address', async () => {
      const admin = await login(gw, 'admin.consorzio');
      const app = (await gw.http.post('/v1/applications').auth(admin, { type: 'bearer' }).send({ name: 'Throttled', operatorIds: [t.users['std.consorzio'].id] })).body;
      const token = (from: string, secret: string) =>
        gw.http.post('/v1/oauth/token').set('X-Forwarded-For', from).type('form').send({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: secret });
      const guesser = address();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await token(guesser, `grs_wrong${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const waiting = await token(guesser, app.clientSecret);
      expect(waiting.body).toMatchObject({ type: 'urn:geres:problem:rate-limited', retryAfterSeconds: 1 });
      expect((await token(address(), app.clientSecret)).status).toBe(200);
      await gw.drain();
      const entries = await gw.em.fork().find(AccessLog, { event: 'login_throttled', applicationId: app.id });
      expect(entries.map((e) => [e.enteId, e.clientIp])).toEqual([[t.enti.consorzio.id, guesser]]);
    });

    it('throttles wrong current passwords on /v1/me/password', async () => {
      const from = address();
      const s = (await loginFrom(from, 'ps.pl')).body;
      const change = (current: string) =>
        gw.http.post('/v1/me/password').set('X-Forwarded-For', from).auth(s.accessToken, { type: 'bearer' }).send({ currentPassword: current, newPassword: 'Brand-New-Password-77' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await change(`wrong-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const waiting = await change(PASSWORD);
      expect(waiting.status).toBe(429);
      expect(waiting.headers['retry-after']).toBe('1');
    });
  });

  describe('HTTP Basic client authentication', () => {
    let app: { clientId: string; clientSecret: string };
    beforeAll(async () => {
      const admin = await login(gw, 'admin.consorzio');
      app = (await gw.http.post('/v1/applications').auth(admin, { type: 'bearer' }).send({ name: 'Basic', operatorIds: [t.users['std.consorzio'].id] })).body;
    });
    const withBasic = (header: string) =>
      gw.http.post('/v1/oauth/token').set('X-Forwarded-For', address()).set('Authorization', header).send({ grant_type: 'client_credentials' });
    const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

    it('decodes form-urlencoded client ids and secrets', async () => {
      const encodedId = app.clientId.replace('_', '%5F');
      const res = await withBasic(`Basic ${b64(`${encodedId}:${encodeURIComponent(app.clientSecret)}`)}`);
      expect(res.status).toBe(200);
    });

    it.each([
      ['malformed base64', 'Basic %%%'],
      ['no colon', `Basic ${b64('app_nocolon')}`],
      ['a bad escape', `Basic ${b64('%zz:secret')}`],
      ['a truncated escape', `Basic ${b64('app_x:%E0%A4%A')}`],
      ['a NUL', `Basic ${b64('app_x\u0000:secret')}`],
      ['an encoded NUL', `Basic ${b64('app_x:%00')}`],
      ['invalid UTF-8', `Basic ${b64(Buffer.from([0x61, 0x3a, 0xc3, 0x28]))}`],
      ['nothing after Basic', 'Basic'],
    ])('answers %s with 401 invalid-client, never 500', async (_, header) => {
      const res = await withBasic(header);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'urn:geres:problem:invalid-client', error: 'invalid_client' });
    });
  });

  describe('forced password change', () => {
    it('a user imported without a password must change it before anything else', async () => {
      const admin = await login(gw, 'admin.consorzio');
      const imported = await gw.http
        .post('/v1/users/import')
        .auth(admin, { type: 'bearer' })
        .set('content-type', 'text/csv')
        .send('username,name,email,role,ente\nfresh.one,Fresh,f@test.invalid,STANDARD,93012345678\n');
      expect(imported.status).toBe(201);
      const temporary = imported.body.users[0].temporaryPassword;
      expect((await gw.em.fork().findOneOrFail(User, { username: 'fresh.one' })).mustChangePassword).toBe(true);

      const first = await loginFrom(address(), 'fresh.one', temporary);
      expect(first.status).toBe(200);
      expect(first.body.passwordChangeRequired).toBe(true);
      const bearer = { type: 'bearer' } as const;
      for (const [method, path] of [['get', '/v1/me/access-log'], ['get', '/v1/users'], ['get', '/v1/me/usage'], ['post', '/v1/persons/search']] as const) {
        const res = await gw.http[method](path).auth(first.body.accessToken, bearer).send(method === 'post' ? {} : undefined);
        expect([path, res.status, res.body.type]).toEqual([path, 403, 'urn:geres:problem:password-change-required']);
      }
      expect((await gw.http.get('/v1/me').auth(first.body.accessToken, bearer)).status).toBe(200);
      const changed = await gw.http
        .post('/v1/me/password')
        .auth(first.body.accessToken, bearer)
        .send({ currentPassword: temporary, newPassword: 'Chosen-By-Me-2026' });
      expect(changed.status).toBe(204);
      expect((await gw.em.fork().findOneOrFail(User, { username: 'fresh.one' })).mustChangePassword).toBe(false);
      expect((await gw.http.get('/v1/users').auth(first.body.accessToken, bearer)).status).toBe(200);
      const again = await loginFrom(address(), 'fresh.one', 'Chosen-By-Me-2026');
      expect(again.body.passwordChangeRequired).toBe(false);
    });

    it('logout stays open to a user who must change their password', async () => {
      await gw.em.fork().nativeUpdate(User, { username: 'admin.pl' }, { mustChangePassword: true });
      const s = (await loginFrom(address(), 'admin.pl')).body;
      expect(s.passwordChangeRequired).toBe(true);
      expect((await gw.http.post('/v1/auth/logout').auth(s.accessToken, { type: 'bearer' }).send({ refreshToken: s.refreshToken })).status).toBe(204);
      await gw.em.fork().nativeUpdate(User, { username: 'admin.pl' }, { mustChangePassword: false });
    });
  });
});
