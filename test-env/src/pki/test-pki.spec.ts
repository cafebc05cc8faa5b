import { describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPkcs12 } from '../../../libs/anpr/src/pki/index.js';
import { ensureTestPki } from './index.js';

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
  }, 30_000);

  it('is safe when several callers share the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geres-testpki-'));
    const opts = { comuni: ['888231'], workstations: ['888231-CO-0000'] };
    const [a, b] = await Promise.all([ensureTestPki(dir, opts), ensureTestPki(dir, opts)]);
    expect(a.caCertPem).toBe(b.caCertPem);
    const ca = new X509Certificate(a.caCertPem);
    expect(new X509Certificate(readFileSync(a.comune('888231').certPemPath)).verify(ca.publicKey)).toBe(true);
  }, 30_000);
});
