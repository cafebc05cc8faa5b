/**
 * The PDND adapter against the simulated PDND + GovWay + ANPR, over real HTTP on 127.0.0.1.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { AnprCallContext, ComuneAnprSettings } from '../port.js';
import type { PersonQuery } from '../model.js';
import { PdndAnprAdapter, type PdndAdapterOptions } from './adapter.js';
import type { FetchLike } from './http.js';
import {
  createPdndSimulatorHandler,
  makeTestPdndClient,
  type PdndSimFault,
  type PdndSimulatorHandler,
  type PdndSimulatorOptions,
  type TestPdndClient,
} from '../../../../test-env/src/pdnd/index.js';
import { createFakeRegistry, type FakeRegistry } from '../../../../test-env/src/fake-registry.testutil.js';
import { listen, PEOPLE, type RunningServer } from '../../../../test-env/src/pdnd/fixtures.testutil.js';
import { loadSharedPdndSpecs, validate } from '../../../../test-env/src/pdnd/openapi-lite.testutil.js';
import { itWithShared } from '../../../../test-env/src/shared-data.testutil.js';
import { anprFailure } from '../anpr-error.testutil.js';

let clientKeyPem: string;
let simKeyPem: string;

beforeAll(() => {
  const pem = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
      .privateKey;
  clientKeyPem = pem();
  simKeyPem = pem();
});

interface Env {
  sim: PdndSimulatorHandler;
  server: RunningServer;
  client: TestPdndClient;
  registry: FakeRegistry;
  adapter: PdndAnprAdapter;
  sent: Array<{ url: string; body: unknown }>;
  fault: { next?: PdndSimFault };
  ctx: (over?: Partial<AnprCallContext>, pdnd?: Partial<NonNullable<ComuneAnprSettings['pdnd']>>) => AnprCallContext;
}

let env: Env | undefined;

afterEach(async () => {
  await env?.server.close();
  env = undefined;
});

async function setup(simOpts: Partial<PdndSimulatorOptions> = {}, adapterOpts: PdndAdapterOptions = {}): Promise<Env> {
  const registry = createFakeRegistry(Object.values(PEOPLE));
  const fault: Env['fault'] = {};
  const holder: { sim?: PdndSimulatorHandler } = {};
  const server = await listen((req, res) => {
    if (fault.next) {
      (req as unknown as { simFault?: PdndSimFault }).simFault = fault.next;
      fault.next = undefined;
    }
    return holder.sim!(req, res);
  });
  const client = makeTestPdndClient({ simulatorBaseUrl: server.baseUrl, clientId: 'client-058091', kid: 'kid-1', privateKeyPem: clientKeyPem });
  const sim = createPdndSimulatorHandler({ registry, clients: [client.client], signingKey: { privateKeyPem: simKeyPem, kid: 'sim-kid' }, ...simOpts });
  holder.sim = sim;
  const sent: Env['sent'] = [];
  const recordingFetch: FetchLike = (url, init) => {
    if (url.includes('/govway/')) sent.push({ url, body: JSON.parse(Buffer.from(init.body as Uint8Array).toString('utf8')) });
    return fetch(url, init);
  };
  const adapter = new PdndAnprAdapter({ fetch: recordingFetch, ...adapterOpts });
  const ctx: Env['ctx'] = (over = {}, pdnd = {}) => ({
    comune: { codiceIstat: '058091', environment: 'TEST', channel: 'pdnd', pdnd: { ...client.settings, ...pdnd }, timeoutMs: 5000 },
    operatorId: 'OPERATORE01',
    workstation: { id: '058091-CO-0001' },
    ...over,
  });
  env = { sim, server, client, registry, adapter, sent, fault, ctx };
  return env;
}

const q = (criterion: PersonQuery['criterion'], sections: PersonQuery['sections'], extra: Partial<PersonQuery> = {}): PersonQuery => ({
  criterion,
  sections,
  motivoRichiesta: 'PROT-2024-0001',
  ...extra,
});

describe('PdndAnprAdapter ↔ simulated PDND/ANPR', () => {
  it('C030: codice fiscale → idANPR, with the EN148 warning surfaced', async () => {
    const { adapter, ctx, sent } = await setup();
    const res = await adapter.findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'rssmra80a01h501u' }, []), ctx());
    expect(res.persons).toEqual([{ idANPR: 'AB12345CV' }]);
    expect(res.channel).toBe('pdnd');
    expect(res.anprOperationId).toMatch(/^\d+$/);
    expect(res.clientOperationId).toMatch(/^\d+$/);
    expect(res.warnings.map((w) => w.code)).toEqual(['EN148']);
    expect(sent[0]!.url).toMatch(/\/MinInternoPortaANPR-PDND\/C030-servizioAccertamentoIdUnicoNazionale\/v1\/anpr-service-e002$/);
  });

  it('C001: generalita and residenza by idANPR, no warning', async () => {
    const { adapter, ctx, sent } = await setup();
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['generalita', 'residenza'], { asOf: '2024-06-30' }), ctx());
    expect(sent[0]!.url).toContain('/C001-servizioNotifica/v1/anpr-service-e002');
    expect(res.warnings).toEqual([]);
    expect(res.persons).toHaveLength(1);
    const p = res.persons[0]!;
    expect(p.idANPR).toBe('AB12345CV');
    expect(p.generalita).toEqual(PEOPLE.mario.generalita);
    expect(p.residenza).toEqual(PEOPLE.mario.residenza);
    expect(p.famiglia).toBeUndefined();
  });

  it('C001: a foreign residence (localitaEstera) and the AIRE flag', async () => {
    const { adapter, ctx } = await setup();
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'UV97531WN' }, ['generalita', 'residenza']), ctx());
    const p = res.persons[0]!;
    expect(p.generalita?.soggettoAIRE).toBe(true);
    expect(p.generalita?.luogoNascita).toEqual(PEOPLE.giuseppe.generalita!.luogoNascita);
    expect(p.residenza).toEqual(PEOPLE.giuseppe.residenza);
  });

  it('C020 when the Comune is configured for it', async () => {
    const { adapter, ctx, sent } = await setup({}, { residenceService: 'C020' });
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    expect(sent[0]!.url).toContain('/C020-servizioAccertamentoResidenza/v1/anpr-service-e002');
    expect(res.persons[0]!.residenza).toEqual(PEOPLE.mario.residenza);
    expect(res.persons[0]!.generalita).toBeUndefined();
  });

  it('C021: the family with kinship, seen from a member', async () => {
    const { adapter, ctx, sent } = await setup();
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'EF67890GM' }, ['famiglia']), ctx());
    expect(sent[0]!.url).toContain('/C021-servizioAccertamentoStatoFamiglia/v1/anpr-service-e002');
    const p = res.persons[0]!;
    expect(p.idANPR).toBe('EF67890GM');
    expect(p.famiglia).toEqual(PEOPLE.mario.famiglia);
  });

  it('C021: datiDecesso for a deceased person', async () => {
    const { adapter, ctx } = await setup();
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'UV97531WN' }, ['decesso', 'generalita']), ctx());
    expect(res.persons[0]!.decesso).toEqual(PEOPLE.giuseppe.decesso);
    expect(res.persons[0]!.generalita?.cognome).toBe('VERDI');
  });

  it('merges C001 and C021, the second call by the idANPR the first returned', async () => {
    const { adapter, ctx, sent, sim } = await setup();
    const res = await adapter.findPersons(
      q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }, ['generalita', 'residenza', 'famiglia']),
      ctx(),
    );
    expect(sent.map((s) => (s.body as { datiRichiesta: { casoUso: string } }).datiRichiesta.casoUso)).toEqual(['C001', 'C021']);
    expect((sent[1]!.body as { criteriRicerca: unknown }).criteriRicerca).toEqual({ idANPR: 'AB12345CV' });
    const p = res.persons[0]!;
    expect(p.generalita).toEqual(PEOPLE.mario.generalita);
    expect(p.residenza).toEqual(PEOPLE.mario.residenza);
    expect(p.famiglia?.componenti).toHaveLength(3);
    expect(res.anprOperationId.split(',')).toHaveLength(2);
    expect(res.clientOperationId.split(',')).toHaveLength(2);
    expect(res.warnings.map((w) => w.code)).toEqual(['EN148']);
    expect(sim.stats.tokenRequests).toBe(2); // one voucher per purpose
  });

  it('a name search that finds two people cannot be widened to a second e-service', async () => {
    const { adapter, ctx } = await setup();
    const err = await anprFailure(adapter.findPersons(q({ kind: 'generalita', cognome: 'Rossi', nome: 'Luca' }, ['residenza', 'famiglia']), ctx()));
    expect(err.kind).toBe('ambiguous');
    const ok = await adapter.findPersons(q({ kind: 'generalita', cognome: 'Rossi', nome: 'Luca' }, []), ctx());
    expect(ok.persons.map((p) => p.idANPR).sort()).toEqual(['LM24680NZ', 'QR13579S7']);
  });

  it('passes the as-of date to the registry as dataRiferimentoRichiesta', async () => {
    const { adapter, ctx, registry, sent } = await setup();
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza'], { asOf: '2019-12-31' }), ctx());
    expect((sent[0]!.body as { datiRichiesta: { dataRiferimentoRichiesta: string } }).datiRichiesta.dataRiferimentoRichiesta).toBe('2019-12-31');
    expect(registry.queries.at(-1)!.asOf).toBe('2019-12-31');
    // Before Luca was born ANPR knows nothing about him.
    const err = await anprFailure(adapter.findPersons(q({ kind: 'idANPR', idANPR: 'LM24680NZ' }, ['residenza'], { asOf: '2009-01-01' }), ctx()));
    expect(err.kind).toBe('not_found');
  });

  it('caches the voucher: one token call for N lookups of the same purpose and user', async () => {
    const { adapter, ctx, sim } = await setup();
    for (let i = 0; i < 5; i++) await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    expect(sim.stats.tokenRequests).toBe(1);
    expect(adapter.tokenRequests).toBe(1);
    expect(sim.stats.serviceRequests).toBe(5);
    // Another operator: the tracking evidence (bound into the voucher) differs, so a new voucher.
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx({ operatorId: 'OPERATORE02' }));
    expect(sim.stats.tokenRequests).toBe(2);
  });

  it('renews the voucher shortly before it expires', async () => {
    let clock = Date.parse('2025-03-01T09:00:00Z');
    const { adapter, ctx, sim } = await setup({ now: () => clock }, { now: () => clock });
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    clock += 500_000; // 100 s left: still used
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    expect(sim.stats.tokenRequests).toBe(1);
    clock += 50_000; // 50 s left: inside the refresh margin
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    expect(sim.stats.tokenRequests).toBe(2);
  });

  it('401 from GovWay: the whole call is retried once with a fresh voucher', async () => {
    const { adapter, ctx, sim } = await setup();
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    sim.revokeIssuedVouchers();
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    expect(res.persons[0]!.idANPR).toBe('AB12345CV');
    expect(sim.stats.tokenRequests).toBe(2);
    expect(sim.stats.serviceRequests).toBe(3);
  });

  it('404 EN122 → not_found', async () => {
    const { adapter, ctx } = await setup();
    const err = await anprFailure(adapter.findPersons(q({ kind: 'idANPR', idANPR: 'OR69233LN' }, ['residenza']), ctx()));
    expect(err.kind).toBe('not_found');
    expect(err.details.anprCode).toBe('EN122');
    expect(err.details.httpStatus).toBe(404);
    expect(err.details.anprOperationId).toMatch(/^\d+$/);
  });

  it('a wrong audience is refused by GovWay → security_rejected', async () => {
    const { adapter, ctx } = await setup();
    const err = await anprFailure(
      adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx({}, { audienceBaseUrl: 'https://modipa-val.anpr.interno.it/govway/rest/in/MinInternoPortaANPR-PDND' })),
    );
    expect(err.kind).toBe('security_rejected');
    expect(err.details.httpStatus).toBe(400);
    expect(err.message).toContain('InteroperabilityInvalidRequest');
  });

  it('a token endpoint refusal (wrong key registered) → security_rejected', async () => {
    const { adapter, ctx } = await setup();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const err = await anprFailure(adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx({}, { privateKeyPem: other.privateKey })));
    expect(err.kind).toBe('security_rejected');
  });

  it('429 after the daily quota → unavailable with retryAfterSeconds', async () => {
    const { adapter, ctx } = await setup({ dailyQuota: 2 });
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx());
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'EF67890GM' }, ['residenza']), ctx());
    const err = await anprFailure(adapter.findPersons(q({ kind: 'idANPR', idANPR: 'LM24680NZ' }, ['residenza']), ctx()));
    expect(err.kind).toBe('unavailable');
    expect(err.details.httpStatus).toBe(429);
    expect(err.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('idOperazioneClient is idempotent: the same id gets the earlier answer', async () => {
    const { adapter, ctx } = await setup({}, { operationIds: { next: () => '20250301090000001' } });
    const first = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['generalita']), ctx());
    const again = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'EF67890GM' }, ['generalita']), ctx());
    expect(again.anprOperationId).toBe(first.anprOperationId);
    expect(again.persons).toEqual(first.persons);
    expect(again.persons[0]!.idANPR).toBe('AB12345CV');
  });

  it('a malformed answer → unavailable', async () => {
    const { adapter, ctx, fault } = await setup();
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx()); // warm the voucher
    fault.next = 'malformed';
    const err = await anprFailure(adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza']), ctx()));
    expect(err.kind).toBe('unavailable');
    expect(err.details.httpStatus).toBe(200);
  });

  it('sections no PDND e-service carries: a warning, or a refusal when configured', async () => {
    const { adapter, ctx } = await setup();
    const res = await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza', 'cittadinanza', 'statoCivile']), ctx());
    expect(res.warnings).toEqual([{ code: 'GERES-PDND-SECTIONS', text: expect.stringContaining('cittadinanza, statoCivile') }]);
    const strict = new PdndAnprAdapter({ unsupportedSections: 'reject' });
    const err = await anprFailure(strict.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['cittadinanza']), ctx()));
    expect(err.kind).toBe('invalid_request');
    expect(err.details.field).toBe('sections');
  });

  it('refuses what the e-services cannot express before calling anything', async () => {
    const { adapter, ctx, sim } = await setup();
    const doc = await anprFailure(adapter.findPersons(q({ kind: 'documento', tipo: 'cartaIdentita', numero: 'CA00000AA' }, ['generalita']), ctx()));
    expect(doc.kind).toBe('invalid_request');
    const noMotivo = await anprFailure(adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['generalita'], { motivoRichiesta: ' ' }), ctx()));
    expect(noMotivo.details.field).toBe('motivoRichiesta');
    // No residence restriction on any e-service: refused, not silently dropped.
    const restricted = await anprFailure(adapter.findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }, ['generalita', 'residenza'], { comuneResidenza: '058091' }), ctx()));
    expect(restricted).toMatchObject({ kind: 'invalid_request', details: { field: 'comuneResidenza' } });
    expect(restricted.message).toMatch(/PDND e-services.*cannot restrict the search by residence/);
    expect(sim.stats.serviceRequests + sim.stats.tokenRequests).toBe(0);
  });

  it('refuses invalid criteria before any voucher, signature or call', async () => {
    const { adapter, ctx, sim, sent } = await setup();
    const cases: Array<[PersonQuery, string]> = [
      [q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501V' }, ['generalita']), 'criterion.codiceFiscale'],
      [q({ kind: 'idANPR', idANPR: 'AB12345CD' }, ['famiglia']), 'criterion.idANPR'],
      [q({ kind: 'generalita', cognome: 'ROSSI', nome: ' ' }, ['generalita']), 'criterion.nome'],
      [q({ kind: 'generalita', cognome: 'ROSSI', nome: 'MARIO', dataNascita: '1980-02-31' }, ['generalita']), 'criterion.dataNascita'],
      [q({ kind: 'generalita', cognome: 'ROSSI', nome: 'MARIO', luogoNascita: { codiceIstatComune: 'H501' } }, ['generalita']), 'criterion.luogoNascita.codiceIstatComune'],
      [q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['generalita'], { asOf: '2023-02-29' }), 'asOf'],
      [q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['generalita'], { motivoRichiesta: 'P'.repeat(241) }), 'motivoRichiesta'],
    ];
    for (const [query, field] of cases) expect((await anprFailure(adapter.findPersons(query, ctx()))).details.field).toBe(field);
    expect(sim.stats.serviceRequests + sim.stats.tokenRequests).toBe(0);
    expect(sent).toHaveLength(0);
    expect(adapter.tokenRequests).toBe(0);
  });

  itWithShared('anpr', 'pdnd')('sends request bodies valid against the official OpenAPI (RichiestaE002)', async (dir) => {
    const specs = loadSharedPdndSpecs(dir);
    const { adapter, ctx, sent } = await setup({}, { residenceService: 'C001' });
    await adapter.findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }, []), ctx());
    await adapter.findPersons(q({ kind: 'generalita', cognome: 'Rossi', nome: 'Mario', dataNascita: '1980-01-01', luogoNascita: { codiceIstatComune: '058091' } }, []), ctx());
    await adapter.findPersons(q({ kind: 'idANPR', idANPR: 'AB12345CV' }, ['residenza', 'famiglia']), ctx());
    await adapter.findPersons(q({ kind: 'codiceFiscale', codiceFiscale: 'VRDGPP40E10Z600P' }, ['generalita'], { asOf: '2019-01-01' }), ctx());
    expect(sent.length).toBeGreaterThanOrEqual(5);
    for (const { body } of sent) {
      const code = (body as { datiRichiesta: { casoUso: string } }).datiRichiesta.casoUso;
      const spec = specs.get(code);
      expect(spec).toBeDefined();
      expect({ code, errors: validate(spec!, 'RichiestaE002', body) }).toEqual({ code, errors: [] });
    }
  });
});
