import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { DigestAlgorithm, KeyType, SignatureAlgorithm, Signer } from '@libpdf/core';

/**
 * The Comune's seal: private key and certificate chain, loaded once and used for every document
 * (PAdES signature and the signed compact payload of the contrassegno). Signing uses node:crypto,
 * so nothing is re-parsed per document.
 */
export class SealKeystore implements Signer {
  readonly keyType: KeyType;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly publicKey: KeyObject;
  /** Key id of the compact payload: base64url SHA-256 of the certificate (DER), first 16 chars. */
  readonly keyId: string;

  private constructor(
    private readonly privateKey: KeyObject,
    /** DER of the seal certificate. */
    readonly certificate: Uint8Array,
    /** DER of the issuers, nearest first. */
    readonly certificateChain: Uint8Array[],
  ) {
    const cert = new X509Certificate(certificate);
    if (!cert.checkPrivateKey(privateKey)) throw new Error('seal keystore: the private key does not match the certificate');
    this.publicKey = cert.publicKey;
    if (privateKey.asymmetricKeyType === 'rsa') {
      this.keyType = 'RSA';
      this.signatureAlgorithm = 'RSASSA-PKCS1-v1_5';
    } else if (privateKey.asymmetricKeyType === 'ec' && privateKey.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
      this.keyType = 'EC';
      this.signatureAlgorithm = 'ECDSA';
    } else {
      throw new Error('seal keystore: only RSA and EC P-256 keys are supported');
    }
    this.keyId = createHash('sha256').update(certificate).digest('base64url').slice(0, 16);
  }

  /** From PEM: the key (PKCS#8 or PKCS#1/SEC1), the certificate, then its issuers. */
  static fromPem(keyPem: string, certificatePem: string, chainPem: string[] = []): SealKeystore {
    const der = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);
    return new SealKeystore(createPrivateKey(keyPem), der(certificatePem), chainPem.map(der));
  }

  /** From a PKCS#12 file (RSA keys: node-forge reads no EC keys from PKCS#12; use fromPem for those). */
  static fromPkcs12(p12: Uint8Array, password: string): SealKeystore {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    const pfx = forge.pkcs12.pkcs12FromAsn1(asn1, password);
    const keyBag = pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
    const certBags = pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    if (!keyBag?.key) throw new Error('seal keystore: no RSA private key in the PKCS#12 file');
    const certs = certBags.flatMap((bag) => (bag.cert ? [forge.pki.certificateToPem(bag.cert)] : []));
    const keyPem = forge.pki.privateKeyToPem(keyBag.key);
    const publicPem = createPublicKey(keyPem).export({ type: 'spki', format: 'pem' }).toString();
    const own = certs.find((pem) => new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'pem' }).toString() === publicPem);
    if (!own) throw new Error('seal keystore: no certificate for the private key in the PKCS#12 file');
    return SealKeystore.fromPem(keyPem, own, certs.filter((pem) => pem !== own));
  }

  /** Signer of @libpdf/core: signs the CMS signed attributes. ECDSA signatures are DER, as CMS wants. */
  async sign(data: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
    return new Uint8Array(cryptoSign(algorithm.replace('-', '').toLowerCase(), data, this.privateKey));
  }

  /** Raw signature for the JWS compact payload (ES256 wants r||s, not DER). */
  signJws(data: Uint8Array): Uint8Array {
    return new Uint8Array(cryptoSign('sha256', data, { key: this.privateKey, dsaEncoding: 'ieee-p1363' }));
  }

  get jwsAlgorithm(): 'RS256' | 'ES256' {
    return this.keyType === 'RSA' ? 'RS256' : 'ES256';
  }
}
