import { describe, expect, it, beforeAll } from '@jest/globals';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { ensureTestPki, type TestPki } from '../../../../test-env/src/pki/index.js';
import { createIdPostazioneFirmato, KeystoreCache, loadPkcs12, observePrivateKeyOperations } from './index.js';

describe('pki', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await ensureTestPki(mkdtempSync(join(tmpdir(), 'geres-pki-')), { comuni: ['888231'], workstations: ['888231-CO-0000'] });
  }, 30_000);

  it('opens a PKCS#12 and signs with the key it holds, without exposing it', async () => {
    const ks = await loadPkcs12(pki.comune('888231'));
    expect(ks.subjectCN).toBe('888231');
    expect(new X509Certificate(ks.certificatePem).verify(new X509Certificate(pki.caCertPem).publicKey)).toBe(true);
    const sig = ks.signer.sign('hello', 'sha256');
    expect(verify('sha256', Buffer.from('hello'), ks.publicKey, sig)).toBe(true);
    const sig1 = ks.signer.sign('hello', 'sha1');
    expect(verify('sha1', Buffer.from('hello'), ks.publicKey, sig1)).toBe(true);
    expect(JSON.stringify(ks)).not.toMatch(/PRIVATE KEY/);
  });

  it('refuses a wrong password without echoing it', async () => {
    const err = await loadPkcs12({ path: pki.comune('888231').path, password: 'S3cret-wrong' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/wrong password/);
    expect((err as Error).message).not.toContain('S3cret-wrong');
  });

  it('caches opened keystores', async () => {
    const cache = new KeystoreCache();
    const ref = pki.workstation('888231-CO-0000');
    expect(await cache.get(ref)).toBe(await cache.get({ ...ref }));
  });

  it('makes IdPostazioneFirmato: SignedData over the id, SHA-256, certificate included, one RSA operation', async () => {
    const ks = await loadPkcs12(pki.workstation('888231-CO-0000'));
    let ops = 0;
    const stop = observePrivateKeyOperations(() => ops++);
    const b64 = createIdPostazioneFirmato('888231-CO-0000', ks);
    stop();
    expect(ops).toBe(1);
    const p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(Buffer.from(b64, 'base64').toString('binary'))) as any;
    expect(p7.certificates[0].subject.getField('CN').value).toBe('888231-CO-0000');
    const content = p7.rawCapture.content.value[0].value;
    expect(content).toBe('888231-CO-0000');
    // Verify the signature over the DER SET of signed attributes with Node, independently of forge.
    const signerInfo = p7.rawCapture.signerInfos[0];
    const attrs = signerInfo.value[3];
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value);
    const signed = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    const signature = Buffer.from(signerInfo.value[5].value, 'binary');
    expect(verify('sha256', signed, ks.publicKey, signature)).toBe(true);
    const digest = createHash('sha256').update('888231-CO-0000').digest('binary');
    expect(forge.asn1.toDer(set).getBytes()).toContain(digest);
    expect(readFileSync(pki.caCertPath, 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
