import { GeResClient, type GeResApi } from '../../../../sdk/src/index.js';
import type { GatewayPort, PersonTokens } from './gateway.port.js';

const USER_AGENT = 'geres-console/0.1';

/** The gateway through the TypeScript SDK. */
export class SdkGatewayAdapter implements GatewayPort {
  /** For the public routes (login, refresh): the gateway ignores the bearer there. */
  private readonly anonymous: GeResClient;

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    // No retries on the person's behalf: a refused or throttled login is shown to them at once.
    this.anonymous = new GeResClient({ baseUrl, auth: { accessToken: 'anonymous' }, maxRetries: 0, userAgentSuffix: USER_AGENT, fetch: fetchImpl });
  }

  async login(username: string, password: string): Promise<PersonTokens> {
    return pick(await this.anonymous.api.auth.login({ requestBody: { username, password } }));
  }

  async refresh(refreshToken: string): Promise<PersonTokens> {
    return pick(await this.anonymous.api.auth.refreshToken({ requestBody: { refreshToken } }));
  }

  async logout(accessToken: string, refreshToken: string): Promise<void> {
    await this.api(accessToken).auth.logout({ requestBody: { refreshToken } });
  }

  api(accessToken: string): GeResApi {
    // One retry on a connection error or 503 for reads; the SDK never repeats an unsafe write blindly.
    return new GeResClient({
      baseUrl: this.baseUrl,
      auth: { accessToken },
      maxRetries: 1,
      retry: { maxRetryAfterSeconds: 2 },
      timeoutMs: 20_000,
      userAgentSuffix: USER_AGENT,
      fetch: this.fetchImpl,
    }).api;
  }
}

function pick(t: PersonTokens): PersonTokens {
  return {
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    expiresIn: t.expiresIn,
    refreshExpiresIn: t.refreshExpiresIn,
    passwordChangeRequired: t.passwordChangeRequired,
  };
}
