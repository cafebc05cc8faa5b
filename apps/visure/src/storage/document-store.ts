import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Where issued PDFs are kept. Keys are opaque names made by the service, never user input. */
export interface DocumentStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when there is nothing under the key. */
  get(key: string): Promise<Buffer | null>;
}

const MAGIC = Buffer.from('GRV1');

/**
 * AES-256-GCM with a 32-byte key: the same key yields independent subkeys per purpose (HKDF-SHA256),
 * so the documents and the stored grants are never encrypted with the same key.
 */
export class Sealer {
  private readonly key: Buffer;
  constructor(masterKey: Uint8Array, purpose: string) {
    if (masterKey.length !== 32) throw new Error('the visure data key must be 32 bytes (base64 of 32 random bytes)');
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `geres-visure:${purpose}`, 32));
  }
  /** MAGIC | iv (12) | tag (16) | ciphertext; `aad` binds the ciphertext to where it belongs. */
  encrypt(plain: Uint8Array, aad: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(aad));
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([MAGIC, iv, c.getAuthTag(), body]);
  }
  decrypt(sealed: Uint8Array, aad: string): Buffer {
    const b = Buffer.from(sealed);
    if (!b.subarray(0, 4).equals(MAGIC)) throw new Error('not a sealed visure object');
    const d = createDecipheriv('aes-256-gcm', this.key, b.subarray(4, 16));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(b.subarray(16, 32));
    return Buffer.concat([d.update(b.subarray(32)), d.final()]);
  }
}

/** The sandbox's store: one file per document under a folder, encrypted at rest (0600 files, 0700 folders). */
export class FileDocumentStore implements DocumentStore {
  private readonly root: string;
  private readonly sealer: Sealer;
  constructor(dir: string, masterKey: Uint8Array) {
    this.root = resolve(dir);
    this.sealer = new Sealer(masterKey, 'documents');
  }
  private path(key: string) {
    if (!/^[A-Za-z0-9/_-]{1,200}$/.test(key) || key.includes('..')) throw new Error('invalid storage key');
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) throw new Error('invalid storage key');
    return p;
  }
  async put(key: string, bytes: Uint8Array) {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true, mode: 0o700 });
    const tmp = `${p}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, this.sealer.encrypt(bytes, key), { mode: 0o600 });
    await rename(tmp, p);
  }
  async get(key: string) {
    let raw: Buffer;
    try {
      raw = await readFile(this.path(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return this.sealer.decrypt(raw, key);
  }
}

/** In memory, for unit tests. */
export class MemoryDocumentStore implements DocumentStore {
  readonly items = new Map<string, Buffer>();
  async put(key: string, bytes: Uint8Array) {
    this.items.set(key, Buffer.from(bytes));
  }
  async get(key: string) {
    return this.items.get(key) ?? null;
  }
}
