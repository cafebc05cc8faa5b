import forge from 'node-forge';
import type { LoadedKeystore } from './keystore.js';

/**
 * IdPostazioneFirmato: a PKCS#7 SignedData (content attached) of the workstation id, SHA-256 with
 * RSA, with the workstation certificate embedded, base64 DER. forge builds the CMS structure; the
 * RSA operation is delegated to the keystore's signer so the private key never enters forge.
 */
export function createIdPostazioneFirmato(idPostazione: string, workstation: LoadedKeystore): string {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(idPostazione, 'utf8');
  const cert = forge.pki.certificateFromPem(workstation.certificatePem);
  p7.addCertificate(cert);
  const delegatingKey = {
    sign: (md: forge.md.MessageDigest) =>
      workstation.signer.signDigest(Buffer.from(md.digest().getBytes(), 'binary'), 'sha256').toString('binary'),
  };
  p7.addSigner({
    key: delegatingKey as unknown as forge.pki.rsa.PrivateKey,
    certificate: cert,
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest },
      { type: forge.pki.oids.signingTime },
    ],
  });
  p7.sign();
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary').toString('base64');
}
