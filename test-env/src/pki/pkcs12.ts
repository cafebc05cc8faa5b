import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * Writes PKCS#12 keystores the way OpenSSL 3 does by default, which forge cannot (forge leaves the
 * certificates in clear and always uses an HMAC-SHA1 MAC):
 *   - the key bag and the certificate bags each encrypted with PBES2: PBKDF2 with HMAC-SHA256,
 *     then AES-256-CBC, fresh salt and IV each;
 *   - an HMAC-SHA256 integrity MAC (PKCS#12 key derivation with SHA-256).
 * OpenSSL (so Node's tls `pfx`), Java 11+ and .NET read it; so does forge, which the ANPR
 * connector uses to open keystores.
 */
export const PKCS12_OIDS = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  sha256: '2.16.840.1.101.3.4.2.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
} as const;

/**
 * PBKDF2 iterations. The keystore passwords the test PKI writes are 256-bit random strings, so the
 * count guards nothing a brute force could reach; 10,000 is above OpenSSL's 2,048 default while
 * keeping forge (pure JavaScript PBKDF2 when it opens the file) fast.
 */
export const PBKDF2_ITERATIONS = 10_000;
export const MAC_ITERATIONS = 2048;

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
type Node = forge.asn1.Asn1;

const bin = (b: Buffer): string => b.toString('binary');
const seq = (...items: Node[]): Node => asn1.create(U, T.SEQUENCE, true, items);
const set = (...items: Node[]): Node => asn1.create(U, T.SET, true, items);
const oid = (o: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const octets = (b: Buffer): Node => asn1.create(U, T.OCTETSTRING, false, bin(b));
const int = (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = (): Node => asn1.create(U, T.NULL, false, '');
const explicit0 = (inner: Node): Node => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [inner]);
const der = (n: Node): Buffer => Buffer.from(asn1.toDer(n).getBytes(), 'binary');

/** PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC): the AlgorithmIdentifier and the ciphertext. */
function pbes2Encrypt(plain: Buffer, password: string): { algorithm: Node; ciphertext: Buffer } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  // PBES2 takes the password as its bytes (UTF-8), unlike the PKCS#12 KDF below (BMPString).
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, PBKDF2_ITERATIONS, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  const algorithm = seq(
    oid(PKCS12_OIDS.pbes2),
    seq(
      seq(oid(PKCS12_OIDS.pbkdf2), seq(octets(salt), int(PBKDF2_ITERATIONS), int(32), seq(oid(PKCS12_OIDS.hmacWithSHA256), nul()))),
      seq(oid(PKCS12_OIDS.aes256Cbc), octets(iv)),
    ),
  );
  return { algorithm, ciphertext };
}

/** RFC 7292 appendix B.2 key derivation (ID 3 = MAC key), with SHA-256 (u = 32, v = 64). */
export function pkcs12MacKey(password: string, salt: Buffer, iterations: number): Buffer {
  const u = 32;
  const v = 64;
  const utf16be = Buffer.from(password, 'utf16le').swap16();
  const pw = Buffer.concat([utf16be, Buffer.alloc(2)]);
  const stretch = (b: Buffer): Buffer => {
    const out = Buffer.alloc(v * Math.ceil(b.length / v));
    for (let i = 0; i < out.length; i++) out[i] = b[i % b.length];
    return out;
  };
  const I = Buffer.concat([stretch(salt), stretch(pw)]);
  let a = createHash('sha256').update(Buffer.concat([Buffer.alloc(v, 3), I])).digest();
  for (let j = 1; j < iterations; j++) a = createHash('sha256').update(a).digest();
  // u = 32 bytes is exactly the HMAC-SHA256 key length: one round, no need to update I.
  return a.subarray(0, u);
}

function bagAttributes(localKeyId: Buffer, friendlyName: string): Node {
  return set(
    seq(oid(PKCS12_OIDS.localKeyId), set(octets(localKeyId))),
    seq(oid(PKCS12_OIDS.friendlyName), set(asn1.create(U, T.BMPSTRING, false, friendlyName))),
  );
}

/**
 * A PKCS#12 holding `key` and `chain` (leaf first), encrypted with `password`, as DER. The
 * private key is given as PKCS#8 DER, the certificates as DER.
 */
export function writePkcs12(pkcs8Der: Buffer, chainDer: Buffer[], password: string, friendlyName: string): Buffer {
  // Pairs the key with its certificate; only an identifier, not a security measure.
  const localKeyId = createHash('sha256').update(chainDer[0]).digest().subarray(0, 20);
  const attrs = () => bagAttributes(localKeyId, friendlyName);

  const certBags = chainDer.map((c, i) => {
    const bag = [oid(PKCS12_OIDS.certBag), explicit0(seq(oid(PKCS12_OIDS.x509Certificate), explicit0(octets(c))))];
    return seq(...(i === 0 ? [...bag, attrs()] : bag));
  });
  const certs = pbes2Encrypt(der(seq(...certBags)), password);
  const certContentInfo = seq(
    oid(PKCS12_OIDS.encryptedData),
    explicit0(seq(int(0), seq(oid(PKCS12_OIDS.data), certs.algorithm, asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, bin(certs.ciphertext))))),
  );

  const key = pbes2Encrypt(pkcs8Der, password);
  const keyBag = seq(oid(PKCS12_OIDS.pkcs8ShroudedKeyBag), explicit0(seq(key.algorithm, octets(key.ciphertext))), attrs());
  const keyContentInfo = seq(oid(PKCS12_OIDS.data), explicit0(octets(der(seq(keyBag)))));

  const authSafe = der(seq(certContentInfo, keyContentInfo));
  const macSalt = randomBytes(16);
  const mac = createHmac('sha256', pkcs12MacKey(password, macSalt, MAC_ITERATIONS)).update(authSafe).digest();
  const pfx = seq(
    int(3),
    seq(oid(PKCS12_OIDS.data), explicit0(octets(authSafe))),
    seq(seq(seq(oid(PKCS12_OIDS.sha256), nul()), octets(mac)), octets(macSalt), int(MAC_ITERATIONS)),
  );
  return der(pfx);
}

/** Every OID in a DER structure, depth first: what the tests look for (PBES2, AES-256, SHA-256) and against (3DES, SHA-1). */
export function oidsIn(derBytes: Buffer): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.tagClass === U && n.type === T.OID && typeof n.value === 'string') out.push(asn1.derToOid(n.value));
    else if (Array.isArray(n.value)) n.value.forEach(walk);
    else if (n.tagClass === U && n.type === T.OCTETSTRING && typeof n.value === 'string' && n.value.length > 1 && n.value.charCodeAt(0) === 0x30) {
      // Octet strings that wrap DER (the AuthenticatedSafe, the key's SafeContents).
      try {
        walk(asn1.fromDer(n.value, true));
      } catch {
        // not DER: ciphertext or a plain value
      }
    }
  };
  walk(asn1.fromDer(bin(derBytes)));
  return out;
}
