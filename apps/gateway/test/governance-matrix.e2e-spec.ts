import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { Application, ApplicationSecret, Convenzione, Profile, User, Workstation } from '#libs/domain';
import { AuditController } from '../src/audit/audit.controller.js';
import { AuditService } from '../src/audit/audit.service.js';
import { hashSecret } from '../src/auth/password.js';
import { ApplicationsController } from '../src/governance/applications/applications.controller.js';
import { ComuniController } from '../src/governance/comuni/comuni.controller.js';
import { EntiController } from '../src/governance/enti/enti.controller.js';
import { UsersController } from '../src/governance/users/users.controller.js';
import { WorkstationsController } from '../src/governance/workstations/workstations.controller.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

// Each suite starts a gateway on a fresh database (MariaDB too) and checks many cases; a shared CI box is slow.
jest.setTimeout(120_000);

/**
 * The cross-tenant matrix over two Comuni (issue 9): every governance and monitoring endpoint, read
 * from the controllers, tried by every kind of caller — each Comune's TOP, each Comune's ADMIN, a
 * STANDARD and a STANDARDPS user, and an application acting for its operator — on targets inside and
 * outside their area. Lecce holds an active convenzione with Bari's consorzio, the state the attacker
 * of finding 1 built: it lets Lecce see the Ente and its own agreement, and nothing else.
 * An attempt outside one's area gets 403 or 404 as problem+json and changes no table.
 */
const ACTORS = ['top.bari', 'top.lecce', 'admin.consorzio', 'admin.salento', 'std.consorzio', 'ps.pl', 'app.consorzio'] as const;
type Actor = (typeof ACTORS)[number];
const PERSONS = ACTORS.filter((a) => a !== 'app.consorzio');

/** Append-only logs that a refusal is expected to write to; every other table must stay as it was. */
const LOG_TABLES = new Set(['audit_event', 'audit_chain', 'access_log']);

interface Ctx {
  gw: TestGateway;
  t: Tenants;
  ids: Record<string, string>;
}

type Res = { status: number; body: any; headers: Record<string, string> };
type Call = (c: Ctx, req: (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) => any, actor: Actor) => Promise<Res>;
interface Case {
  operation: string;
  name: string;
  allowed: readonly Actor[];
  call: Call;
}

let n = 0;
const uniq = (actor: string) => `${actor.replace('.', '-')}-${++n}`;
const TOPS = ['top.bari', 'top.lecce'] as const;
const TOPS_ADMINS = ['top.bari', 'top.lecce', 'admin.consorzio', 'admin.salento'] as const;
const newUser = (a: string, role: string, enteId?: string) => ({ username: uniq(a), name: 'N', email: 'n@test.invalid', role, enteId, password: 'Another-Password-9' });
const profile = (comune: string) => ({ sections: ['generalita'], visuraTypes: ['residenza'], rivestizioneFields: ['codiceFiscale'], scope: 'agreed', allowedComuni: [comune], dailyQuota: 50 });

const CASES: Case[] = [
  // Comuni
  { operation: 'getComune', name: 'Bari', allowed: ['top.bari'], call: (_c, r) => r('get', '/v1/comuni/072006') },
  { operation: 'getComune', name: 'Lecce', allowed: ['top.lecce'], call: (_c, r) => r('get', '/v1/comuni/075035') },
  { operation: 'updateComuneSettings', name: 'Bari', allowed: ['top.bari'], call: (_c, r) => r('patch', '/v1/comuni/072006/settings').send({ alarmRepeatThreshold: 7 }) },
  { operation: 'updateComuneSettings', name: 'Lecce', allowed: ['top.lecce'], call: (_c, r) => r('patch', '/v1/comuni/075035/settings').send({ alarmRepeatThreshold: 8 }) },
  // Enti and convenzioni
  { operation: 'listEnti', name: 'all', allowed: TOPS_ADMINS, call: (_c, r) => r('get', '/v1/enti') },
  { operation: 'createEnte', name: 'own Comune', allowed: TOPS, call: (_c, r, a) => r('post', '/v1/enti').send({ kind: 'external_body', name: `Ente ${uniq(a)}`, convenzione: { validFrom: '2026-01-01' } }) },
  { operation: 'getEnte', name: 'consorzio (Bari\'s, agreed with Lecce)', allowed: ['top.bari', 'top.lecce', 'admin.consorzio'], call: (c, r) => r('get', `/v1/enti/${c.t.enti.consorzio.id}`) },
  { operation: 'getEnte', name: 'salento (Lecce\'s)', allowed: ['top.lecce', 'admin.salento'], call: (c, r) => r('get', `/v1/enti/${c.t.enti.salento.id}`) },
  { operation: 'updateEnte', name: 'consorzio', allowed: ['top.bari'], call: (c, r, a) => r('patch', `/v1/enti/${c.t.enti.consorzio.id}`).send({ name: `Consorzio ${uniq(a)}` }) },
  { operation: 'updateEnte', name: 'salento', allowed: ['top.lecce'], call: (c, r, a) => r('patch', `/v1/enti/${c.t.enti.salento.id}`).send({ name: `Salento ${uniq(a)}` }) },
  // A convenzione names the caller's own Comune: any TOP may consent for any Ente.
  { operation: 'createConvenzione', name: 'with salento', allowed: TOPS, call: (c, r) => r('post', `/v1/enti/${c.t.enti.salento.id}/convenzioni`).send({ validFrom: '2030-01-01', validTo: '2030-12-31' }) },
  { operation: 'endConvenzione', name: 'Lecce\'s with consorzio', allowed: ['top.lecce'], call: (c, r) => r('patch', `/v1/enti/${c.t.enti.consorzio.id}/convenzioni/${c.ids.convLecceConsorzio}`).send({ validTo: '2099-12-31' }) },
  { operation: 'endConvenzione', name: 'Bari\'s with consorzio', allowed: ['top.bari'], call: (c, r) => r('patch', `/v1/enti/${c.t.enti.consorzio.id}/convenzioni/${c.ids.convBariConsorzio}`).send({ validTo: '2099-12-31' }) },
  // Users and profiles
  { operation: 'listUsers', name: 'all', allowed: PERSONS, call: (_c, r) => r('get', '/v1/users') },
  { operation: 'createUser', name: 'TOP of own Comune', allowed: TOPS, call: (_c, r, a) => r('post', '/v1/users').send(newUser(a, 'TOP')) },
  { operation: 'createUser', name: 'ADMIN in consorzio', allowed: ['top.bari'], call: (c, r, a) => r('post', '/v1/users').send(newUser(a, 'ADMIN', c.t.enti.consorzio.id)) },
  { operation: 'createUser', name: 'STANDARD in consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, r, a) => r('post', '/v1/users').send(newUser(a, 'STANDARD', c.t.enti.consorzio.id)) },
  { operation: 'createUser', name: 'STANDARDPS in consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, r, a) => r('post', '/v1/users').send(newUser(a, 'STANDARDPS', c.t.enti.consorzio.id)) },
  { operation: 'createUser', name: 'STANDARD in salento', allowed: ['top.lecce', 'admin.salento'], call: (c, r, a) => r('post', '/v1/users').send(newUser(a, 'STANDARD', c.t.enti.salento.id)) },
  {
    operation: 'importUsers',
    name: 'into consorzio',
    allowed: ['top.bari', 'admin.consorzio'],
    call: (c, r, a) => r('post', '/v1/users/import').set('content-type', 'text/csv').send(`username,name,email,role,ente\n${uniq(a)},Imported,i@test.invalid,STANDARD,${c.t.enti.consorzio.codiceFiscale}\n`),
  },
  {
    operation: 'importUsers',
    name: 'into salento',
    allowed: ['top.lecce', 'admin.salento'],
    call: (c, r, a) => r('post', '/v1/users/import').set('content-type', 'text/csv').send(`username,name,email,role,ente\n${uniq(a)},Imported,i@test.invalid,STANDARD,${c.t.enti.salento.codiceFiscale}\n`),
  },
  { operation: 'getUser', name: 'std.consorzio', allowed: ['top.bari', 'admin.consorzio', 'std.consorzio'], call: (c, r) => r('get', `/v1/users/${c.t.users['std.consorzio'].id}`) },
  { operation: 'getUser', name: 'std.salento', allowed: ['top.lecce', 'admin.salento'], call: (c, r) => r('get', `/v1/users/${c.t.users['std.salento'].id}`) },
  { operation: 'getUser', name: 'another TOP of Bari', allowed: ['top.bari'], call: (c, r) => r('get', `/v1/users/${c.ids.top2Bari}`) },
  { operation: 'updateUser', name: 'std.consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, r, a) => r('patch', `/v1/users/${c.t.users['std.consorzio'].id}`).send({ name: `Renamed ${uniq(a)}` }) },
  { operation: 'updateUser', name: 'admin.consorzio', allowed: ['top.bari'], call: (c, r, a) => r('patch', `/v1/users/${c.t.users['admin.consorzio'].id}`).send({ name: `Renamed ${uniq(a)}` }) },
  { operation: 'updateUser', name: 'another TOP of Bari', allowed: ['top.bari'], call: (c, r, a) => r('patch', `/v1/users/${c.ids.top2Bari}`).send({ name: `Renamed ${uniq(a)}` }) },
  { operation: 'updateUser', name: 'std.salento', allowed: ['top.lecce', 'admin.salento'], call: (c, r, a) => r('patch', `/v1/users/${c.t.users['std.salento'].id}`).send({ name: `Renamed ${uniq(a)}` }) },
  { operation: 'getUserProfile', name: 'std.consorzio', allowed: ['top.bari', 'admin.consorzio', 'std.consorzio'], call: (c, r) => r('get', `/v1/users/${c.t.users['std.consorzio'].id}/profile`) },
  { operation: 'getUserProfile', name: 'ps.pl', allowed: ['top.bari', 'ps.pl'], call: (c, r) => r('get', `/v1/users/${c.t.users['ps.pl'].id}/profile`) },
  { operation: 'setUserProfile', name: 'std.consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, r) => r('put', `/v1/users/${c.t.users['std.consorzio'].id}/profile`).send(profile('072006')) },
  { operation: 'setUserProfile', name: 'std.salento', allowed: ['top.lecce', 'admin.salento'], call: (c, r) => r('put', `/v1/users/${c.t.users['std.salento'].id}/profile`).send(profile('075035')) },
  // Applications
  { operation: 'listApplications', name: 'all', allowed: TOPS_ADMINS, call: (_c, r) => r('get', '/v1/applications') },
  { operation: 'createApplication', name: 'own Ente', allowed: ['admin.consorzio', 'admin.salento'], call: (_c, r, a) => r('post', '/v1/applications').send({ name: `App ${uniq(a)}` }) },
  { operation: 'getApplication', name: 'of consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, r) => r('get', `/v1/applications/${c.ids.appC}`) },
  { operation: 'getApplication', name: 'of salento', allowed: ['top.lecce', 'admin.salento'], call: (c, r) => r('get', `/v1/applications/${c.ids.appS}`) },
  { operation: 'rotateApplicationSecret', name: 'of consorzio', allowed: ['admin.consorzio'], call: (c, r) => r('post', `/v1/applications/${c.ids.appC}/secrets`) },
  { operation: 'rotateApplicationSecret', name: 'of salento', allowed: ['admin.salento'], call: (c, r) => r('post', `/v1/applications/${c.ids.appS}/secrets`) },
  { operation: 'revokeApplicationSecret', name: 'of consorzio', allowed: ['admin.consorzio'], call: (c, r) => r('delete', `/v1/applications/${c.ids.appC}/secrets/${c.ids.secretC}`) },
  { operation: 'revokeApplication', name: 'a spare app of consorzio', allowed: ['admin.consorzio'], call: (c, r) => r('post', `/v1/applications/${c.ids.appSpare}/revocation`) },
  { operation: 'setApplicationOperators', name: 'of consorzio', allowed: ['admin.consorzio'], call: (c, r) => r('put', `/v1/applications/${c.ids.appC}/operators`).send({ operatorIds: [c.t.users['std.consorzio'].id] }) },
  { operation: 'setApplicationOperators', name: 'of salento', allowed: ['admin.salento'], call: (c, r) => r('put', `/v1/applications/${c.ids.appS}/operators`).send({ operatorIds: [c.t.users['std.salento'].id] }) },
  // Workstations
  { operation: 'listWorkstations', name: 'all', allowed: TOPS_ADMINS, call: (_c, r) => r('get', '/v1/workstations') },
  { operation: 'createWorkstation', name: 'for consorzio', allowed: ['top.bari', 'admin.consorzio'], call: (c, r, a) => r('post', '/v1/workstations').send({ code: uniq(a), label: 'PC', enteId: c.t.enti.consorzio.id, ipRange: '10.0.0.0/8' }) },
  { operation: 'createWorkstation', name: 'for salento', allowed: ['top.lecce', 'admin.salento'], call: (c, r, a) => r('post', '/v1/workstations').send({ code: uniq(a), label: 'PC', enteId: c.t.enti.salento.id }) },
  { operation: 'updateWorkstation', name: 'authorise consorzio\'s', allowed: ['top.bari'], call: (c, r) => r('patch', `/v1/workstations/${c.ids.wsC}`).send({ authorised: true }) },
  { operation: 'updateWorkstation', name: 'withdraw consorzio\'s', allowed: ['top.bari'], call: (c, r) => r('patch', `/v1/workstations/${c.ids.wsC}`).send({ authorised: false }) },
  { operation: 'updateWorkstation', name: 'relabel consorzio\'s', allowed: ['top.bari', 'admin.consorzio'], call: (c, r, a) => r('patch', `/v1/workstations/${c.ids.wsC}`).send({ label: `PC ${uniq(a)}` }) },
  { operation: 'updateWorkstation', name: 'authorise salento\'s', allowed: ['top.lecce'], call: (c, r) => r('patch', `/v1/workstations/${c.ids.wsS}`).send({ authorised: true }) },
  // Monitoring (what each list shows is checked below)
  { operation: 'searchAuditEvents', name: 'all', allowed: PERSONS, call: (_c, r) => r('get', '/v1/audit-events') },
  { operation: 'searchAuditEvents', name: 'consorzio\'s', allowed: PERSONS, call: (c, r) => r('get', `/v1/audit-events?enteId=${c.t.enti.consorzio.id}`) },
  { operation: 'verifyAuditTrail', name: 'all', allowed: TOPS, call: (_c, r) => r('get', '/v1/audit-events/verification') },
  { operation: 'searchAccessLog', name: 'all', allowed: PERSONS, call: (_c, r) => r('get', '/v1/access-log') },
  { operation: 'listMyHistory', name: 'own', allowed: ACTORS, call: (_c, r) => r('get', '/v1/me/history') },
  { operation: 'listMyAccessLog', name: 'own', allowed: ACTORS, call: (_c, r) => r('get', '/v1/me/access-log') },
];

/** Every route of the governance and monitoring controllers, by operation id (its method name). */
function routesOf(...controllers: Array<new (...args: any[]) => unknown>): string[] {
  const names: string[] = [];
  for (const ctrl of controllers) {
    for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
      const fn = (ctrl.prototype as any)[name];
      if (name !== 'constructor' && typeof fn === 'function' && Reflect.getMetadata(PATH_METADATA, fn) !== undefined && Reflect.getMetadata(METHOD_METADATA, fn) !== undefined) names.push(name);
    }
  }
  return names.sort();
}

/** A digest of every table but the append-only logs. */
async function dataDigest(gw: TestGateway): Promise<string> {
  const tables = new Set<string>();
  for (const meta of gw.em.getMetadata().getAll().values()) if (meta.tableName && !meta.embeddable && !meta.virtual) tables.add(meta.tableName);
  const h = createHash('sha256');
  for (const table of [...tables].sort()) {
    if (LOG_TABLES.has(table)) continue;
    const rows = await gw.em.getConnection().execute(`select * from ${table}`);
    const norm = (rows as any[]).map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? r[k].toISOString() : String(r[k])]))).sort();
    h.update(table).update(norm.join('\n'));
  }
  return h.digest('hex');
}

describe.each(backends())('governance matrix on $name', (backend) => {
  let ctx: Ctx;
  const tokens = {} as Record<Actor, string>;

  const requester = (actor: Actor) => (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) => {
    const r = ctx.gw.http[method](path).auth(tokens[actor], { type: 'bearer' });
    return actor === 'app.consorzio' ? r.set('X-GeRes-Operator', 'std.consorzio') : r;
  };

  beforeAll(async () => {
    announceSkips();
    const gw = await startGateway(backend);
    const t = await seedTenants(gw.em);
    const em = gw.em.fork();
    // The state finding 1's attacker built: Lecce agreed a convenzione with Bari's consorzio.
    const convLecceConsorzio = em.create(Convenzione, { ente: t.enti.consorzio.id, comune: t.comuni.lecce.id, validFrom: '2026-01-01' } as any);
    const convBariConsorzio = await em.findOneOrFail(Convenzione, { ente: t.enti.consorzio.id, comune: t.comuni.bari.id });
    const top2 = em.create(User, { username: 'top2.bari', name: 'top2.bari', email: 'top2@test.invalid', role: 'TOP', comune: t.comuni.bari.id, passwordHash: 'x' } as any);
    em.create(Profile, { user: top2 } as any);
    const app = (ente: string, name: string, clientId: string, hash = 'x') => {
      const a = em.create(Application, { ente, name, clientId } as any);
      const s = em.create(ApplicationSecret, { application: a, hash, prefix: 'grs_fixt' } as any);
      return { a, s };
    };
    const appC = app(t.enti.consorzio.id, 'Consorzio app', 'app_consorzio', await hashSecret('grs_matrix_secret_consorzio'));
    appC.a.operators.add(em.getReference(User, t.users['std.consorzio'].id));
    const appS = app(t.enti.salento.id, 'Salento app', 'app_salento');
    const appSpare = app(t.enti.consorzio.id, 'Spare app', 'app_spare');
    const wsC = em.create(Workstation, { code: 'WS-CONSORZIO', label: 'fixture', ente: t.enti.consorzio.id } as any);
    const wsS = em.create(Workstation, { code: 'WS-SALENTO', label: 'fixture', ente: t.enti.salento.id } as any);
    await em.flush();
    ctx = {
      gw,
      t,
      ids: {
        convLecceConsorzio: convLecceConsorzio.id,
        convBariConsorzio: convBariConsorzio.id,
        top2Bari: top2.id,
        appC: appC.a.id,
        secretC: appC.s.id,
        appS: appS.a.id,
        appSpare: appSpare.a.id,
        wsC: wsC.id,
        wsS: wsS.id,
      },
    };
    for (const a of PERSONS) tokens[a] = await login(gw, a);
    const tok = await gw.http.post('/v1/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'app_consorzio', client_secret: 'grs_matrix_secret_consorzio' });
    expect(tok.status).toBe(200);
    tokens['app.consorzio'] = tok.body.access_token;
  });

  afterAll(async () => {
    await ctx?.gw.close();
  });

  it('has a case for every governance and monitoring endpoint', () => {
    const covered = new Set(CASES.map((c) => c.operation));
    const routes = routesOf(ComuniController, EntiController, UsersController, ApplicationsController, WorkstationsController, AuditController);
    expect(routes.length).toBeGreaterThanOrEqual(26);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((c) => !routes.includes(c))).toEqual([]);
  });

  for (const c of CASES) {
    describe(`${c.operation} ${c.name}`, () => {
      for (const actor of ACTORS) {
        const allowed = c.allowed.includes(actor);
        it(`${actor} ${allowed ? 'may' : 'may not'}`, async () => {
          const before = allowed ? '' : await dataDigest(ctx.gw);
          const res = await c.call(ctx, requester(actor), actor);
          if (allowed) {
            expect({ status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({ status: expect.any(Number), body: 'ok' });
          } else {
            expect({ status: res.status, type: res.body.type }).toEqual({ status: expect.any(Number), type: expect.stringMatching(/^urn:geres:problem:(forbidden|not-found|operator-not-allowed)$/) });
            expect([403, 404]).toContain(res.status);
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
            expect(await dataDigest(ctx.gw)).toBe(before);
          }
        });
      }
    });
  }

  it('an application gets a clear forbidden on every governance and monitoring route', async () => {
    for (const c of CASES.filter((x) => !x.allowed.includes('app.consorzio'))) {
      const res = await c.call(ctx, requester('app.consorzio'), 'app.consorzio');
      expect({ op: c.operation, status: res.status, detail: res.body.detail }).toEqual({
        op: c.operation,
        status: 403,
        detail: 'This function needs a person\'s token: applications may use only the lookup and self-service endpoints',
      });
    }
  });

  it('list endpoints show each role only its own area', async () => {
    const get = async (actor: Actor, path: string) => (await requester(actor)('get', path)).body.items as any[];
    const usernames = async (actor: Actor) => (await get(actor, '/v1/users?pageSize=200')).map((u) => u.username);
    const topBari = await usernames('top.bari');
    expect(topBari).toEqual(expect.arrayContaining(['top.bari', 'top2.bari', 'admin.consorzio', 'std.consorzio', 'ps.pl', 'admin.pl']));
    expect(topBari.some((u) => u === 'top.lecce' || u.includes('salento'))).toBe(false);
    // Lecce's convenzione with the consorzio gives Lecce none of its users.
    const topLecce = await usernames('top.lecce');
    expect(topLecce).toEqual(expect.arrayContaining(['admin.salento', 'std.salento']));
    expect(topLecce.some((u) => u.includes('consorzio') || u.includes('bari') || u.endsWith('.pl'))).toBe(false);
    const adminC = await usernames('admin.consorzio');
    expect(adminC).toContain('std.consorzio');
    expect(adminC.some((u) => ['top.bari', 'admin.consorzio', 'ps.pl', 'std.salento'].includes(u))).toBe(false);
    expect(await usernames('std.consorzio')).toEqual(['std.consorzio']);

    // Lecce sees the consorzio (it has a convenzione) with its own agreement only, and the Enti it owns.
    const enti = await get('top.lecce', '/v1/enti');
    const consorzio = enti.find((e) => e.id === ctx.t.enti.consorzio.id);
    expect(consorzio.comune).toBe('072006');
    expect(consorzio.convenzioni.map((c: any) => c.comune)).toEqual(['075035', '075035']);
    expect(enti.some((e) => e.name === 'Polizia Locale di Bari')).toBe(false);
    const bariView = (await get('top.bari', '/v1/enti')).find((e) => e.id === ctx.t.enti.consorzio.id);
    expect(new Set(bariView.convenzioni.map((c: any) => c.comune))).toEqual(new Set(['072006', '075035']));

    const appEnti = async (actor: Actor) => new Set((await get(actor, '/v1/applications')).map((a) => a.enteId));
    expect(await appEnti('top.lecce')).toEqual(new Set([ctx.t.enti.salento.id]));
    expect((await appEnti('top.bari')).has(ctx.t.enti.salento.id)).toBe(false);
    const wsEnti = async (actor: Actor) => new Set((await get(actor, '/v1/workstations')).map((w) => w.enteId));
    expect(await wsEnti('top.lecce')).toEqual(new Set([ctx.t.enti.salento.id]));
    expect(await wsEnti('admin.consorzio')).toEqual(new Set([ctx.t.enti.consorzio.id]));
  });

  it('monitoring shows each role only its own area, and STANDARDPS activity to nobody else', async () => {
    const audit = ctx.gw.app.get(AuditService);
    const u = ctx.t.users;
    const ev = (who: User, enteId: string | undefined, targetComune: string, tag: string, monitored = true) =>
      audit.record({ requestId: `matrix-${tag}`, userId: who.id, username: who.username, enteId, targetComune, operation: 'POST /v1/persons/search', outcome: 'ok', monitored });
    await Promise.all([
      ev(u['std.consorzio'], ctx.t.enti.consorzio.id, '072006', 'consorzio-on-bari'),
      ev(u['std.consorzio'], ctx.t.enti.consorzio.id, '075035', 'consorzio-on-lecce'),
      ev(u['std.salento'], ctx.t.enti.salento.id, '075035', 'salento-on-lecce'),
      ev(u['top.lecce'], undefined, '075035', 'top-lecce'),
      ev(u['ps.pl'], ctx.t.enti.pl.id, '072006', 'ps-unmonitored', false),
      // Written monitored by mistake: still hidden, by the user's role.
      ev(u['ps.pl'], ctx.t.enti.pl.id, '072006', 'ps-mislabelled'),
    ]);
    const seen = async (actor: Actor, query = '') =>
      new Set(((await requester(actor)('get', `/v1/audit-events?pageSize=200${query}`)).body.items as any[]).map((e) => e.requestId).filter((r: string) => r.startsWith('matrix-')));
    expect(await seen('top.bari')).toEqual(new Set(['matrix-consorzio-on-bari', 'matrix-consorzio-on-lecce']));
    // Lecce sees requests on its residents, whoever made them, and its own users' — not the consorzio's on Bari.
    expect(await seen('top.lecce')).toEqual(new Set(['matrix-consorzio-on-lecce', 'matrix-salento-on-lecce', 'matrix-top-lecce']));
    expect(await seen('top.lecce', `&enteId=${ctx.t.enti.consorzio.id}`)).toEqual(new Set(['matrix-consorzio-on-lecce']));
    expect(await seen('admin.consorzio')).toEqual(new Set(['matrix-consorzio-on-bari', 'matrix-consorzio-on-lecce']));
    expect(await seen('admin.salento')).toEqual(new Set(['matrix-salento-on-lecce']));
    expect(await seen('std.consorzio')).toEqual(new Set(['matrix-consorzio-on-bari', 'matrix-consorzio-on-lecce']));
    expect(await seen('ps.pl')).toEqual(new Set(['matrix-ps-unmonitored', 'matrix-ps-mislabelled']));

    // The access log: functions used (recorded for every call above).
    await ctx.gw.drain();
    const logged = async (actor: Actor) => new Set(((await requester(actor)('get', '/v1/access-log?pageSize=200')).body.items as any[]).map((e) => e.username));
    const bariLog = await logged('top.bari');
    expect(bariLog.has('std.consorzio') && bariLog.has('top.bari')).toBe(true);
    expect([...bariLog].filter((x) => ['ps.pl', 'top.lecce', 'admin.salento', 'std.salento'].includes(x))).toEqual([]);
    const lecceLog = await logged('top.lecce');
    expect([...lecceLog].filter((x) => !['top.lecce', 'admin.salento', 'std.salento'].includes(x))).toEqual([]);
    expect([...(await logged('admin.consorzio'))].filter((x) => !['admin.consorzio', 'std.consorzio'].includes(x))).toEqual([]);
  });

  it('shows a STANDARDPS user\'s last login to themselves only', async () => {
    const id = ctx.t.users['ps.pl'].id;
    const self = await requester('ps.pl')('get', `/v1/users/${id}`);
    expect(self.body.lastLoginAt).toEqual(expect.any(String));
    const byTop = await requester('top.bari')('get', `/v1/users/${id}`);
    expect(byTop.status).toBe(200);
    expect(byTop.body.lastLoginAt).toBeNull();
    const listed = (await requester('top.bari')('get', '/v1/users?pageSize=200')).body.items.find((x: any) => x.id === id);
    expect(listed.lastLoginAt).toBeNull();
    const std = (await requester('top.bari')('get', '/v1/users?pageSize=200')).body.items.find((x: any) => x.username === 'admin.consorzio');
    expect(std.lastLoginAt).toEqual(expect.any(String));
  });

  it('ADMIN cannot grant more than their own profile or the convenzioni allow', async () => {
    const id = ctx.t.users['std.consorzio'].id;
    const res = await requester('admin.consorzio')('put', `/v1/users/${id}/profile`).send({
      sections: ['generalita', 'decesso'],
      visuraTypes: [],
      rivestizioneFields: [],
      scope: 'national',
      allowedComuni: ['072006', '075035', '001272'],
      dailyQuota: 900,
    });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:geres:problem:grant-exceeds-own');
    expect(res.body.violations).toEqual(
      expect.arrayContaining([
        'allowedComuni: 001272 has no active convenzione with the user\'s ente',
        'allowedComuni: 075035 is beyond your own profile',
        'sections: decesso is beyond your own profile',
        'scope: national search is beyond your own profile',
        'dailyQuota: 900 exceeds your own 500',
      ]),
    );
  });

  it('nobody changes their own account or profile', async () => {
    for (const actor of ['top.bari', 'admin.consorzio'] as const) {
      const me = ctx.t.users[actor].id;
      const before = await dataDigest(ctx.gw);
      const name = await requester(actor)('patch', `/v1/users/${me}`).send({ name: 'Me' });
      const quota = await requester(actor)('put', `/v1/users/${me}/profile`).send({ ...profile('072006'), dailyQuota: 1_000_000 });
      expect([name.status, quota.status]).toEqual([403, 403]);
      expect(await dataDigest(ctx.gw)).toBe(before);
    }
  });
});
