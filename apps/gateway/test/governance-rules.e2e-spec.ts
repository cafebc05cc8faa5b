import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Application, ApplicationSecret, Comune, Convenzione, Profile, User, Workstation } from '#libs/domain';
import { hashSecret } from '../src/auth/password.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

// Each suite starts a gateway on a fresh database (MariaDB too) and checks many cases; a shared CI box is slow.
jest.setTimeout(120_000);

/**
 * Issue 9, findings 3, 4, 5 and 11, one rule at a time: workstation re-pointing, self-management and
 * ANPR operator ids, what an application token may do, and records validated as a whole.
 */
describe.each(backends())('governance rules on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  const tok: Record<string, string> = {};
  const as = (who: string) => ({
    get: (path: string) => gw.http.get(path).auth(tok[who], { type: 'bearer' }),
    post: (path: string) => gw.http.post(path).auth(tok[who], { type: 'bearer' }),
    put: (path: string) => gw.http.put(path).auth(tok[who], { type: 'bearer' }),
    patch: (path: string) => gw.http.patch(path).auth(tok[who], { type: 'bearer' }),
    delete: (path: string) => gw.http.delete(path).auth(tok[who], { type: 'bearer' }),
  });
  const reload = <T extends object>(cls: new () => T, id: string) => gw.em.fork().findOneOrFail(cls, { id } as any);

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend);
    t = await seedTenants(gw.em);
    const em = gw.em.fork();
    const bari = await em.findOneOrFail(Comune, { id: t.comuni.bari.id });
    bari.anprOperatorIds = ['OPBARI0001', 'OPBARI0002'];
    bari.defaultAnprOperatorId = 'OPBARI0001';
    em.create(User, { username: 'top2.bari', name: 'Second TOP', email: 'top2@test.invalid', role: 'TOP', comune: t.comuni.bari.id, passwordHash: 'x' } as any);
    await em.flush();
    for (const u of ['top.bari', 'top.lecce', 'admin.consorzio', 'admin.salento', 'std.consorzio', 'ps.pl']) tok[u] = await login(gw, u);
  });
  afterAll(() => gw?.close());

  describe('finding 3: a change to how a workstation is recognised withdraws its authorisation', () => {
    let wsId: string;
    const authorise = async () => {
      const r = await as('top.bari').patch(`/v1/workstations/${wsId}`).send({ authorised: true });
      expect([r.status, r.body.authorised]).toEqual([200, true]);
    };

    beforeAll(async () => {
      const created = await as('admin.consorzio').post('/v1/workstations').send({ code: '072006-CS-0009', label: 'Front office', enteId: t.enti.consorzio.id, ipRange: '10.1.2.0/24' });
      expect([created.status, created.body.authorised]).toEqual([201, false]);
      wsId = created.body.id;
    });

    it('an ADMIN re-pointing the IP range or the certificate drops it', async () => {
      await authorise();
      const wide = await as('admin.consorzio').patch(`/v1/workstations/${wsId}`).send({ ipRange: '0.0.0.0/0' });
      expect([wide.status, wide.body.authorised, wide.body.ipRange]).toEqual([200, false, '0.0.0.0/0']);
      await authorise();
      const cert = await as('admin.consorzio').patch(`/v1/workstations/${wsId}`).send({ certFingerprint: 'AB'.repeat(32) });
      expect([cert.status, cert.body.authorised, cert.body.certFingerprint]).toEqual([200, false, 'ab'.repeat(32)]);
      expect((await reload(Workstation, wsId)).authorised).toBe(false);
    });

    it('a label, or the same range again, keeps it', async () => {
      await authorise();
      const label = await as('admin.consorzio').patch(`/v1/workstations/${wsId}`).send({ label: 'Front office 2', ipRange: '0.0.0.0/0' });
      expect([label.status, label.body.authorised]).toEqual([200, true]);
    });

    it('an ADMIN never sets authorised, either way; a TOP may re-point and authorise at once', async () => {
      for (const authorised of [true, false]) {
        const r = await as('admin.consorzio').patch(`/v1/workstations/${wsId}`).send({ authorised, label: 'Changed' });
        expect([r.status, r.body.type]).toEqual([403, 'urn:geres:problem:forbidden']);
      }
      const ws = await reload(Workstation, wsId);
      expect([ws.authorised, ws.label]).toEqual([true, 'Front office 2']);
      const top = await as('top.bari').patch(`/v1/workstations/${wsId}`).send({ ipRange: '10.9.9.0/24', authorised: true });
      expect([top.status, top.body.authorised, top.body.ipRange]).toEqual([200, true, '10.9.9.0/24']);
      const moved = await as('top.bari').patch(`/v1/workstations/${wsId}`).send({ ipRange: '10.9.8.0/24' });
      expect([moved.status, moved.body.authorised]).toEqual([200, false]);
    });
  });

  describe('finding 4: nobody manages themselves; ANPR operator ids only from a TOP of the Comune', () => {
    it('a TOP changes neither their own operator id, status, quota nor profile', async () => {
      const me = t.users['top.bari'].id;
      for (const body of [{ anprOperatorId: 'OPBARI0002' }, { status: 'suspended' }, { mediator: true }, { name: 'Me' }]) {
        const r = await as('top.bari').patch(`/v1/users/${me}`).send(body);
        expect([r.status, r.body.detail]).toEqual([403, 'You cannot change your own account or profile; ask who manages you']);
      }
      const quota = await as('top.bari').put(`/v1/users/${me}/profile`).send({ sections: ['generalita'], visuraTypes: [], rivestizioneFields: [], scope: 'national', allowedComuni: ['072006'], dailyQuota: 1_000_000 });
      expect(quota.status).toBe(403);
      const u = await reload(User, me);
      expect([u.anprOperatorId ?? null, u.status, u.name]).toEqual([null, 'active', 'top.bari']);
      expect((await gw.em.fork().findOneOrFail(Profile, { user: me })).dailyQuota).toBe(10000);
    });

    it('role, Ente and Comune are not fields anyone may change', async () => {
      for (const body of [{ role: 'TOP' }, { enteId: t.enti.salento.id }, { comune: '075035' }]) {
        const r = await as('top.bari').patch(`/v1/users/${t.users['std.consorzio'].id}`).send(body);
        expect(r.status).toBe(400);
      }
      const u = await gw.em.fork().findOneOrFail(User, { id: t.users['std.consorzio'].id }, { populate: ['ente'] });
      expect([u.role, u.ente!.id]).toEqual(['STANDARD', t.enti.consorzio.id]);
    });

    it('a TOP of the Comune sets another user\'s operator id, among the Comune\'s configured ones', async () => {
      const top2 = (await gw.em.fork().findOneOrFail(User, { username: 'top2.bari' })).id;
      const wrong = await as('top.bari').patch(`/v1/users/${top2}`).send({ anprOperatorId: 'ARBITRARY01' });
      expect([wrong.status, wrong.body.detail]).toEqual([400, 'anprOperatorId: ARBITRARY01 is not one of the ANPR operator ids configured for Bari']);
      const ok = await as('top.bari').patch(`/v1/users/${top2}`).send({ anprOperatorId: 'OPBARI0002', mediator: true });
      expect([ok.status, ok.body.anprOperatorId, ok.body.mediator]).toEqual([200, 'OPBARI0002', true]);
      const std = await as('top.bari').patch(`/v1/users/${t.users['std.consorzio'].id}`).send({ anprOperatorId: 'OPBARI0001' });
      expect([std.status, std.body.anprOperatorId]).toEqual([200, 'OPBARI0001']);
      // Lecce has no configured ids: any id is accepted from Lecce's TOP, for Lecce's users.
      const lecce = await as('top.lecce').patch(`/v1/users/${t.users['std.salento'].id}`).send({ anprOperatorId: 'ANYLECCE01' });
      expect(lecce.status).toBe(200);
      const created = await as('top.bari').post('/v1/users').send({ username: 'mediator.pl', name: 'M', email: 'm@test.invalid', role: 'STANDARD', enteId: t.enti.pl.id, mediator: true, anprOperatorId: 'NOTCONFIG1', password: 'Another-Password-9' });
      expect([created.status, created.body.detail]).toEqual([400, 'anprOperatorId NOTCONFIG1 is not one of the ANPR operator ids configured for Bari']);
    });

    it('an ADMIN sets neither operator ids nor the mediator function, in any way', async () => {
      const id = t.users['std.consorzio'].id;
      for (const body of [{ anprOperatorId: 'OPBARI0002' }, { mediator: true }, { mediator: false }]) {
        const r = await as('admin.consorzio').patch(`/v1/users/${id}`).send(body);
        expect([r.status, r.body.type]).toEqual([403, 'urn:geres:problem:forbidden']);
      }
      const create = await as('admin.consorzio').post('/v1/users').send({ username: 'op.consorzio', name: 'O', email: 'o@test.invalid', role: 'STANDARD', enteId: t.enti.consorzio.id, anprOperatorId: 'OPBARI0002', password: 'Another-Password-9' });
      expect(create.status).toBe(403);
      const csv = await as('admin.consorzio').post('/v1/users/import').set('content-type', 'text/csv').send(`username,name,email,role,ente,mediator,anprOperatorId\nop2.consorzio,O,o@test.invalid,STANDARD,${t.enti.consorzio.codiceFiscale},true,OPBARI0002\n`);
      expect(csv.status).toBe(403);
      expect(csv.body.errors).toEqual([{ row: 2, field: 'anprOperatorId', message: 'you cannot set ANPR operator ids or the mediator function: only a TOP user of the Comune does' }]);
      expect((await reload(User, id)).anprOperatorId).toBe('OPBARI0001');
      expect(await gw.em.fork().count(User, { username: { $in: ['op.consorzio', 'op2.consorzio'] } })).toBe(0);
    });

    it('a TOP of another Comune cannot reach the user at all', async () => {
      const r = await as('top.lecce').patch(`/v1/users/${t.users['std.consorzio'].id}`).send({ anprOperatorId: 'ANYLECCE01' });
      expect(r.status).toBe(404);
    });
  });

  describe('finding 5: an application acts only for STANDARD/STANDARDPS operators, on lookup and self-service routes', () => {
    let appId: string;
    let appToken: string;
    const app = (operator: string) => ({
      get: (path: string) => gw.http.get(path).auth(appToken, { type: 'bearer' }).set('X-GeRes-Operator', operator),
      post: (path: string) => gw.http.post(path).auth(appToken, { type: 'bearer' }).set('X-GeRes-Operator', operator),
    });

    beforeAll(async () => {
      const em = gw.em.fork();
      const a = em.create(Application, { ente: t.enti.consorzio.id, name: 'Rules app', clientId: 'app_rules' } as any);
      em.create(ApplicationSecret, { application: a, hash: await hashSecret('grs_rules_secret_value'), prefix: 'grs_rule' } as any);
      // Registered before the rule existed: an ADMIN among the operators.
      a.operators.add(em.getReference(User, t.users['std.consorzio'].id), em.getReference(User, t.users['admin.consorzio'].id));
      await em.flush();
      appId = a.id;
      const r = await gw.http.post('/v1/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: 'app_rules', client_secret: 'grs_rules_secret_value' });
      appToken = r.body.access_token;
    });

    it('refuses to register an operator who governs', async () => {
      const set = await as('admin.consorzio').put(`/v1/applications/${appId}/operators`).send({ operatorIds: [t.users['admin.consorzio'].id] });
      expect([set.status, set.body.detail]).toEqual([400, 'operatorIds: an application acts only for STANDARD or STANDARDPS users, not admin.consorzio']);
      const created = await as('admin.consorzio').post('/v1/applications').send({ name: 'Self app', operatorIds: [t.users['admin.consorzio'].id] });
      expect(created.status).toBe(400);
      expect(await gw.em.fork().count(Application, { name: 'Self app' })).toBe(0);
    });

    it('refuses, at request time, an operator who governs, even on self-service routes', async () => {
      for (const path of ['/v1/me', '/v1/me/history', '/v1/users']) {
        const r = await app('admin.consorzio').get(path);
        expect([r.status, r.body.type, r.body.rule]).toEqual([403, 'urn:geres:problem:operator-not-allowed', 'operator_role_not_allowed']);
      }
    });

    it('serves the self-service routes for a STANDARD operator', async () => {
      for (const path of ['/v1/me', '/v1/me/usage', '/v1/me/history', '/v1/me/access-log']) {
        expect({ path, status: (await app('std.consorzio').get(path)).status }).toEqual({ path, status: 200 });
      }
    });

    it('refuses governance and monitoring routes, its own secrets included, and changes nothing', async () => {
      const before = (await gw.em.fork().find(ApplicationSecret, { application: appId })).length;
      const attempts = [
        app('std.consorzio').post('/v1/users').send({ username: 'by.app', name: 'A', email: 'a@test.invalid', role: 'STANDARD', enteId: t.enti.consorzio.id, password: 'Another-Password-9' }),
        app('std.consorzio').post(`/v1/applications/${appId}/secrets`),
        app('std.consorzio').get('/v1/audit-events'),
        app('std.consorzio').get('/v1/access-log'),
        app('std.consorzio').get(`/v1/users/${t.users['std.consorzio'].id}`),
        app('std.consorzio').post('/v1/me/password').send({ currentPassword: 'x', newPassword: 'Another-Password-9' }),
      ];
      for (const r of await Promise.all(attempts)) {
        expect([r.status, r.body.type, r.body.rule]).toEqual([403, 'urn:geres:problem:forbidden', 'person_token_required']);
      }
      expect((await gw.em.fork().find(ApplicationSecret, { application: appId })).length).toBe(before);
      expect(await gw.em.fork().count(User, { username: 'by.app' })).toBe(0);
    });
  });

  describe('finding 11: records and settings validated as a whole before they are saved', () => {
    it('refuses convenzioni and filters with dates that do not exist', async () => {
      for (const validFrom of ['2026-13-45', '0000-00-00', '2026-02-29', '2026-1-1']) {
        const r = await as('top.bari').post(`/v1/enti/${t.enti.salento.id}/convenzioni`).send({ validFrom });
        expect({ validFrom, status: r.status }).toEqual({ validFrom, status: 400 });
      }
      const ente = await as('top.bari').post('/v1/enti').send({ kind: 'external_body', name: 'Bad dates', convenzione: { validFrom: '2026-01-01', validTo: '2026-04-31' } });
      expect(ente.status).toBe(400);
      for (const q of ['/v1/audit-events?from=2026-13-45', '/v1/access-log?to=2026-02-30', '/v1/me/history?from=0000-00-00']) {
        expect({ q, status: (await as('top.bari').get(q)).status }).toEqual({ q, status: 400 });
      }
      expect(await gw.em.fork().count(Convenzione, { ente: t.enti.salento.id, comune: t.comuni.bari.id })).toBe(0);
    });

    it('ends or shortens a convenzione, never lengthens it nor rewrites the past', async () => {
      const c = await as('top.bari').post(`/v1/enti/${t.enti.salento.id}/convenzioni`).send({ validFrom: '2026-01-01', validTo: '2099-12-31' });
      expect(c.status).toBe(201);
      const path = `/v1/enti/${t.enti.salento.id}/convenzioni/${c.body.id}`;
      expect((await as('top.bari').patch(path).send({ validTo: '2100-01-01' })).status).toBe(400);
      expect((await as('top.bari').patch(path).send({ validTo: '2026-01-02' })).status).toBe(400);
      expect((await as('top.bari').patch(path).send({ validTo: '2098-02-30' })).status).toBe(400);
      expect((await as('top.bari').patch(path).send({})).status).toBe(400);
      const shorter = await as('top.bari').patch(path).send({ validTo: '2098-12-31' });
      expect([shorter.status, shorter.body.validTo]).toEqual([200, '2098-12-31']);
      // The Comune that owns the Ente cannot end another Comune's consent, nor can an ADMIN.
      expect((await as('top.lecce').patch(path).send({ validTo: '2097-12-31' })).status).toBe(404);
      expect((await as('admin.salento').patch(path).send({ validTo: '2097-12-31' })).status).toBe(403);
      expect((await reload(Convenzione, c.body.id)).validTo).toBe('2098-12-31');
    });

    it('bounds page numbers and sizes', async () => {
      for (const q of ['page=9007199254740993', 'page=1000001', 'page=0', 'pageSize=201', 'page=-1']) {
        for (const path of ['/v1/users', '/v1/audit-events', '/v1/access-log']) {
          const r = await as('top.bari').get(`${path}?${q}`);
          expect({ path, q, status: r.status, type: r.body.type }).toEqual({ path, q, status: 400, type: 'urn:geres:problem:validation-failed' });
        }
      }
      const last = await as('top.bari').get('/v1/users?page=1000000');
      expect([last.status, last.body.items]).toEqual([200, []]);
    });

    it('refuses settings that do not hold together, and saves nothing of them', async () => {
      const before = JSON.stringify(await reload(Comune, t.comuni.bari.id));
      const refused: Array<[string, Record<string, unknown>]> = [
        ['null default operator', { defaultAnprOperatorId: null }],
        ['default operator not configured', { defaultAnprOperatorId: 'OPOTHER001' }],
        ['operator ids without the default', { anprOperatorIds: ['OPBARI0002'] }],
        ['null environment', { anprEnvironment: null }],
        ['null channel', { anprChannel: null }],
        ['null quota of hours', { silentConsentHours: null }],
        ['pdnd channel without its endpoints', { anprChannel: 'pdnd' }],
        ['soap channel without its keystore', { anprChannel: 'soap', anprSoapUrl: 'https://ws.anpr.interno.it/anpr-ws3000/AnprService3002' }],
        ['SOAP URL on a probed port', { anprSoapUrl: 'http://127.0.0.1:1/' }],
        ['SOAP URL on another host', { anprSoapUrl: 'https://evil.example/ws' }],
        ['SOAP URL over http', { anprSoapUrl: 'http://ws.anpr.interno.it/ws' }],
        ['PDND URL on another host', { anprPdndUrl: 'https://10.0.0.1/pdnd' }],
        [
          'PDND token URL on another host',
          { anprPdnd: { tokenUrl: 'https://169.254.169.254/latest', clientAssertionAudience: 'a', audienceBaseUrl: 'https://x', clientId: 'c', kid: 'k', privateKeyRef: 'file:/k.pem', purposes: {} } },
        ],
      ];
      for (const [why, body] of refused) {
        const r = await as('top.bari').patch('/v1/comuni/072006/settings').send(body);
        expect({ why, status: r.status, type: r.body.type }).toEqual({ why, status: 400, type: 'urn:geres:problem:validation-failed' });
      }
      expect(JSON.stringify(await reload(Comune, t.comuni.bari.id))).toBe(before);
      const ok = await as('top.bari')
        .patch('/v1/comuni/072006/settings')
        .send({ anprChannel: 'soap', anprSoapUrl: 'https://ws.anpr.interno.it/anpr-ws3000/AnprService3002', keystoreRef: 'file:/run/secrets/bari.p12', keystorePasswordRef: 'env:BARI_KS', defaultAnprOperatorId: 'OPBARI0002' });
      expect([ok.status, ok.body.settings.anprSoapUrl, ok.body.settings.defaultAnprOperatorId]).toEqual([200, 'https://ws.anpr.interno.it/anpr-ws3000/AnprService3002', 'OPBARI0002']);
      // The sandbox allows its simulated ANPR.
      const sim = await as('top.bari').patch('/v1/comuni/072006/settings').send({ anprSoapUrl: 'http://127.0.0.1:3100/anpr' });
      expect(sim.status).toBe(200);
    });

    it('refuses CSV cells that a spreadsheet would run, with the row and field of each', async () => {
      const cf = t.enti.consorzio.codiceFiscale;
      const csv = [
        'username,name,email,role,ente',
        `ok.user,Fine Name,ok@test.invalid,STANDARD,${cf}`,
        `f.one,=HYPERLINK("http://x"),f1@test.invalid,STANDARD,${cf}`,
        `f.two,+39 080,f2@test.invalid,STANDARD,${cf}`,
        `f.three,-2+3,f3@test.invalid,STANDARD,${cf}`,
        `f.four,@SUM(A1),f4@test.invalid,STANDARD,${cf}`,
        `f.five,"\tTabbed",f5@test.invalid,STANDARD,${cf}`,
        `f.six,"\rReturn",f6@test.invalid,STANDARD,${cf}`,
      ].join('\n');
      const r = await as('admin.consorzio').post('/v1/users/import').set('content-type', 'text/csv').send(`${csv}\n`);
      expect(r.status).toBe(422);
      const message = 'must not begin with =, +, -, @, a tab or a carriage return';
      expect(r.body.errors).toEqual([3, 4, 5, 6, 7, 8].map((row) => ({ row, field: 'name', message })));
      expect(await gw.em.fork().count(User, { username: { $in: ['ok.user', 'f.one', 'f.two', 'f.three', 'f.four', 'f.five', 'f.six'] } })).toBe(0);
    });
  });
});
