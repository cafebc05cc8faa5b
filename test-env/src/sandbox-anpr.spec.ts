import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryOperationIdSource, PdndAnprAdapter, SoapAnprAdapter, type AnprCallContext, type PersonQuery } from '#libs/anpr';
import { buildSandboxCatalogue, createSyntheticRegistry, DEMO_COMUNE_ISTAT } from './population/index.js';
import { isCurrentKeystoreFormat } from './pki/index.js';
import { SECOND_COMUNE_ISTAT, SECOND_COMUNE_OPERATOR_ID, SECOND_COMUNE_POSTAZIONE } from './sandbox-wiring.js';
import {
  COMUNE_POSTAZIONE,
  defaultSandboxComuni,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SECOND_WORKSTATION_ID,
  SANDBOX_WORKSTATION_ID,
  startSandboxAnpr,
  type SandboxAnpr,
} from './sandbox-anpr.js';

describe('startSandboxAnpr', () => {
  let dir: string;
  let sandbox: SandboxAnpr;
  const logs: string[] = [];
  const start = (port = 0) =>
    startSandboxAnpr({ dir, port, comuni: [DEMO_COMUNE_ISTAT, SECOND_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE, SECOND_COMUNE_POSTAZIONE], pdndComuni: [SECOND_COMUNE_ISTAT], log: (l) => logs.push(l) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'geres-sandbox-anpr-'));
    sandbox = await start();
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const demoResident = () => {
    const e = buildSandboxCatalogue(sandbox.registry).entries.find((x) => x.key === 'demo-resident')!;
    return { entry: e, query: { criterion: e.query.criterion, sections: ['generalita', 'residenza'], motivoRichiesta: 'Prova sandbox' } satisfies PersonQuery };
  };
  const ctx = (channel: 'soap' | 'pdnd'): AnprCallContext => ({
    comune: sandbox.comuneSettings(DEMO_COMUNE_ISTAT, channel),
    operatorId: sandbox.operatorId,
    workstation: sandbox.workstation(SANDBOX_WORKSTATION_ID),
  });

  it('by default issues a certificate for every Comune the population lives in, Bari first', () => {
    const registry = createSyntheticRegistry({ size: 200 });
    const comuni = defaultSandboxComuni(registry);
    expect(comuni[0]).toBe(DEMO_COMUNE_ISTAT);
    expect(comuni).toEqual(registry.population.places.residenceComuni.map((c) => c.codiceIstat));
    expect(comuni.length).toBeGreaterThanOrEqual(5);
  });

  it('serves both channels on one URL', async () => {
    expect(sandbox.url).toBe(sandbox.simulator.url);
    const health = (await (await fetch(`${sandbox.url}/health`)).json()) as { channels: { soap: boolean; pdnd: boolean }; population: number };
    expect(health.channels).toEqual({ soap: true, pdnd: true });
    expect(health.population).toBe(sandbox.registry.size);
    const jwks = (await (await fetch(`${sandbox.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });

  it('gives complete settings for either channel, and the workstations the gateway seeds', () => {
    const soap = sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap');
    expect(soap).toMatchObject({ codiceIstat: DEMO_COMUNE_ISTAT, channel: 'soap', environment: 'FREE', soap: { baseUrl: sandbox.url, service: '3002', idSede: DEMO_COMUNE_ISTAT } });
    expect(existsSync(soap.soap!.keystore.path!)).toBe(true);
    expect(sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap', { service: 'E002' }).soap!.service).toBe('E002');
    const pdnd = sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'pdnd');
    expect(pdnd.channel).toBe('pdnd');
    expect(pdnd.pdnd!.tokenUrl.startsWith(sandbox.url)).toBe(true);
    expect(pdnd.pdnd!.baseUrl.startsWith(sandbox.url)).toBe(true);
    expect(Object.keys(pdnd.pdnd!.purposes).sort()).toEqual(['C001', 'C020', 'C021', 'C030']);
    expect(pdnd.pdnd!.privateKeyPem).toMatch(/BEGIN PRIVATE KEY/);
    expect(sandbox.operatorId).toBe(SANDBOX_OPERATOR_ID);
    for (const id of [SANDBOX_WORKSTATION_ID, SANDBOX_SECOND_WORKSTATION_ID]) {
      const ws = sandbox.workstation(id);
      expect(ws.id).toBe(id);
      expect(existsSync(ws.keystore.path!)).toBe(true);
    }
    expect(() => sandbox.comuneSettings('999999', 'soap')).toThrow(/No sandbox Comune 999999/);
    expect(() => sandbox.workstation('072006-XX-9999')).toThrow(/No sandbox workstation/);
  });

  it('answers the connectors on both channels', async () => {
    const { entry, query } = demoResident();
    // One sequence for the Comune, as ANPR requires across its services (a reused id is EN079).
    const operationIds = new InMemoryOperationIdSource();
    const soap = await new SoapAnprAdapter({ operationIds, places: sandbox.places }).findPersons(query, ctx('soap'));
    expect(soap.persons.map((p) => p.idANPR)).toEqual([entry.idANPR]);
    const e002 = await new SoapAnprAdapter({ operationIds, places: sandbox.places }).findPersons(query, {
      ...ctx('soap'),
      comune: sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap', { service: 'E002' }),
    });
    expect(e002.persons.map((p) => p.idANPR)).toEqual([entry.idANPR]);
    const pdnd = await new PdndAnprAdapter().findPersons(query, ctx('pdnd'));
    expect(pdnd.persons.map((p) => p.idANPR)).toEqual([entry.idANPR]);
  }, 30_000);

  it('answers the second Comune signed with its own certificate and workstation, and its own PDND client', async () => {
    // A living resident of Lecce, as ANPR would find them for Lecce's own registry office.
    const resident = sandbox.registry.persons.find((p) => !p.decesso && !p.aire && p.residenze.at(-1)?.indirizzo?.comune.codiceIstat === SECOND_COMUNE_ISTAT && !p.residenze.at(-1)?.dataFine)!;
    expect(resident).toBeDefined();
    const query: PersonQuery = { criterion: { kind: 'codiceFiscale', codiceFiscale: resident.codiceFiscale }, sections: ['generalita', 'residenza'], motivoRichiesta: 'Prova sandbox' };
    const lecce = (channel: 'soap' | 'pdnd'): AnprCallContext => ({ comune: sandbox.comuneSettings(SECOND_COMUNE_ISTAT, channel), operatorId: SECOND_COMUNE_OPERATOR_ID, workstation: sandbox.workstation(SECOND_COMUNE_POSTAZIONE) });
    expect(lecce('soap').comune.soap!.keystore.path).toBe(sandbox.pki.comune(SECOND_COMUNE_ISTAT).path);
    expect(lecce('soap').comune.soap!.keystore.path).not.toBe(sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap').soap!.keystore.path);
    const soap = await new SoapAnprAdapter({ operationIds: new InMemoryOperationIdSource(), places: sandbox.places }).findPersons(query, lecce('soap'));
    expect(soap.persons.map((p) => p.generalita?.codiceFiscale)).toEqual([resident.codiceFiscale]);
    expect(soap.persons[0].residenza?.[0]?.indirizzo?.comune?.codiceIstat).toBe(SECOND_COMUNE_ISTAT);
    expect(sandbox.pdndClientOf(SECOND_COMUNE_ISTAT).settings.clientId).not.toBe(sandbox.pdndClient.settings.clientId);
    const pdnd = await new PdndAnprAdapter().findPersons(query, lecce('pdnd'));
    expect(pdnd.persons.map((p) => p.generalita?.codiceFiscale)).toEqual([resident.codiceFiscale]);
    // Lecce's certificate with Bari as the sender is refused: each Comune signs only for itself.
    const mixed = { ...lecce('soap'), comune: { ...sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap'), soap: { ...sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap').soap!, keystore: lecce('soap').comune.soap!.keystore } } };
    await expect(new SoapAnprAdapter({ operationIds: new InMemoryOperationIdSource(), places: sandbox.places }).findPersons(query, mixed)).rejects.toThrow(/IdSede, certificate and codMittente differ/);
  }, 30_000);

  it('keeps secrets out of the logs and in private files: one password per keystore, AES-256 keystores, 0600/0700', () => {
    const keystores = [
      sandbox.pki.comune(DEMO_COMUNE_ISTAT),
      sandbox.pki.comune(SECOND_COMUNE_ISTAT),
      ...[SANDBOX_WORKSTATION_ID, SANDBOX_SECOND_WORKSTATION_ID, COMUNE_POSTAZIONE, SECOND_COMUNE_POSTAZIONE].map((id) => sandbox.pki.workstation(id)),
      sandbox.pki.tlsServer,
    ];
    const passwords = keystores.map((k) => k.password);
    expect(new Set(passwords).size).toBe(keystores.length);
    for (const k of keystores) {
      expect(k.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(readFileSync(k.passwordPath, 'utf8')).toBe(k.password);
      expect(isCurrentKeystoreFormat(readFileSync(k.path))).toBe(true);
    }
    expect(sandbox.keystorePasswordFile).toBe(sandbox.pki.comune(DEMO_COMUNE_ISTAT).passwordPath);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      for (const pw of passwords) expect(line).not.toContain(pw);
      expect(line).not.toMatch(/PRIVATE KEY/);
    }
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(d, e.name), ...walk(join(d, e.name))] : [join(d, e.name)]));
    const all = walk(dir);
    expect(all).toEqual(expect.arrayContaining([join(dir, 'pdnd', 'client-key.pem'), join(dir, 'pdnd', SECOND_COMUNE_ISTAT, 'client-key.pem'), join(dir, 'pki', 'ca.p12')]));
    for (const f of [dir, ...all]) expect({ f, mode: statSync(f).mode & 0o777 }).toEqual({ f, mode: statSync(f).isDirectory() ? 0o700 : 0o600 });
  });

  it('restarts with the same PKI and PDND identity; vouchers issued before the restart stay valid', async () => {
    const before = sandbox;
    const caPem = before.pki.caCertPem;
    const p12 = before.comuneSettings(DEMO_COMUNE_ISTAT, 'soap').soap!.keystore.path!;
    const mtime = statSync(p12).mtimeMs;
    const pdnd = new PdndAnprAdapter();
    const { query } = demoResident();
    await pdnd.findPersons(query, ctx('pdnd'));
    const tokens = pdnd.tokenRequests;

    const port = before.simulator.port;
    await before.close();
    logs.length = 0;
    sandbox = await start(port);

    expect(sandbox.pki.caCertPem).toBe(caPem);
    expect(statSync(p12).mtimeMs).toBe(mtime);
    expect(sandbox.pdndClient.settings).toEqual(before.pdndClient.settings);
    expect(logs.join('\n')).toMatch(/reusing PDND client/);
    expect(logs.join('\n')).toMatch(/reusing test PKI/);
    // The adapter's cached voucher, signed before the restart, is still accepted.
    const r = await pdnd.findPersons(query, ctx('pdnd'));
    expect(r.persons).toHaveLength(1);
    expect(pdnd.tokenRequests).toBe(tokens);
    expect(sandbox.pdnd.stats.tokenRequests).toBe(0);
  }, 60_000);
});
