import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

/** The audit trail's own settings: a chain key and a checkpoint file are required outside the sandbox. */
describe('loadConfig: audit trail settings', () => {
  const production = { DATABASE_URL: 'mysql://u:p@h/db', JWT_SIGNING_KEY_FILE: '/run/secrets/jwt.pem', ANPR_SECRETS_DIR: '/run/geres/anpr' };

  it('refuses to start outside the sandbox without AUDIT_CHAIN_KEY, naming it', () => {
    let error: unknown;
    try {
      loadConfig({ ...production, AUDIT_CHECKPOINT_FILE: '/var/lib/geres/checkpoints.jsonl' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('AUDIT_CHAIN_KEY');
    expect((error as ConfigError).message).toMatch(/^Invalid configuration: AUDIT_CHAIN_KEY is required outside sandbox mode/);
  });

  it('refuses to start outside the sandbox without AUDIT_CHECKPOINT_FILE, naming it', () => {
    expect(() => loadConfig({ ...production, AUDIT_CHAIN_KEY: 'k'.repeat(32) })).toThrow(/^Invalid configuration: AUDIT_CHECKPOINT_FILE is required outside sandbox mode/);
  });

  it('takes both in production, with a checkpoint every 60 s by default', () => {
    const sut = loadConfig({ ...production, AUDIT_CHAIN_KEY: 'k'.repeat(32), AUDIT_CHECKPOINT_FILE: '/var/lib/geres/checkpoints.jsonl' });
    expect(sut).toMatchObject({ auditChainKey: 'k'.repeat(32), auditCheckpointFile: '/var/lib/geres/checkpoints.jsonl', auditCheckpointIntervalSeconds: 60 });
  });

  it('in the sandbox, keeps the checkpoints beside the database file, and none for an in-memory or MariaDB database', () => {
    expect(loadConfig({ GERES_SANDBOX: 'true', GERES_SANDBOX_DIR: '/tmp/sbx' }).auditCheckpointFile).toBe('/tmp/sbx/audit-checkpoints.jsonl');
    expect(loadConfig({ GERES_SANDBOX: 'true', SQLITE_PATH: '/data/g.sqlite' }).auditCheckpointFile).toBe('/data/audit-checkpoints.jsonl');
    expect(loadConfig({ GERES_SANDBOX: 'true', SQLITE_PATH: ':memory:' }).auditCheckpointFile).toBeUndefined();
    expect(loadConfig({ GERES_SANDBOX: 'true', DATABASE_URL: 'mysql://u:p@h/db_test' }).auditCheckpointFile).toBeUndefined();
  });

  it.each([
    [{ AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' }, /AUDIT_CHECKPOINT_INTERVAL_SECONDS must be between 1 and 86400/],
    [{ AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'soon' }, /AUDIT_CHECKPOINT_INTERVAL_SECONDS must be a whole number/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig({ GERES_SANDBOX: 'true', ...env })).toThrow(message);
  });
});
