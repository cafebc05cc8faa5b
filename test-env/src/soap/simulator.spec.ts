import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSignedAssertion, buildSignedEnvelope, createIdPostazioneFirmato, loadPkcs12, type LoadedKeystore } from '../../../libs/anpr/src/soap/index.js';
import { ensureTestPki, type TestPki } from '../pki/index.js';
import { createFakeRegistry } from './fixtures.js';
import { createSoapSimulatorHandler, SIMULATOR_PATHS } from './index.js';

/** Requests crafted by hand (but correctly signed) to reach the simulator's business checks. */
const NS3000 = 'http://sogei.it/ANPR/3000consultazione';
const NSE000 = 'http://sogei.it/ANPR/E000Vocabolario';
const WSDL_DIR = resolve(process.cwd(), '../shared/anpr/wsdl');

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
    server = http.createServer(createSoapSimulatorHandler({ registry: createFakeRegistry(), trustedCaPem: pki.caCertPem }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 30_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const testata = (service: '3002' | 'E002') =>
    `<testataRichiesta><${service === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune'}>${nextId++}</${service === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune'}>` +
    `<codMittente>888231</codMittente><codDestinatario>ANPR00</codDestinatario><operazioneRichiesta>${service}</operazioneRichiesta>` +
    `<dataOraRichiesta>2024-06-01T10:00:00</dataOraRichiesta><tipoOperazione>C</tipoOperazione><tipoInvio>FREE</tipoInvio></testataRichiesta>`;
  const r3002 = (criteri: string, dati: string) =>
    `<a:Richiesta3002 xmlns:a="${NS3000}">${testata('3002')}<criteriRicerca>${criteri}</criteriRicerca><datiRichiesta><schedaAnagraficaRichiesta>1</schedaAnagraficaRichiesta><dataRiferimentoRichiesta>2024-06-01</dataRiferimentoRichiesta>${dati}</datiRichiesta></a:Richiesta3002>`;
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
  const canValidate = haveXmllint && existsSync(join(WSDL_DIR, '3000consultazione.xsd'));
  (canValidate ? it : it.skip)('its Risposta3002 (full record, family) validates against the XSD', async () => {
    const r = await post(SIMULATOR_PATHS['3002'], signed(r3002(CF, codes('1'))));
    const m = /<anpr:Risposta3002 [^]*<\/anpr:Risposta3002>/.exec(r.text);
    expect(m).not.toBeNull();
    const file = join(mkdtempSync(join(tmpdir(), 'geres-simx-')), 'r.xml');
    writeFileSync(file, m![0]);
    const lint = spawnSync('xmllint', ['--noout', '--schema', join(WSDL_DIR, '3000consultazione.xsd'), file], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
  });
});
