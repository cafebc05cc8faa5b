/**
 * Child process of `npm run bench`: the simulated ANPR (startSandboxAnpr) on 127.0.0.1, any free
 * port, on an event loop of its own. `start {dir}` answers with everything the gateway's wiring and
 * the direct client need, plus the identities to look up: residents of the demo Comune.
 */
import { join, resolve } from 'node:path';
import type { ComuneAnprSettings } from '#libs/anpr';
import { DEMO_COMUNE_ISTAT } from '../population/places.js';
import { COMUNE_POSTAZIONE, SANDBOX_ID_APPLICAZIONE, startSandboxAnpr, type SandboxAnpr, type SandboxWorkstation } from '../sandbox-anpr.js';
import { serveParent } from './ipc.js';

export interface SimulatorStartArgs {
  dir: string;
  /** How many residents to return (the rotating set of lookups). */
  identities: number;
  /** Only people registered on or before this date (the asOf of the lookups). */
  asOf: string;
}

export interface SimulatorInfo {
  url: string;
  population: number;
  operatorId: string;
  idApplicazione: string;
  /** SOAP 3002 settings of the demo Comune, as the simulator hands them to a client. */
  soap: ComuneAnprSettings;
  pdnd: ComuneAnprSettings;
  comuneKeystorePath: string;
  keystorePasswordFile: string;
  /** The PDND client's private key, as the sandbox wiring references it. */
  pdndPrivateKeyFile: string;
  /** The demo Comune's own ANPR workstation (the IdPostazione of callers without one). */
  postazione: SandboxWorkstation;
  /** Codici fiscali of living residents of the demo Comune. */
  residents: string[];
  startupMs: number;
}

let sandbox: SandboxAnpr | undefined;

serveParent(
  {
    start: async (args: SimulatorStartArgs): Promise<SimulatorInfo> => {
      const t0 = performance.now();
      // Under load, concurrent lookups for one Comune reach ANPR out of the order their ids were drawn, and the
      // gateway and the direct client draw from separate sequences: ids are checked for reuse, not for order.
      sandbox = await startSandboxAnpr({ dir: args.dir, host: '127.0.0.1', port: 0, comuni: [DEMO_COMUNE_ISTAT], extraWorkstations: [COMUNE_POSTAZIONE], soap: { operationIdOrder: 'unique' } });
      const residents: string[] = [];
      for (const p of sandbox.registry.persons) {
        if (p.decesso || p.registeredFrom > args.asOf || p.aire) continue;
        const current = p.residenze.at(-1);
        if (!current || current.dataFine || current.indirizzo?.comune.codiceIstat !== DEMO_COMUNE_ISTAT) continue;
        residents.push(p.codiceFiscale);
      }
      // A deterministic spread over the whole population rather than its first households.
      const step = Math.max(1, Math.floor(residents.length / args.identities));
      const chosen = residents.filter((_, i) => i % step === 0).slice(0, args.identities);
      return {
        url: sandbox.url,
        population: sandbox.registry.size,
        operatorId: sandbox.operatorId,
        idApplicazione: SANDBOX_ID_APPLICAZIONE,
        soap: sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap'),
        pdnd: sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'pdnd'),
        comuneKeystorePath: sandbox.pki.comune(DEMO_COMUNE_ISTAT).path,
        keystorePasswordFile: sandbox.keystorePasswordFile,
        pdndPrivateKeyFile: join(resolve(args.dir), 'pdnd', 'client-key.pem'),
        postazione: sandbox.workstation(COMUNE_POSTAZIONE),
        residents: chosen,
        startupMs: performance.now() - t0,
      };
    },
  },
  async () => {
    await sandbox?.close();
  },
);
