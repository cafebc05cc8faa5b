import { pino } from 'pino';
import type { LoggerService } from '@nestjs/common';

/**
 * JSON logs. Secrets and personal data are redacted at the source: authorisation headers, cookies,
 * passwords, client secrets, tokens; search criteria are never logged (they live in the audit trail).
 */
const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
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
