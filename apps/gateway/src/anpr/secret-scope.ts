import { resolve, sep } from 'node:path';
import type { Comune } from '#libs/domain';
import { endpointViolation } from '../governance/endpoint-policy.js';

/**
 * Whose secrets a Comune's settings may name. A TOP user writes the references of their own Comune
 * (`file:` paths, keystore paths, `env:` variables); without a rule they could point them at another
 * Comune's keystore and have ANPR called with that Comune's credentials (R-ACC-1). With
 * ANPR_SECRETS_DIR set (required outside the sandbox), every file a Comune names must lie under
 * `<ANPR_SECRETS_DIR>/<codiceIstat>/` and every variable must be called `ANPR_<codiceIstat>_…`.
 * The same check runs when settings are saved and again before every ANPR call, so a row written
 * before this rule, or edited in the database, cannot be used either.
 */

/** The secret and keystore references a Comune's settings hold, by field name. */
export function comuneSecretRefs(c: Pick<Comune, 'keystoreRef' | 'keystorePasswordRef' | 'anprTlsKeystoreRef' | 'anprTlsKeystorePasswordRef' | 'anprTlsCaRef' | 'anprPostazioneKeystoreRef' | 'anprPostazioneKeystorePasswordRef' | 'anprPdnd'>): Array<[string, string]> {
  const refs: Array<[string, string | null | undefined]> = [
    ['keystoreRef', c.keystoreRef],
    ['keystorePasswordRef', c.keystorePasswordRef],
    ['anprTlsKeystoreRef', c.anprTlsKeystoreRef],
    ['anprTlsKeystorePasswordRef', c.anprTlsKeystorePasswordRef],
    ['anprTlsCaRef', c.anprTlsCaRef],
    ['anprPostazioneKeystoreRef', c.anprPostazioneKeystoreRef],
    ['anprPostazioneKeystorePasswordRef', c.anprPostazioneKeystorePasswordRef],
    ['anprPdnd.privateKeyRef', c.anprPdnd?.privateKeyRef],
  ];
  return refs.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
}

/** The endpoint URLs a Comune's settings hold, by field name. */
export function comuneEndpoints(c: Pick<Comune, 'anprSoapUrl' | 'anprPdndUrl' | 'anprPdnd'>): Array<[string, string | null | undefined]> {
  return [
    ['anprSoapUrl', c.anprSoapUrl],
    ['anprPdndUrl', c.anprPdndUrl],
    ['anprPdnd.tokenUrl', c.anprPdnd?.tokenUrl],
  ];
}

/** Why `ref` may not be used by Comune `codiceIstat`, or undefined when it may. */
export function secretRefViolation(ref: string, codiceIstat: string, secretsDir: string | undefined): string | undefined {
  if (!secretsDir) return undefined;
  if (ref.startsWith('env:')) {
    const prefix = `ANPR_${codiceIstat}_`;
    return ref.slice(4).startsWith(prefix) ? undefined : `must name an environment variable starting with ${prefix}`;
  }
  const path = resolve(ref.startsWith('file:') ? ref.slice(5) : ref);
  const root = resolve(secretsDir, codiceIstat) + sep;
  return path.startsWith(root) ? undefined : `must be a file in the Comune's own folder of ANPR_SECRETS_DIR (${codiceIstat}/)`;
}

/**
 * Everything wrong with where a Comune's ANPR calls would go and which secrets they would use:
 * endpoints outside ANPR_ALLOWED_HOSTS and references outside the Comune's own secrets.
 */
export function anprWiringViolations(
  c: Comune,
  config: { anprAllowedHosts: readonly string[]; anprSecretsDir?: string; sandbox?: boolean },
): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  // The sandbox and the tests start simulated ANPRs on ports chosen at run time, wired directly in
  // the database; saved settings are checked against the allow-list there too.
  for (const [field, value] of config.sandbox ? [] : comuneEndpoints(c)) {
    const why = value ? endpointViolation(value, config.anprAllowedHosts) : undefined;
    if (why) errors.push({ field, message: why });
  }
  for (const [field, ref] of comuneSecretRefs(c)) {
    const why = secretRefViolation(ref, c.codiceIstat, config.anprSecretsDir);
    if (why) errors.push({ field, message: why });
  }
  return errors;
}
