import type { GeResApi } from '../../../../sdk/src/index.js';

/** A person's tokens, as the gateway issued them. */
export interface PersonTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  /** Seconds. */
  refreshExpiresIn: number;
  passwordChangeRequired: boolean;
}

/**
 * Everything the console asks of the gateway. Login, refresh and logout are the console's own
 * concern (the session); `api` gives the SDK's operations acting with the person's access token,
 * so every page shows exactly what the gateway allows that person.
 */
export interface GatewayPort {
  login(username: string, password: string): Promise<PersonTokens>;
  refresh(refreshToken: string): Promise<PersonTokens>;
  logout(accessToken: string, refreshToken: string): Promise<void>;
  api(accessToken: string): GeResApi;
}

export const GATEWAY = Symbol('GatewayPort');
