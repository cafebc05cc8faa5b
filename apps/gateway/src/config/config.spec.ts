import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to a usable sandbox configuration', () => {
    const sut = loadConfig({ GERES_SANDBOX: 'true' });
    expect(sut).toMatchObject({ sandbox: true, port: 3000, sqlitePath: '.sandbox/geres.sqlite', accessTokenTtlSeconds: 900 });
  });

  it('requires DATABASE_URL outside the sandbox and names it', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required/);
  });

  it('requires a signing key outside the sandbox', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@h/db' })).toThrow(/JWT_SIGNING_KEY_FILE/);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ DATABASE_URL: 'postgres://x/y' }, /DATABASE_URL must use mysql:/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a valid URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ AUDIT_CHAIN_KEY: 'short' }, /AUDIT_CHAIN_KEY must be at least 16/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be true or false/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig({ GERES_SANDBOX: 'true', ...env })).toThrow(message);
  });
});
