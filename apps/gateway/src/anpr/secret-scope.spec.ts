import { describe, expect, it } from '@jest/globals';
import { Comune } from '#libs/domain';
import { anprWiringViolations, comuneSecretRefs, secretRefViolation } from './secret-scope.js';

describe('a Comune names only its own secrets', () => {
  const dir = '/run/geres/anpr';

  it('accepts files in the Comune\'s own folder and variables with its prefix', () => {
    expect(secretRefViolation('file:/run/geres/anpr/072006/comune.p12', '072006', dir)).toBeUndefined();
    expect(secretRefViolation('/run/geres/anpr/072006/comune.p12', '072006', dir)).toBeUndefined();
    expect(secretRefViolation('env:ANPR_072006_KEYSTORE_PASSWORD', '072006', dir)).toBeUndefined();
  });

  it('refuses another Comune\'s folder, a way out with .., a look-alike folder and a foreign variable', () => {
    expect(secretRefViolation('file:/run/geres/anpr/075035/comune.p12', '072006', dir)).toMatch(/own folder/);
    expect(secretRefViolation('file:/run/geres/anpr/072006/../075035/comune.p12', '072006', dir)).toMatch(/own folder/);
    expect(secretRefViolation('/run/geres/anpr/0720060/comune.p12', '072006', dir)).toMatch(/own folder/);
    expect(secretRefViolation('file:/etc/shadow', '072006', dir)).toMatch(/own folder/);
    expect(secretRefViolation('env:ANPR_075035_KEYSTORE_PASSWORD', '072006', dir)).toBe('must name an environment variable starting with ANPR_072006_');
    expect(secretRefViolation('env:PATH', '072006', dir)).toBe('must name an environment variable starting with ANPR_072006_');
  });

  it('applies no folder rule when ANPR_SECRETS_DIR is not set (the sandbox)', () => {
    expect(secretRefViolation('file:/anywhere/comune.p12', '072006', undefined)).toBeUndefined();
  });

  it('lists every reference of the settings, and every violation with its field', () => {
    const c = Object.assign(new Comune(), {
      codiceIstat: '072006',
      anprSoapUrl: 'http://127.0.0.1:1/anpr',
      keystoreRef: '/run/geres/anpr/075035/comune.p12',
      keystorePasswordRef: 'env:ANPR_072006_PASSWORD',
      anprPdnd: { privateKeyRef: 'file:/tmp/key.pem' },
    });
    expect(comuneSecretRefs(c).map(([f]) => f)).toEqual(['keystoreRef', 'keystorePasswordRef', 'anprPdnd.privateKeyRef']);
    expect(anprWiringViolations(c, { anprAllowedHosts: ['ws.anpr.interno.it'], anprSecretsDir: dir }).map((v) => v.field)).toEqual(['anprSoapUrl', 'keystoreRef', 'anprPdnd.privateKeyRef']);
  });
});
