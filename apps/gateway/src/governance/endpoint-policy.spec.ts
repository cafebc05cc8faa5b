import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/config.js';
import { endpointViolation } from './endpoint-policy.js';

describe('endpointViolation', () => {
  const allowed = ['ws.anpr.interno.it', '*.interop.pagopa.it', '127.0.0.1:3100'];

  it('admits https URLs on allowed hosts, at the default port unless the pattern names one', () => {
    expect(endpointViolation('https://ws.anpr.interno.it/anpr-ws3000/AnprService3002', allowed)).toBeUndefined();
    expect(endpointViolation('https://auth.uat.interop.pagopa.it/token.oauth2', allowed)).toBeUndefined();
    expect(endpointViolation('http://127.0.0.1:3100/anpr', allowed)).toBeUndefined();
  });

  it('refuses other hosts, ports, schemes and credentials', () => {
    expect(endpointViolation('https://evil.example/ws', allowed)).toBe('host evil.example is not among the allowed ANPR hosts (ANPR_ALLOWED_HOSTS)');
    expect(endpointViolation('https://ws.anpr.interno.it:22/', allowed)).toBe('host ws.anpr.interno.it:22 is not among the allowed ANPR hosts (ANPR_ALLOWED_HOSTS)');
    expect(endpointViolation('http://ws.anpr.interno.it/', allowed)).toBe('must use https');
    expect(endpointViolation('https://127.0.0.1:1/', allowed)).toBe('host 127.0.0.1:1 is not among the allowed ANPR hosts (ANPR_ALLOWED_HOSTS)');
    expect(endpointViolation('file:///etc/passwd', allowed)).toBe('must use https');
    expect(endpointViolation('https://user:pw@ws.anpr.interno.it/', allowed)).toBe('must not carry credentials');
    expect(endpointViolation('not a url', allowed)).toBe('is not a valid URL');
    // A wildcard admits subdomains, not the bare domain nor look-alikes.
    expect(endpointViolation('https://interop.pagopa.it/', allowed)).toBeDefined();
    expect(endpointViolation('https://auth.interop.pagopa.it.evil.example/', allowed)).toBeDefined();
  });
});

describe('ANPR_ALLOWED_HOSTS', () => {
  const base = { GERES_SANDBOX: 'false', DATABASE_URL: 'mysql://u:p@db:3306/geres', JWT_SIGNING_KEY_FILE: '/k.pem', AUDIT_CHAIN_KEY: 'k'.repeat(32), AUDIT_CHECKPOINT_FILE: '/var/lib/geres/checkpoints.jsonl', ANPR_SECRETS_DIR: '/run/geres/anpr' };

  it('defaults to ANPR\'s and PDND\'s hosts; the sandbox adds its simulator', () => {
    expect(loadConfig(base).anprAllowedHosts).toEqual(['ws.anpr.interno.it', 'wsfree.anpr.interno.it', 'modipa.anpr.interno.it', 'modipa-val.anpr.interno.it', 'auth.interop.pagopa.it', 'auth.uat.interop.pagopa.it']);
    expect(loadConfig({ GERES_SANDBOX: 'true', ANPR_SIM_PORT: '3999', ANPR_ALLOWED_HOSTS: 'a.example' }).anprAllowedHosts).toEqual(['a.example', '127.0.0.1:3999']);
  });

  it('refuses a pattern that is not host[:port]', () => {
    expect(() => loadConfig({ ...base, ANPR_ALLOWED_HOSTS: 'ok.example, https://bad.example/' })).toThrow('Invalid configuration: ANPR_ALLOWED_HOSTS must be comma-separated host[:port] patterns, got "https://bad.example/"');
  });
});
