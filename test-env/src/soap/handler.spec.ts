import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSignedAssertion, buildSignedEnvelope, createIdPostazioneFirmato, loadPkcs12, type LoadedKeystore } from '../../../libs/anpr/src/soap/index.js';
import { ensureTestPki, type TestPki } from '../pki/index.js';
import { createFakeRegistry } from '../fake-registry.testutil.js';
import { FAKE_PERSONS } from './fixtures.js';
import { createSoapSimulatorHandler, OperationLedger, SIMULATOR_PATHS, type SoapSimulatorOptions } from './index.js';
import { itWithShared } from '../shared-data.testutil.js';

/** Requests crafted by hand (but correctly signed) to reach the simulator's business checks. */
const NS3000 = 'http://sogei.it/ANPR/3000consultazione';
const NSE000 = 'http://sogei.it/ANPR/E000Vocabolario';

describe('SOAP simulator', () => {
  let pki: TestPki;
  let comune: LoadedKeystore;
  let assertion: string;
  let server: http.Server;
  let base: string;
  let nextId = 1;

  beforeAll(async () => {
    pki = await ensureTestPki(mkdtempSync(join(tmpdir(), 'geres-sim-')), { comuni: ['888231'], workstations: ['888231-CO-0000'] });
    comune = await loadPkcs12(pki.comune('888231'));
    const ws = await loadPkcs12(pki.workstation('888231-CO-0000'));
    assertion = buildSignedAssertion(
      {
        operatorId: 'USERSFREETEST237',
        idSede: '888231',
        idPostazione: '888231-CO-0000',
        idPostazioneFirmato: createIdPostazioneFirmato('888231-CO-0000', ws),
        idApplicazione: 'test',
        clientIp: '127.0.0.1',
        issueInstant: new Date(),
        lifetimeSeconds: 300,
      },
      comune,
      { signature: 'rsa-sha1', digest: 'sha1' },
    ).xml;
    server = http.createServer(createSoapSimulatorHandler({ registry: createFakeRegistry(FAKE_PERSONS), trustedCaPem: pki.caCertPem }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The test PKI (node-forge PKCS#12) takes 35 s under Jest on a loaded two-core machine.
  }, 120_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r) ?? r(undefined));
  });

  const testata = (service: '3002' | 'E002', h: { id?: number; tipoInvio?: string } = {}) =>
    `<testataRichiesta><${service === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune'}>${h.id ?? nextId++}</${service === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune'}>` +
    `<codMittente>888231</codMittente><codDestinatario>ANPR00</codDestinatario><operazioneRichiesta>${service}</operazioneRichiesta>` +
    `<dataOraRichiesta>2024-06-01T10:00:00</dataOraRichiesta><tipoOperazione>C</tipoOperazione><tipoInvio>${h.tipoInvio ?? 'FREE'}</tipoInvio></testataRichiesta>`;
  const r3002 = (criteri: string, dati: string, h: { id?: number; tipoInvio?: string } = {}) =>
    `<a:Richiesta3002 xmlns:a="${NS3000}">${testata('3002', h)}<criteriRicerca>${criteri}</criteriRicerca><datiRichiesta><schedaAnagraficaRichiesta>1</schedaAnagraficaRichiesta><dataRiferimentoRichiesta>2024-06-01</dataRiferimentoRichiesta>${dati}</datiRichiesta></a:Richiesta3002>`;
  const rE002 = (criteri: string, h: { id?: number; tipoInvio?: string } = {}) =>
    `<a:RichiestaE002 xmlns:a="${NSE000}">${testata('E002', h)}<criteriRicerca>${criteri}</criteriRicerca><datiRichiesta><schedaAnagraficaRichiesta>1</schedaAnagraficaRichiesta><dataRiferimentoRichiesta>2024-06-01</dataRiferimentoRichiesta><motivoRichiesta>Pratica 1</motivoRichiesta><casoUso>C001</casoUso></datiRichiesta></a:RichiestaE002>`;
  const signed = (body: string) => buildSignedEnvelope({ bodyXml: body, signedAssertionXml: assertion, comune, algs: { signature: 'rsa-sha1', digest: 'sha1' }, now: new Date(), timestampTtlSeconds: 300 });
  const post = async (path: string, xml: string) => {
    const res = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: xml });
    return { status: res.status, text: await res.text() };
  };
  const codes = (...c: string[]) => c.map((x) => `<datiAnagraficiRichiesti>${x}</datiAnagraficiRichiesti>`).join('');
  const CF = '<codiceFiscale>RSSMRA80A01H501U</codiceFiscale>';

  it.each([
    ['EC020: code 1 with others', r3002(CF, codes('1', '2')), 'EC020'],
    ['EC025: unknown code', r3002(CF, codes('99')), 'EC025'],
    ['EC026: repeated code', r3002(CF, codes('2', '2')), 'EC026'],
    ['EN132: no criterion', r3002('', codes('2')), 'EN132'],
    ['EN132: surname without name', r3002('<cognome>ROSSI</cognome>', codes('2')), 'EN132'],
  ])('%s', async (_n, body, code) => {
    const r = await post(SIMULATOR_PATHS['3002'], signed(body));
    expect(r.status).toBe(200);
    expect(r.text).toContain('rispostaKO');
    expect(r.text).toContain(`<codiceErroreAnomalia>${code}</codiceErroreAnomalia>`);
    expect(r.text).toContain('<esitoOperazione>3</esitoOperazione>');
  });

  it('E002 without casoUso → EN132 naming casoUso', async () => {
    const body = `<a:RichiestaE002 xmlns:a="${NSE000}">${testata('E002')}<criteriRicerca>${CF}</criteriRicerca><datiRichiesta><schedaAnagraficaRichiesta>1</schedaAnagraficaRichiesta><dataRiferimentoRichiesta>2024-06-01</dataRiferimentoRichiesta></datiRichiesta></a:RichiestaE002>`;
    const r = await post(SIMULATOR_PATHS.E002, signed(body));
    expect(r.text).toContain('<campoErroreAnomalia>casoUso</campoErroreAnomalia>');
  });

  it('security failures are env:Client SOAP Faults', async () => {
    const body = r3002(CF, codes('2'));
    const noHeader = await post(SIMULATOR_PATHS['3002'], `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`);
    expect(noHeader.status).toBe(500);
    expect(noHeader.text).toMatch(/<faultcode>soapenv:Client<\/faultcode><faultstring>Internal Error/);
    const full = signed(body);
    // Drop the message signature (the last ds:Signature, right before </wsse:Security>).
    const unsigned = full.slice(0, full.lastIndexOf('<ds:Signature xmlns')) + full.slice(full.indexOf('</wsse:Security>'));
    expect((await post(SIMULATOR_PATHS['3002'], unsigned)).text).toMatch(/must be signed/);
    const noAssertion = signed(body).replace(/<saml2:Assertion[^]*<\/saml2:Assertion>/, '');
    expect((await post(SIMULATOR_PATHS['3002'], noAssertion)).text).toContain('soapenv:Client');
    expect((await post(SIMULATOR_PATHS['3002'], '<not-xml')).text).toMatch(/Malformed/);
  });

  it('refuses an operation sent to the wrong endpoint', async () => {
    const r = await post(SIMULATOR_PATHS.E002, signed(r3002(CF, codes('2'))));
    expect(r.text).toMatch(/Unexpected operation/);
  });

  it('answers 404 on unknown paths and 405 on GET without ?wsdl', async () => {
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(base + SIMULATOR_PATHS['3002'])).status).toBe(405);
  });

  const haveXmllint = spawnSync('xmllint', ['--version']).status === 0;
  const xsdTest: ReturnType<typeof itWithShared> = haveXmllint ? itWithShared('anpr', 'wsdl') : (title) => it.skip(`${title} [skipped: xmllint not installed]`, () => undefined);
  xsdTest('its Risposta3002 (full record, family) validates against the XSD', async (WSDL_DIR: string) => {
    const r = await post(SIMULATOR_PATHS['3002'], signed(r3002(CF, codes('1'))));
    const m = /<anpr:Risposta3002 [^]*<\/anpr:Risposta3002>/.exec(r.text);
    expect(m).not.toBeNull();
    const file = join(mkdtempSync(join(tmpdir(), 'geres-simx-')), 'r.xml');
    writeFileSync(file, m![0]);
    const lint = spawnSync('xmllint', ['--noout', '--schema', join(WSDL_DIR, '3000consultazione.xsd'), file], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
  });
  /** A simulator of its own (fresh operation ledger) on this suite's PKI; `close` stops it. */
  const ownSimulator = async (over: Partial<SoapSimulatorOptions> = {}) => {
    const srv = http.createServer(createSoapSimulatorHandler({ registry: createFakeRegistry(FAKE_PERSONS), trustedCaPem: pki.caCertPem, ...over }));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    return {
      send: async (path: string, body: string) => {
        const res = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: signed(body) });
        return { status: res.status, text: await res.text() };
      },
      close: () => new Promise((r) => (srv.closeAllConnections(), srv.close(r))),
    };
  };
  const ko = (text: string) => ({
    code: /<codiceErroreAnomalia>([^<]*)</.exec(text)?.[1],
    campo: /<campoErroreAnomalia>([^<]*)</.exec(text)?.[1],
    esito: /<esitoOperazione>([^<]*)</.exec(text)?.[1],
  });

  describe('tipoInvio must fit the environment (tipoDato.xsd: otherwise "il servizio termina con errore")', () => {
    it.each([
      ['3002', 'PROD'],
      ['E002', 'PROD'],
      ['3002', 'PRODUZIONE'],
    ] as const)('%s with tipoInvio %s → rispostaKO SIM001 naming tipoInvio', async (service, tipoInvio) => {
      const sim = await ownSimulator();
      try {
        const body = service === '3002' ? r3002(CF, codes('2'), { id: 5, tipoInvio }) : rE002(CF, { id: 5, tipoInvio });
        const r = await sim.send(SIMULATOR_PATHS[service], body);
        expect(r.status).toBe(200);
        expect(ko(r.text)).toEqual({ code: 'SIM001', campo: 'tipoInvio', esito: '3' });
        expect(r.text).toContain(`tipoInvio ${tipoInvio} non compatibile con l&apos;ambiente di riferimento (ammessi: FREE, TEST, PRE_SUB)`);
      } finally {
        await sim.close();
      }
    });

    it('accepts FREE, TEST and PRE_SUB by default, and only what acceptedTipoInvio lists when given', async () => {
      const sim = await ownSimulator();
      const prod = await ownSimulator({ acceptedTipoInvio: ['PROD'] });
      try {
        let id = 100;
        for (const tipoInvio of ['FREE', 'TEST', 'PRE_SUB']) {
          expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: id++, tipoInvio }))).text)).toEqual({ code: undefined, campo: undefined, esito: '2' });
        }
        expect(ko((await prod.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 1, tipoInvio: 'PROD' }))).text).esito).toBe('2');
        expect(ko((await prod.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 2, tipoInvio: 'FREE' }))).text)).toEqual({ code: 'SIM001', campo: 'tipoInvio', esito: '3' });
      } finally {
        await Promise.all([sim.close(), prod.close()]);
      }
    });
  });

  describe('idOperazioneComune is numeric and increasing per Comune, across services', () => {
    it('3002: a lower unknown id → SIM002; the same id → the earlier answer; a refused id moves nothing', async () => {
      const sim = await ownSimulator();
      try {
        const first = await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 10 }));
        expect(ko(first.text).esito).toBe('2');
        const lower = await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 9 }));
        expect(ko(lower.text)).toEqual({ code: 'SIM002', campo: 'idOperazioneComune', esito: '3' });
        expect(lower.text).toContain("identificativo operazione 9 non crescente: inferiore o uguale all&apos;ultimo inviato dallo stesso mittente (10)");
        // Replay: byte for byte the first answer (same idOperazioneANPR), whatever the new body asks.
        expect((await sim.send(SIMULATOR_PATHS['3002'], r3002('<codiceFiscale>BNCNNA82B41H501S</codiceFiscale>', codes('2'), { id: 10 }))).text).toBe(first.text);
        // A refused id is not an operation: sending it again is refused again, not replayed.
        expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 9 }))).text).code).toBe('SIM002');
        expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 11 }))).text).esito).toBe('2');
      } finally {
        await sim.close();
      }
    });

    it('E002: idOperazioneClient follows the same sequence; an id already used by 3002 → EN079', async () => {
      const sim = await ownSimulator();
      try {
        expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 20 }))).text).esito).toBe('2');
        expect(ko((await sim.send(SIMULATOR_PATHS.E002, rE002(CF, { id: 20 }))).text)).toEqual({ code: 'EN079', campo: 'idOperazioneClient', esito: '3' });
        const lower = await sim.send(SIMULATOR_PATHS.E002, rE002(CF, { id: 19 }));
        expect(ko(lower.text)).toEqual({ code: 'SIM002', campo: 'idOperazioneClient', esito: '3' });
        expect(ko((await sim.send(SIMULATOR_PATHS.E002, rE002(CF, { id: 21 }))).text).esito).toBe('6'); // EN148 warning: by codice fiscale
      } finally {
        await sim.close();
      }
    });

    it('a business KO (EN122) is an answered operation: it is replayed and raises the floor', async () => {
      const sim = await ownSimulator();
      try {
        const notFound = await sim.send(SIMULATOR_PATHS['3002'], r3002('<codiceFiscale>XXXXXX00X00X000X</codiceFiscale>', codes('2'), { id: 30 }));
        expect(ko(notFound.text)).toEqual({ code: 'EN122', campo: undefined, esito: '3' });
        expect((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 30 }))).text).toBe(notFound.text);
        expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 29 }))).text).code).toBe('SIM002');
      } finally {
        await sim.close();
      }
    });

    it("operationIdOrder 'unique' (load runs): any order, but an id used by another service is still EN079", async () => {
      const sim = await ownSimulator({ operationIdOrder: 'unique' });
      try {
        expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 40 }))).text).esito).toBe('2');
        expect(ko((await sim.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 39 }))).text).esito).toBe('2');
        expect(ko((await sim.send(SIMULATOR_PATHS.E002, rE002(CF, { id: 39 }))).text).code).toBe('EN079');
      } finally {
        await sim.close();
      }
    });

    it('each simulator starts with no history (a fresh database restarting its counter is accepted)', async () => {
      const a = await ownSimulator();
      const b = await ownSimulator();
      try {
        expect(ko((await a.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 50 }))).text).esito).toBe('2');
        expect(ko((await b.send(SIMULATOR_PATHS['3002'], r3002(CF, codes('2'), { id: 1 }))).text).esito).toBe('2');
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
});

describe('OperationLedger', () => {
  it('keeps one sequence per sender, compares ids as numbers and forgets the oldest beyond its capacity', () => {
    const sut = new OperationLedger<string>(2);
    sut.record('072006', '9', '3002', 'a');
    sut.record('075035', '1', '3002', 'b');
    expect([sut.last('072006'), sut.last('075035'), sut.last('888231')]).toEqual([9n, 1n, undefined]);
    sut.record('072006', '0010', 'E002', 'c');
    expect(sut.last('072006')).toBe(10n);
    expect(sut.find('072006', '10')).toEqual({ service: 'E002', answer: 'c' });
    expect(sut.find('072006', '9')).toBeUndefined();
    sut.record('072006', '3', '3002', 'd');
    expect(sut.last('072006')).toBe(10n);
  });
});
