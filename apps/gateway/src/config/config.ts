import { dirname, join } from 'node:path';

/**
 * Configuration from the environment, validated once at start-up. A bad or missing variable stops
 * the process with a message naming it, rather than failing later on the first request.
 */
export interface GatewayConfig {
  port: number;
  host: string;
  /** Sandbox mode: embedded SQLite, schema created on boot, demo data seeded. */
  sandbox: boolean;
  databaseUrl?: string;
  /** Sandbox mode: the folder for its database, simulator PKI and credentials file. */
  sandboxDir: string;
  /** SQLite file used when no DATABASE_URL is given. */
  sqlitePath: string;
  redisUrl?: string;
  /** PEM (PKCS#8) private key used to sign access tokens; generated in sandbox mode when absent. */
  jwtSigningKeyFile?: string;
  jwtIssuer: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /**
   * HMAC key for the audit chain (required outside the sandbox); checkpoint signatures and the
   * encryption of stored idempotent answers use keys derived from it. Sandbox without it: SHA-256.
   */
  auditChainKey?: string;
  /** Append-only file the chain heads are checkpointed to; undefined only for an in-memory sandbox. */
  auditCheckpointFile?: string;
  /** Seconds between two checkpoints (one is also written at shutdown). */
  auditCheckpointIntervalSeconds: number;
  /** Name of this instance in the audit chain heads. */
  instanceName: string;
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  /** Overlap during which a rotated application secret keeps working. */
  secretRotationOverlapHours: number;
  logLevel: string;
  trustProxy: boolean;
  publicUrl: string;
  /** Directory with ANPR's decoding tables (ANPR_archivio_comuni.csv, tab_Stati_Esteri.csv). */
  anprTablesDir?: string;
  anprTimeoutMs: number;
  rateLimitUserPerMinute: number;
  rateLimitAppPerMinute: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got ${parsed.protocol})`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  const sandbox = bool(env, 'GERES_SANDBOX', false);
  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (!sandbox && !databaseUrl) {
    throw new ConfigError('DATABASE_URL', 'is required outside sandbox mode (mysql://user:pass@host:3306/db), or set GERES_SANDBOX=true');
  }
  if (!sandbox && !env.JWT_SIGNING_KEY_FILE) {
    throw new ConfigError('JWT_SIGNING_KEY_FILE', 'is required outside sandbox mode (path to a PKCS#8 PEM private key, EC P-256 or RSA)');
  }
  const auditChainKey = env.AUDIT_CHAIN_KEY || undefined;
  if (auditChainKey !== undefined && auditChainKey.length < 16) {
    throw new ConfigError('AUDIT_CHAIN_KEY', 'must be at least 16 characters');
  }
  if (!sandbox && !auditChainKey) {
    throw new ConfigError('AUDIT_CHAIN_KEY', 'is required outside sandbox mode (at least 16 characters): without it anyone who can write to the database can rewrite the audit trail undetected');
  }
  const sqlitePath = env.SQLITE_PATH || `${env.GERES_SANDBOX_DIR || '.sandbox'}/geres.sqlite`;
  // In the sandbox the checkpoints sit beside its database file; an in-memory database has none.
  const auditCheckpointFile = env.AUDIT_CHECKPOINT_FILE || (sandbox && !databaseUrl && sqlitePath !== ':memory:' ? join(dirname(sqlitePath), 'audit-checkpoints.jsonl') : undefined);
  if (!sandbox && !auditCheckpointFile) {
    throw new ConfigError('AUDIT_CHECKPOINT_FILE', 'is required outside sandbox mode: an append-only file (e.g. on another host or with chattr +a) where the audit chain heads are checkpointed');
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }
  return {
    port,
    host,
    sandbox,
    databaseUrl,
    sandboxDir: env.GERES_SANDBOX_DIR || '.sandbox',
    sqlitePath,
    redisUrl,
    jwtSigningKeyFile: env.JWT_SIGNING_KEY_FILE || undefined,
    jwtIssuer: env.JWT_ISSUER || 'geres',
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 8 * 3600, 300, 30 * 86400),
    auditChainKey,
    auditCheckpointFile,
    auditCheckpointIntervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60, 1, 86400),
    instanceName: env.INSTANCE_NAME || `gateway-${process.pid}`,
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutSeconds: int(env, 'LOGIN_LOCKOUT_SECONDS', 900, 1, 86400),
    secretRotationOverlapHours: int(env, 'SECRET_ROTATION_OVERLAP_HOURS', 24, 0, 24 * 90),
    logLevel,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    publicUrl: env.PUBLIC_URL || `http://${host}:${port}`,
    anprTablesDir: env.ANPR_TABLES_DIR || undefined,
    anprTimeoutMs: int(env, 'ANPR_TIMEOUT_MS', 10000, 100, 120000),
    rateLimitUserPerMinute: int(env, 'RATE_LIMIT_USER_PER_MINUTE', 600, 1, 10_000_000),
    rateLimitAppPerMinute: int(env, 'RATE_LIMIT_APP_PER_MINUTE', 6000, 1, 10_000_000),
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
