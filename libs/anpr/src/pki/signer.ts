import { constants, createHash, privateEncrypt, type KeyObject } from 'node:crypto';

export type HashName = 'sha1' | 'sha256';

/**
 * An RSA private key reduced to the one thing callers may do with it: sign. The key itself lives
 * in a native KeyObject captured by the closure, so it never appears as a JS string or in a dump
 * of this object, and it cannot be exported by code that only holds the signer.
 */
export interface RsaSigner {
  /** RSASSA-PKCS1-v1_5 signature of `data` hashed with `hash`: one private-key operation. */
  sign(data: Buffer | string, hash: HashName): Buffer;
  /** RSASSA-PKCS1-v1_5 signature of a digest computed elsewhere (e.g. CMS signed attributes). */
  signDigest(digest: Buffer, hash: HashName): Buffer;
  /** A label for diagnostics (keystore alias or path); never secret. */
  readonly label: string;
}

export interface PrivateKeyOperation {
  label: string;
  hash: HashName;
}

type Listener = (op: PrivateKeyOperation) => void;
const listeners = new Set<Listener>();

/**
 * Subscribe to every private-key operation made through an RsaSigner. Used by tests and the
 * benchmark to prove the hot path costs at most one RSA operation per call. Returns an unsubscribe.
 */
export function observePrivateKeyOperations(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

// DER prefixes of DigestInfo (RFC 8017 §9.2 note 1); prepending them to a digest and applying the
// raw PKCS#1 v1.5 private operation gives exactly what crypto.sign() would produce.
const DIGEST_INFO_PREFIX: Record<HashName, Buffer> = {
  sha1: Buffer.from('3021300906052b0e03021a05000414', 'hex'),
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
};
const DIGEST_LENGTH: Record<HashName, number> = { sha1: 20, sha256: 32 };

export function createRsaSigner(key: KeyObject, label: string): RsaSigner {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa') {
    throw new Error(`Keystore ${label}: an RSA private key is required`);
  }
  const signDigest = (digest: Buffer, hash: HashName): Buffer => {
    if (digest.length !== DIGEST_LENGTH[hash]) throw new Error(`Digest length does not match ${hash}`);
    for (const l of listeners) l({ label, hash });
    return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO_PREFIX[hash], digest]));
  };
  return Object.freeze({
    label,
    signDigest,
    sign: (data: Buffer | string, hash: HashName) => signDigest(createHash(hash).update(data).digest(), hash),
  });
}
