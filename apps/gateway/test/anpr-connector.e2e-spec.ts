import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AnprError, type AnprCallContext, type AnprPort, type LookupResult, type PersonQuery } from '#libs/anpr';
import { AnprOperationCounter, Comune, User } from '#libs/domain';
import { buildSandboxCatalogue, DEMO_COMUNE_ISTAT } from '../../../test-env/src/population/index.js';
import { COMUNE_POSTAZIONE, SANDBOX_WORKSTATION_ID, startSandboxAnpr, type SandboxAnpr } from '../../../test-env/src/sandbox-anpr.js';
import { demoComuneWiring } from '../../../test-env/src/sandbox-wiring.js';
import { AnprConnectorService } from '../src/anpr/anpr-connector.service.js';
import { wireComuneToSimulator } from '../src/sandbox/anpr-wiring.js';
import { announceSkips, backends, seedTenants, startGateway, type TestGateway } from './harness.js';

/**
 * The gateway's own path to ANPR: Comune settings from the database (secrets by reference), the
 * persisted idOperazione counter, and the channel chosen per Comune, against the simulated ANPR.
 */
describe.each(backends())('ANPR connector through the gateway on $name', (backend) => {
  let gw: TestGateway;
  let anpr: SandboxAnpr;
  let sut: AnprConnectorService;
  const dir = mkdtempSync(join(tmpdir(), 'geres-anpr-'));

  beforeAll(async () => {
    announceSkips();
    anpr = await startSandboxAnpr({ dir, port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE] });
    gw = await startGateway(backend);
    await seedTenants(gw.em);
    await wireComuneToSimulator(gw.em.fork(), demoComuneWiring(anpr, dir));
    sut = gw.app.get(AnprConnectorService);
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
    await anpr?.close();
  });

  /** Operation ids announced before each ANPR request, as the lookup's audit intent receives them. */
  let announced: string[] = [];
  const beforeCall = async (anprOperationId: string) => {
    announced.push(anprOperationId);
  };

  const person = () => {
    const e = buildSandboxCatalogue(anpr.registry).entries.find((x) => x.key === 'demo-resident')!;
    return { idANPR: e.idANPR!, generalita: { codiceFiscale: e.codiceFiscale!, cognome: e.cognome!, nome: e.nome! } };
  };
  const query = (cf: string) => ({
    criterion: { kind: 'codiceFiscale' as const, codiceFiscale: cf },
    sections: ['generalita' as const, 'residenza' as const],
    motivoRichiesta: 'Pratica 2026/123',
  });

  it.each(['soap', 'pdnd'] as const)('finds a resident of the demo Comune over %s with the Comune settings from the database', async (channel) => {
    await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { anprChannel: channel });
    const p = person();
    const res = await sut.lookup(DEMO_COMUNE_ISTAT, query(p.generalita!.codiceFiscale), { operatorId: anpr.operatorId, workstationCode: channel === 'soap' ? undefined : SANDBOX_WORKSTATION_ID, requestId: 'r1', beforeCall });
    expect(res.channel).toBe(channel);
    expect(res.persons).toHaveLength(1);
    expect(res.persons[0].idANPR).toBe(p.idANPR);
    expect(res.persons[0].generalita).toMatchObject({ codiceFiscale: p.generalita!.codiceFiscale, cognome: p.generalita!.cognome, nome: p.generalita!.nome });
    expect(res.persons[0].residenza?.[0]?.indirizzo?.comune.codiceIstat).toBe(DEMO_COMUNE_ISTAT);
    expect(res.anprOperationId).toBeTruthy();
  });

  it('numbers every request from the persisted per-Comune counter', async () => {
    await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { anprChannel: 'soap' });
    const p = person();
    const a = await sut.lookup(DEMO_COMUNE_ISTAT, query(p.generalita!.codiceFiscale), { operatorId: anpr.operatorId, beforeCall });
    const b = await sut.lookup(DEMO_COMUNE_ISTAT, query(p.generalita!.codiceFiscale), { operatorId: anpr.operatorId, beforeCall });
    expect(announced.slice(-2)).toEqual([a.clientOperationId, b.clientOperationId]);
    expect(BigInt(b.clientOperationId)).toBe(BigInt(a.clientOperationId) + 1n);
    const counter = await gw.em.fork().findOneOrFail(AnprOperationCounter, { codiceIstat: DEMO_COMUNE_ISTAT });
    expect(String(counter.lastValue)).toBe(b.clientOperationId);
  });

  it('sends nothing when the hook before the call fails, and refuses a call made outside the connector', async () => {
    announced = [];
    const refused = await sut
      .lookup(DEMO_COMUNE_ISTAT, query(person().generalita!.codiceFiscale), { operatorId: anpr.operatorId, beforeCall: async () => Promise.reject(new Error('audit down')) })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe('audit down');
    const { IntentOperationIdSource, DbOperationIdSource } = await import('../src/anpr/operation-ids.js');
    await expect(new IntentOperationIdSource(new DbOperationIdSource(gw.em)).next(DEMO_COMUNE_ISTAT)).rejects.toThrow(/no audit intent/);
  });

  it('maps not found to a typed error and refuses operators the Comune did not register', async () => {
    const notFound = await sut.lookup(DEMO_COMUNE_ISTAT, query('RSSMRA85T10A562S'), { operatorId: anpr.operatorId, beforeCall }).catch((e) => e);
    expect(notFound).toBeInstanceOf(AnprError);
    expect(notFound).toMatchObject({ kind: 'not_found' });
    await expect(sut.lookup(DEMO_COMUNE_ISTAT, query('RSSMRA85T10A562S'), { operatorId: 'SOMEONE-ELSE', beforeCall })).rejects.toMatchObject({ status: 403 });
    // Lecce registered no ANPR operator with this gateway: refused before any settings are read.
    await expect(sut.lookup('075035', query('RSSMRA85T10A562S'), { operatorId: anpr.operatorId, beforeCall })).rejects.toMatchObject({ status: 403 });
  });

  it('lets a mediator of the Comune use their own ANPR identity, checked on the loaded user or in the database', async () => {
    const em = gw.em.fork();
    const comune = await em.findOneOrFail(Comune, { codiceIstat: DEMO_COMUNE_ISTAT });
    const mediator = em.create(User, { username: 'mediator.conn', name: 'Mediatore', email: 'm@conn.invalid', role: 'TOP', comune, mediator: true, anprOperatorId: 'MEDIATORE01' } as any);
    await em.flush();
    const q = query(person().generalita!.codiceFiscale);
    announced = [];
    // Checked in the database (no user given), then on the loaded user: both reach ANPR and answer.
    const viaQuery = await sut.lookup(DEMO_COMUNE_ISTAT, q, { operatorId: 'MEDIATORE01', beforeCall });
    const viaUser = await sut.lookup(DEMO_COMUNE_ISTAT, q, { operatorId: 'MEDIATORE01', user: mediator, beforeCall });
    for (const r of [viaQuery, viaUser]) {
      expect(r.persons.map((x) => x.idANPR)).toEqual([person().idANPR]);
    }
    expect(announced).toEqual([viaQuery.clientOperationId, viaUser.clientOperationId]);
    mediator.status = 'suspended' as never;
    await em.flush();
    await expect(sut.lookup(DEMO_COMUNE_ISTAT, q, { operatorId: 'MEDIATORE01', beforeCall })).rejects.toMatchObject({ status: 403 });
    await expect(sut.lookup(DEMO_COMUNE_ISTAT, q, { operatorId: 'MEDIATORE01', user: mediator, beforeCall })).rejects.toMatchObject({ status: 403 });
  });

  it('calls the ANPR port it is given (here a recording fake), after its own checks', async () => {
    const answer: LookupResult = {
      persons: [{ idANPR: 'FAKE00001', generalita: { codiceFiscale: 'RSSMRA85T10A562S', cognome: 'ROSSI', nome: 'MARIO', sesso: 'M', dataNascita: '1985-12-10', luogoNascita: { comune: { codiceIstat: '072006', nomeComune: 'BARI' } } } }],
      anprOperationId: 'fake-op-1',
      clientOperationId: '42',
      warnings: [],
      channel: 'pdnd',
    };
    const calls: Array<{ query: PersonQuery; ctx: AnprCallContext }> = [];
    const fake: AnprPort = {
      async findPersons(query, ctx) {
        calls.push({ query, ctx });
        return answer;
      },
    };
    const other = await startGateway(backend, {}, { anprPort: fake });
    try {
      await seedTenants(other.em);
      await wireComuneToSimulator(other.em.fork(), demoComuneWiring(anpr, dir));
      const connector = other.app.get(AnprConnectorService);
      const q = query('RSSMRA85T10A562S');
      expect(await connector.lookup(DEMO_COMUNE_ISTAT, q, { operatorId: anpr.operatorId, requestId: 'r-fake', beforeCall })).toBe(answer);
      expect(calls).toHaveLength(1);
      expect(calls[0].query).toEqual(q);
      expect(calls[0].ctx).toMatchObject({ comune: { codiceIstat: DEMO_COMUNE_ISTAT }, operatorId: anpr.operatorId, requestId: 'r-fake' });
      // The operator check stays the connector's: a refused caller never reaches the port.
      await expect(connector.lookup(DEMO_COMUNE_ISTAT, q, { operatorId: 'SOMEONE-ELSE', beforeCall })).rejects.toMatchObject({ status: 403 });
      expect(calls).toHaveLength(1);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('stops at a bad secret reference with a message naming it, and never sends the request', async () => {
    await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { keystorePasswordRef: 'env:GERES_TEST_MISSING_PASSWORD' });
    await expect(sut.lookup(DEMO_COMUNE_ISTAT, query(person().generalita!.codiceFiscale), { operatorId: anpr.operatorId, beforeCall })).rejects.toThrow(/GERES_TEST_MISSING_PASSWORD is not set/);
    await gw.em.fork().nativeUpdate(Comune, { codiceIstat: DEMO_COMUNE_ISTAT }, { keystorePasswordRef: `file:${anpr.keystorePasswordFile}` });
  });
});
