import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

/**
 * A PKI shaped like the one ANPR issues in its FREE/test environments: a "CA Postazioni Svil"
 * (OU=ANPR) that signs one server certificate per Comune (for the WS-Security signatures) and one
 * certificate per workstation (CN like 888231-CO-0000, OU=Postazioni di lavoro) for
 * IdPostazioneFirmato, all shipped as PKCS#12. Files are made at set-up time and never committed.
 */
export interface TestPkiOptions {
  comuni: string[];
  workstations: string[];
  /** Password of every PKCS#12 written; test material only. */
  password?: string;
  /** Distinguishes a second, untrusted CA (e.g. for "wrong CA" tests); goes into the CA's O. */
  caOrganization?: string;
}

export interface TestKeystoreFile {
  path: string;
  password: string;
  certPemPath: string;
}

export interface TestPki {
  dir: string;
  password: string;
  caCertPem: string;
  caCertPath: string;
  comune(codiceIstat: string): TestKeystoreFile;
  workstation(id: string): TestKeystoreFile;
  /** A TLS server certificate for localhost/127.0.0.1 (mutual-TLS tests of the simulator). */
  tlsServer: TestKeystoreFile;
}

export const TEST_PKI_DEFAULT_PASSWORD = 'test-pki-only';
const CA_FILE = 'ca.p12';
const CA_CERT_FILE = 'ca-cert.pem';

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');
const comuneBase = (istat: string) => `comune-${safeName(istat)}`;
const workstationBase = (id: string) => `postazione-${safeName(id)}`;

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Atomic so a reader in another Jest worker never sees a half-written keystore. */
async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Jest runs suites in parallel workers that may share a PKI directory: serialise generation. */
async function withDirLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(dir, '.pki.lock');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const st = await stat(lock).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > 120_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the PKI lock in ${dir}`, { cause: e });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

interface KeyPair {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

/** Node's native RSA key generation is far faster than forge's pure-JS one. */
function newKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

function serial(): string {
  // Positive, non-zero first byte: a valid DER INTEGER without a sign byte.
  return `4${randomBytes(15).toString('hex')}`;
}

interface Ca {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function years(n: number): Date {
  const d = new Date();
  d.setFullYear(d.getFullYear() + n);
  return d;
}

function makeCa(organization: string): Ca {
  const kp = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = kp.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = years(10);
  const name = [
    { shortName: 'C', value: 'IT' },
    { shortName: 'O', value: organization },
    { shortName: 'OU', value: 'ANPR' },
    { shortName: 'CN', value: 'CA Postazioni Svil' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(kp.privateKey, forge.md.sha256.create());
  return { cert, key: kp.privateKey };
}

type LeafKind = 'comune' | 'workstation' | 'tls';

function makeLeaf(ca: Ca, kind: LeafKind, id: string): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const kp = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = kp.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = years(3);
  const ou = kind === 'workstation' ? 'Postazioni di lavoro' : kind === 'comune' ? 'Comuni' : 'Servizi';
  cert.setSubject([
    { shortName: 'C', value: 'IT' },
    { shortName: 'O', value: kind === 'comune' ? `Comune ${id}` : "Ministero dell'Interno" },
    { shortName: 'OU', value: ou },
    { shortName: 'CN', value: id },
  ]);
  cert.setIssuer(ca.cert.subject.attributes);
  const extensions: any[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ];
  if (kind === 'tls') {
    extensions.push({ name: 'extKeyUsage', serverAuth: true, clientAuth: true });
    extensions.push({ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] });
  } else {
    extensions.push({ name: 'extKeyUsage', clientAuth: true, emailProtection: true });
  }
  cert.setExtensions(extensions);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key: kp.privateKey };
}

function toP12(key: forge.pki.rsa.PrivateKey, chain: forge.pki.Certificate[], password: string, friendlyName: string): Buffer {
  // 3DES rather than forge's AES default: OpenSSL 3 (Node's https.Agent pfx) and Java both read it.
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: '3des', friendlyName });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function readCa(der: Buffer, password: string): Ca {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), false, password);
  const key = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key;
  const cert = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0]?.cert;
  if (!key || !cert) throw new Error('The test CA keystore is incomplete');
  return { key: key as forge.pki.rsa.PrivateKey, cert };
}

/**
 * Creates (or reuses) the test PKI in `dir`. Idempotent: existing files are kept and only missing
 * keystores are issued, by the existing CA; if the CA itself is missing every leaf is reissued so
 * that nothing in the directory chains to a lost CA.
 */
export async function ensureTestPki(dir: string, opts: TestPkiOptions): Promise<TestPki> {
  const password = opts.password ?? TEST_PKI_DEFAULT_PASSWORD;
  await mkdir(dir, { recursive: true });
  const entry = (base: string): TestKeystoreFile => ({
    path: join(dir, `${base}.p12`),
    certPemPath: join(dir, `${base}-cert.pem`),
    password,
  });

  await withDirLock(dir, async () => {
    const caPath = join(dir, CA_FILE);
    let ca: Ca;
    let reissueAll = false;
    if (await exists(caPath)) {
      ca = readCa(await readFile(caPath), password);
    } else {
      ca = makeCa(opts.caOrganization ?? "Ministero dell'Interno");
      await writeAtomic(caPath, toP12(ca.key, [ca.cert], password, 'ca'));
      await writeAtomic(join(dir, CA_CERT_FILE), forge.pki.certificateToPem(ca.cert));
      reissueAll = true;
    }
    const leaves: Array<[LeafKind, string, string]> = [
      ...opts.comuni.map((c): [LeafKind, string, string] => ['comune', c, comuneBase(c)]),
      ...opts.workstations.map((w): [LeafKind, string, string] => ['workstation', w, workstationBase(w)]),
      ['tls', 'localhost', 'tls-server'],
    ];
    for (const [kind, id, base] of leaves) {
      const e = entry(base);
      if (!reissueAll && (await exists(e.path)) && (await exists(e.certPemPath))) continue;
      const leaf = makeLeaf(ca, kind, id);
      await writeAtomic(e.path, toP12(leaf.key, [leaf.cert, ca.cert], password, id));
      await writeAtomic(e.certPemPath, forge.pki.certificateToPem(leaf.cert));
    }
  });

  const caCertPath = join(dir, CA_CERT_FILE);
  const caCertPem = await readFile(caCertPath, 'utf8');
  const known = (set: string[], v: string, what: string) => {
    if (!set.includes(v)) throw new Error(`${what} ${v} was not requested from ensureTestPki`);
  };
  return {
    dir,
    password,
    caCertPem,
    caCertPath,
    comune: (istat) => (known(opts.comuni, istat, 'Comune'), entry(comuneBase(istat))),
    workstation: (id) => (known(opts.workstations, id, 'Workstation'), entry(workstationBase(id))),
    tlsServer: entry('tls-server'),
  };
}
