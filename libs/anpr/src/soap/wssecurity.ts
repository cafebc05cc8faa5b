import { createHash, randomUUID } from 'node:crypto';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import type { LoadedKeystore } from '../pki/keystore.js';
import type { HashName, RsaSigner } from '../pki/signer.js';
import { ALG, NS, SAML, WSS, type DigestAlgorithmName, type SignatureAlgorithmName } from './constants.js';
import { esc, parseXml } from './xml.js';

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
/** The hash an RSA signature algorithm signs with. */
const hashOf = (alg: SignatureAlgorithmName): HashName => (alg === 'rsa-sha1' ? 'sha1' : 'sha256');

function delegatingAlgorithm(signer: RsaSigner, alg: SignatureAlgorithmName) {
  const hash = hashOf(alg);
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

function newSignedXml(key: LoadedKeystore, algs: SignatureAlgorithms) {
  const sig = new SignedXml({
    // Placeholder: xml-crypto insists on a key being set, the delegating algorithm ignores it.
    privateKey: 'delegated-to-RsaSigner',
    publicCert: key.certificatePem,
    signatureAlgorithm: ALG[algs.signature],
    canonicalizationAlgorithm: ALG.excC14n,
  });
  sig.SignatureAlgorithms = { ...sig.SignatureAlgorithms, [ALG[algs.signature]]: delegatingAlgorithm(key.signer, algs.signature) };
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

const c14n = new ExclusiveCanonicalization();

/**
 * The exclusive canonical form (exc-c14n, no inclusive prefixes) of the request element, as it is
 * inside soapenv:Body. The element carries its own namespace declarations and uses no prefix bound
 * by its ancestors (soapenv, wsu), so its canonical form in the envelope is its canonical form alone.
 */
export function canonicalBodyContent(bodyXml: string): string {
  return c14n.process(parseXml(bodyXml).documentElement as never, {}).toString();
}

/**
 * The SOAP 1.1 envelope with the wsse:Security header: Timestamp, BinarySecurityToken (the
 * Comune's certificate), the cached signed assertion, and a signature over Timestamp and Body that
 * refers to the token. This is the only private-key operation of a warm call.
 *
 * The message is assembled as text, and so is its signature: the canonical forms of Timestamp and
 * SignedInfo are written directly (every value in them is an id, a date or base64, none needing
 * escapes), only the request element is parsed to canonicalise it. xml-crypto's general path
 * (parse the whole envelope, find the references by XPath, serialise it again) cost a quarter of
 * the gateway's CPU under load. Verified like before: xmlsec1 checks the result in the tests.
 */
export function buildSignedEnvelope(input: EnvelopeInput): string {
  const u = randomUUID();
  const tsId = `TS-${u}`;
  const bodyId = `id-${u}`;
  const bstId = `X509-${u}`;
  const expires = new Date(input.now.getTime() + input.timestampTtlSeconds * 1000);
  const timestampContent = `<wsu:Created>${utc(input.now)}</wsu:Created><wsu:Expires>${utc(expires)}</wsu:Expires></wsu:Timestamp>`;
  const timestamp = `<wsu:Timestamp wsu:Id="${tsId}">${timestampContent}`;
  const body = `<soapenv:Body xmlns:wsu="${NS.wsu}" wsu:Id="${bodyId}">${input.bodyXml}</soapenv:Body>`;

  // exc-c14n output: visibly used namespaces declared on the apex (sorted by prefix), empty elements written out.
  const digest = (canonical: string) => createHash(input.algs.digest).update(canonical, 'utf8').digest('base64');
  const timestampDigest = digest(`<wsu:Timestamp xmlns:wsu="${NS.wsu}" wsu:Id="${tsId}">${timestampContent}`);
  const bodyDigest = digest(`<soapenv:Body xmlns:soapenv="${NS.soapenv}" xmlns:wsu="${NS.wsu}" wsu:Id="${bodyId}">${canonicalBodyContent(input.bodyXml)}</soapenv:Body>`);
  const reference = (id: string, value: string) =>
    `<ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="${ALG.excC14n}"></ds:Transform></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${ALG[input.algs.digest]}"></ds:DigestMethod><ds:DigestValue>${value}</ds:DigestValue></ds:Reference>`;
  const signedInfoContent =
    `<ds:CanonicalizationMethod Algorithm="${ALG.excC14n}"></ds:CanonicalizationMethod>` +
    `<ds:SignatureMethod Algorithm="${ALG[input.algs.signature]}"></ds:SignatureMethod>` +
    reference(tsId, timestampDigest) +
    reference(bodyId, bodyDigest) +
    `</ds:SignedInfo>`;
  // SignedInfo's canonical form in the envelope: only ds is visibly used in it.
  const signatureValue = input.comune.signer.sign(Buffer.from(`<ds:SignedInfo xmlns:ds="${NS.ds}">${signedInfoContent}`, 'utf8'), hashOf(input.algs.signature));
  const signature =
    `<ds:Signature xmlns:ds="${NS.ds}"><ds:SignedInfo>${signedInfoContent}` +
    `<ds:SignatureValue>${signatureValue.toString('base64')}</ds:SignatureValue>` +
    `<ds:KeyInfo><wsse:SecurityTokenReference xmlns:wsse="${NS.wsse}"><wsse:Reference URI="#${bstId}" ValueType="${WSS.x509v3}"/></wsse:SecurityTokenReference></ds:KeyInfo>` +
    `</ds:Signature>`;

  return (
    `<soapenv:Envelope xmlns:soapenv="${NS.soapenv}">` +
    `<soapenv:Header>` +
    `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}" soapenv:mustUnderstand="1">` +
    timestamp +
    `<wsse:BinarySecurityToken EncodingType="${WSS.base64}" ValueType="${WSS.x509v3}" wsu:Id="${bstId}">${input.comune.certificateBase64}</wsse:BinarySecurityToken>` +
    input.signedAssertionXml +
    signature +
    `</wsse:Security>` +
    `</soapenv:Header>` +
    body +
    `</soapenv:Envelope>`
  );
}
