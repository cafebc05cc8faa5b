import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestPki, type TestPki } from '../../../../test-env/src/pki/index.js';
import { createSoapSimulatorHandler, type SoapSimulatorOptions } from '../../../../test-env/src/soap/index.js';
import { ANNA, createFakeRegistry, FIXTURE_PLACES, GIULIA_AIRE, JEAN, MARIO, type FakeRegistry } from '../../../../test-env/src/soap/fixtures.js';
import { itWithShared } from '../../../../test-env/src/shared-data.testutil.js';
import { AnprError } from '../errors.js';
import type { PersonQuery, Section } from '../model.js';
import type { AnprCallContext, ComuneAnprSettings } from '../port.js';
import { httpSoapTransport, InMemoryOperationIdSource, observePrivateKeyOperations, SoapAnprAdapter, type OperationIdSource, type SoapAnprAdapterOptions } from './index.js';

const ALL: Section[] = ['generalita', 'residenza', 'famiglia', 'cittadinanza', 'statoCivile', 'matrimonio', 'decesso', 'documenti', 'aire'];
const q = (criterion: PersonQuery['criterion'], sections: Section[] = ALL): PersonQuery => ({ criterion, sections, motivoRichiesta: 'Pratica 1-2024', asOf: '2024-06-01' });

async function listen(server: http.Server | https.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return `${server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port}`;
}

describe('SOAP adapter ↔ simulated ANPR', () => {
  let pki: TestPki;
  let otherPki: TestPki;
  let registry: FakeRegistry;
  let simOpts: SoapSimulatorOptions;
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-soaprt-'));
    [pki, otherPki] = await Promise.all([
      ensureTestPki(join(dir, 'pki'), { comuni: ['888231'], workstations: ['888231-CO-0000', '888231-CO-0001'] }),
      ensureTestPki(join(dir, 'rogue'), { comuni: ['888231'], workstations: ['888231-CO-0000'], caOrganization: 'Rogue CA' }),
    ]);
    registry = createFakeRegistry();
    simOpts = { registry, trustedCaPem: pki.caCertPem };
    server = http.createServer(createSoapSimulatorHandler(simOpts));
    baseUrl = await listen(server);
    // Two test PKIs (node-forge PKCS#12) take over 30 s under Jest on a loaded two-core machine.
  }, 120_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r) ?? r(undefined));
  });

  const comune = (over: Partial<NonNullable<ComuneAnprSettings['soap']>> = {}, timeoutMs = 5_000): ComuneAnprSettings => ({
    codiceIstat: '888231',
    environment: 'FREE',
    channel: 'soap',
    timeoutMs,
    soap: { baseUrl, service: '3002', keystore: pki.comune('888231'), ...over },
  });
  const ctx = (c: ComuneAnprSettings = comune(), over: Partial<AnprCallContext> = {}): AnprCallContext => ({
    comune: c,
    operatorId: 'USERSFREETEST237',
    workstation: { id: '888231-CO-0000', keystore: pki.workstation('888231-CO-0000') },
    clientIp: '10.0.0.7',
    ...over,
  });
    // One id source for the whole suite: the simulator, like ANPR, replays the answer of a reused id.
  const ids = new InMemoryOperationIdSource(1_000n);
  const adapter = (over: Partial<SoapAnprAdapterOptions> = {}) => new SoapAnprAdapter({ operationIds: ids, places: FIXTURE_PLACES, ...over });
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as AnprError);

  describe('3002 lookups', () => {
    const a = () => adapter();
    it('codice fiscale with every section returns the registry person, family included', async () => {
      const r = await a().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      expect(r.channel).toBe('soap');
      expect(r.anprOperationId).toMatch(/^\d+$/);
      expect(Number(r.clientOperationId)).toBeGreaterThan(1_000);
      expect(r.warnings).toEqual([]);
      expect(r.persons).toEqual([MARIO]);
    });
    it('idANPR, from the family member side', async () => {
      const r = await a().findPersons(q({ kind: 'idANPR', idANPR: 'ZX98YT76D' }, ['generalita', 'residenza', 'famiglia']), ctx());
      expect(r.persons).toEqual([ANNA]);
    });
    it('carta d\'identità, permesso di soggiorno and passport', async () => {
      const ad = a();
      expect((await ad.findPersons(q({ kind: 'documento', tipo: 'cartaIdentita', numero: 'CA12345AA' }, ['generalita']), ctx())).persons[0]!.idANPR).toBe(MARIO.idANPR);
      const byPermesso = await ad.findPersons(q({ kind: 'documento', tipo: 'permessoSoggiorno', numero: 'I1234567' }), ctx());
      expect(byPermesso.persons).toEqual([JEAN]);
      const byPassport = await ad.findPersons(q({ kind: 'documento', tipo: 'passaporto', numero: 'YA1234567' }, ['generalita', 'documenti']), ctx());
      expect(byPassport.persons[0]!.documenti).toEqual(JEAN.documenti);
    });
    it('surname + name + birth date + foreign birth place', async () => {
      const r = await a().findPersons(q({ kind: 'generalita', cognome: 'Dupont', nome: 'Jean', dataNascita: '1975-03-02', luogoNascita: { codiceStato: '215' } }, ['generalita', 'decesso']), ctx());
      expect(r.persons).toEqual([{ idANPR: JEAN.idANPR, generalita: JEAN.generalita, decesso: JEAN.decesso }]);
    });
    it('AIRE citizen with a foreign residence', async () => {
      const r = await a().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'VRDGLI90D41H501A' }), ctx());
      expect(r.persons).toEqual([GIULIA_AIRE]);
    });
    it('returns only the sections asked for', async () => {
      const r = await a().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }, ['residenza']), ctx());
      expect(r.persons).toEqual([{ idANPR: MARIO.idANPR, generalita: MARIO.generalita, residenza: MARIO.residenza }]);
      expect(registry.calls.at(-1)!.sections).toEqual(['residenza']);
    });
  });

  describe('E002', () => {
    const e002 = () => ctx(comune({ service: 'E002', signatureAlgorithm: 'rsa-sha256', digestAlgorithm: 'sha256' }));
    it('by codice fiscale: data plus the EN148 warning', async () => {
      const r = await adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), e002());
      expect(r.persons).toEqual([MARIO]);
      expect(r.warnings.map((w) => w.code)).toEqual(['EN148']);
    });
    it('by idANPR: no warning', async () => {
      const r = await adapter().findPersons(q({ kind: 'idANPR', idANPR: 'FR00DP018' }), e002());
      expect(r.persons).toEqual([JEAN]);
      expect(r.warnings).toEqual([]);
    });
    it('refuses a document criterion before calling ANPR', async () => {
      const calls = registry.calls.length;
      const e = await failure(adapter().findPersons(q({ kind: 'documento', tipo: 'cartaIdentita', numero: 'CA12345AA' }), e002()));
      expect(e).toMatchObject({ kind: 'invalid_request', details: { field: 'criterion' } });
      expect(registry.calls.length).toBe(calls);
    });
  });

  describe('error mapping', () => {
    it('EN122 → not_found, with ANPR operation id', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'NNNNNN00A01H501R' }), ctx()));
      expect(e).toBeInstanceOf(AnprError);
      expect(e).toMatchObject({ kind: 'not_found', details: { anprCode: 'EN122' } });
      expect(e!.details.anprOperationId).toMatch(/^\d+$/);
    });
    it('EN131 → ambiguous', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'TWNXXX70A01H501J' }), ctx()));
      expect(e).toMatchObject({ kind: 'ambiguous', details: { anprCode: 'EN131' } });
    });
    it('generalità: a list of matches', async () => {
      const list = await adapter().findPersons(q({ kind: 'generalita', cognome: 'Gemelli', nome: 'Primo' }, ['generalita']), ctx());
      expect(list.persons.map((p) => p.generalita?.nome)).toEqual(['PRIMO']);
    });
    it('tipoInvio PROD against a test environment → invalid_request naming the field (the simulator\'s SIM001)', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx({ ...comune(), environment: 'PROD' })));
      expect(e).toMatchObject({ kind: 'invalid_request', details: { anprCode: 'SIM001', field: 'tipoInvio' } });
    });
    it('a Comune set for PROD is accepted by an environment that expects PROD, and FREE is then refused', async () => {
      const strict = http.createServer(createSoapSimulatorHandler({ ...simOpts, acceptedTipoInvio: ['PROD'] }));
      const url = await listen(strict);
      try {
        const ok = await adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx({ ...comune({ baseUrl: url }), environment: 'PROD' }));
        expect(ok.persons.map((p) => p.idANPR)).toEqual(['AB12CD34M']);
        const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune({ baseUrl: url }))));
        expect(e).toMatchObject({ kind: 'invalid_request', details: { anprCode: 'SIM001', field: 'tipoInvio' } });
      } finally {
        strict.closeAllConnections();
        await new Promise((r) => strict.close(r));
      }
    });
    it('local validation → invalid_request with field', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'bad!' }), ctx()));
      expect(e).toMatchObject({ kind: 'invalid_request', details: { field: 'criterion.codiceFiscale' } });
      const e2 = await failure(adapter({ places: undefined }).findPersons(q({ kind: 'generalita', cognome: 'A', nome: 'B', dataNascita: '1980-01-01', luogoNascita: { codiceIstatComune: '058091' } }), ctx()));
      expect(e2).toMatchObject({ kind: 'invalid_request', details: { field: 'criterion.luogoNascita.codiceIstatComune' } });
    });
    it('invalid criteria are refused before anything is sent or an operation id is spent, on 3002 and E002', async () => {
      const counting: OperationIdSource & { n: number } = { n: 0, next: async () => String(5_000_000 + ++counting.n) };
      const calls = registry.calls.length;
      let sent = 0;
      const ad = adapter({ operationIds: counting, transport: (req) => (sent++, httpSoapTransport(req)) });
      const e002 = ctx(comune({ service: 'E002' }));
      for (const c of [ctx(), e002]) {
        // MARIO's code with its check character changed: ANPR would answer with its own error.
        expect(await failure(ad.findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501V' }), c))).toMatchObject({ kind: 'invalid_request', details: { field: 'criterion.codiceFiscale' } });
        expect(await failure(ad.findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34E' }), c))).toMatchObject({ kind: 'invalid_request', details: { field: 'criterion.idANPR' } });
        expect(await failure(ad.findPersons({ ...q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), asOf: '2024-02-30' }, c))).toMatchObject({ details: { field: 'asOf' } });
        expect(await failure(ad.findPersons(q({ kind: 'generalita', cognome: 'Rossi', nome: 'Mario', dataNascita: '1980-02-30' }), c))).toMatchObject({ details: { field: 'criterion.dataNascita' } });
        expect(await failure(ad.findPersons({ ...q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), motivoRichiesta: 'x'.repeat(241) }, c))).toMatchObject({ details: { field: 'motivoRichiesta' } });
      }
      expect(sent).toBe(0);
      expect(counting.n).toBe(0);
      expect(registry.calls.length).toBe(calls);
    });
    it('E002 refuses comuneResidenza rather than dropping it; 3002 restricts with it', async () => {
      const calls = registry.calls.length;
      const restricted = { ...q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }, ['generalita']), comuneResidenza: '058091' };
      const e = await failure(adapter().findPersons(restricted, ctx(comune({ service: 'E002' }))));
      expect(e).toMatchObject({ kind: 'invalid_request', details: { field: 'comuneResidenza' } });
      expect(e!.message).toMatch(/E002 consultazione_soggetti cannot restrict the search by residence/);
      expect(registry.calls.length).toBe(calls);
      const r = await adapter().findPersons(restricted, ctx());
      expect(r.persons.map((p) => p.idANPR)).toEqual([MARIO.idANPR]);
      expect(registry.calls.at(-1)!.comuneResidenza).toBe('058091');
    });
    it('connection refused → unavailable', async () => {
      const closed = http.createServer();
      const url = await listen(closed);
      await new Promise((r) => closed.close(r));
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune({ baseUrl: url }))));
      expect(e).toMatchObject({ kind: 'unavailable' });
    });
  });

  describe('idempotency', () => {
    it('an id that stays below the last one sent → invalid_request naming idOperazioneComune (SIM002) after the retries, and a new id works again', async () => {
      await adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      const stale: OperationIdSource = { next: async () => '1' };
      const e = await failure(adapter({ operationIds: stale }).findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx()));
      expect(e).toMatchObject({ kind: 'invalid_request', details: { anprCode: 'SIM002', field: 'idOperazioneComune' } });
      const again = await adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      expect(again.persons).toHaveLength(1);
    });
    it('a call overtaken by a later id (SIM002) is sent again with a new id, and the lookup succeeds', async () => {
      await adapter().findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      const drawn: string[] = [];
      // First a stale id (as when a concurrent call with a later id reached ANPR first), then the sequence's next.
      const overtaken: OperationIdSource = { next: async (scope) => { const id = drawn.length ? await ids.next(scope) : '1'; drawn.push(id); return id; } };
      const r = await adapter({ operationIds: overtaken }).findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      expect(r.persons).toHaveLength(1);
      expect(drawn).toHaveLength(2);
      expect(drawn[0]).toBe('1');
      expect(r.clientOperationId).toBe(drawn[1]);
    });
    it('the same idOperazioneComune gets the earlier answer back', async () => {
      // The next id of the suite's sequence, sent twice (a fixed high id would leave every later test below it).
      const reused = await ids.next('888231');
      const fixed: OperationIdSource = { next: async () => reused };
      const first = await adapter({ operationIds: fixed }).findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      const calls = registry.calls.length;
      // Even a different question with the same id gets the stored answer, as ANPR does.
      const again = await adapter({ operationIds: fixed }).findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx());
      expect(registry.calls.length).toBe(calls);
      expect(again.anprOperationId).toBe(first.anprOperationId);
      expect(again.persons).toEqual(first.persons);
    });
  });

  describe('security', () => {
    it('a body changed after signing → SOAP Fault → security_rejected', async () => {
      const tampering = adapter({ transport: (req) => httpSoapTransport({ ...req, body: req.body.replace('RSSMRA80A01H501U', 'BNCNNA82B41H501S') }) });
      const e = await failure(tampering.findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }), ctx()));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/Message signature/);
    });
    it('an expired timestamp → security_rejected', async () => {
      const late = adapter({ now: () => new Date(Date.now() - 10 * 60_000) });
      const e = await failure(late.findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx()));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/Timestamp/);
    });
    it('a Comune certificate from another CA → security_rejected', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune({ keystore: otherPki.comune('888231') }))));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/not issued by a trusted CA/);
    });
    it('a workstation certificate from another CA → security_rejected (PKCS#7)', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune(), { workstation: { id: '888231-CO-0000', keystore: otherPki.workstation('888231-CO-0000') } })));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/Workstation certificate/);
    });
    it('IdPostazioneFirmato signed by another workstation → security_rejected', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune(), { workstation: { id: '888231-CO-0000', keystore: pki.workstation('888231-CO-0001') } })));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/another workstation/);
    });
    it('a SAML attribute missing (empty IdApplicazione) → security_rejected', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune({ idApplicazione: '' }))));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/attribute IdApplicazione missing/);
    });
    it('IdSede of another Comune → rejected by policy', async () => {
      const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune({ idSede: '888999' }))));
      expect(e).toMatchObject({ kind: 'security_rejected' });
      expect(e!.message).toMatch(/rejected by policy/);
    });
  });

  describe('fault injection', () => {
    const run = async (faults: SoapSimulatorOptions['faults'], timeoutMs = 5_000) => {
      simOpts.faults = faults;
      try {
        return await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }, ['generalita']), ctx(comune({}, timeoutMs))));
      } finally {
        simOpts.faults = undefined;
      }
    };
    it('soapFault → unavailable', async () => expect(await run({ mode: 'soapFault' })).toMatchObject({ kind: 'unavailable', details: { httpStatus: 500 } }));
    it('malformed XML → unavailable', async () => expect(await run({ mode: 'malformed' })).toMatchObject({ kind: 'unavailable' }));
    it('HTTP 500 → unavailable', async () => expect(await run({ mode: 'http500' })).toMatchObject({ kind: 'unavailable', details: { httpStatus: 500 } }));
    it('timeout → timeout', async () => expect(await run({ mode: 'timeout' }, 300)).toMatchObject({ kind: 'timeout' }));
    it('latency within the timeout → answer', async () => expect(await run({ latencyMs: 150 }, 3_000)).toBeUndefined());
    it('latency beyond the timeout → timeout', async () => expect(await run({ latencyMs: 600 }, 200)).toMatchObject({ kind: 'timeout' }));
    it('per request with the X-Sim-Fault header', async () => {
      const res = await fetch(`${baseUrl}/anpr-wsE000/AnprServiceE002`, { method: 'POST', headers: { 'X-Sim-Fault': 'http500' }, body: '<x/>' });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('text/html');
      const fault = await fetch(`${baseUrl}/anpr-wsE000/AnprServiceE002`, { method: 'POST', headers: { 'X-Sim-Fault': 'latency=10 soapFault' }, body: '<x/>' });
      expect(await fault.text()).toContain('soapenv:Server');
    });
  });

  describe('hot path', () => {
    it('costs one RSA private-key operation per warm call', async () => {
      const ad = adapter();
      let ops = 0;
      const stop = observePrivateKeyOperations(() => ops++);
      try {
        await ad.findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }, ['generalita']), ctx());
        expect(ops).toBe(3); // cold: IdPostazioneFirmato, assertion, message
        for (let i = 0; i < 5; i++) {
          ops = 0;
          await ad.findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }, ['generalita']), ctx());
          expect(ops).toBe(1);
        }
        ops = 0;
        await ad.findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }, ['generalita']), ctx(comune(), { clientIp: '10.0.0.8' }));
        expect(ops).toBe(2); // a new SubjectLocality needs a new assertion; the PKCS#7 is reused
      } finally {
        stop();
      }
    });
    it('renews the assertion shortly before it expires', async () => {
      let t = Date.parse('2024-06-01T10:00:00Z');
      const fault = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>x</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
      const ad = adapter({ now: () => new Date(t), assertionLifetimeSeconds: 120, assertionRefreshMarginSeconds: 30, transport: async () => ({ status: 500, body: fault }) });
      const call = () => failure(ad.findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }, ['generalita']), ctx()));
      let ops = 0;
      const stop = observePrivateKeyOperations(() => ops++);
      try {
        await call();
        expect(ops).toBe(3);
        ops = 0;
        t += 80_000; // 40 s of validity left, more than the 30 s margin: reused
        await call();
        expect(ops).toBe(1);
        ops = 0;
        t += 20_000; // 20 s left: renewed
        await call();
        expect(ops).toBe(2);
      } finally {
        stop();
      }
    });
  });

  describe('WSDL', () => {
    itWithShared('anpr', 'wsdl')('serves the WSDL on ?wsdl and the XSDs beside it (found in ../shared by default)', async () => {
      const res = await fetch(`${baseUrl}/ANPR3000ServiziConsultazione/AnprService3000?wsdl`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('interrogazioneCittadino_famiglia_convivenza');
      const xsd = await fetch(`${baseUrl}/ANPR3000ServiziConsultazione/3000consultazione.xsd`);
      expect(xsd.status).toBe(200);
      const e002 = await fetch(`${baseUrl}/anpr-wsE000/AnprServiceE002?wsdl`);
      expect(await e002.text()).toContain('consultazione_soggetti');
    });
    it('answers 404 with a clear message when the WSDL directory is missing', async () => {
      const s = http.createServer(createSoapSimulatorHandler({ ...simOpts, wsdlDir: '/nonexistent/wsdl' }));
      const url = await listen(s);
      try {
        const res = await fetch(`${url}/anpr-wsE000/AnprServiceE002?wsdl`);
        expect(res.status).toBe(404);
        expect(await res.text()).toMatch(/E002Consultazione\.wsdl not found in \/nonexistent\/wsdl/);
      } finally {
        await new Promise((r) => s.close(r));
      }
    });
  });

  describe('mutual TLS', () => {
    it('presents the Comune TLS certificate and trusts the given CA', async () => {
      const tlsServer = pki.tlsServer;
      let peerCN: string | undefined;
      const handler = createSoapSimulatorHandler(simOpts);
      const s = https.createServer(
        { pfx: readFileSync(tlsServer.path), passphrase: tlsServer.password, ca: pki.caCertPem, requestCert: true, rejectUnauthorized: true },
        (req, res) => {
          peerCN = (req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN as string | undefined;
          void handler(req, res);
        },
      );
      const url = await listen(s);
      try {
        const r = await adapter().findPersons(
          q({ kind: 'idANPR', idANPR: 'AB12CD34M' }, ['generalita']),
          ctx(comune({ baseUrl: url.replace('127.0.0.1', 'localhost'), tlsKeystore: pki.comune('888231'), tlsCaPem: pki.caCertPem })),
        );
        expect(r.persons[0]!.idANPR).toBe('AB12CD34M');
        expect(peerCN).toBe('888231');
        // Without the client certificate the TLS handshake is refused.
        const e = await failure(adapter().findPersons(q({ kind: 'idANPR', idANPR: 'AB12CD34M' }), ctx(comune({ baseUrl: url.replace('127.0.0.1', 'localhost'), tlsCaPem: pki.caCertPem }))));
        expect(e).toMatchObject({ kind: 'unavailable' });
      } finally {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
    });
  });
});

