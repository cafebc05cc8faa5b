import { randomUUID } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { LoadedKeystore } from '../pki/keystore.js';
import type { HashName, RsaSigner } from '../pki/signer.js';
import { ALG, NS, SAML, WSS, type DigestAlgorithmName, type SignatureAlgorithmName } from './constants.js';
import { esc } from './xml.js';

export interface SignatureAlgorithms {
  signature: SignatureAlgorithmName;
  digest: DigestAlgorithmName;
}

/** xs:dateTime in UTC with milliseconds, as WSS4J/OpenSAML write them. */
export const utc = (d: Date): string => d.toISOString();

/**
 * xml-crypto wants a private key to sign with; we give it an algorithm whose getSignature calls
 * our closure-held signer instead, so the key never reaches xml-crypto and every private-key
 * operation goes through one observable place.
 */
function delegatingAlgorithm(signer: RsaSigner, alg: SignatureAlgorithmName) {
  const hash: HashName = alg === 'rsa-sha1' ? 'sha1' : 'sha256';
  return class {
    getSignature(signedInfo: unknown): string {
      const data = typeof signedInfo === 'string' ? signedInfo : Buffer.from(signedInfo as Uint8Array);
      return signer.sign(data, hash).toString('base64');
    }
    verifySignature(): boolean {
      throw new Error('This algorithm only signs');
    }
    getAlgorithmName(): string {
      return ALG[alg];
    }
  };
}

function newSignedXml(key: LoadedKeystore, algs: SignatureAlgorithms, extra: Partial<ConstructorParameters<typeof SignedXml>[0]> = {}) {
  const sig = new SignedXml({
    // Placeholder: xml-crypto insists on a key being set, the delegating algorithm ignores it.
    privateKey: 'delegated-to-RsaSigner',
    publicCert: key.certificatePem,
    signatureAlgorithm: ALG[algs.signature],
    canonicalizationAlgorithm: ALG.excC14n,
    ...extra,
  });
  sig.SignatureAlgorithms = { ...sig.SignatureAlgorithms, [ALG[algs.signature]]: delegatingAlgorithm(key.signer, algs.signature) as any };
  return sig;
}

export interface AssertionInput {
  operatorId: string;
  idSede: string;
  idPostazione: string;
  /** base64 PKCS#7 SignedData of idPostazione. */
  idPostazioneFirmato: string;
  idApplicazione: string;
  clientIp: string;
  issueInstant: Date;
  lifetimeSeconds: number;
}

export interface SignedAssertion {
  xml: string;
  id: string;
  notOnOrAfter: Date;
}

const attribute = (name: string, value: string) =>
  `<saml2:Attribute Name="${esc(name)}" NameFormat="${SAML.attrNameUnspecified}">` +
  `<saml2:AttributeValue xsi:type="xs:string">${esc(value)}</saml2:AttributeValue></saml2:Attribute>`;

/**
 * The SAML 2.0 assertion of REFERENCE.md §2.5, enveloped-signed with the Comune's key. It carries
 * no per-call data, so it can be reused for every call by the same operator, workstation and
 * client address until shortly before NotOnOrAfter.
 */
export function buildSignedAssertion(input: AssertionInput, comune: LoadedKeystore, algs: SignatureAlgorithms): SignedAssertion {
  const id = `_${randomUUID()}`;
  const notBefore = utc(input.issueInstant);
  const notOnOrAfterDate = new Date(input.issueInstant.getTime() + input.lifetimeSeconds * 1000);
  const notOnOrAfter = utc(notOnOrAfterDate);
  const xml =
    `<saml2:Assertion xmlns:saml2="${NS.saml2}" xmlns:xs="${NS.xs}" xmlns:xsi="${NS.xsi}" ID="${id}" IssueInstant="${notBefore}" Version="2.0">` +
    `<saml2:Issuer>${SAML.issuer}</saml2:Issuer>` +
    `<saml2:Subject><saml2:NameID Format="${SAML.nameIdUnspecified}">${esc(input.operatorId)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="${SAML.bearer}"><saml2:SubjectConfirmationData NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"/></saml2:SubjectConfirmation>` +
    `</saml2:Subject>` +
    `<saml2:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"/>` +
    `<saml2:AuthnStatement AuthnInstant="${notBefore}"><saml2:SubjectLocality Address="${esc(input.clientIp)}"/>` +
    `<saml2:AuthnContext><saml2:AuthnContextClassRef>${SAML.authnContextUnspecified}</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>` +
    attribute('IdSede', input.idSede) +
    attribute('IdPostazione', input.idPostazione) +
    attribute('IdPostazioneFirmato', input.idPostazioneFirmato) +
    attribute('IdApplicazione', input.idApplicazione) +
    `</saml2:AttributeStatement></saml2:Assertion>`;

  const sig = newSignedXml(comune, algs);
  sig.addReference({
    xpath: `/*[local-name(.)='Assertion']`,
    transforms: [ALG.enveloped, ALG.excC14n],
    digestAlgorithm: ALG[algs.digest],
  });
  // SAML's schema puts ds:Signature right after Issuer.
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']`, action: 'after' } });
  return { xml: sig.getSignedXml(), id, notOnOrAfter: notOnOrAfterDate };
}

export interface EnvelopeInput {
  /** The request element (Richiesta3002 / RichiestaE002), complete with its namespace declaration. */
  bodyXml: string;
  signedAssertionXml: string;
  comune: LoadedKeystore;
  algs: SignatureAlgorithms;
  now: Date;
  timestampTtlSeconds: number;
}

/**
 * The SOAP 1.1 envelope with the wsse:Security header: Timestamp, BinarySecurityToken (the
 * Comune's certificate), the cached signed assertion, and a signature over Timestamp and Body that
 * refers to the token. This is the only private-key operation of a warm call.
 */
export function buildSignedEnvelope(input: EnvelopeInput): string {
  const u = randomUUID();
  const tsId = `TS-${u}`;
  const bodyId = `id-${u}`;
  const bstId = `X509-${u}`;
  const expires = new Date(input.now.getTime() + input.timestampTtlSeconds * 1000);
  const envelope =
    `<soapenv:Envelope xmlns:soapenv="${NS.soapenv}">` +
    `<soapenv:Header>` +
    `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}" soapenv:mustUnderstand="1">` +
    `<wsu:Timestamp wsu:Id="${tsId}"><wsu:Created>${utc(input.now)}</wsu:Created><wsu:Expires>${utc(expires)}</wsu:Expires></wsu:Timestamp>` +
    `<wsse:BinarySecurityToken EncodingType="${WSS.base64}" ValueType="${WSS.x509v3}" wsu:Id="${bstId}">${input.comune.certificateBase64}</wsse:BinarySecurityToken>` +
    input.signedAssertionXml +
    `</wsse:Security>` +
    `</soapenv:Header>` +
    `<soapenv:Body xmlns:wsu="${NS.wsu}" wsu:Id="${bodyId}">${input.bodyXml}</soapenv:Body>` +
    `</soapenv:Envelope>`;

  const sig = newSignedXml(input.comune, input.algs, {
    idMode: 'wssecurity',
    getKeyInfoContent: () =>
      `<wsse:SecurityTokenReference xmlns:wsse="${NS.wsse}"><wsse:Reference URI="#${bstId}" ValueType="${WSS.x509v3}"/></wsse:SecurityTokenReference>`,
  });
  sig.addReference({
    xpath: `/*[local-name(.)='Envelope']/*[local-name(.)='Header']/*[local-name(.)='Security']/*[local-name(.)='Timestamp']`,
    transforms: [ALG.excC14n],
    digestAlgorithm: ALG[input.algs.digest],
  });
  sig.addReference({
    xpath: `/*[local-name(.)='Envelope']/*[local-name(.)='Body']`,
    transforms: [ALG.excC14n],
    digestAlgorithm: ALG[input.algs.digest],
  });
  sig.computeSignature(envelope, {
    prefix: 'ds',
    location: { reference: `/*[local-name(.)='Envelope']/*[local-name(.)='Header']/*[local-name(.)='Security']`, action: 'append' },
  });
  return sig.getSignedXml();
}
