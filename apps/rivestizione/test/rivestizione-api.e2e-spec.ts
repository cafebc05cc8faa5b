import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createRivestizioneApp, type RivestizioneApp } from '../src/app.factory.js';
import { RivRow } from '../src/database/entities.js';
import { codiceFiscaleCheckCharacter } from '#libs/anpr';
import { FakeGateway } from './fake-gateway.js';

const cf = (first15: string) => first15 + codiceFiscaleCheckCharacter(first15);
import { freshRivDatabase, rivBackends, testConfig, until } from './support.js';

const CF_OK = cf('RSSMRA85T10A662');
const CF_BAD = `RSSMRA85T10A662${cf('RSSMRA85T10A662').endsWith('A') ? 'B' : 'A'}`;
const CF_UNKNOWN = cf('BNCGNN70C45H501');
const CF_OUT = cf('VRDLGU80A01F205');

/** The API and the in-process processing against an in-memory gateway, on each database. */
jest.setTimeout(60_000);

describe.each(rivBackends())('rivestizione API on $name (fake gateway)', (backend) => {
  let riv: RivestizioneApp;
  let gw: FakeGateway;
  let http: ReturnType<typeof request>;
  let db: Awaited<ReturnType<typeof freshRivDatabase>>;
  let clock = new Date('2026-12-03T10:00:00Z');
  const prefix = `geres-riv-test-${randomBytes(4).toString('hex')}`;
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const state = async (id: string, token = 'tok-std') => (await http.get(`/v1/rivestizioni/${id}`).set(auth(token))).body;
  const finished = (id: string) => async () => ['completata', 'completata_con_errori'].includes((await state(id)).state);

  beforeAll(async () => {
    db = await freshRivDatabase(backend);
    gw = new FakeGateway();
    gw.addCaller('tok-std', { username: 'std.consorzio', role: 'STANDARD', enteId: 'ente-1' });
    gw.addCaller('tok-other', { username: 'std.other', role: 'STANDARD', enteId: 'ente-2' });
    gw.addCaller('tok-admin', { username: 'admin.consorzio', role: 'ADMIN', enteId: 'ente-1' });
    gw.addCaller('tok-ps', { username: 'ps.consorzio', role: 'STANDARDPS', enteId: 'ente-1' });
    gw.addCaller('tok-top', { username: 'top.bari', role: 'TOP', comune: '072006', mediator: true });
    gw.addCaller('tok-top-lecce', { username: 'top.lecce', role: 'TOP', comune: '075035' });
    gw.addCaller('tok-none', { username: 'no.fields', role: 'STANDARD', rivestizioneFields: [] });
    gw.script.set(CF_UNKNOWN, [{ kind: 'not-found' }]);
    gw.script.set(CF_OUT, [{ kind: 'out-of-scope' }]);
    // On MariaDB with TEST_REDIS_URL the same suite runs on BullMQ and the Redis limiter; on SQLite, in-process.
    const config = testConfig({
      RIVESTIZIONE_DATABASE_URL: db.databaseUrl,
      REDIS_URL: backend.name === 'mariadb' ? process.env.TEST_REDIS_URL : undefined,
      RIVESTIZIONE_REDIS_PREFIX: prefix,
      RIVESTIZIONE_MAX_ROWS: '50',
      RIVESTIZIONE_MAX_BYTES: '4096',
      RIVESTIZIONE_MAX_ATTEMPTS: '3',
    });
    riv = await createRivestizioneApp(config, { gateway: gw, now: () => clock, createSchema: true });
    http = request(riv.http!.getHttpServer());
  }, 60_000);

  afterAll(async () => {
    await riv?.close();
    await db?.drop();
    if (backend.name === 'mariadb' && process.env.TEST_REDIS_URL) {
      const redis = new Redis(process.env.TEST_REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  const list = [
    { type: 'codiceFiscale', value: CF_OK, reference: 'A-1' },
    { type: 'CF', value: CF_BAD, reference: 'A-2' },
    { type: 'codiceFiscale', value: CF_UNKNOWN, reference: '=SUM(1)' },
    { type: 'codiceFiscale', value: CF_OUT, reference: 'A-4' },
  ];

  it('refuses a call without a token, and a token the gateway does not know', async () => {
    const none = await http.get('/v1/rivestizioni');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.body.type).toBe('urn:geres:problem:unauthenticated');
    expect((await http.get('/v1/rivestizioni').set(auth('nope'))).body.type).toBe('urn:geres:problem:invalid-token');
  });

  it('validates a list without storing anything, naming line, field and reason', async () => {
    const res = await http.post('/v1/rivestizioni/validation').set(auth('tok-std')).send({ items: list });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'list', totalRows: 4, validRows: 3, invalidRows: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 2, field: 'value', reason: 'invalid-check-character' })]);
    expect((await http.get('/v1/rivestizioni').set(auth('tok-std'))).body.total).toBe(0);
  });

  it('validates a CSV file sent as text/csv', async () => {
    const csv = `tipo;identificativo;riferimento\nCF;${CF_OK};R1\nXX;123;R2\n`;
    const res = await http.post('/v1/rivestizioni/validation').set(auth('tok-std')).set('content-type', 'text/csv').send(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', delimiter: ';', totalRows: 2, validRows: 1, invalidRows: 1 });
    expect(res.body.errors[0]).toMatchObject({ line: 3, field: 'tipo', reason: 'unknown-type' });
  });

  it('answers 413 over the byte limit and 422 over the row limit', async () => {
    const big = `tipo;identificativo\n${`CF;${CF_OK}\n`.repeat(300)}`;
    const tooBig = await http.post('/v1/rivestizioni/validation').set(auth('tok-std')).set('content-type', 'text/csv').send(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.type).toBe('urn:geres:problem:payload-too-large');
    const many = await http.post('/v1/rivestizioni/validation').set(auth('tok-std')).send({ items: Array.from({ length: 51 }, () => ({ type: 'CF', value: CF_OK })) });
    expect(many.status).toBe(422);
    expect(many.body).toMatchObject({ type: 'urn:geres:problem:too-many-rows', code: 'too-many-rows', maxRows: 50 });
  });

  it('refuses a submission with invalid rows unless the valid ones are accepted; nothing is half-imported', async () => {
    const res = await http.post('/v1/rivestizioni').set(auth('tok-std')).send({ comune: '072006', motivoRichiesta: 'TARI 2026', items: list });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('urn:geres:problem:invalid-rows');
    expect(res.body.report.errors[0].line).toBe(2);
    expect((await http.get('/v1/rivestizioni').set(auth('tok-std'))).body.total).toBe(0);
  });

  it('refuses a user whose profile has no rivestizione fields', async () => {
    const res = await http.post('/v1/rivestizioni').set(auth('tok-none')).send({ comune: '072006', motivoRichiesta: 'x', items: [list[0]] });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:geres:problem:forbidden-by-profile');
  });

  let requestId: string;
  it('submits, waits for convalida, is approved by the Comune\'s TOP, and completes with one row per input row', async () => {
    const sub = await http.post('/v1/rivestizioni').set(auth('tok-std')).send({ comune: '072006', motivoRichiesta: 'TARI 2026', items: list, acceptInvalidRows: true });
    expect(sub.status).toBe(201);
    requestId = sub.body.id;
    expect(sub.body).toMatchObject({ state: 'in_convalida', stateLabel: 'In convalida', counts: { total: 4, valid: 3, invalid: 1 }, submitter: 'std.consorzio' });
    expect(typeof sub.body.completamentoPrevisto).toBe('string');

    await riv.tick();
    expect((await state(requestId)).state).toBe('in_convalida');
    expect(gw.lookups).toHaveLength(0);

    expect((await http.post(`/v1/rivestizioni/${requestId}/approval`).set(auth('tok-std'))).status).toBe(403);
    expect((await http.post(`/v1/rivestizioni/${requestId}/approval`).set(auth('tok-top-lecce'))).status).toBe(404);
    const ok = await http.post(`/v1/rivestizioni/${requestId}/approval`).set(auth('tok-top'));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'convalidata', validator: 'top.bari' });
    expect((await http.post(`/v1/rivestizioni/${requestId}/approval`).set(auth('tok-top'))).status).toBe(409);

    await until(riv.tick, finished(requestId));
    const done = await state(requestId);
    expect(done).toMatchObject({ state: 'completata_con_errori', counts: { total: 4, done: 4, ok: 1, errors: 1 }, fields: ['codiceFiscale', 'cognome', 'nome', 'comuneResidenza'] });
    expect(done.files).toHaveLength(1);
    expect(gw.lookups.map((l) => [l.value, l.comune, l.sections])).toEqual(
      expect.arrayContaining([[CF_OK, '072006', ['generalita', 'residenza']], [CF_UNKNOWN, '072006', ['generalita', 'residenza']]]),
    );
    expect(gw.lookups).toHaveLength(3);
    expect(new Set(gw.lookups.map((l) => l.idempotencyKey)).size).toBe(3);

    const file = done.files[0];
    const dl = await http.get(`/v1/rivestizioni/${requestId}/files/${file.id}`).set(auth('tok-std')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = dl.body as Buffer;
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
    expect(body.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'riferimento;codiceFiscale;cognome;nome;comuneResidenza;esito;errore',
      `A-1;${CF_OK};ROSSI;'=MARIO;BARI (BA);OK;`,
      expect.stringMatching(/^A-2;;;;;SCARTATO;Riga non valida: /),
      "'=SUM(1);;;;;NON_TROVATO;Soggetto non trovato in ANPR",
      "A-4;;;;;FUORI_AMBITO;Soggetto fuori dall'ambito del profilo: dati non restituiti",
      '',
    ]);
  });

  it('shows a request to its submitter, their ADMIN and the Comune\'s TOP, not to others', async () => {
    expect((await http.get(`/v1/rivestizioni/${requestId}`).set(auth('tok-admin'))).status).toBe(200);
    expect((await http.get(`/v1/rivestizioni/${requestId}`).set(auth('tok-top'))).status).toBe(200);
    expect((await http.get(`/v1/rivestizioni/${requestId}`).set(auth('tok-other'))).status).toBe(404);
    expect((await http.get(`/v1/rivestizioni/${requestId}`).set(auth('tok-top-lecce'))).status).toBe(404);
  });

  it('hides STANDARDPS requests from the ADMIN and, once decided, from the TOP', async () => {
    const sub = await http.post('/v1/rivestizioni').set(auth('tok-ps')).send({ comune: '072006', motivoRichiesta: 'Indagine', items: [list[0]] });
    expect(sub.status).toBe(201);
    expect((await http.get(`/v1/rivestizioni/${sub.body.id}`).set(auth('tok-admin'))).status).toBe(404);
    expect((await http.get(`/v1/rivestizioni/${sub.body.id}`).set(auth('tok-top'))).status).toBe(200);
    expect((await http.post(`/v1/rivestizioni/${sub.body.id}/approval`).set(auth('tok-top'))).status).toBe(200);
    expect((await http.get(`/v1/rivestizioni/${sub.body.id}`).set(auth('tok-top'))).status).toBe(404);
    expect((await http.get(`/v1/rivestizioni/${sub.body.id}`).set(auth('tok-ps'))).body.state).toBe('convalidata');
    const adminList = await http.get('/v1/rivestizioni').set(auth('tok-admin'));
    expect(adminList.body.items.map((r: { id: string }) => r.id)).not.toContain(sub.body.id);
  });

  it('rejects with a reason', async () => {
    const sub = await http.post('/v1/rivestizioni').set(auth('tok-std')).set('content-type', 'text/csv').query({ comune: '072006', motivoRichiesta: 'Prova' }).send(`tipo;identificativo\nCF;${CF_OK}\n`);
    expect(sub.status).toBe(201);
    const missing = await http.post(`/v1/rivestizioni/${sub.body.id}/rejection`).set(auth('tok-top')).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.type).toBe('urn:geres:problem:validation-failed');
    const res = await http.post(`/v1/rivestizioni/${sub.body.id}/rejection`).set(auth('tok-top')).send({ reason: 'Finalità non indicata' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'respinta', reason: 'Finalità non indicata', validator: 'top.bari' });
  });

  it('accepts a multipart upload; silent consent approves it after the Comune\'s hours', async () => {
    const sub = await http
      .post('/v1/rivestizioni')
      .set(auth('tok-std'))
      .field('comune', '072006')
      .field('motivoRichiesta', 'Multipart')
      .attach('file', Buffer.from(`tipo,identificativo,riferimento\nCF,${CF_OK},M-1\n`), { filename: 'elenco.csv', contentType: 'text/csv' });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ state: 'in_convalida', sourceName: 'elenco.csv' });
    clock = new Date(clock.getTime() + 47 * 3_600_000);
    await riv.tick();
    expect((await state(sub.body.id)).state).toBe('in_convalida');
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    await until(riv.tick, finished(sub.body.id));
    expect(await state(sub.body.id)).toMatchObject({ state: 'completata', validator: 'silenzio-assenso', counts: { ok: 1 } });
  });

  it('retries a row on ANPR unavailability and ends it with its error after the last attempt; the request goes on', async () => {
    const other = cf('MRNLCU75M01A662');
    gw.script.set(CF_OK, [{ kind: 'retry', reason: 'anpr-unavailable' }, { kind: 'retry', reason: 'anpr-unavailable' }]);
    gw.script.set(other, [{ kind: 'retry', reason: 'anpr-unavailable' }, { kind: 'retry', reason: 'rate-limited' }, { kind: 'retry', reason: 'anpr-unavailable' }]);
    const sub = await http.post('/v1/rivestizioni').set(auth('tok-std')).send({ comune: '072006', motivoRichiesta: 'Retry', items: [{ type: 'CF', value: CF_OK }, { type: 'CF', value: other }] });
    await http.post(`/v1/rivestizioni/${sub.body.id}/approval`).set(auth('tok-top'));
    const before = gw.lookups.length;
    await until(riv.tick, finished(sub.body.id));
    expect(await state(sub.body.id)).toMatchObject({ state: 'completata_con_errori', counts: { ok: 1, errors: 1 } });
    expect(gw.lookups.length - before).toBe(6);
    const rows = await riv.engine.em().find(RivRow, { request: sub.body.id }, { orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.esito, r.attempts, r.errore])).toEqual([
      ['OK', 3, null],
      ['ERRORE', 3, 'ANPR non disponibile dopo 3 tentativi (anpr-unavailable)'],
    ]);
  });

  it('deletes files after the retention period; the archive keeps name, size and SHA-256', async () => {
    const before = await state(requestId);
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    await riv.tick();
    const after = await state(requestId);
    expect(after.files).toEqual([{ ...before.files[0], deleted: true }]);
    const dl = await http.get(`/v1/rivestizioni/${requestId}/files/${before.files[0].id}`).set(auth('tok-std'));
    expect(dl.status).toBe(410);
    expect(dl.body).toMatchObject({ type: 'urn:geres:problem:file-expired', sha256: before.files[0].sha256 });
  });

  it('lets the Comune\'s TOP set the settings, and no one else', async () => {
    const body = { convalidaRequired: false, silentConsentHours: null, concurrency: 2, ratePerSecond: 3, dailyBudget: 100, windows: [{ from: '08:00', to: '18:00' }] };
    expect((await http.put('/v1/rivestizione-settings/072006').set(auth('tok-std')).send(body)).status).toBe(403);
    expect((await http.put('/v1/rivestizione-settings/072006').set(auth('tok-top')).send({ ...body, windows: [{ from: '8', to: '18:00' }] })).status).toBe(400);
    const res = await http.put('/v1/rivestizione-settings/072006').set(auth('tok-top')).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...body, comune: '072006', updatedBy: 'top.bari' });
    const sub = await http.post('/v1/rivestizioni').set(auth('tok-std')).send({ comune: '072006', motivoRichiesta: 'Auto', items: [list[0]] });
    expect(sub.body).toMatchObject({ state: 'convalidata', validator: 'automatica' });
  });

  it('ends the rows with an error when the grant stops working (user suspended)', async () => {
    await http.put('/v1/rivestizione-settings/072006').set(auth('tok-top')).send({ convalidaRequired: false, silentConsentHours: null, concurrency: 2, ratePerSecond: 100, dailyBudget: 1000, windows: [{ from: '00:00', to: '24:00' }] });
    gw.addCaller('tok-susp', { username: 'to.suspend', role: 'STANDARD' });
    const sub = await http.post('/v1/rivestizioni').set(auth('tok-susp')).send({ comune: '072006', motivoRichiesta: 'Sospeso', items: [list[0], list[2]] });
    expect(sub.status).toBe(201);
    gw.revoked.add('tok-susp');
    await until(riv.tick, async () => ['completata', 'completata_con_errori'].includes((await riv.engine.em().findOneOrFail((await import('../src/database/entities.js')).RivRequest, { id: sub.body.id })).state));
    const rows = await riv.engine.em().find(RivRow, { request: sub.body.id });
    expect(rows.map((r) => [r.esito, r.errore])).toEqual([
      ['ERRORE', 'La delega per questa richiesta non è più valida'],
      ['ERRORE', 'La delega per questa richiesta non è più valida'],
    ]);
  });
});
