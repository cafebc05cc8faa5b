import { pino } from 'pino';
import type { LoggerService } from '@nestjs/common';

/**
 * JSON logs. Secrets and personal data are redacted at the source: authorisation headers, cookies,
 * passwords, client secrets, tokens; search criteria are never logged (they live in the audit trail).
 */
const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
/** Where log lines go (tests spy on its write to read them). */
export const logDestination = destination;
// Under load the 4 KiB buffer fills within milliseconds; when the gateway is quiet, lines would wait
// for the next burst. Hand whatever is buffered to the OS every second (a timer that keeps nothing alive).
setInterval(() => {
  try {
    destination.flush();
  } catch {
    // not open yet, or closing
  }
}, 1000).unref();

export const logger = pino(
  {
  level: process.env.LOG_LEVEL || 'info',
  base: { service: 'geres-gateway' },
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers["x-geres-device-token"]',
      'password',
      '*.password',
      'client_secret',
      '*.client_secret',
      'refreshToken',
      '*.refreshToken',
      'accessToken',
      '*.accessToken',
    ],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  },
  // Buffered, asynchronous writes: a synchronous write per log line cost a tenth of the gateway's
  // CPU under load. Buffers are flushed every second and on exit (see flushLogs).
  destination,
);

export function flushLogs() {
  try {
    destination.flushSync();
  } catch {
    // nothing buffered or stream already closed
  }
}

// A segment of 9 to 16 letters and digits mixing both, or 11 digits: a codice fiscale (also
// omocodic or temporary), an idANPR, a partita IVA. Words of the API (`operators`, `search`) hold no
// digit, ids of our own records hold dashes: neither is touched.
const IDENTIFIER_SEGMENT = /^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9]{9,16}$|^[0-9]{11}$/;
const PERSON_ROUTE = /^\/v1\/persons\/(?!search$)[^/]+$/;

/**
 * The URL as written to the access log: the query string is dropped (it can carry search criteria)
 * and a path segment that identifies a person becomes a placeholder, so that `GET /v1/persons/{cf}`
 * is logged as `/v1/persons/:identifier` whoever calls it (STANDARDPS lookups included), and an
 * identifier in any other path (even percent-encoded, or on a 404) as `:id`.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0].split('#')[0];
  if (PERSON_ROUTE.test(path)) return '/v1/persons/:identifier';
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // not valid percent-encoding: judged as it is
      }
      return IDENTIFIER_SEGMENT.test(decoded.trim()) ? ':id' : segment;
    })
    .join('/');
}

/** Routes NestJS's own log lines into pino. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string) {
    logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    logger.trace({ context }, String(message));
  }
}
