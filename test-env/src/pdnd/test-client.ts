import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { ComuneAnprSettings } from '#libs/anpr';
import { PDND_SIM_CLIENT_ASSERTION_AUDIENCE, PDND_SIM_TOKEN_PATH, SIMULATED_ESERVICES, type PdndSimulatorClient } from './handler.js';

export interface TestPdndClient {
  /** Register this with `createPdndSimulatorHandler({ clients: [client] })`. */
  client: PdndSimulatorClient;
  /** Goes into `ComuneAnprSettings.pdnd` of the Comune that uses this client. */
  settings: NonNullable<ComuneAnprSettings['pdnd']>;
  privateKeyPem: string;
}

/**
 * A PDND client (key pair, kid, one purpose per simulated e-service) and the matching adapter
 * settings pointing at a simulator listening on `simulatorBaseUrl` (e.g. http://127.0.0.1:8443).
 * Pass `privateKeyPem` to keep a stable identity across restarts (the sandbox).
 */
export function makeTestPdndClient(opts: {
  simulatorBaseUrl: string;
  clientId?: string;
  kid?: string;
  privateKeyPem?: string;
  purposes?: Record<string, string>;
}): TestPdndClient {
  const base = opts.simulatorBaseUrl.replace(/\/+$/, '');
  const clientId = opts.clientId ?? `sim-client-${randomUUID()}`;
  const kid = opts.kid ?? `sim-kid-${randomUUID()}`;
  let privateKeyPem = opts.privateKeyPem;
  let publicKeyPem: string;
  if (privateKeyPem) {
    publicKeyPem = createPublicKeyPem(privateKeyPem);
  } else {
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    privateKeyPem = pair.privateKey;
    publicKeyPem = pair.publicKey;
  }
  const purposes =
    opts.purposes ?? Object.fromEntries(Object.keys(SIMULATED_ESERVICES).map((code) => [code, `sim-purpose-${code}-${clientId}`]));
  return {
    client: { clientId, kid, publicKeyPem, purposes },
    privateKeyPem,
    settings: {
      baseUrl: `${base}/govway/rest/in/MinInternoPortaANPR-PDND`,
      audienceBaseUrl: `${base}/govway/rest/in/MinInternoPortaANPR`,
      tokenUrl: `${base}${PDND_SIM_TOKEN_PATH}`,
      clientAssertionAudience: PDND_SIM_CLIENT_ASSERTION_AUDIENCE,
      clientId,
      kid,
      privateKeyPem,
      purposes,
    },
  };
}

const createPublicKeyPem = (privateKeyPem: string): string =>
  createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
