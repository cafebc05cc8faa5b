import { describe, expect, it } from '@jest/globals';
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
