import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { User } from '#libs/domain';
import { logDestination } from '../src/common/logger.js';
import { seedSandbox, type SandboxCredentials } from '../src/sandbox/seed.js';
import { ComuneOnboardingService } from '../src/onboarding/comune-onboarding.service.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

describe.each(backends())('platform on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend, process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {});
    t = await seedTenants(gw.em);
  }, 60_000);
  afterAll(() => gw?.close(), 60_000);

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await gw.http.get('/health/live').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await gw.http.get('/health/live').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers errors as problem+json with a stable type and the request id', async () => {
    const unknown = await gw.http.get('/v1/nothing-here').set('X-Request-Id', 'r-404');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ type: 'urn:geres:problem:not-found', status: 404, requestId: 'r-404', instance: '/v1/nothing-here' });
    const badJson = await gw.http.post('/v1/auth/login').set('content-type', 'application/json').send('{"username":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.type).toBe('urn:geres:problem:bad-request');
    const huge = await gw.http.post('/v1/auth/login').set('content-type', 'application/json').send(JSON.stringify({ username: 'x'.repeat(200_000), password: 'y' }));
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('urn:geres:problem:payload-too-large');
    const noToken = await gw.http.get('/v1/users');
    expect(noToken.body).toMatchObject({ status: 401, type: 'urn:geres:problem:unauthenticated' });
    const extra = await gw.http.post('/v1/auth/login').send({ username: 'a', password: 'b', admin: true });
    expect(extra.body.type).toBe('urn:geres:problem:validation-failed');
    expect(extra.body.errors).toEqual([{ field: 'admin', message: 'admin is not a known field' }]);
  });

  it('reports liveness, readiness (database and Redis) and Prometheus metrics', async () => {
    expect((await gw.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await gw.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'ok', redis: process.env.TEST_REDIS_URL ? 'ok' : 'not configured' });
    const metrics = await gw.http.get('/metrics');
    expect(metrics.text).toMatch(/geres_http_requests_total\{method="GET",route="\/health\/ready",status="200",outcome="ok"\} \d+/);
    expect(metrics.text).toContain('geres_http_request_duration_seconds_bucket');
  });

  it('imports users from CSV all or nothing, with a report by row', async () => {
    const token = await login(gw, 'admin.consorzio');
    const bad = await gw.http
      .post('/v1/users/import')
      .auth(token, { type: 'bearer' })
      .set('content-type', 'text/csv')
      .send(['username,name,email,role,ente,password', 'good.one,Good,g@test.invalid,STANDARD,93012345678,', 'Bad User,,nope,STANDARD,93012345678,short', 'good.one,Dup,d@test.invalid,STANDARDPS,93012345678,'].join('\n'));
    expect(bad.status).toBe(422);
    expect(bad.body.type).toBe('urn:geres:problem:import-failed');
    const rows = bad.body.errors.map((e: any) => `${e.row}:${e.field}`);
    expect(rows).toEqual(expect.arrayContaining(['3:username', '3:name', '3:email', '3:password', '4:username']));
    expect(await gw.em.fork().count(User, { username: 'good.one' })).toBe(0);

    const good = await gw.http
      .post('/v1/users/import')
      .auth(token, { type: 'bearer' })
      .set('content-type', 'text/csv')
      .send('username,name,email,role,ente\nnew.one,"Rossi, Mario",m@test.invalid,STANDARD,93012345678\nnew.two,Bianchi,b@test.invalid,STANDARDPS,93012345678\n');
    expect(good.status).toBe(201);
    expect(good.body.imported).toBe(2);
    expect(good.body.users[0].temporaryPassword).toMatch(/^Tmp-/);
    const newcomer = await login(gw, 'new.one', good.body.users[0].temporaryPassword);
    expect(newcomer).toBeTruthy();
    const created = await gw.em.fork().findOneOrFail(User, { username: 'new.one' }, { populate: ['ente', 'createdBy'] });
    expect(created).toMatchObject({ name: 'Rossi, Mario', role: 'STANDARD' });
    expect(created.ente!.id).toBe(t.enti.consorzio.id);
    expect(created.createdBy!.username).toBe('admin.consorzio');
  });

  it('validates Comune settings and names the bad field', async () => {
    const top = await login(gw, 'top.bari');
    const res = await gw.http.patch('/v1/comuni/072006/settings').auth(top, { type: 'bearer' }).send({ alarmNightStart: '25:00', workstationPolicy: 'sometimes' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['alarmNightStart', 'workstationPolicy']));
    const ok = await gw.http.patch('/v1/comuni/072006/settings').auth(top, { type: 'bearer' }).send({ nonResidentVisuraPolicy: 'silent_consent', silentConsentHours: 48 });
    expect(ok.body.settings).toMatchObject({ nonResidentVisuraPolicy: 'silent_consent', silentConsentHours: 48, alarmNightStart: '22:00' });
  });
});

describe.each(backends())('access logs and metrics on $name', (backend) => {
  const METRICS_TOKEN = 'metrics-token-for-tests-0123';
  let gw: TestGateway;
  let lines: string[] = [];

  beforeAll(async () => {
    gw = await startGateway(backend, { LOG_LEVEL: 'info', METRICS_TOKEN });
    await seedTenants(gw.em);
    // Every log line pino writes, instead of stdout.
    jest.spyOn(logDestination, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    });
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await gw?.close();
  }, 60_000);

  it('never writes a codice fiscale or an idANPR from a path or a query string into the access log', async () => {
    const token = await login(gw, 'ps.pl');
    lines = [];
    const identifiers = ['RSSMRA80A01H501U', 'OR69233LN', 'rssmra80a01h501u'];
    const paths = [
      '/v1/persons/RSSMRA80A01H501U',
      '/v1/persons/OR69233LN?sections=generalita',
      '/v1/persons/rssmra80a01h501u',
      '/v1/nothing/RSSMRA80A01H501U',
      '/v1/audit-events?subject=RSSMRA80A01H501U',
    ];
    for (const path of paths) await gw.http.get(path).auth(token, { type: 'bearer' }).set('X-Request-Id', `redaction-${paths.indexOf(path)}`);
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => String(l.requestId ?? '').startsWith('redaction-'));
    // One line per request, with the route's shape kept.
    expect(logged.map((l) => [l.requestId, l.req?.url])).toEqual([
      ['redaction-0', '/v1/persons/:identifier'],
      ['redaction-1', '/v1/persons/:identifier'],
      ['redaction-2', '/v1/persons/:identifier'],
      ['redaction-3', '/v1/nothing/:id'],
      ['redaction-4', '/v1/audit-events'],
    ]);
    const everything = lines.join('\n');
    for (const id of identifiers) expect(everything).not.toContain(id);
  });

  it('publishes metrics only to the holder of METRICS_TOKEN', async () => {
    const none = await gw.http.get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body.type).toBe('urn:geres:problem:unauthenticated');
    const userToken = await login(gw, 'top.bari');
    const wrong = await gw.http.get('/metrics').auth(userToken, { type: 'bearer' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toBe('urn:geres:problem:invalid-token');
    const ok = await gw.http.get('/metrics').auth(METRICS_TOKEN, { type: 'bearer' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.text).toContain('geres_http_requests_total');
  });
});

describe('sandbox seed', () => {
  let gw: TestGateway;
  let creds: SandboxCredentials;
  beforeAll(async () => {
    gw = await startGateway({ name: 'sqlite' });
    creds = await seedSandbox(gw.em.fork(), gw.app.get(ComuneOnboardingService));
  });
  afterAll(() => gw?.close());

  it('gives every demo user a working login and the view of their role', async () => {
    const seen: Record<string, number> = {};
    for (const u of creds.users) {
      const token = await login(gw, u.username, u.password);
      const me = (await gw.http.get('/v1/me').auth(token, { type: 'bearer' })).body;
      expect(me.user.role).toBe(u.role);
      seen[`${u.comune} ${u.role}`] = (await gw.http.get('/v1/users').auth(token, { type: 'bearer' })).body.total;
    }
    expect(seen).toEqual({ '072006 TOP': 4, '072006 ADMIN': 1, '072006 STANDARD': 1, '072006 STANDARDPS': 1, '075035 TOP': 3, '075035 ADMIN': 1, '075035 STANDARD': 1 });
    expect(creds.users.find((u) => u.role === 'TOP')!.mediator).toBe(true);
    // Seven argon2 logins: more than the default five seconds on a loaded machine.
  }, 60_000);

  it('seeds an application that acts for its operator, and a workstation', async () => {
    const tok = await gw.http
      .post('/v1/oauth/token')
      .send({ grant_type: 'client_credentials', client_id: creds.application.clientId, client_secret: creds.application.clientSecret });
    const me = await gw.http
      .get('/v1/me')
      .auth(tok.body.access_token, { type: 'bearer' })
      .set({ 'X-GeRes-Operator': creds.application.operator, 'X-GeRes-Workstation': creds.workstation.code, 'X-GeRes-Device-Token': creds.workstation.deviceToken });
    expect(me.status).toBe(200);
    expect(me.body.workstation).toMatchObject({ code: creds.workstation.code, authorised: true });
  });
});
