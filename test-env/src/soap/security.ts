import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';
import { childElements, elementsByName, firstChild, textOf } from './dom.js';

/**
 * The simulated ANPR's WS-Security checks, written independently of the gateway's signing code so
 * that the two cannot share a mistake: xml-crypto only verifies, forge parses PKCS#7, Node's
 * crypto checks certificate chains and the CMS signature.
 */
export const SEC_NS = {
  soapenv: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
} as const;

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SAML_ATTRIBUTES = ['IdSede', 'IdPostazione', 'IdPostazioneFirmato', 'IdApplicazione'] as const;

/** A security failure: answered as a SOAP Fault, never as rispostaKO. */
export class SecurityFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecurityFault';
  }
}

export interface SecurityCheckOptions {
  trustedCaPems: string[];
  now: Date;
  timestampWindowSeconds: number;
  clockSkewSeconds: number;
}

export interface VerifiedCaller {
  /** CN of the certificate that signed the message and the assertion. */
  certificateCN: string;
  operatorId: string;
  clientIp?: string;
  idSede: string;
  idPostazione: string;
  idApplicazione: string;
}

const fail = (m: string): never => {
  throw new SecurityFault(m);
};

function wsuId(e: Element): string | null {
  return e.getAttributeNS(SEC_NS.wsu, 'Id') || null;
}

function toPem(b64: string): string {
  const body = b64.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${body}${body.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}

/** Chains `cert` to one of the trusted CAs and checks its validity period. */
function checkChain(cert: X509Certificate, opts: SecurityCheckOptions, what: string): void {
  const now = opts.now.getTime();
  if (now < Date.parse(cert.validFrom) || now > Date.parse(cert.validTo)) fail(`${what} certificate is not valid at this time`);
  const ok = opts.trustedCaPems.some((pem) => {
    const ca = new X509Certificate(pem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  });
  if (!ok) fail(`${what} certificate is not issued by a trusted CA`);
}

const cnOf = (cert: X509Certificate): string => /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? '';
const ouOf = (cert: X509Certificate): string => /(?:^|\n)OU=([^\n]*)/.exec(cert.subject)?.[1] ?? '';

/**
 * `idAttribute` names the one id attribute the references point at (wsu:Id for the message,
 * ID for the SAML assertion): xml-crypto otherwise searches the whole document once per candidate
 * name (Id, ID, id), which was most of the simulator's time per request.
 */
const verifiedAssertions = new Set<string>();
function remember(key: string) {
  if (verifiedAssertions.size >= 2000) verifiedAssertions.delete(verifiedAssertions.values().next().value!);
  verifiedAssertions.add(key);
}

/**
 * xml-crypto's SignedXml, with each reference located by one walk of the document instead of the
 * XPath `//*[@*[local-name(.)='Id']='…']` it evaluates per id attribute name and then once more to
 * collect the element's ancestor namespaces (XPath evaluation was about half of the simulator's CPU).
 * The checks are xml-crypto's own: exactly one element carries the id (no signature wrapping), the
 * digest of its canonical form, with the ancestor namespaces found from an absolute positional path
 * to that element (what the library's XPath selected), then the SignedInfo signature as before.
 * A URI that is empty or not a plain id goes through the library's own code.
 */
class LocatingSignedXml extends SignedXml {}
type ReferenceLike = { uri?: string; digestAlgorithm: string; digestValue: string; xpath?: string; validationError?: Error };
const libraryValidateReference = (SignedXml.prototype as any).validateReference as (this: SignedXml, ref: ReferenceLike, doc: Document) => string | undefined;

/** `/*[1]/*[2]/*[1]`: where `e` is among the element children of each of its ancestors. */
function positionalPath(e: Element): string {
  const steps: string[] = [];
  for (let n: Element | null = e; n && n.nodeType === 1; n = n.parentNode as Element | null) {
    let i = 1;
    for (let s = n.previousSibling; s; s = s.previousSibling) if (s.nodeType === 1) i++;
    steps.push(`*[${i}]`);
  }
  return '/' + steps.reverse().join('/');
}

/** Per parsed document and id attribute name: the elements carrying each id value (one walk per document). */
const idIndexes = new WeakMap<Document, Map<string, Map<string, Element[]>>>();

function elementsWithId(doc: Document, attr: string, id: string): Element[] {
  let byAttr = idIndexes.get(doc);
  if (!byAttr) idIndexes.set(doc, (byAttr = new Map()));
  let index = byAttr.get(attr);
  if (!index) {
    const built = new Map<string, Element[]>();
    const walk = (n: Element) => {
      const list = n.attributes;
      const seen = new Set<string>();
      for (let i = 0; i < list.length; i++) {
        const a = list.item(i)!;
        // An element counts once per value, however many attributes of that name carry it.
        if ((a.localName ?? a.name) !== attr || seen.has(a.value)) continue;
        seen.add(a.value);
        const hits = built.get(a.value);
        if (hits) hits.push(n);
        else built.set(a.value, [n]);
      }
      for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element);
    };
    if (doc.documentElement) walk(doc.documentElement);
    byAttr.set(attr, (index = built));
  }
  return index.get(id) ?? [];
}

Object.defineProperty(LocatingSignedXml.prototype, 'validateReference', {
  value: function (this: SignedXml, ref: ReferenceLike, doc: Document): string | undefined {
    // The library's own (private) steps: canonical form of the element, and the digest algorithm.
    const lib = this as unknown as { getCanonReferenceXml(doc: Document, ref: ReferenceLike, elem: Element): string; findHashAlgorithm(name: string): { getHash(xml: string): string } };
    const uri = ref.uri?.[0] === '#' ? ref.uri.substring(1) : ref.uri;
    if (!uri || uri.includes("'")) return libraryValidateReference.call(this, ref, doc);
    // Per attribute name, as the library counts: one element with two id attributes of the same value counts twice.
    let count = 0;
    let elem: Element | undefined;
    for (const attr of this.idAttributes) {
      const hits = elementsWithId(doc, attr, uri);
      count += hits.length;
      if (count > 1) throw new Error('Cannot validate a document which contains multiple elements with the same value for the ID / Id / Id attributes, in order to prevent signature wrapping attack.');
      if (hits.length) elem = hits[0];
    }
    if (!elem) {
      ref.validationError = new Error(`invalid signature: the signature references an element with uri ${ref.uri} but could not find such element in the xml`);
      return undefined;
    }
    ref.xpath = positionalPath(elem);
    const canonXml = lib.getCanonReferenceXml(doc, ref, elem);
    const digest = lib.findHashAlgorithm(ref.digestAlgorithm).getHash(canonXml);
    const a = Buffer.from(digest, 'base64');
    const b = Buffer.from(ref.digestValue, 'base64');
    if (a.length !== b.length || !a.equals(b)) {
      ref.validationError = new Error(`invalid signature: for uri ${ref.uri} calculated digest is ${digest} but the xml to validate supplies digest ${ref.digestValue}`);
      return undefined;
    }
    return canonXml;
  },
});

function verifyXmlSignature(xml: string, signature: Element, certPem: string, what: string, idAttribute: 'Id' | 'ID'): string[] {
  const sig = new LocatingSignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  sig.idAttributes = [idAttribute];
  try {
    // xml-crypto types its DOM against lib.dom, which this project does not load.
    sig.loadSignature(signature as any);
    if (!sig.checkSignature(xml)) fail(`${what}: signature does not verify`);
  } catch (e) {
    if (e instanceof SecurityFault) throw e;
    fail(`${what}: signature does not verify (${(e as Error).message})`);
  }
  return sig.getReferences().map((r) => r.uri ?? '');
}

function checkTimestamp(security: Element, opts: SecurityCheckOptions): Element {
  const stamps = childElements(security, 'Timestamp', SEC_NS.wsu);
  if (stamps.length !== 1) fail('The Security header must carry exactly one wsu:Timestamp');
  const ts = stamps[0]!;
  const created = Date.parse(textOf(firstChild(ts, 'Created', SEC_NS.wsu)) ?? '');
  const expires = Date.parse(textOf(firstChild(ts, 'Expires', SEC_NS.wsu)) ?? '');
  if (Number.isNaN(created) || Number.isNaN(expires)) fail('wsu:Timestamp needs Created and Expires');
  const now = opts.now.getTime();
  const skew = opts.clockSkewSeconds * 1000;
  if (created > now + skew) fail('wsu:Timestamp Created is in the future');
  if (now - created > opts.timestampWindowSeconds * 1000 + skew) fail('wsu:Timestamp is older than the allowed window (message expired)');
  if (expires + skew < now) fail('wsu:Timestamp has expired');
  return ts;
}

/** The PKCS#7 in IdPostazioneFirmato: content = IdPostazione, signed by a workstation certificate of the CA. */
export function verifyIdPostazioneFirmato(b64: string, idPostazione: string, opts: SecurityCheckOptions): void {
  let p7: any;
  try {
    p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(Buffer.from(b64, 'base64').toString('binary')));
  } catch {
    fail('IdPostazioneFirmato is not a PKCS#7 SignedData');
  }
  const contentAsn1 = p7.rawCapture?.content;
  const content: string | undefined =
    contentAsn1 && Array.isArray(contentAsn1.value) ? contentAsn1.value.map((v: any) => v.value).join('') : contentAsn1?.value;
  if (content === undefined) fail('IdPostazioneFirmato carries no content');
  if (Buffer.from(content!, 'binary').toString('utf8') !== idPostazione) fail('IdPostazioneFirmato does not sign IdPostazione');
  const signerInfos = p7.rawCapture?.signerInfos ?? [];
  if (signerInfos.length !== 1) fail('IdPostazioneFirmato must have exactly one signer');
  const certs: forge.pki.Certificate[] = p7.certificates ?? [];
  if (!certs.length) fail('IdPostazioneFirmato must include the workstation certificate');

  const si = signerInfos[0].value as any[];
  // SignerInfo ::= version, issuerAndSerialNumber, digestAlgorithm, [0] authAttrs?, digestEncAlg, signature
  const serial = forge.util.bytesToHex(si[1].value[1].value);
  const forgeCert = certs.find((c) => c.serialNumber.replace(/^0+/, '') === serial.replace(/^0+/, ''));
  if (!forgeCert) fail('IdPostazioneFirmato signer certificate is missing');
  const cert = new X509Certificate(forge.pki.certificateToPem(forgeCert!));
  checkChain(cert, opts, 'Workstation');
  if (ouOf(cert) !== 'Postazioni di lavoro') fail('IdPostazioneFirmato is not signed by a workstation certificate');
  if (cnOf(cert) !== idPostazione) fail('IdPostazioneFirmato is signed by the certificate of another workstation');

  const digestOid = forge.asn1.derToOid(si[2].value[0].value);
  const hash = digestOid === forge.pki.oids.sha256 ? 'sha256' : digestOid === forge.pki.oids.sha1 ? 'sha1' : fail('Unsupported PKCS#7 digest');
  const hasAttrs = si[3]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && si[3]?.type === 0;
  const signature = Buffer.from((hasAttrs ? si[5] : si[4]).value, 'binary');
  let signed: Buffer;
  if (hasAttrs) {
    const attrs = si[3].value as any[];
    const md = attrs.find((a) => forge.asn1.derToOid(a.value[0].value) === forge.pki.oids.messageDigest);
    const expected = createHash(hash as string).update(Buffer.from(content!, 'binary')).digest('binary');
    if (!md || md.value[1].value[0].value !== expected) fail('IdPostazioneFirmato message digest does not match its content');
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    signed = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
  } else {
    signed = Buffer.from(content!, 'binary');
  }
  if (!cryptoVerify(hash as string, signed, cert.publicKey, signature)) fail('IdPostazioneFirmato signature does not verify');
}

/**
 * Checks the wsse:Security header as ANPR does: Timestamp freshness, the message signature over
 * Timestamp and Body by the BinarySecurityToken's certificate, the SAML assertion's enveloped
 * signature, both certificates chaining to the CA, the four attributes and the PKCS#7.
 */
export function verifySecurityHeader(xml: string, doc: Document, opts: SecurityCheckOptions): VerifiedCaller {
  const envelope = doc.documentElement!;
  const header = firstChild(envelope, 'Header', SEC_NS.soapenv);
  const body = firstChild(envelope, 'Body', SEC_NS.soapenv);
  if (!body) fail('Missing SOAP Body');
  const securities = header ? childElements(header, 'Security', SEC_NS.wsse) : [];
  if (securities.length !== 1) fail('Internal Error: missing wsse:Security header');
  const security = securities[0]!;

  const ts = checkTimestamp(security, opts);

  // Message signature
  const signatures = childElements(security, 'Signature', SEC_NS.ds);
  if (signatures.length !== 1) fail('Internal Error: the Body and Timestamp must be signed');
  const msgSig = signatures[0]!;
  const strRef = elementsByName(msgSig, 'Reference', SEC_NS.wsse)[0];
  const bstId = strRef?.getAttribute('URI')?.replace(/^#/, '');
  const bst = childElements(security, 'BinarySecurityToken', SEC_NS.wsse).find((b) => wsuId(b) === bstId);
  if (!bst) fail('The message signature must refer to a BinarySecurityToken');
  const certPem = toPem(textOf(bst) ?? '');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    fail('BinarySecurityToken is not an X.509 certificate');
  }
  checkChain(cert!, opts, 'Message signing');
  const refs = verifyXmlSignature(xml, msgSig, certPem, 'Message signature', 'Id');
  const tsId = wsuId(ts);
  const bodyId = wsuId(body!);
  if (!tsId || !bodyId || !refs.includes(`#${tsId}`) || !refs.includes(`#${bodyId}`)) fail('The message signature must cover both Timestamp and Body');

  // SAML assertion
  const assertions = childElements(security, 'Assertion', SEC_NS.saml2);
  if (assertions.length !== 1) fail('Error while creating SAML assertion wrapper: exactly one assertion is required');
  const assertion = assertions[0]!;
  const aSig = childElements(assertion, 'Signature', SEC_NS.ds)[0];
  if (!aSig) fail('The SAML assertion must be signed');
  const aCertB64 = textOf(elementsByName(aSig!, 'X509Certificate', SEC_NS.ds)[0]);
  if (!aCertB64) fail('The assertion signature must carry its X509Certificate');
  const aCertPem = toPem(aCertB64!);
  const aCert = new X509Certificate(aCertPem);
  if (aCert.fingerprint256 !== cert!.fingerprint256) fail('Assertion and message must be signed with the same Comune certificate');
  // Clients reuse a signed assertion for minutes: an assertion already verified byte for byte
  // (under the same trust anchor) need not be verified again; its time window still is, below.
  const assertionKey = createHash('sha256').update(opts.trustedCaPems.join('\n')).update('\0').update(new XMLSerializer().serializeToString(assertion as any)).digest('hex');
  const alreadyVerified = verifiedAssertions.has(assertionKey);
  if (!alreadyVerified) {
    checkChain(aCert, opts, 'Assertion signing');
    const aRefs = verifyXmlSignature(xml, aSig!, aCertPem, 'Assertion signature', 'ID');
    const assertionId = assertion.getAttribute('ID');
    if (!assertionId || aRefs.length !== 1 || aRefs[0] !== `#${assertionId}`) fail('The assertion signature must cover the assertion');
    const transforms = elementsByName(aSig!, 'Transform', SEC_NS.ds).map((t) => t.getAttribute('Algorithm'));
    if (!transforms.includes(ENVELOPED)) fail('The assertion signature must be enveloped');
  }

  if (!textOf(firstChild(assertion, 'Issuer', SEC_NS.saml2))) fail('SAML Issuer missing');
  const subject = firstChild(assertion, 'Subject', SEC_NS.saml2);
  const operatorId = textOf(firstChild(subject, 'NameID', SEC_NS.saml2));
  if (!operatorId) fail('SAML NameID (operator id) missing');
  const confirmation = firstChild(subject, 'SubjectConfirmation', SEC_NS.saml2);
  if (confirmation?.getAttribute('Method') !== 'urn:oasis:names:tc:SAML:2.0:cm:bearer') fail('SAML bearer SubjectConfirmation missing');
  const conditions = firstChild(assertion, 'Conditions', SEC_NS.saml2);
  const nb = Date.parse(conditions?.getAttribute('NotBefore') ?? '');
  const noa = Date.parse(conditions?.getAttribute('NotOnOrAfter') ?? '');
  const now = opts.now.getTime();
  const skew = opts.clockSkewSeconds * 1000;
  if (Number.isNaN(nb) || Number.isNaN(noa)) fail('SAML Conditions must bound the assertion validity');
  if (now + skew < nb || now - skew >= noa) fail('The SAML assertion is not valid at this time');
  const authn = firstChild(assertion, 'AuthnStatement', SEC_NS.saml2);
  if (!authn) fail('SAML AuthnStatement missing');
  const clientIp = firstChild(authn, 'SubjectLocality', SEC_NS.saml2)?.getAttribute('Address') || undefined;

  const attrs = new Map<string, string>();
  for (const a of elementsByName(assertion, 'Attribute', SEC_NS.saml2)) {
    const v = textOf(firstChild(a, 'AttributeValue', SEC_NS.saml2));
    if (v) attrs.set(a.getAttribute('Name') ?? '', v);
  }
  for (const name of SAML_ATTRIBUTES) if (!attrs.get(name)) fail(`Error while creating SAML assertion wrapper: attribute ${name} missing`);
  if (!alreadyVerified) {
    verifyIdPostazioneFirmato(attrs.get('IdPostazioneFirmato')!, attrs.get('IdPostazione')!, opts);
    remember(assertionKey);
  }

  return {
    certificateCN: cnOf(cert!),
    operatorId: operatorId!,
    clientIp,
    idSede: attrs.get('IdSede')!,
    idPostazione: attrs.get('IdPostazione')!,
    idApplicazione: attrs.get('IdApplicazione')!,
  };
}
