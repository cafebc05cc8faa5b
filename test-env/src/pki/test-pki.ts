import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import { pkcs12FromDer } from '../../../libs/anpr/src/pki/keystore.js';
import { oidsIn, PKCS12_OIDS, writePkcs12 } from './pkcs12.js';

/**
 * A PKI shaped like the one ANPR issues in its FREE/test environments: a "CA Postazioni Svil"
 * (OU=ANPR) that signs one server certificate per Comune (for the WS-Security signatures) and one
 * certificate per workstation (CN like 888231-CO-0000, OU=Postazioni di lavoro) for
 * IdPostazioneFirmato, all shipped as PKCS#12. Files are made at set-up time and never committed.
 *
 * At rest: every PKCS#12 is AES-256-CBC/PBES2 with an HMAC-SHA256 MAC (./pkcs12.ts) under a
 * password of its own, random, kept beside it in `<name>.password`; the directory is 0700 and
 * every file in it 0600. A directory written by older versions (one shared password, 3DES/SHA-1)
 * is regenerated: a new CA and new keystores (the sandbox rewires the gateway on every start).
 */
export interface TestPkiOptions {
  comuni: string[];
  workstations: string[];
  /** Distinguishes a second, untrusted CA (e.g. for "wrong CA" tests); goes into the CA's O. */
  caOrganization?: string;
}

export interface TestKeystoreFile {
  path: string;
  /** This keystore's own password. */
  password: string;
  /** The file holding it (mode 0600), for settings that take `file:` secret references. */
  passwordPath: string;
  certPemPath: string;
}

export interface TestPki {
  dir: string;
  caCertPem: string;
  caCertPath: string;
  comune(codiceIstat: string): TestKeystoreFile;
  workstation(id: string): TestKeystoreFile;
  /** A TLS server certificate for localhost/127.0.0.1 (mutual-TLS tests of the simulator). */
  tlsServer: TestKeystoreFile;
}

const CA_BASE = 'ca';
/** The single password file of the layout before per-keystore passwords. */
const LEGACY_PASSWORD_FILE = 'keystore-password';
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

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

/** Atomic so a reader in another Jest worker never sees a half-written keystore; private from the first byte. */
async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: PRIVATE_FILE });
  await chmod(tmp, PRIVATE_FILE);
  await rename(tmp, path);
}

/** 256 random bits, printable, so that it can sit in a file and in an environment variable alike. */
const newPassword = (): string => randomBytes(32).toString('base64url');

/** Whether a keystore is in the current format: PBES2 with AES-256-CBC, SHA-256 MAC, nothing older. */
export function isCurrentKeystoreFormat(der: Buffer): boolean {
  let oids: string[];
  try {
    oids = oidsIn(der);
  } catch {
    return false;
  }
  const legacy = oids.some((o) => o.startsWith('1.2.840.113549.1.12.1.') || o === '1.3.14.3.2.26');
  return !legacy && oids.includes(PKCS12_OIDS.pbes2) && oids.includes(PKCS12_OIDS.aes256Cbc) && oids.includes(PKCS12_OIDS.sha256);
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
  // node-forge takes each extension as a plain object whose fields depend on its name.
  const extensions: Array<Record<string, unknown>> = [
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
  const pkcs8 = createPrivateKey(forge.pki.privateKeyToPem(key)).export({ type: 'pkcs8', format: 'der' });
  const certs = chain.map((c) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary'));
  return writePkcs12(pkcs8, certs, password, friendlyName);
}

function readCa(der: Buffer, password: string): Ca {
  const p12 = pkcs12FromDer(der, password);
  const key = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key;
  const cert = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0]?.cert;
  if (!key || !cert) throw new Error('The test CA keystore is incomplete');
  return { key: key as forge.pki.rsa.PrivateKey, cert };
}

/** A keystore, its password file and its certificate, all present and the keystore in the current format. */
async function usable(e: { path: string; passwordPath: string; certPemPath: string }): Promise<boolean> {
  if (!((await exists(e.path)) && (await exists(e.passwordPath)) && (await exists(e.certPemPath)))) return false;
  return isCurrentKeystoreFormat(await readFile(e.path));
}

/** Removes what the previous layout wrote (keystores, certificates, the shared password file). */
async function clearPkiFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.endsWith('.p12') || name.endsWith('.pem') || name.endsWith('.password') || name === LEGACY_PASSWORD_FILE) await rm(join(dir, name), { force: true });
  }
}

/**
 * Creates (or reuses) the test PKI in `dir`. Idempotent: existing files are kept and only missing
 * keystores are issued, by the existing CA; if the CA itself is missing (or in the old 3DES format)
 * every leaf is reissued so that nothing in the directory chains to a lost or replaced CA.
 */
export async function ensureTestPki(dir: string, opts: TestPkiOptions): Promise<TestPki> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
  await chmod(dir, PRIVATE_DIR);
  const entry = (base: string) => ({
    path: join(dir, `${base}.p12`),
    passwordPath: join(dir, `${base}.password`),
    certPemPath: join(dir, `${base}-cert.pem`),
  });

  const leaves: Array<[LeafKind, string, string]> = [
    ...opts.comuni.map((c): [LeafKind, string, string] => ['comune', c, comuneBase(c)]),
    ...opts.workstations.map((w): [LeafKind, string, string] => ['workstation', w, workstationBase(w)]),
    ['tls', 'localhost', 'tls-server'],
  ];
  await withDirLock(dir, async () => {
    const caEntry = entry(CA_BASE);
    let ca: Ca;
    let reissueAll = false;
    if (await usable(caEntry)) {
      ca = readCa(await readFile(caEntry.path), (await readFile(caEntry.passwordPath, 'utf8')).trim());
    } else {
      // No CA, or one from the old layout (shared password, 3DES): start over with a new CA.
      await clearPkiFiles(dir);
      ca = makeCa(opts.caOrganization ?? "Ministero dell'Interno");
      const password = newPassword();
      await writeAtomic(caEntry.passwordPath, password);
      await writeAtomic(caEntry.path, toP12(ca.key, [ca.cert], password, 'ca'));
      await writeAtomic(caEntry.certPemPath, forge.pki.certificateToPem(ca.cert));
      reissueAll = true;
    }
    for (const [kind, id, base] of leaves) {
      const e = entry(base);
      if (!reissueAll && (await usable(e))) continue;
      const leaf = makeLeaf(ca, kind, id);
      const password = newPassword();
      // The password first: a reader that finds the keystore always finds its password.
      await writeAtomic(e.passwordPath, password);
      await writeAtomic(e.path, toP12(leaf.key, [leaf.cert, ca.cert], password, id));
      await writeAtomic(e.certPemPath, forge.pki.certificateToPem(leaf.cert));
    }
    // Files left by older versions with the default umask (0644): tighten them too.
    for (const name of await readdir(dir)) if (!name.startsWith('.')) await chmod(join(dir, name), PRIVATE_FILE);
  });

  const caCertPath = entry(CA_BASE).certPemPath;
  const caCertPem = await readFile(caCertPath, 'utf8');
  const files = new Map<string, TestKeystoreFile>();
  for (const [, , base] of leaves) {
    const e = entry(base);
    files.set(base, { ...e, password: (await readFile(e.passwordPath, 'utf8')).trim() });
  }
  const known = (set: string[], v: string, what: string) => {
    if (!set.includes(v)) throw new Error(`${what} ${v} was not requested from ensureTestPki`);
  };
  return {
    dir,
    caCertPem,
    caCertPath,
    comune: (istat) => (known(opts.comuni, istat, 'Comune'), files.get(comuneBase(istat))!),
    workstation: (id) => (known(opts.workstations, id, 'Workstation'), files.get(workstationBase(id))!),
    tlsServer: files.get('tls-server')!,
  };
}
