import { describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import forge from 'node-forge';
import { loadPkcs12, parsePkcs12 } from '../../../libs/anpr/src/pki/index.js';
import { ensureTestPki, isCurrentKeystoreFormat, oidsIn, PKCS12_OIDS } from './index.js';

/** OIDs of the legacy PKCS#12 algorithms: pbeWithSHAAnd3-KeyTripleDES-CBC and friends (1.2.840.113549.1.12.1.x), SHA-1. */
const LEGACY = /^1\.2\.840\.113549\.1\.12\.1\.|^1\.3\.14\.3\.2\.26$/;

describe('ensureTestPki', () => {
  it('issues ANPR-shaped certificates and reuses existing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-testpki-'));
    const pki = await ensureTestPki(dir, { comuni: ['888231'], workstations: ['888231-CO-0000'] });
    const ca = new X509Certificate(pki.caCertPem);
    expect(ca.subject).toContain('CN=CA Postazioni Svil');
    expect(ca.subject).toContain('OU=ANPR');
    expect(ca.ca).toBe(true);

    const ws = new X509Certificate(readFileSync(pki.workstation('888231-CO-0000').certPemPath));
    expect(ws.subject).toContain('CN=888231-CO-0000');
    expect(ws.subject).toContain('OU=Postazioni di lavoro');
    expect(ws.verify(ca.publicKey)).toBe(true);
    expect((await loadPkcs12(pki.comune('888231'))).subjectCN).toBe('888231');
    const tls = new X509Certificate(readFileSync(pki.tlsServer.certPemPath));
    expect(tls.checkHost('localhost')).toBe('localhost');

    const before = statSync(pki.comune('888231').path).mtimeMs;
    const again = await ensureTestPki(dir, { comuni: ['888231', '058091'], workstations: ['888231-CO-0000'] });
    expect(statSync(again.comune('888231').path).mtimeMs).toBe(before);
    expect(again.caCertPem).toBe(pki.caCertPem);
    const added = new X509Certificate(readFileSync(again.comune('058091').certPemPath));
    expect(added.verify(ca.publicKey)).toBe(true);
    expect(() => again.workstation('999999-CO-0000')).toThrow(/not requested/);
  }, 120_000);

  it('is safe when several callers share the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-testpki-'));
    const opts = { comuni: ['888231'], workstations: ['888231-CO-0000'] };
    const [a, b] = await Promise.all([ensureTestPki(dir, opts), ensureTestPki(dir, opts)]);
    expect(a.caCertPem).toBe(b.caCertPem);
    const ca = new X509Certificate(a.caCertPem);
    expect(new X509Certificate(readFileSync(a.comune('888231').certPemPath)).verify(ca.publicKey)).toBe(true);
  }, 120_000);

  it('writes AES-256 PBES2 keystores with a SHA-256 MAC, each under its own password, that OpenSSL and forge open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-testpki-'));
    const pki = await ensureTestPki(dir, { comuni: ['888231', '058091'], workstations: ['888231-CO-0000'] });
    const keystores = [pki.comune('888231'), pki.comune('058091'), pki.workstation('888231-CO-0000'), pki.tlsServer, { path: join(dir, 'ca.p12'), password: readFileSync(join(dir, 'ca.password'), 'utf8') }];
    expect(new Set(keystores.map((k) => k.password)).size).toBe(5);
    for (const k of keystores) {
      const der = readFileSync(k.path);
      const oids = oidsIn(der);
      // Both the certificate bags (EncryptedData) and the key bag are PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC.
      expect(oids.filter((o) => o === PKCS12_OIDS.pbes2)).toHaveLength(2);
      expect(oids.filter((o) => o === PKCS12_OIDS.aes256Cbc)).toHaveLength(2);
      expect(oids.filter((o) => o === PKCS12_OIDS.hmacWithSHA256)).toHaveLength(2);
      expect(oids).toContain(PKCS12_OIDS.encryptedData);
      expect(oids).toContain(PKCS12_OIDS.pkcs8ShroudedKeyBag);
      expect(oids.at(-1)).toBe(PKCS12_OIDS.sha256); // the MAC's digest
      expect(oids.filter((o) => LEGACY.test(o))).toEqual([]);
      expect(isCurrentKeystoreFormat(der)).toBe(true);
      // OpenSSL 3 (Node's TLS) and forge (the ANPR connector) both open it; a wrong password is refused by both.
      expect(() => createSecureContext({ pfx: der, passphrase: k.password })).not.toThrow();
      expect(() => createSecureContext({ pfx: der, passphrase: `${k.password}x` })).toThrow();
      expect(() => parsePkcs12(der, `${k.password}x`)).toThrow(/wrong password/);
    }
    expect(parsePkcs12(readFileSync(pki.comune('058091').path), pki.comune('058091').password).subjectCN).toBe('058091');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect({ name, mode: statSync(join(dir, name)).mode & 0o777 }).toEqual({ name, mode: 0o600 });
  }, 120_000);

  it('regenerates a directory left by the old layout (one shared password, 3DES/SHA-1, mode 644)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-testpki-legacy-'));
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    // What older versions wrote: forge's 3DES PKCS#12 under the shared password, and the password file.
    const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.setSubject([{ shortName: 'CN', value: 'CA Postazioni Svil' }]);
    cert.setIssuer([{ shortName: 'CN', value: 'CA Postazioni Svil' }]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const legacy = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'test-pki-only', { algorithm: '3des' })).getBytes(), 'binary');
    expect(isCurrentKeystoreFormat(legacy)).toBe(false);
    for (const name of ['ca.p12', 'comune-888231.p12']) writeFileSync(join(dir, name), legacy, { mode: 0o644 });
    for (const name of ['ca-cert.pem', 'comune-888231-cert.pem']) writeFileSync(join(dir, name), forge.pki.certificateToPem(cert), { mode: 0o644 });
    writeFileSync(join(dir, 'keystore-password'), 'test-pki-only', { mode: 0o644 });

    const pki = await ensureTestPki(dir, { comuni: ['888231'], workstations: [] });
    expect(existsSync(join(dir, 'keystore-password'))).toBe(false);
    expect(pki.caCertPem).not.toBe(forge.pki.certificateToPem(cert));
    const ca = new X509Certificate(pki.caCertPem);
    expect(new X509Certificate(readFileSync(pki.comune('888231').certPemPath)).verify(ca.publicKey)).toBe(true);
    for (const p of [join(dir, 'ca.p12'), pki.comune('888231').path]) expect(isCurrentKeystoreFormat(readFileSync(p))).toBe(true);
    expect((await loadPkcs12(pki.comune('888231'))).subjectCN).toBe('888231');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect({ name, mode: statSync(join(dir, name)).mode & 0o777 }).toEqual({ name, mode: 0o600 });
  }, 120_000);
});
