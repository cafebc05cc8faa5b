import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Application, ApplicationSecret, User, Workstation } from '#libs/domain';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

/**
 * Role × action × tenant: every governance endpoint, tried by every kind of user, inside and
 * outside their area. An attempt outside one's area gets 403 or 404 and changes nothing.
 */
const ACTORS = ['top.bari', 'top.lecce', 'admin.consorzio', 'admin.salento', 'std.consorzio', 'ps.pl'] as const;
type Actor = (typeof ACTORS)[number];

const GOVERNANCE_TABLES = ['comune', 'ente', 'convenzione', 'app_user', 'profile', 'application', 'application_secret', 'application_operator', 'workstation'];

interface Ctx {
  gw: TestGateway;
  t: Tenants;
  appId: string;
  secretId: string;
  wsId: string;
}

type Call = (ctx: Ctx, actor: Actor, token: string) => Promise<{ status: number; body: any; headers: Record<string, string> }>;

let n = 0;
const uniq = (actor: string) => `${actor.replace('.', '-')}-${++n}`;

const ACTIONS: Array<{ name: string; allowed: Actor[]; call: Call }> = [
  { name: 'getComune Bari', allowed: ['top.bari'], call: (c, _a, t) => c.gw.http.get('/v1/comuni/072006').auth(t, { type: 'bearer' }) },
  {
    name: 'updateComuneSettings Bari',
    allowed: ['top.bari'],
    call: (c, _a, t) => c.gw.http.patch('/v1/comuni/072006/settings').auth(t, { type: 'bearer' }).send({ alarmRepeatThreshold: 7 }),
  },
  {
    name: 'createEnte',
    allowed: ['top.bari', 'top.lecce'],
    call: (c, a, t) =>
      c.gw.http.post('/v1/enti').auth(t, { type: 'bearer' }).send({ kind: 'external_body', name: `Ente ${uniq(a)}`, convenzione: { validFrom: '2026-01-01' } }),
  },
  { name: 'getEnte Consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, _a, t) => c.gw.http.get(`/v1/enti/${c.t.enti.consorzio.id}`).auth(t, { type: 'bearer' }) },
  { name: 'updateEnte Consorzio', allowed: ['top.bari'], call: (c, a, t) => c.gw.http.patch(`/v1/enti/${c.t.enti.consorzio.id}`).auth(t, { type: 'bearer' }).send({ name: `Consorzio ${uniq(a)}` }) },
  {
    name: 'createUser ADMIN in Consorzio',
    allowed: ['top.bari'],
    call: (c, a, t) =>
      c.gw.http
        .post('/v1/users')
        .auth(t, { type: 'bearer' })
        .send({ username: uniq(a), name: 'N', email: 'n@test.invalid', role: 'ADMIN', enteId: c.t.enti.consorzio.id, password: 'Another-Password-9' }),
  },
  {
    name: 'createUser STANDARD in Consorzio',
    allowed: ['top.bari', 'admin.consorzio'],
    call: (c, a, t) =>
      c.gw.http
        .post('/v1/users')
        .auth(t, { type: 'bearer' })
        .send({ username: uniq(a), name: 'N', email: 'n@test.invalid', role: 'STANDARD', enteId: c.t.enti.consorzio.id, password: 'Another-Password-9' }),
  },
  {
    name: 'importUsers into Consorzio',
    allowed: ['top.bari', 'admin.consorzio'],
    call: (c, a, t) =>
      c.gw.http
        .post('/v1/users/import')
        .auth(t, { type: 'bearer' })
        .set('content-type', 'text/csv')
        .send(`username,name,email,role,ente\n${uniq(a)},Imported,i@test.invalid,STANDARD,${c.t.enti.consorzio.codiceFiscale}\n`),
  },
  { name: 'getUser std.consorzio', allowed: ['top.bari', 'admin.consorzio', 'std.consorzio'], call: (c, _a, t) => c.gw.http.get(`/v1/users/${c.t.users['std.consorzio'].id}`).auth(t, { type: 'bearer' }) },
  {
    name: 'updateUser std.consorzio',
    allowed: ['top.bari', 'admin.consorzio'],
    call: (c, a, t) => c.gw.http.patch(`/v1/users/${c.t.users['std.consorzio'].id}`).auth(t, { type: 'bearer' }).send({ name: `Renamed ${uniq(a)}` }),
  },
  { name: 'getUserProfile std.consorzio', allowed: ['top.bari', 'admin.consorzio', 'std.consorzio'], call: (c, _a, t) => c.gw.http.get(`/v1/users/${c.t.users['std.consorzio'].id}/profile`).auth(t, { type: 'bearer' }) },
  {
    name: 'setUserProfile std.consorzio',
    allowed: ['top.bari', 'admin.consorzio'],
    call: (c, _a, t) =>
      c.gw.http
        .put(`/v1/users/${c.t.users['std.consorzio'].id}/profile`)
        .auth(t, { type: 'bearer' })
        .send({ sections: ['generalita'], visuraTypes: ['residenza'], rivestizioneFields: ['codiceFiscale'], scope: 'agreed', allowedComuni: ['072006'], dailyQuota: 50 }),
  },
  { name: 'createApplication', allowed: ['admin.consorzio', 'admin.salento'], call: (c, a, t) => c.gw.http.post('/v1/applications').auth(t, { type: 'bearer' }).send({ name: `App ${uniq(a)}` }) },
  { name: 'getApplication of Consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, _a, t) => c.gw.http.get(`/v1/applications/${c.appId}`).auth(t, { type: 'bearer' }) },
  { name: 'rotateApplicationSecret of Consorzio', allowed: ['admin.consorzio'], call: (c, _a, t) => c.gw.http.post(`/v1/applications/${c.appId}/secrets`).auth(t, { type: 'bearer' }) },
  {
    name: 'setApplicationOperators of Consorzio',
    allowed: ['admin.consorzio'],
    call: (c, _a, t) => c.gw.http.put(`/v1/applications/${c.appId}/operators`).auth(t, { type: 'bearer' }).send({ operatorIds: [c.t.users['std.consorzio'].id] }),
  },
  {
    name: 'createWorkstation for Consorzio',
    allowed: ['top.bari', 'admin.consorzio'],
    call: (c, a, t) => c.gw.http.post('/v1/workstations').auth(t, { type: 'bearer' }).send({ code: uniq(a), label: 'PC', enteId: c.t.enti.consorzio.id, ipRange: '10.0.0.0/8' }),
  },
  { name: 'authorise workstation of Consorzio', allowed: ['top.bari'], call: (c, _a, t) => c.gw.http.patch(`/v1/workstations/${c.wsId}`).auth(t, { type: 'bearer' }).send({ authorised: true }) },
  { name: 'verifyAuditTrail', allowed: ['top.bari', 'top.lecce'], call: (c, _a, t) => c.gw.http.get('/v1/audit-events/verification').auth(t, { type: 'bearer' }) },
  { name: 'revokeApplicationSecret of Consorzio', allowed: ['admin.consorzio'], call: (c, _a, t) => c.gw.http.delete(`/v1/applications/${c.appId}/secrets/${c.secretId}`).auth(t, { type: 'bearer' }) },
];

async function governanceDigest(gw: TestGateway): Promise<string> {
  const h = createHash('sha256');
  for (const table of GOVERNANCE_TABLES) {
    const rows = await gw.em.getConnection().execute(`select * from ${table}`);
    const norm = (rows as any[]).map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? r[k].toISOString() : String(r[k])]))).sort();
    h.update(table).update(norm.join('\n'));
  }
  return h.digest('hex');
}

describe.each(backends())('governance matrix on $name', (backend) => {
  let ctx: Ctx;
  const tokens = {} as Record<Actor, string>;

  beforeAll(async () => {
    announceSkips();
    const gw = await startGateway(backend);
    const t = await seedTenants(gw.em);
    const em = gw.em.fork();
    const app = em.create(Application, { ente: t.enti.consorzio.id, name: 'Fixture app', clientId: 'app_fixture' } as any);
    const secret = em.create(ApplicationSecret, { application: app, hash: 'x', prefix: 'grs_fixt' } as any);
    const ws = em.create(Workstation, { code: 'FIXTURE-WS', label: 'fixture', ente: t.enti.consorzio.id } as any);
    await em.flush();
    ctx = { gw, t, appId: app.id, secretId: secret.id, wsId: ws.id };
    for (const a of ACTORS) tokens[a] = await login(gw, a);
  });

  afterAll(async () => {
    await ctx?.gw.close();
  });

  for (const action of ACTIONS) {
    describe(action.name, () => {
      for (const actor of ACTORS) {
        const allowed = action.allowed.includes(actor);
        it(`${actor} ${allowed ? 'may' : 'may not'}`, async () => {
          const before = allowed ? '' : await governanceDigest(ctx.gw);
          const res = await action.call(ctx, actor, tokens[actor]);
          if (allowed) {
            expect({ status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({ status: expect.any(Number), body: 'ok' });
          } else {
            expect([403, 404]).toContain(res.status);
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
            expect(await governanceDigest(ctx.gw)).toBe(before);
          }
        });
      }
    });
  }

  it('list endpoints show each role only its own area', async () => {
    const names = async (actor: Actor) =>
      ((await ctx.gw.http.get('/v1/users?pageSize=200').auth(tokens[actor], { type: 'bearer' })).body.items as Array<{ username: string }>).map((u) => u.username);
    const topBari = await names('top.bari');
    expect(topBari).toEqual(expect.arrayContaining(['top.bari', 'admin.consorzio', 'std.consorzio', 'ps.pl', 'admin.pl']));
    expect(topBari).not.toEqual(expect.arrayContaining(['top.lecce']));
    expect(topBari.some((u) => u.includes('salento'))).toBe(false);
    const adminC = await names('admin.consorzio');
    expect(adminC).toContain('std.consorzio');
    expect(adminC.some((u) => ['top.bari', 'admin.consorzio', 'ps.pl', 'std.salento'].includes(u))).toBe(false);
    expect(await names('std.consorzio')).toEqual(['std.consorzio']);
    const enti = (await ctx.gw.http.get('/v1/enti').auth(tokens['top.lecce'], { type: 'bearer' })).body.items.map((e: any) => e.name);
    expect(enti).toEqual(expect.arrayContaining(['Servizi Salento']));
    // Consorzio's convenzione with Lecce has ended: Lecce's TOP users no longer manage it.
    expect(enti).not.toContain('Polizia Locale di Bari');
    expect(enti.some((e: string) => e.startsWith('Consorzio'))).toBe(false);
  });

  it('ADMIN cannot grant more than their own profile or the convenzioni allow', async () => {
    const id = ctx.t.users['std.consorzio'].id;
    const res = await ctx.gw.http
      .put(`/v1/users/${id}/profile`)
      .auth(tokens['admin.consorzio'], { type: 'bearer' })
      .send({ sections: ['generalita', 'decesso'], visuraTypes: [], rivestizioneFields: [], scope: 'national', allowedComuni: ['072006', '075035'], dailyQuota: 900 });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:geres:problem:grant-exceeds-own');
    expect(res.body.violations).toEqual(
      expect.arrayContaining([
        'allowedComuni: 075035 has no active convenzione with the user\'s ente',
        'sections: decesso is beyond your own profile',
        'scope: national search is beyond your own profile',
        'dailyQuota: 900 exceeds your own 500',
      ]),
    );
  });

  it('nobody changes their own account', async () => {
    const me = ctx.t.users['admin.consorzio'].id;
    const res = await ctx.gw.http.patch(`/v1/users/${me}`).auth(tokens['admin.consorzio'], { type: 'bearer' }).send({ name: 'Me' });
    expect(res.status).toBe(403);
    const reloaded = await ctx.gw.em.fork().findOneOrFail(User, { id: me });
    expect(reloaded.name).toBe('admin.consorzio');
  });
});
