/** Typed failures of an ANPR call. Every adapter maps its channel's errors onto exactly these. */
export type AnprErrorKind = 'not_found' | 'ambiguous' | 'invalid_request' | 'security_rejected' | 'unavailable' | 'timeout';

export class AnprError extends Error {
  constructor(
    readonly kind: AnprErrorKind,
    message: string,
    readonly details: {
      /** ANPR error code, e.g. EN122 */
      anprCode?: string;
      /** The request field ANPR (or our own validation) objects to. */
      field?: string;
      anprOperationId?: string;
      httpStatus?: number;
      retryAfterSeconds?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'AnprError';
  }
}

export const isAnprError = (e: unknown): e is AnprError => e instanceof AnprError;
