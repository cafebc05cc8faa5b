import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLSerializer } from '@xmldom/xmldom';
import { ensureTestPki, type TestPki } from '../../../../test-env/src/pki/index.js';
import { sharedOrSkip } from '../../../../test-env/src/shared-data.testutil.js';
import type { AnprCallContext, ComuneAnprSettings } from '../port.js';
import type { PersonQuery } from '../model.js';
import { InMemoryOperationIdSource, NS, SoapAnprAdapter, type PlaceResolver, type SoapTransport } from './index.js';
import { buildSignedAssertion, buildSignedEnvelope, canonicalBodyContent } from './wssecurity.js';
import { loadPkcs12 } from '../pki/keystore.js';
import { childElements, descendants, parseXml } from './xml.js';

/**
 * Independent verification of what the adapter sends: xmlsec1 (libxmlsec, not xml-crypto) checks
 * both signatures, xmllint checks the Body against ANPR's own XSDs.
 */
// ../shared/anpr/wsdl: skipped visibly when missing, an error under CI=true (shared-data.testutil.ts).
const WSDL_DIR = sharedOrSkip('anpr', 'wsdl') ?? '';
const haveShared = WSDL_DIR !== '';
const haveBinary = (b: string) => spawnSync(b, ['--version']).status === 0;
const haveTools = haveBinary('xmlsec1') && haveBinary('xmllint');
if (!haveTools && process.env.CI) throw new Error('xmlsec1 and xmllint are required in CI (apt: xmlsec1, libxml2-utils)');
const skipReason = !haveShared ? '../shared/anpr/wsdl not found' : !haveTools ? 'xmlsec1/xmllint not installed' : '';
if (skipReason) console.warn(`Skipping xmlsec1/xmllint verification: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

export const places: PlaceResolver = {
  comune: (c) => ({ '058091': { nomeComune: 'ROMA', siglaProvincia: 'RM' }, '888231': { nomeComune: 'COMUNE DI PROVA', siglaProvincia: 'RM' } })[c],
  stato: (s) => ({ '215': { descrizioneStato: 'FRANCIA' } })[s],
};

function capture(): { transport: SoapTransport; sent: string[] } {
  const sent: string[] = [];
  const answer = `<soapenv:Envelope xmlns:soapenv="${NS.soapenv}"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>capture only</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
  return { sent, transport: async (req) => (sent.push(req.body), { status: 500, body: answer }) };
}

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

maybe(`SOAP request: verified by xmlsec1 and xmllint${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let pki: TestPki;
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'geres-soapv-'));
    pki = await ensureTestPki(join(work, 'pki'), { comuni: ['888231'], workstations: ['888231-CO-0000'] });
  }, 30_000);

  const ctx = (service: '3002' | 'E002', alg: 'rsa-sha1' | 'rsa-sha256', digest: 'sha1' | 'sha256'): AnprCallContext => {
    const comune: ComuneAnprSettings = {
      codiceIstat: '888231',
      environment: 'FREE',
      channel: 'soap',
      soap: { baseUrl: 'http://127.0.0.1:1', service, keystore: pki.comune('888231'), signatureAlgorithm: alg, digestAlgorithm: digest, idApplicazione: 'GeRes' },
    };
    return { comune, operatorId: 'USERSFREETEST237', workstation: { id: '888231-CO-0000', keystore: pki.workstation('888231-CO-0000') }, clientIp: '10.1.2.3' };
  };

  const queries: Array<[string, PersonQuery]> = [
    ['codiceFiscale, every section', { criterion: { kind: 'codiceFiscale', codiceFiscale: 'RSSMRA80A01H501U' }, sections: ['generalita', 'residenza', 'famiglia', 'cittadinanza', 'statoCivile', 'matrimonio', 'decesso', 'documenti', 'aire'], motivoRichiesta: 'Pratica 12/2024', asOf: '2024-05-01' }],
    ['generalita with birth data and place', { criterion: { kind: 'generalita', cognome: "D'Angelo", nome: 'Maria Luisa', dataNascita: '1980-01-01', luogoNascita: { codiceIstatComune: '058091' } }, sections: ['generalita'], motivoRichiesta: 'x' }],
    ['foreign birth place', { criterion: { kind: 'generalita', cognome: 'Dupont', nome: 'Jean', dataNascita: '1975-03-02', luogoNascita: { codiceStato: '215' } }, sections: ['residenza'], motivoRichiesta: 'x' }],
    ['idANPR, full record', { criterion: { kind: 'idANPR', idANPR: 'AB12CD34M' }, sections: [], motivoRichiesta: 'x' }],
  ];
  const docQueries: Array<[string, PersonQuery]> = [
    ['carta identita, comuneResidenza', { criterion: { kind: 'documento', tipo: 'cartaIdentita', numero: 'CA12345AA' }, sections: ['documenti'], motivoRichiesta: 'x', comuneResidenza: '058091' }],
    ['permesso di soggiorno', { criterion: { kind: 'documento', tipo: 'permessoSoggiorno', numero: 'I1234567' }, sections: ['documenti'], motivoRichiesta: 'x' }],
    ['passaporto', { criterion: { kind: 'documento', tipo: 'passaporto', numero: 'YA1234567' }, sections: ['documenti'], motivoRichiesta: 'x' }],
  ];

  const cases: Array<['3002' | 'E002', 'rsa-sha1' | 'rsa-sha256', 'sha1' | 'sha256', string, PersonQuery]> = [
    ...queries.map(([n, q]) => ['3002', 'rsa-sha1', 'sha1', n, q] as ['3002', 'rsa-sha1', 'sha1', string, PersonQuery]),
    ...docQueries.map(([n, q]) => ['3002', 'rsa-sha256', 'sha256', n, q] as ['3002', 'rsa-sha256', 'sha256', string, PersonQuery]),
    ...queries.map(([n, q]) => ['E002', 'rsa-sha256', 'sha1', n, q] as ['E002', 'rsa-sha256', 'sha1', string, PersonQuery]),
  ];

  it.each(cases)('%s %s/%s: %s', async (service, alg, digest, _name, query) => {
    const { transport, sent } = capture();
    const adapter = new SoapAnprAdapter({ operationIds: new InMemoryOperationIdSource(), transport, places });
    await expect(adapter.findPersons(query, ctx(service, alg, digest))).rejects.toMatchObject({ kind: 'unavailable' });
    const envelope = sent[0]!;
    const file = join(work, `req-${service}-${Math.random().toString(36).slice(2)}.xml`);
    writeFileSync(file, envelope);

    // 1. Message signature over Timestamp and Body, with the Comune certificate as the key.
    const msg = run('xmlsec1', [
      '--verify',
      '--pubkey-cert-pem', pki.comune('888231').certPemPath,
      '--id-attr:Id', `${NS.wsu}:Timestamp`,
      '--id-attr:Id', `${NS.soapenv}:Body`,
      '--node-xpath', "/*[local-name()='Envelope']/*[local-name()='Header']/*[local-name()='Security']/*[local-name()='Signature']",
      file,
    ]);
    expect(msg.out).toContain('OK');
    expect(msg.out).toMatch(/SignedInfo References \(ok\/all\): 2\/2/);
    expect(msg.ok).toBe(true);

    // 2. Assertion signature: the certificate in its KeyInfo must chain to the test CA.
    const assertion = run('xmlsec1', [
      '--verify',
      '--trusted-pem', pki.caCertPath,
      '--id-attr:ID', `${NS.saml2}:Assertion`,
      '--node-xpath', "//*[local-name()='Assertion']/*[local-name()='Signature']",
      file,
    ]);
    expect(assertion.out).toMatch(/SignedInfo References \(ok\/all\): 1\/1/);
    expect(assertion.ok).toBe(true);

    // 3. The Body's request element against ANPR's XSD.
    const doc = parseXml(envelope);
    const body = descendants(doc, 'Body', NS.soapenv)[0]!;
    const request = childElements(body)[0]!;
    const bodyFile = `${file}.body.xml`;
    writeFileSync(bodyFile, new XMLSerializer().serializeToString(request));
    const xsd = service === '3002' ? '3000consultazione.xsd' : 'E000Vocabolario.xsd';
    const lint = run('xmllint', ['--noout', '--schema', join(WSDL_DIR, xsd), bodyFile]);
    expect(lint.out).toContain('validates');
    expect(lint.ok).toBe(true);
  });

  it('signs a request element with every canonicalisation subtlety so that xmlsec1 agrees', async () => {
    const comune = await loadPkcs12(pki.comune('888231'));
    const algs = { signature: 'rsa-sha256', digest: 'sha256' } as const;
    const assertion = buildSignedAssertion(
      { operatorId: 'OP', idSede: 'S', idPostazione: 'P', idPostazioneFirmato: 'Zm9v', idApplicazione: 'A', clientIp: '10.0.0.1', issueInstant: new Date(), lifetimeSeconds: 300 },
      comune,
      algs,
    );
    // Attributes out of order, empty elements, entities, a default namespace, a prefix redeclared
    // below, whitespace and line ends: what exc-c14n rewrites, and a verifier recomputes.
    const bodyXml =
      `<r:Req xmlns:r="urn:r" xmlns:unused="urn:u" z="1" a="2&amp;&quot;&lt;">\r\n  <r:Empty/><Plain xmlns="urn:d" b="x" a='y'>D&apos;Angelo &amp; &lt;x&gt; "q"</Plain>` +
      `<r:Inner xmlns:r="urn:r2"><r:Leaf r:attr="v"/></r:Inner><r:T>\t tab</r:T></r:Req>`;
    const envelope = buildSignedEnvelope({ bodyXml, signedAssertionXml: assertion.xml, comune, algs, now: new Date(), timestampTtlSeconds: 300 });
    const file = join(work, 'subtle.xml');
    writeFileSync(file, envelope);
    const r = run('xmlsec1', [
      '--verify', '--pubkey-cert-pem', pki.comune('888231').certPemPath,
      '--id-attr:Id', `${NS.wsu}:Timestamp`, '--id-attr:Id', `${NS.soapenv}:Body`,
      '--node-xpath', "/*[local-name()='Envelope']/*[local-name()='Header']/*[local-name()='Security']/*[local-name()='Signature']",
      file,
    ]);
    expect(r.out).toMatch(/SignedInfo References \(ok\/all\): 2\/2/);
    expect(r.ok).toBe(true);
    // The canonical form is what exc-c14n says: namespaces only where used, attributes sorted, elements written out.
    expect(canonicalBodyContent(bodyXml)).toBe(
      `<r:Req xmlns:r="urn:r" a="2&amp;&quot;&lt;" z="1">\n  <r:Empty></r:Empty><Plain xmlns="urn:d" a="y" b="x">D'Angelo &amp; &lt;x&gt; "q"</Plain>` +
        `<r:Inner xmlns:r="urn:r2"><r:Leaf r:attr="v"></r:Leaf></r:Inner><r:T>\t tab</r:T></r:Req>`,
    );
  });

  it('xmlsec1 refuses a tampered body (the check is real)', async () => {
    const { transport, sent } = capture();
    const adapter = new SoapAnprAdapter({ operationIds: new InMemoryOperationIdSource(), transport, places });
    await adapter.findPersons(queries[0]![1], ctx('3002', 'rsa-sha1', 'sha1')).catch(() => undefined);
    const file = join(work, 'tampered.xml');
    writeFileSync(file, sent[0]!.replace('RSSMRA80A01H501U', 'BNCNNA82B41H501S'));
    const r = run('xmlsec1', [
      '--verify', '--pubkey-cert-pem', pki.comune('888231').certPemPath,
      '--id-attr:Id', `${NS.wsu}:Timestamp`, '--id-attr:Id', `${NS.soapenv}:Body`,
      '--node-xpath', "/*[local-name()='Envelope']/*[local-name()='Header']/*[local-name()='Security']/*[local-name()='Signature']",
      file,
    ]);
    expect(r.ok).toBe(false);
    expect(execFileSync('xmlsec1', ['--version']).toString()).toMatch(/xmlsec1/);
  });
});
