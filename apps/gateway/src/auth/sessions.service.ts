import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { RefreshToken } from '#libs/domain';
import { logger } from '../common/logger.js';

/** Why every session of a user was closed; goes to the log (never with personal data). */
export type RevocationReason = 'password_changed' | 'password_reset' | 'suspended';

/**
 * Revokes every refresh token of the user still open, within the caller's entity manager (so that a
 * service changing a user can call it in its own unit of work); returns how many were.
 */
export async function revokeAllSessions(em: EntityManager, userId: string, reason: RevocationReason): Promise<number> {
  const revoked = await em.nativeUpdate(RefreshToken, { user: userId, revokedAt: null }, { revokedAt: new Date() });
  logger.info({ userId, reason, revoked }, 'refresh tokens revoked');
  return revoked;
}

/**
 * The refresh tokens of a person, as a whole. Closing them all ends every login of the person at
 * its next refresh; access tokens already issued run out within ACCESS_TOKEN_TTL_SECONDS, and a
 * suspended person's are refused at once by the principal check.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly em: EntityManager) {}

  /** Revokes every refresh token of the user still open; returns how many were. */
  revokeAll(userId: string, reason: RevocationReason): Promise<number> {
    return revokeAllSessions(this.em.fork(), userId, reason);
  }
}
