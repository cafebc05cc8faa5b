import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { Redis } from 'ioredis';
import request from 'supertest';
import { AuditEvent, Ente, Profile, User } from '#libs/domain';
import { wireComuneToSimulator } from '../../gateway/src/index.js';
import { backends, login, seedTenants, startGateway, TEST_SERVICE_CLIENTS, type TestGateway } from '../../gateway/test/harness.js';
import { DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { createRivestizioneApp, type RivestizioneApp } from '../src/app.factory.js';
import { RivRow } from '../src/database/entities.js';
import { mixedList, toCsv } from './population-list.js';
import { freshRivDatabase, testConfig } from './support.js';

// Generous: on a shared, loaded machine 1,000 lookups through the simulated ANPR can take half an hour.
jest.setTimeout(3_600_000);

/** RIV_E2E_ROWS shrinks the list on a loaded machine; the figure is the default. */
const ROWS = Number(process.env.RIV_E2E_ROWS ?? 1000);

const FIELDS = ['codiceFiscale', 'cognome', 'nome', 'dataNascita', 'comuneResidenza'];

/** Without Redis on SQLite (the sandbox), and with BullMQ on MariaDB + Redis when both are there. */
const modes = backends().map((b) => {
  const redisUrl = b.name === 'mariadb' ? process.env.TEST_REDIS_URL : undefined;
  const skipReason = b.skipReason ?? (b.name === 'mariadb' && !redisUrl ? 'TEST_REDIS_URL is not set' : undefined);
  return { ...b, skipReason, redisUrl, label: `${b.name}${redisUrl ? ' + Redis (BullMQ)' : ' without Redis'}` };
});

/**
 * The "Done when": a user uploads a CSV of 1,000 mixed identifiers, reads the validation
 * report, submits, the Comune's registry officer validates, and the user downloads one row per input
 * row with their profile's fields, through the real gateway and the simulated ANPR.
 */
describe.each(modes)('rivestizione through the gateway: $label', (mode) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let riv: RivestizioneApp;
  let http: ReturnType<typeof request>;
  let db: Awaited<ReturnType<typeof freshRivDatabase>>;
  const prefix = `geres-riv-test-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'geres-riv-gw-'));
  let userToken: string;
  let topToken: string;
  let list: ReturnType<typeof mixedList>;

  beforeAll(async () => {
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    gw = await startGateway(mode, { RATE_LIMIT_USER_PER_MINUTE: '100000' });
    const t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    const em = gw.em.fork();
    const u = em.create(User, { username: 'riv.pl', name: 'riv.pl', email: 'riv.pl@test.invalid', role: 'STANDARD', ente: em.getReference(Ente, t.enti.pl.id), passwordHash: t.users['ps.pl'].passwordHash } as never);
    em.create(Profile, { user: u, sections: ['generalita', 'residenza'], visuraTypes: [], rivestizioneFields: FIELDS, scope: 'agreed', allowedComuni: [DEMO_COMUNE_ISTAT], dailyQuota: 5000 } as never);
    await em.flush();
    await gw.app.listen(0, '127.0.0.1');
    const gatewayUrl = `http://127.0.0.1:${(gw.app.getHttpServer().address() as AddressInfo).port}`;
    userToken = await login(gw, 'riv.pl');
    topToken = await login(gw, 'top.bari');

    db = await freshRivDatabase(mode);
    const config = testConfig({
      GATEWAY_URL: gatewayUrl,
      GATEWAY_CLIENT_SECRET: TEST_SERVICE_CLIENTS.rivestizione,
      RIVESTIZIONE_DATABASE_URL: db.databaseUrl,
      REDIS_URL: mode.redisUrl,
      RIVESTIZIONE_REDIS_PREFIX: prefix,
      RIVESTIZIONE_CHUNK_SIZE: '100',
      RIVESTIZIONE_TICK_MS: '200',
      // One lookup at a time per Comune: ANPR refuses an operation id lower than the last one it
      // received from the same sender, and concurrent calls can reach it out of order.
      RIVESTIZIONE_DEFAULT_CONCURRENCY: '1',
    });
    riv = await createRivestizioneApp(config, { createSchema: true });
    http = request(riv.http!.getHttpServer());
    list = mixedList(anpr.registry, DEMO_COMUNE_ISTAT, ROWS);
  });

  afterAll(async () => {
    await riv?.close();
    await gw?.close();
    await anpr?.close();
    await db?.drop();
    if (mode.redisUrl) {
      const redis = new Redis(mode.redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  let id: string;
  it('reads the validation report of the uploaded CSV', async () => {
    const res = await http.post('/v1/rivestizioni/validation').set('authorization', `Bearer ${userToken}`).attach('file', Buffer.from(toCsv(list)), { filename: 'soggetti.csv', contentType: 'text/csv' });
    expect(res.status).toBe(200);
    const bad = list.filter((r) => r.expected === 'SCARTATO').length;
    expect(res.body).toMatchObject({ format: 'csv', totalRows: ROWS, validRows: ROWS - bad, invalidRows: bad });
    expect(res.body.errors).toHaveLength(bad);
    expect(new Set(res.body.errors.map((e: { reason: string }) => e.reason))).toEqual(new Set(['invalid-check-character']));
  });

  it('submits the valid rows; the registry officer approves; the request completes', async () => {
    const sub = await http
      .post('/v1/rivestizioni')
      .set('authorization', `Bearer ${userToken}`)
      .field('comune', DEMO_COMUNE_ISTAT)
      .field('motivoRichiesta', 'Ruolo TARI 2026')
      .field('acceptInvalidRows', 'true')
      .attach('file', Buffer.from(toCsv(list)), { filename: 'soggetti.csv', contentType: 'text/csv' });
    expect(sub.status).toBe(201);
    expect(sub.body.state).toBe('in_convalida');
    id = sub.body.id;
    const approved = await http.post(`/v1/rivestizioni/${id}/approval`).set('authorization', `Bearer ${topToken}`);
    expect(approved.status).toBe(200);
    let view = approved.body;
    for (let i = 0; i < 36_000 && !view.state.startsWith('completata'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await http.get(`/v1/rivestizioni/${id}`).set('authorization', `Bearer ${userToken}`)).body;
    }
    const n = (e: string) => list.filter((r) => r.expected === e).length;
    expect(view).toMatchObject({ state: 'completata_con_errori', fields: FIELDS, counts: { total: ROWS, done: ROWS, ok: n('OK'), errors: n('SCARTATO') } });
  });

  it('gives one row per input row, in order, with the reference, the profile\'s fields, esito and errore', async () => {
    const view = (await http.get(`/v1/rivestizioni/${id}`).set('authorization', `Bearer ${userToken}`)).body;
    expect(view.files).toHaveLength(1);
    const res = await http.get(`/v1/rivestizioni/${id}/files/${view.files[0].id}`).set('authorization', `Bearer ${userToken}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const body = res.body as Buffer;
    expect(createHash('sha256').update(body).digest('hex')).toBe(view.files[0].sha256);
    const records = parse(body.subarray(3), { delimiter: ';', columns: true, relax_quotes: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0])).toEqual(['riferimento', ...FIELDS, 'esito', 'errore']);
    expect(records).toHaveLength(ROWS);
    list.forEach((row, i) => {
      const out = records[i];
      expect(out.riferimento).toBe(row.riferimento.startsWith('=') ? `'${row.riferimento}` : row.riferimento);
      expect(out.esito).toBe(row.expected);
      if (row.expected === 'OK') {
        const p = row.person!;
        expect([out.codiceFiscale, out.cognome, out.nome, out.dataNascita, out.comuneResidenza.split(' (')[0]]).toEqual([p.codiceFiscale, p.cognome, p.nome, p.dataNascita, 'BARI']);
        expect(out.errore).toBe('');
      } else {
        expect([out.codiceFiscale, out.cognome, out.nome]).toEqual(['', '', '']);
        expect(out.errore).not.toBe('');
      }
    });
  });

  it('asked ANPR once per valid row, each a gateway lookup under the submitter\'s grant, audited with the acting service', async () => {
    const rows = await riv.engine.em().find(RivRow, { request: id, esito: { $ne: 'SCARTATO' } });
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    await gw.drain();
    const events = await gw.em.fork().find(AuditEvent, { purpose: 'rivestizione', outcome: { $ne: 'pending' } });
    expect(events).toHaveLength(rows.length);
    expect(new Set(events.map((e) => e.username))).toEqual(new Set(['riv.pl']));
    expect(new Set(events.map((e) => e.actingService))).toEqual(new Set(['rivestizione']));
    expect(new Set(events.map((e) => e.motivoRichiesta))).toEqual(new Set(['Ruolo TARI 2026']));
  });
});
