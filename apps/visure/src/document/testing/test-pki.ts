import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A throw-away CA and a Comune seal certificate, for tests and the bench (never for production). */
export interface TestSealPki {
  caCertificatePem: string;
  sealCertificatePem: string;
  sealKeyPem: string;
  /** PKCS#12 with the seal key, its certificate and the CA, protected by `password`. */
  p12: Buffer;
  password: string;
}

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  // node:crypto generates the key natively (forge's pure-JS generation takes seconds).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function certificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.rsa.PublicKey,
  signingKey: forge.pki.rsa.PrivateKey,
  serial: string,
  extensions: object[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date(Date.UTC(2025, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(2035, 0, 1));
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

export function createTestSealPki(comuneName = 'Bari', password = 'sigillo-test'): TestSealPki {
  const ca = rsaKeys();
  const caName = [
    { name: 'commonName', value: 'GeRes Test CA (sigilli)' },
    { name: 'organizationName', value: 'GeRes sandbox' },
    { name: 'countryName', value: 'IT' },
  ];
  const caCert = certificate(caName, caName, ca.publicKey, ca.privateKey, '01', [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  const seal = rsaKeys();
  const sealName = [
    { name: 'commonName', value: `Comune di ${comuneName} - sigillo elettronico` },
    { name: 'organizationName', value: `Comune di ${comuneName}` },
    { name: 'countryName', value: 'IT' },
  ];
  const sealCert = certificate(sealName, caName, seal.publicKey, ca.privateKey, '02', [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(seal.privateKey, [sealCert, caCert], password, { algorithm: 'aes256' });
  return {
    caCertificatePem: forge.pki.certificateToPem(caCert),
    sealCertificatePem: forge.pki.certificateToPem(sealCert),
    sealKeyPem: seal.pem,
    p12: Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'),
    password,
  };
}
