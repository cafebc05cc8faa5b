import { join } from 'node:path';
import type { SandboxAnprWiring } from '../../apps/gateway/src/sandbox/anpr-wiring.js';
import { DEMO_COMUNE_ISTAT } from './population/index.js';
import { COMUNE_POSTAZIONE, SANDBOX_ID_APPLICAZIONE, type SandboxAnpr } from './sandbox-anpr.js';

/**
 * How the demo Comune is wired to a running simulated ANPR: its endpoints, the test PKI's keystores,
 * the PDND client and the Comune's own ANPR workstation. `dir` is the directory given to
 * startSandboxAnpr; `simulatorUrl` replaces the simulator's address (e.g. to go through a proxy).
 */
export function demoComuneWiring(anpr: SandboxAnpr, dir: string, opts: { workstations?: string[]; simulatorUrl?: string } = {}): SandboxAnprWiring {
  const via = <T>(settings: T): T => (opts.simulatorUrl ? (JSON.parse(JSON.stringify(settings).split(anpr.url).join(opts.simulatorUrl)) as T) : settings);
  return {
    codiceIstat: DEMO_COMUNE_ISTAT,
    operatorIds: [anpr.operatorId],
    idApplicazione: SANDBOX_ID_APPLICAZIONE,
    soap: via(anpr.comuneSettings(DEMO_COMUNE_ISTAT, 'soap').soap!),
    pdnd: via(anpr.comuneSettings(DEMO_COMUNE_ISTAT, 'pdnd').pdnd!),
    keystorePath: anpr.pki.comune(DEMO_COMUNE_ISTAT).path,
    keystorePasswordFile: anpr.keystorePasswordFile,
    pdndPrivateKeyFile: join(dir, 'pdnd', 'client-key.pem'),
    workstations: (opts.workstations ?? []).map((code) => ({ code, keystorePath: anpr.workstation(code).keystore.path! })),
    postazione: { code: COMUNE_POSTAZIONE, keystorePath: anpr.workstation(COMUNE_POSTAZIONE).keystore.path! },
  };
}
