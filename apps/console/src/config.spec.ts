import { describe, expect, it } from '@jest/globals';
import { ConsoleConfigError, loadConsoleConfig } from './config.js';

describe('loadConsoleConfig', () => {
  it('defaults: port 3200, 15 minutes idle, Secure cookies outside the sandbox', () => {
    expect(loadConsoleConfig({ GATEWAY_URL: 'https://geres.comune.example/' })).toEqual({
      gatewayUrl: 'https://geres.comune.example',
      host: '127.0.0.1',
      port: 3200,
      sandbox: false,
      secureCookies: true,
      idleTimeoutSeconds: 900,
      redisUrl: undefined,
    });
  });

  it('allows plain-HTTP cookies only in the sandbox', () => {
    expect(loadConsoleConfig({ GATEWAY_URL: 'http://127.0.0.1:3000', GERES_SANDBOX: 'true' }).secureCookies).toBe(false);
    expect(() => loadConsoleConfig({ GATEWAY_URL: 'http://127.0.0.1:3000', CONSOLE_SECURE_COOKIES: 'false' })).toThrow(ConsoleConfigError);
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => loadConsoleConfig({})).toThrow(/GATEWAY_URL is required/);
    expect(() => loadConsoleConfig({ GATEWAY_URL: 'ftp://x' })).toThrow(/GATEWAY_URL must be http or https/);
    expect(() => loadConsoleConfig({ GATEWAY_URL: 'http://x', CONSOLE_IDLE_MINUTES: '0' })).toThrow(/CONSOLE_IDLE_MINUTES must be a whole number from 1 to 1440/);
    expect(() => loadConsoleConfig({ GATEWAY_URL: 'http://x', CONSOLE_PORT: 'abc' })).toThrow(/CONSOLE_PORT/);
  });
});
