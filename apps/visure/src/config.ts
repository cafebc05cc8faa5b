import { readFileSync } from 'node:fs';
import { SealKeystore } from './document/index.js';
import type { StartVisureOptions } from './app.js';

export class VisureConfigError extends Error {}

/**
 * The service's settings from the environment (production). Secrets are files, never values:
 * GATEWAY_CLIENT_SECRET_FILE, VISURE_DATA_KEY_FILE (base64 of 32 random bytes), and per Comune a
 * PKCS#12 seal with its password file.
 */
export function loadVisureConfig(env: Record<string, string | undefined> = process.env): StartVisureOptions {
  const need = (k: string) => {
    const v = env[k]?.trim();
    if (!v) throw new VisureConfigError(`${k} is required`);
    return v;
  };
  const secret = env.GATEWAY_CLIENT_SECRET_FILE ? readFileSync(env.GATEWAY_CLIENT_SECRET_FILE, 'utf8').trim() : need('GATEWAY_CLIENT_SECRET');
  if (secret.length < 32) throw new VisureConfigError('the gateway client secret must be at least 32 characters');
  const dataKey = Buffer.from(readFileSync(need('VISURE_DATA_KEY_FILE'), 'utf8').trim(), 'base64');
  if (dataKey.length !== 32) throw new VisureConfigError('VISURE_DATA_KEY_FILE must hold the base64 of 32 random bytes');
  const seals: Record<string, SealKeystore> = {};
  // VISURE_SEALS=072006=/etc/geres/seal-bari.p12:/etc/geres/seal-bari.password,075035=…
  for (const item of (env.VISURE_SEALS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d{6})=([^:]+):(.+)$/.exec(item);
    if (!m) throw new VisureConfigError(`VISURE_SEALS: "${item}" is not <istat>=<p12 file>:<password file>`);
    seals[m[1]] = SealKeystore.fromPkcs12(readFileSync(m[2]), readFileSync(m[3], 'utf8').trim());
  }
  const directory = JSON.parse(readFileSync(need('VISURE_DIRECTORY_FILE'), 'utf8'));
  if (!directory || typeof directory.comuni !== 'object' || typeof directory.enti !== 'object') throw new VisureConfigError('VISURE_DIRECTORY_FILE must be {"comuni": {...}, "enti": {...}}');
  const int = (k: string, d: number) => (env[k] ? Number.parseInt(env[k]!, 10) : d);
  return {
    gatewayUrl: need('GATEWAY_URL'),
    clientId: env.GATEWAY_CLIENT_ID?.trim() || 'visure',
    clientSecret: secret,
    port: int('VISURE_PORT', 3200),
    host: env.VISURE_HOST || '127.0.0.1',
    publicUrl: env.VISURE_PUBLIC_URL,
    databaseUrl: env.VISURE_DATABASE_URL,
    sqlitePath: env.VISURE_SQLITE_PATH || 'data/visure.sqlite',
    createSchema: !env.VISURE_DATABASE_URL,
    storageDir: need('VISURE_STORAGE_DIR'),
    dataKey,
    seals,
    directory,
    sweepSeconds: int('VISURE_SWEEP_SECONDS', 60),
    settings: { verificationDays: int('VISURE_VERIFICATION_DAYS', 180) },
  };
}
