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
  /** `aud` of the access tokens we mint and require. */
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a login's refresh family: rotation never extends a login past it. */
  refreshFamilyMaxSeconds: number;
  /**
   * Consumer services (visure, rivestizione, console) that may exchange a person's token for a
   * delegation grant (RFC 8693): service name → its secret. From SERVICE_CLIENTS=`name:secret,…`.
   */
  serviceClients: Map<string, string>;
  /** Longest lifetime of a delegation grant (a deferred request keeps its grant until processed). */
  delegationMaxSeconds: number;
  /** SMTP server for the daily reports (smtp:// or smtps://, credentials in the URL); none: no reports. */
  smtpUrl?: string;
  /** Sender of the daily reports. */
  mailFrom: string;
  /** The console's address, linked from the daily reports. */
  consoleUrl?: string;
  /** Seconds between two checks for daily reports to send (the day's, once it is over, and failed ones). */
  dailyReportCheckSeconds: number;
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
  /** Failed logins allowed per (user or client id, address) before the growing delays start. */
  loginThrottleFreeFailures: number;
  /** Failed logins allowed per user or client id, from all addresses together, before delays start. */
  loginThrottleAccountFreeFailures: number;
  /** Longest delay imposed between two attempts. */
  loginThrottleMaxDelaySeconds: number;
  /** Failures are forgotten this long after the first one of a series. */
  loginThrottleWindowSeconds: number;
  /** Bearer token for GET /metrics; without it the endpoint is off outside the sandbox. */
  metricsToken?: string;
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
  /** host[:port] patterns (`*.` for subdomains) that Comuni's ANPR/PDND endpoint URLs may name. */
  anprAllowedHosts: string[];
  /**
   * Folder holding one sub-folder per Comune (named by ISTAT code) for its keystores and secret files;
   * a Comune's settings may name only files there and `env:ANPR_<istat>_…` variables. Required outside
   * the sandbox.
   */
  anprSecretsDir?: string;
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

/** ANPR's and PDND's production and test hosts (../shared/anpr/REFERENCE.md). */
const ANPR_DEFAULT_HOSTS = ['ws.anpr.interno.it', 'wsfree.anpr.interno.it', 'modipa.anpr.interno.it', 'modipa-val.anpr.interno.it', 'auth.interop.pagopa.it', 'auth.uat.interop.pagopa.it'];

const SERVICE_NAME = /^[a-z][a-z0-9-]{1,31}$/;

/** `name:secret,name:secret`: names in lower case, secrets of at least 32 characters, no repeats. */
function serviceClients(env: Env): Map<string, string> {
  const out = new Map<string, string>();
  const raw = env.SERVICE_CLIENTS?.trim();
  if (!raw) return out;
  for (const entry of raw.split(',')) {
    const at = entry.indexOf(':');
    const name = entry.slice(0, at).trim();
    const secret = entry.slice(at + 1).trim();
    if (at < 0 || !SERVICE_NAME.test(name)) throw new ConfigError('SERVICE_CLIENTS', `entries are name:secret with a lower-case name (got "${entry.slice(0, 40)}")`);
    if (secret.length < 32) throw new ConfigError('SERVICE_CLIENTS', `the secret of ${name} must be at least 32 characters`);
    if (out.has(name)) throw new ConfigError('SERVICE_CLIENTS', `${name} is named twice`);
    out.set(name, secret);
  }
  return out;
}

function hostPatterns(env: Env, name: string, def: string[]): string[] {
  const list = env[name] ? env[name]!.split(',').map((h) => h.trim()).filter(Boolean) : def;
  const bad = list.find((h) => !/^(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/.test(h));
  if (bad) throw new ConfigError(name, `must be comma-separated host[:port] patterns, got "${bad}"`);
  return list;
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
  const anprSecretsDir = env.ANPR_SECRETS_DIR || undefined;
  if (!sandbox && !anprSecretsDir) {
    throw new ConfigError('ANPR_SECRETS_DIR', 'is required outside sandbox mode: the folder with one sub-folder per Comune (its ISTAT code) for its keystores and secrets, so that no Comune can name another\'s');
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters');
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
    jwtAudience: env.JWT_AUDIENCE || 'geres',
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 60, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 8 * 3600, 300, 30 * 86400),
    refreshFamilyMaxSeconds: int(env, 'REFRESH_FAMILY_MAX_SECONDS', 12 * 3600, 300, 90 * 86400),
    serviceClients: serviceClients(env),
    delegationMaxSeconds: int(env, 'DELEGATION_MAX_SECONDS', 30 * 86400, 300, 90 * 86400),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'GeRes <noreply@geres.invalid>',
    consoleUrl: url(env, 'CONSOLE_URL', ['http:', 'https:']),
    dailyReportCheckSeconds: int(env, 'DAILY_REPORT_CHECK_SECONDS', 300, 1, 86400),
    auditChainKey,
    auditCheckpointFile,
    auditCheckpointIntervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60, 1, 86400),
    instanceName: env.INSTANCE_NAME || `gateway-${process.pid}`,
    loginThrottleFreeFailures: int(env, 'LOGIN_THROTTLE_FREE_FAILURES', 3, 1, 100),
    loginThrottleAccountFreeFailures: int(env, 'LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES', 50, 1, 10_000),
    loginThrottleMaxDelaySeconds: int(env, 'LOGIN_THROTTLE_MAX_DELAY_SECONDS', 300, 1, 86400),
    loginThrottleWindowSeconds: int(env, 'LOGIN_THROTTLE_WINDOW_SECONDS', 900, 10, 86400),
    metricsToken,
    secretRotationOverlapHours: int(env, 'SECRET_ROTATION_OVERLAP_HOURS', 24, 0, 24 * 90),
    logLevel,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    publicUrl: env.PUBLIC_URL || `http://${host}:${port}`,
    anprTablesDir: env.ANPR_TABLES_DIR || undefined,
    anprTimeoutMs: int(env, 'ANPR_TIMEOUT_MS', 10000, 100, 120000),
    rateLimitUserPerMinute: int(env, 'RATE_LIMIT_USER_PER_MINUTE', 600, 1, 10_000_000),
    rateLimitAppPerMinute: int(env, 'RATE_LIMIT_APP_PER_MINUTE', 6000, 1, 10_000_000),
    // The sandbox also allows its simulated ANPR.
    anprSecretsDir,
    anprAllowedHosts: [...hostPatterns(env, 'ANPR_ALLOWED_HOSTS', ANPR_DEFAULT_HOSTS), ...(sandbox ? [`127.0.0.1:${env.ANPR_SIM_PORT || 3100}`] : [])],
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
