import type { ProcessingWindow } from './database/entities.js';

/** Everything the service reads from the environment, validated at start-up. */
export interface RivestizioneConfig {
  port: number;
  host: string;
  /** MariaDB/MySQL URL; without it, SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath: string;
  /** With it, BullMQ distributes the work; without it, the same processors run in-process. */
  redisUrl?: string;
  /** Prefix of every Redis key (queues and limiters), so several installations can share a server. */
  redisPrefix: string;
  gatewayUrl: string;
  gatewayClientId: string;
  gatewayClientSecret: string;
  /** AES-256-GCM key (32 bytes) for the stored grants. */
  grantKey: Buffer;
  /** Lifetime asked for a request's grant: it must outlast convalida and processing. */
  grantSeconds: number;
  filesDir: string;
  retentionDays: number;
  maxRows: number;
  maxBytes: number;
  chunkSize: number;
  maxAttempts: number;
  retryBaseMs: number;
  tickMs: number;
  fileMaxRows: number;
  fileMaxBytes: number;
  /** Run the dispatcher and processors in this process (false: an API-only process). */
  worker: boolean;
  /** Serve the HTTP API (false: a worker-only process). */
  api: boolean;
  defaults: ComuneDefaults;
}

export interface ComuneDefaults {
  convalidaRequired: boolean;
  silentConsentHours: number | null;
  concurrency: number;
  ratePerSecond: number;
  dailyBudget: number;
  windows: ProcessingWindow[];
}

export class ConfigError extends Error {}

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** `08:00-18:00,19:00-20:00` → windows; refuses anything else with the variable's name. */
export function parseWindows(text: string, name = 'RIVESTIZIONE_DEFAULT_WINDOWS'): ProcessingWindow[] {
  const out = text.split(',').map((part) => {
    const [from, to] = part.trim().split('-');
    if (!from || !to || !HHMM.test(from) || !HHMM.test(to) || from >= to) {
      throw new ConfigError(`${name}: "${part.trim()}" is not a window HH:MM-HH:MM with from < to`);
    }
    return { from, to };
  });
  if (!out.length) throw new ConfigError(`${name} names no window`);
  return out;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): RivestizioneConfig {
  const int = (name: string, fallback: number, min = 1): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer ≥ ${min} (got "${raw}")`);
    return n;
  };
  const required = (name: string): string => {
    const v = env[name];
    if (!v) throw new ConfigError(`${name} is required`);
    return v;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (v !== 'true' && v !== 'false') throw new ConfigError(`${name} must be true or false (got "${v}")`);
    return v === 'true';
  };
  const keyText = env.RIVESTIZIONE_GRANT_KEY;
  let grantKey: Buffer;
  if (keyText) {
    grantKey = Buffer.from(keyText, 'base64');
    if (grantKey.length !== 32) throw new ConfigError('RIVESTIZIONE_GRANT_KEY must be 32 bytes, base64-encoded');
  } else {
    throw new ConfigError('RIVESTIZIONE_GRANT_KEY is required (32 random bytes, base64)');
  }
  const secret = required('GATEWAY_CLIENT_SECRET');
  if (secret.length < 32) throw new ConfigError('GATEWAY_CLIENT_SECRET must be at least 32 characters');
  const silent = env.RIVESTIZIONE_DEFAULT_SILENT_CONSENT_HOURS;
  return {
    port: int('RIVESTIZIONE_PORT', 3300, 0),
    host: env.RIVESTIZIONE_HOST ?? '127.0.0.1',
    databaseUrl: env.RIVESTIZIONE_DATABASE_URL || undefined,
    sqlitePath: env.RIVESTIZIONE_SQLITE_PATH ?? '.sandbox/rivestizione.sqlite',
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.RIVESTIZIONE_REDIS_PREFIX ?? 'geres-riv',
    gatewayUrl: required('GATEWAY_URL').replace(/\/+$/, ''),
    gatewayClientId: env.GATEWAY_CLIENT_ID ?? 'rivestizione',
    gatewayClientSecret: secret,
    grantKey,
    grantSeconds: int('RIVESTIZIONE_GRANT_SECONDS', 7 * 86400, 60),
    filesDir: env.RIVESTIZIONE_FILES_DIR ?? '.sandbox/rivestizione-files',
    retentionDays: int('RIVESTIZIONE_RETENTION_DAYS', 30),
    maxRows: int('RIVESTIZIONE_MAX_ROWS', 100_000),
    maxBytes: int('RIVESTIZIONE_MAX_BYTES', 20 * 1024 * 1024),
    chunkSize: int('RIVESTIZIONE_CHUNK_SIZE', 200),
    maxAttempts: int('RIVESTIZIONE_MAX_ATTEMPTS', 5),
    retryBaseMs: int('RIVESTIZIONE_RETRY_BASE_MS', 2000, 0),
    tickMs: int('RIVESTIZIONE_TICK_MS', 2000, 10),
    fileMaxRows: int('RIVESTIZIONE_FILE_MAX_ROWS', 50_000),
    fileMaxBytes: int('RIVESTIZIONE_FILE_MAX_BYTES', 50 * 1024 * 1024),
    worker: bool('RIVESTIZIONE_WORKER', true),
    api: bool('RIVESTIZIONE_API', true),
    defaults: {
      convalidaRequired: bool('RIVESTIZIONE_DEFAULT_CONVALIDA', true),
      silentConsentHours: silent === 'none' ? null : int('RIVESTIZIONE_DEFAULT_SILENT_CONSENT_HOURS', 48),
      concurrency: int('RIVESTIZIONE_DEFAULT_CONCURRENCY', 1),
      ratePerSecond: int('RIVESTIZIONE_DEFAULT_RATE', 5),
      dailyBudget: int('RIVESTIZIONE_DEFAULT_DAILY_BUDGET', 10_000),
      windows: parseWindows(env.RIVESTIZIONE_DEFAULT_WINDOWS ?? '08:00-18:00'),
    },
  };
}
