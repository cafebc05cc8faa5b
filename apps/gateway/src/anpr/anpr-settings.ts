import type { AnprEnvironment, ComuneAnprSettings } from '#libs/anpr';
import type { Comune } from '#libs/domain';
import { AnprConfigurationError, keystorePath, readReferencedFile, resolveSecret } from './secret-ref.js';

/**
 * The adapters' view of a Comune: endpoints, channel, keystores and PDND client, with secrets
 * resolved from their references. Built per call from the entity so that a settings change made by
 * the Comune's TOP users applies to the next request.
 */
export function toAnprSettings(c: Comune, timeoutMs?: number): ComuneAnprSettings {
  const settings: ComuneAnprSettings = {
    codiceIstat: c.codiceIstat,
    environment: c.anprEnvironment as AnprEnvironment,
    channel: c.anprChannel as 'soap' | 'pdnd',
    timeoutMs,
  };
  if (c.anprChannel === 'soap') {
    if (!c.anprSoapUrl) throw new AnprConfigurationError(`Comune ${c.codiceIstat}: anprSoapUrl is not configured`);
    if (!c.keystoreRef || !c.keystorePasswordRef) throw new AnprConfigurationError(`Comune ${c.codiceIstat}: keystoreRef and keystorePasswordRef are required for SOAP`);
    settings.soap = {
      baseUrl: c.anprSoapUrl,
      service: c.anprSoapService,
      keystore: { path: keystorePath(c.keystoreRef), password: resolveSecret(c.keystorePasswordRef, `Comune ${c.codiceIstat} keystore password`) },
      idApplicazione: c.anprIdApplicazione,
      idSede: c.codiceIstat,
    };
    if (c.anprTlsKeystoreRef && c.anprTlsKeystorePasswordRef) {
      settings.soap.tlsKeystore = {
        path: keystorePath(c.anprTlsKeystoreRef),
        password: resolveSecret(c.anprTlsKeystorePasswordRef, `Comune ${c.codiceIstat} TLS keystore password`),
      };
    }
    if (c.anprTlsCaRef) settings.soap.tlsCaPem = readReferencedFile(c.anprTlsCaRef, `Comune ${c.codiceIstat} TLS CA`);
  } else {
    const p = c.anprPdnd;
    if (!c.anprPdndUrl || !p) throw new AnprConfigurationError(`Comune ${c.codiceIstat}: anprPdndUrl and anprPdnd are required for PDND`);
    settings.pdnd = {
      baseUrl: c.anprPdndUrl,
      audienceBaseUrl: p.audienceBaseUrl,
      tokenUrl: p.tokenUrl,
      clientAssertionAudience: p.clientAssertionAudience,
      clientId: p.clientId,
      kid: p.kid,
      privateKeyPem: resolveSecret(p.privateKeyRef, `Comune ${c.codiceIstat} PDND key`),
      purposes: p.purposes,
    };
  }
  return settings;
}
