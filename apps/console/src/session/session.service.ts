import { randomBytes, timingSafeEqual } from 'node:crypto';
import { GeResError } from '../../../../sdk/src/index.js';
import type { GatewayPort } from '../gateway/gateway.port.js';
import type { ConsoleSession, Flash, SessionAuth, SessionStore } from './session.store.js';

/** Renew the access token this long before it expires. */
const RENEW_AHEAD_MS = 30_000;

/** The session cannot act any more (idle, logged out elsewhere, refresh refused): log in again. */
export class SessionEndedError extends Error {
  constructor(readonly reason: 'idle' | 'expired' | 'missing') {
    super(`session ended (${reason})`);
  }
}

const newId = () => randomBytes(32).toString('base64url');

/**
 * Browser sessions: the person's gateway tokens stay here, the browser holds only an opaque id.
 * Ids are replaced at login (no fixation); a session idle past the timeout ends; the access token
 * is renewed with the refresh token shortly before it expires, once per session however many
 * requests are waiting.
 */
export class SessionService {
  private readonly renewing = new Map<string, Promise<SessionAuth>>();

  constructor(
    private readonly store: SessionStore,
    private readonly gateway: GatewayPort,
    private readonly idleTimeoutSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  get idleSeconds() {
    return this.idleTimeoutSeconds;
  }

  /** A session for someone not logged in yet: it carries the login form's CSRF token. */
  async open(): Promise<ConsoleSession> {
    const t = this.now();
    const session: ConsoleSession = { id: newId(), csrf: newId(), createdAt: t, lastSeen: t };
    await this.save(session);
    return session;
  }

  /**
   * The session behind a cookie; `idle` when the cookie names a session that ended (unused past the
   * timeout, so the store let it go, or found idle now).
   */
  async load(id: string | undefined): Promise<{ session?: ConsoleSession; idle: boolean }> {
    if (!id || id.length > 100) return { idle: false };
    const session = await this.store.get(id);
    if (!session) return { idle: true };
    if (this.now() - session.lastSeen > this.idleTimeoutSeconds * 1000) {
      await this.store.delete(id);
      return { idle: Boolean(session.auth) };
    }
    return { session, idle: false };
  }

  /** Marks the session used now and stores it. */
  async touch(session: ConsoleSession) {
    session.lastSeen = this.now();
    await this.save(session);
  }

  async save(session: ConsoleSession) {
    await this.store.set(session, this.idleTimeoutSeconds);
  }

  checkCsrf(session: ConsoleSession | undefined, token: unknown): boolean {
    if (!session || typeof token !== 'string' || token.length !== session.csrf.length) return false;
    return timingSafeEqual(Buffer.from(token), Buffer.from(session.csrf));
  }

  /**
   * Logs the person in with the gateway and returns a new session (new id, new CSRF token); the
   * anonymous one is dropped. Throws the gateway's error when the login is refused.
   */
  async login(previous: ConsoleSession | undefined, username: string, password: string): Promise<ConsoleSession> {
    const tokens = await this.gateway.login(username, password);
    const me = await this.gateway.api(tokens.accessToken).me.getMe({});
    const t = this.now();
    const session: ConsoleSession = {
      id: newId(),
      csrf: newId(),
      createdAt: t,
      lastSeen: t,
      auth: {
        userId: me.user.id,
        role: me.user.role,
        accessToken: tokens.accessToken,
        accessExpiresAt: t + tokens.expiresIn * 1000,
        refreshToken: tokens.refreshToken,
        refreshExpiresAt: t + tokens.refreshExpiresIn * 1000,
        passwordChangeRequired: tokens.passwordChangeRequired,
      },
    };
    if (previous) await this.store.delete(previous.id);
    await this.save(session);
    return session;
  }

  /** After the person changed their password the gateway revoked every refresh token: log in again with it. */
  async relogin(session: ConsoleSession, username: string, password: string): Promise<ConsoleSession> {
    return this.login(session, username, password);
  }

  /** A valid access token for the session, renewed when it is about to expire. */
  async accessToken(session: ConsoleSession): Promise<string> {
    const auth = session.auth;
    if (!auth) throw new SessionEndedError('missing');
    if (auth.accessExpiresAt - RENEW_AHEAD_MS > this.now()) return auth.accessToken;
    if (auth.refreshExpiresAt <= this.now()) {
      await this.store.delete(session.id);
      throw new SessionEndedError('expired');
    }
    let pending = this.renewing.get(session.id);
    if (!pending) {
      pending = this.renew(session, auth).finally(() => this.renewing.delete(session.id));
      this.renewing.set(session.id, pending);
    }
    session.auth = await pending;
    return session.auth.accessToken;
  }

  private async renew(session: ConsoleSession, auth: SessionAuth): Promise<SessionAuth> {
    try {
      const tokens = await this.gateway.refresh(auth.refreshToken);
      const t = this.now();
      const renewed: SessionAuth = {
        ...auth,
        accessToken: tokens.accessToken,
        accessExpiresAt: t + tokens.expiresIn * 1000,
        refreshToken: tokens.refreshToken,
        refreshExpiresAt: t + tokens.refreshExpiresIn * 1000,
        passwordChangeRequired: tokens.passwordChangeRequired,
      };
      await this.save({ ...session, auth: renewed });
      return renewed;
    } catch (e) {
      // Refused (used elsewhere, suspended, password changed): the session is over. Anything else
      // (gateway down) is what it is, and the session stays for the next try.
      if (e instanceof GeResError && e.status !== undefined && e.status >= 400 && e.status < 500) {
        await this.store.delete(session.id);
        throw new SessionEndedError('expired');
      }
      throw e;
    }
  }

  /** Ends the session here and its login at the gateway (best effort there). */
  async logout(session: ConsoleSession) {
    await this.store.delete(session.id);
    const auth = session.auth;
    if (!auth) return;
    try {
      let { accessToken, refreshToken } = auth;
      if (auth.accessExpiresAt - RENEW_AHEAD_MS <= this.now()) {
        // The logout call needs a live access token: renew it first (the refresh closes nothing).
        if (auth.refreshExpiresAt <= this.now()) return;
        ({ accessToken, refreshToken } = await this.gateway.refresh(refreshToken));
      }
      await this.gateway.logout(accessToken, refreshToken);
    } catch {
      // Refused or unreachable: the login then ends at its own expiry.
    }
  }

  flash(session: ConsoleSession, kind: Flash['kind'], text: string) {
    (session.flash ??= []).push({ kind, text });
  }

  takeFlash(session: ConsoleSession): Flash[] {
    const out = session.flash ?? [];
    delete session.flash;
    return out;
  }
}
