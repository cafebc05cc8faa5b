import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Secrets (keystore passwords, PDND keys) are never stored in the database: a Comune's settings hold
 * a reference, `file:/path` (e.g. a mounted secret) or `env:VARIABLE`, resolved when needed.
 */
/**
 * The ANPR wiring of a Comune cannot be used (a setting missing, a file unreadable): a fault of the
 * installation. Its message names settings and paths, so it goes to the log, never to callers.
 */
export class AnprConfigurationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AnprConfigurationError';
  }
}

/** A secret reference that cannot be resolved. */
export class SecretReferenceError extends AnprConfigurationError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretReferenceError';
  }
}

/** Reads a file named by a setting (e.g. a CA certificate); failures name the setting, not the content. */
export function readReferencedFile(ref: string, what: string): string {
  const path = keystorePath(ref);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new AnprConfigurationError(`${what}: cannot read ${path} (${(e as NodeJS.ErrnoException).code})`, { cause: e });
  }
}

const cache = new Map<string, { value: string; until: number }>();
/** Resolved secrets are kept for a short while: rotating a secret file takes effect within a minute. */
const CACHE_MS = 60_000;

export function resolveSecret(ref: string, what: string): string {
  const hit = cache.get(ref);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = readSecret(ref, what);
  cache.set(ref, { value, until: Date.now() + CACHE_MS });
  return value;
}

function readSecret(ref: string, what: string): string {
  if (ref.startsWith('file:')) {
    const path = resolve(ref.slice(5));
    try {
      return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new SecretReferenceError(`${what}: cannot read ${path} (${(e as NodeJS.ErrnoException).code})`, { cause: e });
    }
  }
  if (ref.startsWith('env:')) {
    const v = process.env[ref.slice(4)];
    if (v === undefined) throw new SecretReferenceError(`${what}: environment variable ${ref.slice(4)} is not set`);
    return v;
  }
  throw new SecretReferenceError(`${what}: a secret reference must start with file: or env:`);
}

/** Keystore files are referenced by path (optionally written `file:/path`). */
export const keystorePath = (ref: string) => resolve(ref.startsWith('file:') ? ref.slice(5) : ref);
