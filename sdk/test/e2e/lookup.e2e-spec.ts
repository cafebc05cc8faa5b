import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// Relative, not #libs/domain: that alias lives in the root package.json, which sdk/ does not see.
import { AuditEvent, Ente, Profile, User } from '../../../libs/domain/src/index.js';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { SIM_FAULT_HEADER } from '../../../test-env/src/simulator.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../../../apps/gateway/src/index.js';
import { announceSkips, backends, PASSWORD, seedTenants, startGateway, type Tenants, type TestGateway } from '../../../apps/gateway/test/harness.js';
import {
  ComuneNotAgreedError,
  ForbiddenByProfileError,
  GeResClient,
  IdempotencyKeyReusedError,
  InvalidCriteriaError,
  MoreThanOneSubjectError,
  PermissionError,
  QuotaExceededError,
  SubjectNotFoundError,
  type GeResEvent,
  type SearchPersonsParams,
} from '../../src/index.js';

/**
 * A fault injector between the gateway and the simulated ANPR: it forwards everything, and marks
 * the next `failNext` channel requests with the simulator's X-Sim-Fault header.
 */
async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  const state = { failNext: 0, faulted: 0 };
  const server: Server = createServer((req, res) => {
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: upstream.host };
    if (state.failNext > 0) {
      state.failNext--;
      state.faulted++;
      headers[SIM_FAULT_HEADER] = 'http500';
    }
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The lookup API through the SDK, as an integrated application would use it: an application of
 * the Consorzio, created through the admin API, acting for its operators.
 */
describe.each(backends())('SDK against the gateway on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let t: Tenants;
  let baseUrl: string;
  let sut: GeResClient;
  let application: { id: string; clientId: string; clientSecret: string };
  const events: GeResEvent[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'geres-sdk-e2e-'));
  let cat: ReturnType<typeof buildSandboxCatalogue>['entries'];
  const entry = (key: string) => cat.find((e) => e.key === key)!;
  const search = (criterion: SearchPersonsParams['criterion'], extra: Partial<SearchPersonsParams> = {}): SearchPersonsParams => ({
    criterion,
    sections: ['generalita'],
    comune: DEMO_COMUNE_ISTAT,
    motivoRichiesta: 'Pratica SDK 2026/1',
    ...extra,
  });
  const byCf = (key: string) => ({ type: 'codiceFiscale' as const, codiceFiscale: entry(key).codiceFiscale });

  beforeAll(async () => {
    announceSkips();
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    proxy = await startFaultProxy(anpr.url);
    cat = buildSandboxCatalogue(anpr.registry).entries;
    gw = await startGateway(backend);
    t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir, { simulatorUrl: proxy.url }));
    // An application acts for STANDARD operators only: the Consorzio's full operator, with the admin's
    // grant, searches the whole country here, so that homonyms living elsewhere are answered.
    const em = gw.em.fork();
    const op = em.create(User, { username: 'op.consorzio', name: 'op.consorzio', email: 'op.consorzio@test.invalid', role: 'STANDARD', ente: em.getReference(Ente, t.enti.consorzio.id), passwordHash: t.users['std.consorzio'].passwordHash } as never);
    em.create(Profile, { user: op, sections: ['generalita', 'residenza', 'famiglia'], visuraTypes: [], rivestizioneFields: [], scope: 'national', allowedComuni: ['072006'], dailyQuota: 500 } as never);
    await em.flush();
    const opId = (op as unknown as User).id;
    await gw.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(gw.app.getHttpServer().address() as AddressInfo).port}`;

    // The admin creates the application through the SDK, logged in as a person.
    const admin = new GeResClient({ baseUrl, auth: { username: 'admin.consorzio', password: PASSWORD } });
    application = (await admin.api.applications.createApplication({
      requestBody: { name: 'Protocollo (SDK e2e)', operatorIds: [opId, t.users['std.consorzio'].id] },
    })) as typeof application;
    sut = new GeResClient({
      baseUrl,
      auth: { clientId: application.clientId, clientSecret: application.clientSecret },
      operator: 'op.consorzio',
      userAgentSuffix: 'sdk-e2e/1',
      logger: (e) => events.push(e),
    });
  }, 120_000);

  afterAll(async () => {
    await gw?.close();
    await proxy?.close();
    await anpr?.close();
  });

  it('the admin API issued the application its client credentials', () => {
    expect(application.clientId).toEqual(expect.any(String));
    expect(application.clientSecret).toMatch(/^grs_/);
  });

  describe('every criterion type', () => {
    it('codice fiscale, with the request id on the result and in the audit trail', async () => {
      const result = await sut.persons.search(search(byCf('demo-resident'), { sections: ['generalita', 'residenza'] }), { requestId: 'sdk-e2e-cf-1' });
      expect(result.persons).toHaveLength(1);
      expect(result.persons[0].idANPR).toBe(entry('demo-resident').idANPR);
      expect(result.persons[0].residenza?.[0]?.indirizzo?.comune.codiceIstat).toBe(DEMO_COMUNE_ISTAT);
      expect(result.lastResponse).toMatchObject({ status: 200, requestId: 'sdk-e2e-cf-1', idempotentReplayed: false, attempts: 1 });
      expect(result.requestId).toBe('sdk-e2e-cf-1');
      await gw.drain();
      // The intent (`pending`, written before ANPR is called) and the outcome.
      const ev = await gw.em.fork().findOneOrFail(AuditEvent, { requestId: 'sdk-e2e-cf-1', outcome: { $ne: 'pending' } });
      expect(ev).toMatchObject({ operation: 'searchPersons', outcome: 'ok', criterionValue: entry('demo-resident').codiceFiscale });
      expect(ev.applicationId).toBe(application.id);
    });

    it('idANPR, and GET by codice fiscale', async () => {
      const byId = await sut.persons.search(search({ type: 'idANPR', idANPR: entry('lookup-by-idanpr').idANPR! }));
      expect(byId.persons[0].idANPR).toBe(entry('lookup-by-idanpr').idANPR);
      const one = await sut.persons.get(entry('demo-resident').codiceFiscale!, { comune: DEMO_COMUNE_ISTAT, sections: ['generalita', 'famiglia'], motivoRichiesta: 'Pratica SDK 2026/2' });
      expect(one.persons[0]).toHaveProperty('famiglia');
    });

    it('identity document', async () => {
      const e = entry('identity-card');
      const result = await sut.persons.search(search({ type: 'documento', tipoDocumento: 'cartaIdentita', numeroDocumento: (e.query.criterion as { numero: string }).numero }));
      expect(result.persons[0].idANPR).toBe(e.idANPR);
    });

    it('surname + name + birth date (+ birth place), and more than one subject', async () => {
      const h = entry('homonyms').query.criterion as { cognome: string; nome: string; dataNascita: string };
      const generalita = { type: 'generalita' as const, cognome: h.cognome, nome: h.nome, dataNascita: h.dataNascita };
      expect((await sut.persons.search(search(generalita))).persons).toHaveLength(2);
      await expect(sut.persons.search(search(generalita, { sections: ['generalita', 'famiglia'] }))).rejects.toBeInstanceOf(MoreThanOneSubjectError);
      const one = await sut.persons.search(search({ ...generalita, luogoNascita: { codiceIstatComune: '075035' } }));
      expect(one.persons).toHaveLength(1);
    });
  });

  describe('refusals, as typed errors', () => {
    it('not found', async () => {
      const err = await sut.persons.search(search(byCf('not-found-cf'))).catch((e) => e);
      expect(err).toBeInstanceOf(SubjectNotFoundError);
      expect(err).toMatchObject({ status: 404, type: 'urn:geres:problem:subject-not-found', requestId: expect.any(String) });
      expect(err.requestId).toBe(err.problem.requestId);
    });

    it('invalid criteria, naming the field, before ANPR is called', async () => {
      const err = await sut.persons.search(search(byCf('invalid-check-cf'))).catch((e) => e);
      expect(err).toBeInstanceOf(InvalidCriteriaError);
      expect(err.errors[0].field).toBe('criterion.codiceFiscale');
    });

    it('forbidden by profile, for another operator of the application (per-request override)', async () => {
      const err = await sut.persons.search(search(byCf('demo-resident'), { sections: ['generalita', 'residenza'] }), { operator: 'std.consorzio' }).catch((e) => e);
      expect(err).toBeInstanceOf(ForbiddenByProfileError);
      expect(err.rule).toBe('section_not_allowed:residenza');
      expect(err.attempts).toBe(1);
    });

    it('a Comune without convenzione', async () => {
      const err = await sut.persons.search(search(byCf('demo-resident'), { comune: '999999' })).catch((e) => e);
      expect(err).toBeInstanceOf(ComuneNotAgreedError);
      expect(err.rule).toBe('unknown_comune');
    });

    it('an operator the application may not act for', async () => {
      const err = await sut.persons.search(search(byCf('demo-resident')), { operator: 'top.bari' }).catch((e) => e);
      expect(err).toBeInstanceOf(PermissionError);
      expect(err.type).toBe('urn:geres:problem:operator-not-allowed');
    });
  });

  it('replays an idempotent search, and refuses the key with another body', async () => {
    const key = `sdk-e2e-${Date.now()}`;
    const first = await sut.persons.search(search(byCf('married')), { idempotencyKey: key });
    const again = await sut.persons.search(search(byCf('married')), { idempotencyKey: key });
    expect(first.lastResponse?.idempotentReplayed).toBe(false);
    expect(again.lastResponse?.idempotentReplayed).toBe(true);
    expect(again).toEqual(first);
    await expect(sut.persons.search(search(byCf('divorced')), { idempotencyKey: key })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('retries through an ANPR fault (503 anpr-unavailable) with the same Idempotency-Key', async () => {
    events.length = 0;
    const faultedBefore = proxy.state.faulted;
    proxy.state.failNext = 1;
    const result = await sut.persons.search(search(byCf('divorced')));
    expect(result.persons[0].idANPR).toBe(entry('divorced').idANPR);
    expect(proxy.state.faulted).toBe(faultedBefore + 1);
    expect(result.lastResponse?.attempts).toBe(2);
    const retries = events.filter((e) => e.kind === 'retry');
    expect(retries).toEqual([expect.objectContaining({ reason: 'HTTP 503 anpr-unavailable' })]);
    // The gateway's hint (Retry-After) was honoured.
    expect((retries[0] as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(1000);
    const sent = events.filter((e) => e.kind === 'request') as Array<{ idempotencyKey?: string; requestId: string }>;
    expect(new Set(sent.map((e) => e.idempotencyKey)).size).toBe(1);
    await gw.drain();
    const audited = await gw.em.fork().find(AuditEvent, { requestId: result.lastResponse!.requestId });
    // Each attempt wrote its intent before calling ANPR, then its outcome.
    expect(audited.map((e) => e.outcome).sort()).toEqual(['error', 'ok', 'pending', 'pending']);
  }, 30_000);

  it('stops at the daily quota with a typed error carrying Retry-After, without waiting until midnight', async () => {
    await gw.em.fork().nativeUpdate(Profile, { user: t.users['std.consorzio'].id }, { dailyQuota: 1 });
    const asStd = { operator: 'std.consorzio' };
    await sut.persons.search(search(byCf('demo-resident')), asStd);
    const err = await sut.persons.search(search(byCf('demo-resident')), asStd).catch((e) => e);
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect(err.type).toBe('urn:geres:problem:quota-exceeded');
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    expect(err.attempts).toBe(1);
  });

  it('STANDARDPS lookups are audited, visible to their author and invisible to TOP and ADMIN monitoring', async () => {
    const ps = new GeResClient({ baseUrl, auth: { username: 'ps.pl', password: PASSWORD } });
    const found = await ps.persons.search(search(byCf('married')));
    const top = new GeResClient({ baseUrl, auth: { username: 'top.bari', password: PASSWORD } });
    const admin = new GeResClient({ baseUrl, auth: { username: 'admin.pl', password: PASSWORD } });
    await gw.drain();
    const own = await ps.api.me.listMyHistory({ pageSize: 200 });
    expect(own.items.some((e) => e.requestId === found.requestId)).toBe(true);
    const byTop = await top.api.audit.searchAuditEvents({ pageSize: 200 });
    const byAdmin = await admin.api.audit.searchAuditEvents({ pageSize: 200 });
    expect(byTop.items.some((e) => e.username === 'ps.pl')).toBe(false);
    expect(byAdmin.items.some((e) => e.username === 'ps.pl')).toBe(false);
    expect(byTop.items.some((e) => e.username === 'op.consorzio' && e.operation === 'searchPersons')).toBe(true);
  });

  it('reports the operator’s usage', async () => {
    const usage = await sut.me.usage();
    expect(usage).toMatchObject({ dailyQuota: 500, used: expect.any(Number) });
    expect(usage.used).toBeGreaterThan(0);
  });
});
