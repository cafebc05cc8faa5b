import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import type { KeystoreRef } from '../port.js';
import { createRsaSigner, type RsaSigner } from './signer.js';

/** An opened PKCS#12 keystore: public material in clear, the private key only behind `signer`. */
export interface LoadedKeystore {
  /** The end-entity certificate (the one matching the private key), PEM. */
  readonly certificatePem: string;
  /** The same certificate, DER in base64 (for BinarySecurityToken / X509Certificate). */
  readonly certificateBase64: string;
  /** Other certificates found in the keystore (issuer chain), PEM. */
  readonly chainPem: readonly string[];
  readonly subjectCN: string;
  readonly notAfter: Date;
  readonly publicKey: KeyObject;
  readonly signer: RsaSigner;
}

export class KeystoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeystoreError';
  }
}

const describe = (ref: KeystoreRef): string => (ref.path ? ref.path : 'inline keystore');

async function readBytes(ref: KeystoreRef): Promise<Buffer> {
  if (ref.data) return ref.data;
  if (!ref.path) throw new KeystoreError('Keystore reference has neither path nor data');
  try {
    return await readFile(ref.path);
  } catch (e) {
    throw new KeystoreError(`Cannot read keystore ${ref.path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

type Pbkdf2 = typeof forge.pkcs5.pbkdf2;

/**
 * forge derives PBES2 keys (the AES-256 PKCS#12 that OpenSSL 3 and the test PKI write) with its
 * pure-JavaScript PBKDF2 whenever the PRF is given as a digest object, as its PBES2 decoder does:
 * seconds per keystore. Its own native path takes the digest by name, so for the duration of one
 * (synchronous) parse the digest object is handed over by name. Nothing else can run meanwhile.
 */
function withNativePbkdf2<T>(fn: () => T): T {
  const pure: Pbkdf2 = forge.pkcs5.pbkdf2;
  const byName = ((p: string, s: string, c: number, dkLen: number, md?: unknown, cb?: unknown) => {
    const name = md && typeof md === 'object' && typeof (md as { algorithm?: unknown }).algorithm === 'string' ? (md as { algorithm: string }).algorithm : md;
    return (pure as (...a: unknown[]) => unknown)(p, s, c, dkLen, name, cb);
  }) as unknown as Pbkdf2;
  forge.pkcs5.pbkdf2 = byName;
  try {
    return fn();
  } finally {
    forge.pkcs5.pbkdf2 = pure;
  }
}

/** Decodes and decrypts a PKCS#12 with forge (PBES2 key derivation done natively); throws on a wrong password. */
export function pkcs12FromDer(der: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  return withNativePbkdf2(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, password));
}

/**
 * Opens a PKCS#12 with node-forge. The forge key (plain BigIntegers on the JS heap) is converted at
 * once into a native KeyObject and dropped; the password is used here and not retained.
 */
export function parsePkcs12(der: Buffer, password: string, label = 'inline keystore'): LoadedKeystore {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = pkcs12FromDer(der, password);
  } catch {
    // forge's messages may quote MAC details but never the password; we still keep ours generic.
    throw new KeystoreError(`Cannot open keystore ${label}: wrong password or not a PKCS#12 file`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const forgeKey = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!forgeKey) throw new KeystoreError(`Keystore ${label} contains no private key`);
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const modulus = forgeKey.n.toString(16);
  const own = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === modulus);
  if (!own) throw new KeystoreError(`Keystore ${label} has no certificate matching its private key`);

  const privateKey = createPrivateKey({ key: forge.pki.privateKeyToPem(forgeKey), format: 'pem' });
  const certificatePem = forge.pki.certificateToPem(own);
  const x509 = new X509Certificate(certificatePem);
  const cn = own.subject.getField('CN')?.value as string | undefined;
  return Object.freeze({
    certificatePem,
    certificateBase64: x509.raw.toString('base64'),
    chainPem: certs.filter((c) => c !== own).map((c) => forge.pki.certificateToPem(c)),
    subjectCN: cn ?? '',
    notAfter: new Date(x509.validTo),
    publicKey: createPublicKey(certificatePem),
    signer: createRsaSigner(privateKey, label),
  });
}

export async function loadPkcs12(ref: KeystoreRef): Promise<LoadedKeystore> {
  return parsePkcs12(await readBytes(ref), ref.password, describe(ref));
}

/**
 * Opening a PKCS#12 costs a PBKDF and a 3DES/AES decryption; do it once per keystore. Entries are
 * keyed by path (or a hash of the inline bytes) plus a hash of the password, so a rotated password
 * reopens the file while the password itself is never kept.
 */
export class KeystoreCache {
  private readonly entries = new Map<string, Promise<LoadedKeystore>>();

  get(ref: KeystoreRef): Promise<LoadedKeystore> {
    const where = ref.path ?? createHash('sha256').update(ref.data ?? Buffer.alloc(0)).digest('hex');
    const key = `${where}\u0000${createHash('sha256').update(ref.password).digest('hex')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = loadPkcs12(ref);
      // A failed load must not poison the cache: the file may be fixed later.
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
