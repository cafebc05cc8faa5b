import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService, type AuditInput } from '../src/audit/audit.service.js';
import { announceSkips, backends, login, seedTenants, startGateway, type Tenants, type TestGateway } from './harness.js';

const DAY = '2026-11-10';
const at = (utc: string) => new Date(`${DAY}T${utc}Z`);

/**
 * Bacheca, statistics, rendicontazione and alarms: who sees which message, and counts and alarms
 * computed from an audit trail written for the purpose (times in November: Italy is UTC+1).
 */
describe.each(backends())('bacheca, statistics and alarms on $name', (backend) => {
  let gw: TestGateway;
  let t: Tenants;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    announceSkips();
    gw = await startGateway(backend);
    t = await seedTenants(gw.em);
    for (const u of ['top.bari', 'top.lecce', 'admin.consorzio', 'std.consorzio', 'ps.pl', 'std.salento', 'admin.pl']) tokens[u] = await login(gw, u);

    const audit = gw.app.get(AuditService);
    const ev = (user: string, time: Date, extra: Partial<AuditInput> = {}): AuditInput => {
      const u = t.users[user];
      return {
        requestId: `req-${user}-${time.toISOString()}-${extra.subjects?.[0] ?? ''}-${extra.outcome ?? ''}`,
        userId: u.id,
        username: user,
        enteId: u.ente?.id,
        targetComune: '072006',
        operation: 'searchPersons',
        purpose: 'lookup',
        subjects: ['RSSMRA80A01A662X'],
        sections: ['generalita'],
        outcome: 'ok',
        anprOperationId: '1',
        monitored: u.role !== 'STANDARDPS',
        time,
        ...extra,
      };
    };
    // A night request (23:30 in Italy) and an intent before it, which is not a request.
    await audit.record(ev('std.consorzio', at('22:30:00'), { subjects: ['BNCGNN70A01A662Y'] }));
    await audit.record(ev('std.consorzio', at('22:29:59'), { subjects: [], outcome: 'pending' }));
    // Six requests on one subject in a day (threshold 5), two of them visure.
    for (let i = 0; i < 6; i++) await audit.record(ev('admin.consorzio', at(`09:0${i}:00`), i < 2 ? { purpose: 'visura:residenza' } : {}));
    // A day far above the Ente's history: 25 requests of the Polizia Locale's ADMIN, none before.
    for (let i = 0; i < 25; i++) await audit.record(ev('admin.pl', at(`10:${String(i).padStart(2, '0')}:00`), { subjects: [`SUBJ${i}`], purpose: 'rivestizione' }));
    // A STANDARDPS request at night: no alarm, never counted for TOP or ADMIN.
    await audit.record(ev('ps.pl', at('22:45:00'), { subjects: ['PSSUBJECT1'] }));
    // Lecce's own request: not Bari's business.
    await audit.record(ev('std.salento', at('22:50:00'), { targetComune: '075035', subjects: ['LECCESUBJ1'] }));
    await gw.drain();
  }, 90_000);
  afterAll(async () => {
    await gw?.close();
  });

  describe('bacheca', () => {
    const today = new Date().toISOString().slice(0, 10);
    let privateId: string;
    beforeAll(async () => {
      const post = (body: Record<string, unknown>) => gw.http.post('/v1/bacheca/messages').set(as('top.bari')).send(body);
      expect((await post({ title: 'Avviso pubblico', body: 'Per tutti', validFrom: '2026-01-01' })).status).toBe(201);
      const priv = await post({ title: 'Solo per te', body: 'Privato', validFrom: '2026-01-01', recipientId: t.users['std.consorzio'].id });
      expect([priv.status, priv.body.private, priv.body.recipientId]).toEqual([201, true, t.users['std.consorzio'].id]);
      privateId = priv.body.id;
      expect((await post({ title: 'Futuro', body: 'Non ancora', validFrom: '2099-01-01' })).status).toBe(201);
      expect((await post({ title: 'Scaduto', body: 'Non più', validFrom: '2020-01-01', validTo: '2020-12-31' })).status).toBe(201);
      expect((await gw.http.post('/v1/bacheca/messages').set(as('top.lecce')).send({ title: 'Lecce', body: 'Solo Lecce', validFrom: '2026-01-01' })).status).toBe(201);
    });
    const titles = async (user: string) => ((await gw.http.get('/v1/bacheca').set(as(user))).body.items as Array<{ title: string }>).map((m) => m.title).sort();

    it('each person sees the public messages of the Comuni they work with and their own private ones, valid today', async () => {
      expect(today >= '2026-01-01').toBe(true);
      expect(await titles('std.consorzio')).toEqual(['Avviso pubblico', 'Solo per te']);
      expect(await titles('admin.consorzio')).toEqual(['Avviso pubblico']);
      expect(await titles('top.bari')).toEqual(['Avviso pubblico']);
      expect(await titles('std.salento')).toEqual(['Lecce']);
    });

    it('only a TOP writes, on their own Comune, to users they manage; dates are checked', async () => {
      expect((await gw.http.post('/v1/bacheca/messages').set(as('admin.consorzio')).send({ title: 'x', body: 'y', validFrom: '2026-01-01' })).status).toBe(403);
      const outside = await gw.http.post('/v1/bacheca/messages').set(as('top.bari')).send({ title: 'x', body: 'y', validFrom: '2026-01-01', recipientId: t.users['std.salento'].id });
      expect(outside.status).toBe(404);
      const backwards = await gw.http.post('/v1/bacheca/messages').set(as('top.bari')).send({ title: 'x', body: 'y', validFrom: '2026-03-10', validTo: '2026-03-01' });
      expect([backwards.status, backwards.body.errors[0].field]).toEqual([400, 'validTo']);
      const list = await gw.http.get('/v1/bacheca/messages').set(as('top.bari'));
      expect([list.body.total, list.body.items.map((m: { title: string }) => m.title).sort()]).toEqual([4, ['Avviso pubblico', 'Futuro', 'Scaduto', 'Solo per te']]);
      // Another Comune's TOP cannot touch Bari's messages.
      expect((await gw.http.delete(`/v1/bacheca/messages/${privateId}`).set(as('top.lecce'))).status).toBe(404);
    });

    it('a TOP changes and removes a message', async () => {
      const changed = await gw.http.patch(`/v1/bacheca/messages/${privateId}`).set(as('top.bari')).send({ title: 'Solo per te (aggiornato)', validTo: '2020-01-01' });
      expect(changed.status).toBe(400);
      const ok = await gw.http.patch(`/v1/bacheca/messages/${privateId}`).set(as('top.bari')).send({ title: 'Solo per te (aggiornato)' });
      expect([ok.status, ok.body.title]).toEqual([200, 'Solo per te (aggiornato)']);
      expect((await gw.http.delete(`/v1/bacheca/messages/${privateId}`).set(as('top.bari'))).status).toBe(204);
      expect(await titles('std.consorzio')).toEqual(['Avviso pubblico']);
    });
  });

  describe('statistics', () => {
    const stats = (user: string) => gw.http.get('/v1/statistics').query({ from: DAY, to: DAY }).set(as(user));

    it('a TOP counts their Comune\'s requests, never STANDARDPS ones nor intents', async () => {
      const res = await stats('top.bari');
      expect(res.status).toBe(200);
      expect(res.body.requests).toBe(1 + 6 + 25);
      expect(res.body.byOutcome).toEqual([{ key: 'ok', label: null, count: 32 }]);
      expect(res.body.visureByType).toEqual([{ key: 'residenza', label: null, count: 2 }]);
      expect(res.body.byEnte).toEqual([
        { key: t.enti.pl.id, label: 'Polizia Locale di Bari', count: 25 },
        { key: t.enti.consorzio.id, label: 'Consorzio', count: 7 },
      ]);
      expect(res.body.byService).toEqual([{ key: 'direct', label: null, count: 32 }]);
      expect(res.body.subjects).toBe(2 + 25);
      expect(res.body.byDay).toEqual([{ key: DAY, label: null, count: 32 }]);
    });

    it('an ADMIN counts their Ente\'s, a STANDARD user their own', async () => {
      expect((await stats('admin.consorzio')).body.requests).toBe(7);
      expect((await stats('std.consorzio')).body.byUser).toEqual([{ key: t.users['std.consorzio'].id, label: 'std.consorzio', count: 1 }]);
      expect((await stats('ps.pl')).body.requests).toBe(1);
    });

    it('refuses a reversed or too long period', async () => {
      expect((await gw.http.get('/v1/statistics').query({ from: '2026-03-02', to: '2026-03-01' }).set(as('top.bari'))).status).toBe(400);
      expect((await gw.http.get('/v1/statistics').query({ from: '2024-01-01', to: '2026-03-01' }).set(as('top.bari'))).status).toBe(400);
    });

    it('rendicontazione: per Ente, STANDARDPS requests included in the totals, as JSON and as CSV for a spreadsheet', async () => {
      const r = await gw.http.get('/v1/statistics/rendicontazione').query({ from: DAY, to: DAY }).set(as('top.bari'));
      expect(r.body.lines).toEqual([
        { enteId: t.enti.pl.id, enteName: 'Polizia Locale di Bari', kind: 'municipal_office', lookups: 26, visure: 0, rivestizione: 25 },
        { enteId: t.enti.consorzio.id, enteName: 'Consorzio', kind: 'external_body', lookups: 7, visure: 2, rivestizione: 0 },
      ]);
      const csv = await gw.http.get('/v1/statistics/rendicontazione').query({ from: DAY, to: DAY, format: 'csv' }).set(as('top.bari')).buffer(true).parse((res, cb) => {
        let s = '';
        res.on('data', (c: Buffer) => (s += c.toString('utf8')));
        res.on('end', () => cb(null, s));
      });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body).toBe('\uFEFFEnte;Tipo;Consultazioni;di cui visure;di cui rivestizione\r\nPolizia Locale di Bari;Ufficio comunale;26;0;25\r\nConsorzio;Ente esterno;7;2;0\r\n');
      expect((await gw.http.get('/v1/statistics/rendicontazione').set(as('admin.consorzio'))).status).toBe(403);
    });
  });

  describe('alarms', () => {
    const alarms = async (user: string) => (await gw.http.get('/v1/alarms').query({ from: DAY, to: DAY }).set(as(user))).body.items as Array<Record<string, unknown>>;

    it('a TOP sees the night request, the repeated subject and the volume spike; not the STANDARDPS night request nor another Comune\'s', async () => {
      const items = await alarms('top.bari');
      expect(items.map((a) => [a.kind, a.count, a.username ?? a.subject ?? a.enteId])).toEqual([
        ['volume', 25, t.enti.pl.id],
        ['repeated_subject', 6, 'RSSMRA80A01A662X'],
        ['night', 1, 'std.consorzio'],
      ]);
      expect(items[2].reason).toBe('Richiesta alle 23:30, nella fascia notturna 22:00–06:00');
      expect((items[1].requestIds as string[]).length).toBe(6);
    });

    it('an ADMIN sees their Ente\'s only; other roles are refused', async () => {
      expect((await alarms('admin.consorzio')).map((a) => a.kind)).toEqual(['repeated_subject', 'night']);
      expect((await alarms('admin.pl')).map((a) => a.kind)).toEqual(['volume']);
      expect((await gw.http.get('/v1/alarms').set(as('std.consorzio'))).status).toBe(403);
    });
  });
});
