import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDocumentStore, Sealer } from './document-store.js';

const key = Buffer.alloc(32, 7);

describe('document store (AES-256-GCM at rest)', () => {
  it('stores encrypted, returns the original bytes, refuses another key and bad names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'visure-store-'));
    const store = new FileDocumentStore(dir, key);
    const pdf = Buffer.from('%PDF-1.7 the original bytes');
    await store.put('2026/VIS-ABC', pdf);
    const file = join(dir, '2026', 'VIS-ABC');
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from('original'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await store.get('2026/VIS-ABC'))!.equals(pdf)).toBe(true);
    expect(await store.get('2026/none')).toBeNull();
    await expect(new FileDocumentStore(dir, Buffer.alloc(32, 8)).get('2026/VIS-ABC')).rejects.toThrow();
    await expect(store.put('../escape', pdf)).rejects.toThrow('invalid storage key');
    expect(readdirSync(join(dir, '2026'))).toEqual(['VIS-ABC']);
  });
  it('binds a ciphertext to its purpose and place', () => {
    const grants = new Sealer(key, 'grants');
    const sealed = grants.encrypt(Buffer.from('token'), 'request-1');
    expect(grants.decrypt(sealed, 'request-1').toString()).toBe('token');
    expect(() => grants.decrypt(sealed, 'request-2')).toThrow();
    expect(() => new Sealer(key, 'documents').decrypt(sealed, 'request-1')).toThrow();
    expect(() => new Sealer(Buffer.alloc(16), 'x')).toThrow('32 bytes');
  });
});
