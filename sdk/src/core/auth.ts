import { GeResError } from './errors.js';
import type { TokenSource, Transport } from './transport.js';

/** An application: the OAuth2 client-credentials grant (`POST /v1/oauth/token`). */
export interface ClientCredentialsAuth {
  clientId: string;
  clientSecret: string;
}
/** A token you obtained yourself, or a function that returns the current one. */
export interface AccessTokenAuth {
  accessToken: string | (() => string | Promise<string>);
}
/** A person: login, then refresh-token rotation (`POST /v1/auth/login`, `/v1/auth/refresh`). */
export interface PasswordAuth {
  username: string;
  password: string;
}
export type GeResAuth = ClientCredentialsAuth | AccessTokenAuth | PasswordAuth;

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is renewed (ahead of its real expiry). */
  renewAt: number;
}

/** Renew a little before expiry: a tenth of the lifetime, at most a minute. */
function renewAt(now: number, expiresInSeconds: number): number {
  const lifetime = Math.max(1, expiresInSeconds) * 1000;
  return now + lifetime - Math.min(60_000, lifetime / 10);
}

/**
 * Shared behaviour of the renewable sources: a cached token, renewed ahead of expiry, with at
 * most one renewal in flight however many calls are waiting for it.
 */
abstract class RenewingSource implements TokenSource {
  readonly renewable = true;
  private cached?: CachedToken;
  private pending?: Promise<string>;

  constructor(
    protected readonly transport: Transport,
    private readonly now: () => number,
  ) {}

  protected abstract obtain(): Promise<{ token: string; expiresIn: number }>;

  token(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.value);
    this.pending ??= this.obtain()
      .then(({ token, expiresIn }) => {
        this.cached = { value: token, renewAt: renewAt(this.now(), expiresIn) };
        return token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }
}

export class ClientCredentialsSource extends RenewingSource {
  constructor(
    transport: Transport,
    now: () => number,
    private readonly credentials: ClientCredentialsAuth,
  ) {
    super(transport, now);
  }

  protected async obtain() {
    const { data } = await this.transport.send<{ access_token: string; expires_in: number }>({
      method: 'POST',
      path: '/v1/oauth/token',
      body: { grant_type: 'client_credentials', client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret },
      authenticated: false,
      context: false,
      // Asking again only issues another token.
      repeatable: true,
    });
    return { token: data.access_token, expiresIn: data.expires_in };
  }
}

export class PasswordSource extends RenewingSource {
  private refreshToken?: string;

  constructor(
    transport: Transport,
    now: () => number,
    private readonly credentials: PasswordAuth,
  ) {
    super(transport, now);
  }

  protected async obtain() {
    if (this.refreshToken) {
      const refreshToken = this.refreshToken;
      // A refresh token is single-use: forget it before presenting it, whatever the outcome.
      this.refreshToken = undefined;
      try {
        // Not repeatable: a refresh token presented twice closes every session of the login.
        return this.accept(await this.post('/v1/auth/refresh', { refreshToken }, false));
      } catch (e) {
        // Only a refused refresh token means "log in again"; a network failure or a 5xx is thrown
        // as what it is, and the next call logs in afresh.
        if (!isRefusedRefresh(e)) throw e;
      }
    }
    // A login sent again only opens another session.
    return this.accept(await this.post('/v1/auth/login', { username: this.credentials.username, password: this.credentials.password }, true));
  }

  private async post(path: string, body: unknown, repeatable: boolean) {
    const { data } = await this.transport.send<{ accessToken: string; refreshToken: string; expiresIn: number }>({
      method: 'POST',
      path,
      body,
      authenticated: false,
      repeatable,
    });
    return data;
  }

  private accept(pair: { accessToken: string; refreshToken: string; expiresIn: number }) {
    this.refreshToken = pair.refreshToken;
    return { token: pair.accessToken, expiresIn: pair.expiresIn };
  }
}

/** The gateway refused the refresh token itself (expired, revoked or already used). */
export function isRefusedRefresh(e: unknown): boolean {
  if (!(e instanceof GeResError)) return false;
  if (e.status === 401) return e.problemName === 'invalid-token';
  return e.status === 400 && e.problem?.error === 'invalid_grant';
}

export class FixedTokenSource implements TokenSource {
  readonly renewable: boolean;

  constructor(private readonly accessToken: AccessTokenAuth['accessToken']) {
    // A function may return a newer token when asked again; a string cannot change.
    this.renewable = typeof accessToken === 'function';
  }

  async token(): Promise<string> {
    return typeof this.accessToken === 'function' ? await this.accessToken() : this.accessToken;
  }

  invalidate(): void {}
}

export function tokenSourceFor(auth: GeResAuth, transport: Transport, now: () => number): TokenSource {
  if ('clientId' in auth) {
    if (!auth.clientId || !auth.clientSecret) throw new TypeError('auth.clientId and auth.clientSecret are both required');
    return new ClientCredentialsSource(transport, now, auth);
  }
  if ('username' in auth) {
    if (!auth.username || !auth.password) throw new TypeError('auth.username and auth.password are both required');
    return new PasswordSource(transport, now, auth);
  }
  if ('accessToken' in auth && auth.accessToken) return new FixedTokenSource(auth.accessToken);
  throw new TypeError('auth must be { clientId, clientSecret }, { username, password } or { accessToken }');
}
