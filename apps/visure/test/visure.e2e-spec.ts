import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditEvent, Comune, Profile, User, VISURA_TYPES, type VisuraType } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT, VISURE_REFUSALS, VISURE_SUBJECTS } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { wireComuneToSimulator } from '../../gateway/src/index.js';
import { backends, login, seedTenants, signTestToken, startGateway, TEST_SERVICE_CLIENTS, type TestGateway } from '../../gateway/test/harness.js';
import { SealKeystore } from '../src/document/index.js';
import { createTestSealPki } from '../src/document/testing/test-pki.js';
import { startVisure, type RunningVisure } from '../src/app.js';
import type { ComuneDirectoryEntry } from '../src/gateway/gateway.port.js';
import { VisuraDocument, VisuraRequest } from '../src/persistence/entities.js';
import { Sealer } from '../src/storage/document-store.js';
import { VisureClient, VisureError } from '../../../sdk/src/index.js';

// Rendering, sealing and PDF tools on a shared machine: generous per-test time, no timed assertions.
jest.setTimeout(60_000);

const MEDIATOR_OPERATOR = 'MEDIATORE-BARI-01';
const TOOLS = ['pdfsig', 'pdftotext', 'pdfinfo'].filter((t) => spawnSync('which', [t]).status !== 0);
if (TOOLS.length) console.warn(`visure e2e: SKIPPING the PDF tool checks, missing ${TOOLS.join(', ')} (apt-get install poppler-utils)`);

/**
 * The visure service through the real gateway and the simulated ANPR: the "Done when" scenarios of
 * issue 11, all 14 types on catalogue subjects, each refusal rule, the mediator queue, the archive
 * and the verification endpoint.
 */
describe.each(backends())('visure on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let visure: RunningVisure;
  const dir = mkdtempSync(join(tmpdir(), 'geres-visure-e2e-'));
  const tokens: Record<string, string> = {};
  let cat: ReturnType<typeof buildSandboxCatalogue>['entries'];
  const cf = (key: string) => cat.find((e) => e.key === key)!.codiceFiscale!;
  const dataKey = randomBytes(32);
  const comuni: Record<string, ComuneDirectoryEntry> = {
    [DEMO_COMUNE_ISTAT]: { name: 'Bari', nonResidentVisuraPolicy: 'mediator', silentConsentHours: 24, silentConsentMediator: 'top.bari' },
  };
  /** The service's clock runs ahead of the wall clock by this much (silent consent, retries). */
  let clockOffsetMs = 0;
  let userIds: Record<string, string> = {};

  beforeAll(async () => {
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    cat = buildSandboxCatalogue(anpr.registry).entries;
    gw = await startGateway(backend);
    const t = await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    const em = gw.em.fork();
    const top = await em.findOneOrFail(User, { id: t.users['top.bari'].id });
    Object.assign(top, { mediator: true, anprOperatorId: MEDIATOR_OPERATOR, name: 'Anna Lorusso' });
    const bari = await em.findOneOrFail(Comune, { codiceIstat: DEMO_COMUNE_ISTAT });
    Object.assign(bari, { nonResidentVisuraPolicy: 'mediator', silentConsentHours: 24, silentConsentMediator: 'top.bari' });
    // A municipal-office operator with national permission, and the external body's operator with visure.
    const pl = await em.findOneOrFail(User, { id: t.users['admin.pl'].id }, { populate: ['ente'] });
    const std = em.create(User, { username: 'std.pl', name: 'Giovanna Lopez', email: 'std.pl@test.invalid', role: 'STANDARD', ente: pl.ente, passwordHash: pl.passwordHash } as never);
    em.create(Profile, { user: std, sections: ['generalita', 'residenza', 'famiglia', 'decesso', 'statoCivile', 'cittadinanza'], visuraTypes: ['residenza', 'stato_famiglia', 'esistenza_in_vita'], rivestizioneFields: [], scope: 'national', allowedComuni: [DEMO_COMUNE_ISTAT], dailyQuota: 100 } as never);
    const consorzio = await em.findOneOrFail(Profile, { user: t.users['std.consorzio'].id });
    Object.assign(consorzio, { sections: ['generalita', 'residenza'], visuraTypes: ['residenza'], scope: 'national' });
    const ps = await em.findOneOrFail(Profile, { user: t.users['ps.pl'].id });
    Object.assign(ps, { scope: 'national' });
    await em.flush();
    userIds = { 'std.pl': std.id };
    for (const u of ['top.bari', 'std.pl', 'std.consorzio', 'admin.pl', 'ps.pl', 'admin.consorzio']) tokens[u] = await login(gw, u);

    const pki = createTestSealPki('Bari');
    visure = await startVisure({
      gatewayUrl: await gatewayUrl(gw),
      clientSecret: TEST_SERVICE_CLIENTS.visure,
      databaseUrl: gw.config.databaseUrl,
      createSchema: true,
      storageDir: join(dir, 'documents'),
      dataKey,
      now: () => new Date(Date.now() + clockOffsetMs),
      seals: { [DEMO_COMUNE_ISTAT]: SealKeystore.fromPkcs12(pki.p12, pki.password) },
      directory: {
        comuni,
        enti: { [t.enti.pl.id]: { kind: 'municipal_office', name: 'Polizia Locale di Bari' }, [t.enti.consorzio.id]: { kind: 'external_body', name: 'Consorzio' } },
      },
      settings: { verificationsPerMinute: 1000 },
    });
  }, 400_000);
  afterAll(async () => {
    await visure?.close();
    await gw?.close();
    await anpr?.close();
  });

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(visure.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: data as any, type };
  };
  const ask = (user: string, type: VisuraType, codiceFiscale: string) =>
    call('POST', '/v1/visure', tokens[user], { type, comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/11', criterion: { type: 'codiceFiscale', codiceFiscale } });
  const pdfText = (pdf: Buffer) => {
    const f = join(dir, `${randomBytes(4).toString('hex')}.pdf`);
    writeFileSync(f, pdf);
    return { file: f, text: execFileSync('pdftotext', ['-layout', f, '-']).toString('utf8') };
  };

  it('a municipal-office user issues a Visura di Residenza of a resident: sealed, verifiable byte for byte', async () => {
    const res = await ask('std.pl', 'residenza', cf('demo-resident'));
    expect([res.status, res.body.state, res.body.route]).toEqual([201, 'issued', 'real_time']);
    expect(res.body.documentId).toMatch(/^VIS-\d{4}-[A-Z2-9]{10}$/);
    const doc = await call('GET', `/v1/visure/${res.body.id}/document`, tokens['std.pl']);
    expect([doc.status, doc.type]).toEqual([200, 'application/pdf']);
    const pdf = doc.body as Buffer;
    if (TOOLS.length) return;
    const { file, text } = pdfText(pdf);
    expect(text).toContain('Visura di Residenza');
    expect(text).toContain(cf('demo-resident'));
    expect(text).toContain(res.body.anprProtocol);
    expect(text).toContain('Giovanna Lopez (Polizia Locale di Bari)');
    const sig = spawnSync('pdfsig', [file]).stdout.toString();
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(execFileSync('pdfinfo', ['-meta', file]).toString()).toMatch(/pdfaid:part>2</);
    // The CVD is printed, never stored: read it from the page, then verify.
    const cvd = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(text)![1];
    const verified = await call('GET', `/v1/verifica?id=${res.body.documentId}&cvd=${cvd}`);
    expect(verified.status).toBe(200);
    expect(Buffer.compare(verified.body, pdf)).toBe(0);
    const wrong = await call('GET', `/v1/verifica?id=${res.body.documentId}&cvd=AAAA-BBBB-CCCC`);
    expect([wrong.status, wrong.body.type]).toEqual([404, 'urn:geres:visure:problem:not-found']);
    const cert = await fetch(`${visure.url}/v1/comuni/${DEMO_COMUNE_ISTAT}/seal-certificate`);
    expect((await cert.text()).startsWith('-----BEGIN CERTIFICATE-----')).toBe(true);
  });

  it('a request on a non-resident waits for the mediator, is approved, and the document names the mediator', async () => {
    const subject = cf('not-resident-in-comune');
    const res = await ask('std.pl', 'residenza', subject);
    expect([res.status, res.body.state, res.body.route]).toEqual([202, 'pending_mediator', 'deferred_mediator']);
    expect(res.body.documentId).toBeNull();
    const queue = await call('GET', '/v1/mediation/queue', tokens['top.bari']);
    expect(queue.status).toBe(200);
    expect(queue.body.map((r: any) => r.id)).toContain(res.body.id);
    expect((await call('GET', '/v1/mediation/queue', tokens['std.pl'])).status).toBe(403);
    // Only a mediator of the Comune may approve.
    expect((await call('POST', `/v1/visure/${res.body.id}/approval`, tokens['admin.pl'])).status).toBe(404);
    const approved = await call('POST', `/v1/visure/${res.body.id}/approval`, tokens['top.bari']);
    expect([approved.status, approved.body.state, approved.body.mediator]).toEqual([200, 'issued', 'Anna Lorusso']);
    const again = await call('POST', `/v1/visure/${res.body.id}/approval`, tokens['top.bari']);
    expect([again.status, again.body.type]).toEqual([409, 'urn:geres:visure:problem:conflict']);
    // The requester sees the state change and gets the document.
    const mine = await call('GET', `/v1/visure/${res.body.id}`, tokens['std.pl']);
    expect([mine.body.state, mine.body.documentId]).toEqual(['issued', approved.body.documentId]);
    const doc = await call('GET', `/v1/visure/${res.body.id}/document`, tokens['std.pl']);
    expect(doc.status).toBe(200);
    if (!TOOLS.length) {
      const { text } = pdfText(doc.body);
      expect(text).toContain('Mediatore ANPR');
      expect(text).toContain('Anna Lorusso');
    }
    // The gateway's audit names requester, service and mediator, with the mediator's ANPR operator id.
    await gw.drain();
    const ev = await gw.em.fork().findOneOrFail(AuditEvent, { anprOperationId: approved.body.anprProtocol, outcome: 'ok' });
    expect([ev.username, ev.actingService, ev.anprOperatorId]).toEqual(['std.pl', 'visure', MEDIATOR_OPERATOR]);
    expect(ev.mediatorId).toBeTruthy();
  });

  it('silent consent: not before the Comune\'s hours; then processed under the designated mediator', async () => {
    // The Comune's TOP sets the policy at the gateway, which tells it to visure through GET /v1/me
    // (a new login: the service keeps what it learnt of a token for a short while).
    const policy = async (nonResidentVisuraPolicy: string) => {
      const set = await gw.http.patch(`/v1/comuni/${DEMO_COMUNE_ISTAT}/settings`).set('authorization', `Bearer ${tokens['top.bari']}`).send({ nonResidentVisuraPolicy });
      expect(set.status).toBe(200);
      comuni[DEMO_COMUNE_ISTAT].nonResidentVisuraPolicy = nonResidentVisuraPolicy as typeof comuni[string]['nonResidentVisuraPolicy'];
      tokens['std.pl'] = await login(gw, 'std.pl');
    };
    await policy('silent_consent');
    try {
      const res = await ask('std.pl', 'residenza', cf('not-resident-in-comune'));
      expect([res.status, res.body.state, res.body.route]).toEqual([202, 'pending_silent_consent', 'deferred_silent_consent']);
      expect(await visure.service.sweepSilentConsent()).toEqual({ processed: 0, notDue: 1, failed: 0 });
      // 25 hours later: the stored grant is that old (the gateway counts from its first issue).
      clockOffsetMs = 25 * 3600_000;
      const em = visure.orm.em.fork();
      const req = await em.findOneOrFail(VisuraRequest, { id: res.body.id });
      const old = await signTestToken(gw, { sub: userIds['std.pl'], typ: 'user', role: 'STANDARD', username: 'std.pl', jti: `silent-${req.id}`, act: { sub: 'visure' }, gat: Math.floor(Date.now() / 1000) - 25 * 3600 }, 86400);
      req.grantCiphertext = new Sealer(dataKey, 'grants').encrypt(Buffer.from(old), req.id).toString('base64');
      await em.flush();
      expect(await visure.service.sweepSilentConsent()).toEqual({ processed: 1, notDue: 0, failed: 0 });
      const done = await call('GET', `/v1/visure/${res.body.id}`, tokens['std.pl']);
      expect([done.body.state, done.body.mediator]).toEqual(['issued', 'top.bari (silenzio-assenso)']);
      await gw.drain();
      const ev = await gw.em.fork().findOneOrFail(AuditEvent, { anprOperationId: done.body.anprProtocol, outcome: 'ok' });
      expect([ev.username, ev.actingService, ev.anprOperatorId]).toEqual(['std.pl', 'visure', MEDIATOR_OPERATOR]);
    } finally {
      await policy('mediator');
      clockOffsetMs = 0;
    }
  });

  it('ANPR down: the request is kept and retried, and issues exactly one document', async () => {
    const arm = await fetch(`${anpr.url}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'http500', count: 20 }) });
    expect(arm.status).toBe(201);
    let res;
    try {
      res = await ask('std.pl', 'residenza', cf('demo-resident'));
    } finally {
      await fetch(`${anpr.url}/faults`, { method: 'DELETE' });
    }
    expect([res.status, res.body.type, res.body.state]).toEqual([503, 'urn:geres:visure:problem:anpr-unavailable', 'retrying']);
    const kept = await call('GET', `/v1/visure/${res.body.visuraId}`, tokens['std.pl']);
    expect([kept.body.state, kept.body.documentId]).toEqual(['retrying', null]);
    expect((await visure.service.sweepRetries()).issued).toBe(0); // not due yet
    clockOffsetMs = 120_000;
    try {
      expect(await visure.service.sweepRetries()).toEqual({ issued: 1, failed: 0, waiting: 0 });
      expect(await visure.service.sweepRetries()).toEqual({ issued: 0, failed: 0, waiting: 0 });
    } finally {
      clockOffsetMs = 0;
    }
    const done = await call('GET', `/v1/visure/${res.body.visuraId}`, tokens['std.pl']);
    expect(done.body.state).toBe('issued');
    expect(await visure.orm.em.fork().count(VisuraDocument, { requestId: res.body.visuraId })).toBe(1);
  });

  it('the TypeScript SDK: request, archive, document, and problems as VisureError', async () => {
    const client = new VisureClient({ baseUrl: visure.url, accessToken: tokens['std.pl'] });
    const v = await client.request({ type: 'stato_famiglia', comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica SDK', criterion: { type: 'codiceFiscale', codiceFiscale: cf('family-with-children') } });
    expect([v.state, v.route]).toEqual(['issued', 'real_time']);
    const pdf = await client.document(v.id);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await client.list({ type: 'stato_famiglia' })).items.map((i) => i.id)).toContain(v.id);
    const refused = await client.request({ type: 'anagrafica_morte', comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'x', criterion: { type: 'codiceFiscale', codiceFiscale: cf('demo-resident') } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(VisureError);
    expect([(refused as VisureError).status, (refused as VisureError).problemType]).toEqual([403, 'visura-type-not-allowed']);
    const wrong = await client.verify(v.documentId!, 'AAAA-BBBB-CCCC').catch((e: unknown) => e);
    expect([(wrong as VisureError).status, (wrong as VisureError).problemType]).toEqual([404, 'not-found']);
  });

  it('the subjects used here are the ones SANDBOX-CATALOGUE.md lists', () => {
    expect(Object.entries(SUBJECT_OF)).toEqual(VISURE_SUBJECTS.map((v) => [v.type, v.key]));
    expect(REFUSALS.map(([type, key]) => [type, key])).toEqual(VISURE_REFUSALS.map((r) => [r.type, r.key]));
  });

  it('a mediator rejects with a reason the requester sees', async () => {
    const res = await ask('std.pl', 'stato_famiglia', cf('not-resident-in-comune'));
    expect(res.status).toBe(202);
    const rejected = await call('POST', `/v1/visure/${res.body.id}/rejection`, tokens['top.bari'], { reason: 'Motivazione non pertinente' });
    expect([rejected.status, rejected.body.state]).toEqual([200, 'rejected']);
    const mine = await call('GET', `/v1/visure/${res.body.id}`, tokens['std.pl']);
    expect([mine.body.state, mine.body.reason, mine.body.mediator]).toEqual(['rejected', 'Motivazione non pertinente', 'Anna Lorusso']);
  });

  it('an external body\'s user gets only the Comune of residence for a non-resident, and the document for a resident', async () => {
    // The same person as not-resident-in-comune, whose facts name the Comune of residence.
    const entry = cat.find((e) => e.key === 'homonyms-with-birthplace')!;
    expect(entry.codiceFiscale).toBe(cf('not-resident-in-comune'));
    const res = await ask('std.consorzio', 'residenza', entry.codiceFiscale!);
    expect([res.status, res.body.state, res.body.route, res.body.documentId]).toEqual([200, 'comune_only', 'comune_of_residence_only', null]);
    const lives = (entry.expect as { data: { comuneResidenza: string } }).data.comuneResidenza;
    expect(lives).not.toBe(DEMO_COMUNE_ISTAT);
    expect(res.body.comuneResidenza).toBe(anpr.registry.population.places.byIstat.get(lives)!.nomeComune);
    const resident = await ask('std.consorzio', 'residenza', cf('demo-resident'));
    expect([resident.status, resident.body.state]).toEqual([201, 'issued']);
  });

  it('a type outside the profile is refused with 403 and nothing is asked of ANPR', async () => {
    const res = await ask('std.consorzio', 'stato_famiglia', cf('demo-resident'));
    expect([res.status, res.body.type, res.body.visuraType]).toEqual([403, 'urn:geres:visure:problem:visura-type-not-allowed', 'stato_famiglia']);
    expect(res.body.detail).toBe('Il profilo assegnato non consente la Visura di Stato di Famiglia.');
  });

  // All 14 types, by the registry officer (real time for any subject), on catalogue subjects.
  const SUBJECT_OF: Record<VisuraType, string> = {
    anagrafica_nascita: 'demo-resident',
    esistenza_in_vita: 'demo-resident',
    anagrafica_morte: 'deceased',
    cittadinanza: 'naturalised',
    anagrafica_matrimonio: 'married',
    stato_libero: 'demo-resident',
    residenza: 'demo-resident',
    stato_civile: 'widowed',
    stato_famiglia: 'family-with-children',
    stato_famiglia_parentela: 'family-with-children',
    stato_famiglia_aire: 'aire-citizen',
    residenza_aire: 'aire-citizen',
    storica_cittadinanza: 'naturalised',
    storica_residenza: 'moved',
  };
  it.each([...VISURA_TYPES])('type %s issues on its catalogue subject', async (type) => {
    const res = await ask('top.bari', type, cf(SUBJECT_OF[type]));
    expect([res.status, res.body.state, res.body.reason]).toEqual([201, 'issued', null]);
    if (TOOLS.length) return;
    const doc = await call('GET', `/v1/visure/${res.body.id}/document`, tokens['top.bari']);
    const { text } = pdfText(doc.body);
    expect(text).toContain(cf(SUBJECT_OF[type]));
    expect(text).toContain(res.body.documentId);
  });

  const REFUSALS: Array<[VisuraType, string, RegExp]> = [
    ['esistenza_in_vita', 'deceased', /^Il soggetto risulta deceduto il \d{2}\/\d{2}\/\d{4}: non è possibile attestarne l'esistenza in vita\.$/],
    ['anagrafica_morte', 'demo-resident', /^Il soggetto non risulta deceduto/],
    ['stato_libero', 'married', /^Il soggetto risulta coniugato/],
    ['stato_libero', 'civil-union', /^Il soggetto risulta unito civilmente/],
    ['residenza_aire', 'demo-resident', /^Il soggetto non è iscritto all'AIRE/],
    ['stato_famiglia_aire', 'demo-resident', /^Il soggetto non è iscritto all'AIRE/],
    ['residenza', 'aire-citizen', /^Il soggetto è iscritto all'AIRE: richiedere la Visura di Residenza AIRE\.$/],
    ['anagrafica_matrimonio', 'demo-resident', /^Per il soggetto non risultano matrimoni/],
  ];
  it.each(REFUSALS)('%s of %s is refused (422 cannot-issue) and recorded', async (type, key, reason) => {
    const res = await ask('top.bari', type, cf(key));
    expect([res.status, res.body.type]).toEqual([422, 'urn:geres:visure:problem:cannot-issue']);
    expect(res.body.detail).toMatch(reason);
    const kept = await call('GET', `/v1/visure/${res.body.visuraId}`, tokens['top.bari']);
    expect([kept.body.state, kept.body.documentId]).toEqual(['refused', null]);
    expect(kept.body.reason).toBe(res.body.detail);
  });

  it('the archive: own requests, an ADMIN their Ente\'s, a TOP their Comune\'s, never STANDARDPS requests of others; filters, paging, PDF export', async () => {
    const ps = await ask('ps.pl', 'residenza', cf('demo-resident'));
    expect(ps.status).toBe(201);
    const ids = (r: any) => r.body.items.map((i: any) => i.id);
    const own = await call('GET', '/v1/visure?pageSize=100', tokens['std.pl']);
    expect(own.body.items.every((i: any) => i.requester.username === 'std.pl')).toBe(true);
    expect(own.body.total).toBeGreaterThanOrEqual(3);
    const admin = await call('GET', '/v1/visure?pageSize=100', tokens['admin.pl']);
    expect(ids(admin)).toEqual(expect.arrayContaining(ids(own)));
    expect(ids(admin)).not.toContain(ps.body.id);
    const top = await call('GET', '/v1/visure?pageSize=1000', tokens['top.bari']);
    expect(ids(top)).not.toContain(ps.body.id);
    expect(top.body.items.some((i: any) => i.requester.username === 'std.consorzio')).toBe(true);
    expect((await call('GET', `/v1/visure/${ps.body.id}`, tokens['top.bari'])).status).toBe(404);
    expect((await call('GET', `/v1/visure/${ps.body.id}/document`, tokens['admin.pl'])).status).toBe(404);
    const psOwn = await call('GET', '/v1/visure', tokens['ps.pl']);
    expect(ids(psOwn)).toEqual([ps.body.id]);
    const refused = await call('GET', '/v1/visure?state=refused&pageSize=100', tokens['top.bari']);
    expect(refused.body.total).toBe(REFUSALS.length);
    const paged = await call('GET', '/v1/visure?type=residenza&page=2&pageSize=1', tokens['top.bari']);
    expect([paged.body.page, paged.body.pageSize, paged.body.items.length]).toEqual([2, 1, 1]);
    const bad = await call('GET', '/v1/visure?state=nonsense', tokens['top.bari']);
    expect([bad.status, bad.body.type]).toEqual([400, 'urn:geres:visure:problem:validation-failed']);
    const exp = await call('GET', '/v1/visure-export?state=refused', tokens['top.bari']);
    expect([exp.status, exp.type]).toEqual([200, 'application/pdf']);
    if (!TOOLS.length) expect(pdfText(exp.body).text).toContain('Non emettibile');
  });

  it('search: one criterion, candidates with the minimum, the choice recorded on the request', async () => {
    const entry = cat.find((e) => e.key === 'homonyms-with-birthplace')!;
    const s = await call('POST', '/v1/searches', tokens['top.bari'], { type: 'anagrafica_nascita', comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/12', criterion: { type: 'generalita', ...(entry.query.criterion as any), kind: undefined } });
    expect(s.status).toBe(200);
    expect(s.body.candidates).toEqual([{ index: 0, cognome: entry.cognome, nome: entry.nome, dataNascita: entry.dataNascita, luogoNascita: expect.any(String) }]);
    const res = await call('POST', '/v1/visure', tokens['top.bari'], { type: 'anagrafica_nascita', comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'Pratica 2026/12', searchId: s.body.searchId, candidate: 0 });
    expect([res.status, res.body.criterionKind, res.body.subject.codiceFiscale]).toEqual([201, 'generalita', entry.codiceFiscale]);
    const stranger = await call('POST', '/v1/visure', tokens['std.pl'], { type: 'anagrafica_nascita', comune: DEMO_COMUNE_ISTAT, motivoRichiesta: 'x', searchId: s.body.searchId, candidate: 0 });
    expect(stranger.status).toBe(403);
    const notFound = await ask('top.bari', 'residenza', cat.find((e) => e.key === 'not-found-cf')!.codiceFiscale!);
    expect([notFound.status, notFound.body.type]).toEqual([404, 'urn:geres:visure:problem:subject-not-found']);
    const unauth = await call('POST', '/v1/visure', undefined, { type: 'residenza' });
    expect([unauth.status, unauth.body.type]).toEqual([401, 'urn:geres:visure:problem:unauthenticated']);
  });
});

/** The harness's gateway is an in-process app: give it a port for the SDK. */
async function gatewayUrl(gw: TestGateway): Promise<string> {
  await gw.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(gw.app.getHttpServer().address() as { port: number }).port}`;
}
