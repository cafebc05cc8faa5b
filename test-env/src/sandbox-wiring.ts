import { SECOND_COMUNE, type SandboxAnprWiring } from '../../apps/gateway/src/index.js';
import { DEMO_COMUNE_ISTAT } from './population/index.js';
import { COMUNE_POSTAZIONE, SANDBOX_ID_APPLICAZIONE, type SandboxAnpr } from './sandbox-anpr.js';

/** The sandbox's second Comune (Lecce, as the gateway's seed creates it): its own certificate, workstation, PDND client and ANPR operator. */
export const SECOND_COMUNE_ISTAT = SECOND_COMUNE.codiceIstat;
export const SECOND_COMUNE_POSTAZIONE = SECOND_COMUNE.postazione;
export const SECOND_COMUNE_OPERATOR_ID = SECOND_COMUNE.anprOperatorId;

export interface ComuneWiringOptions {
  /** ANPR operator ids of the Comune's registry office. */
  operatorIds: string[];
  /** The Comune's own ANPR workstation (must be one of the simulator's workstations). */
  postazione: string;
  /** Workstations of the Comune's Enti whose keystores are wired too. */
  workstations?: string[];
  /** Replaces the simulator's address (e.g. to go through a proxy). */
  simulatorUrl?: string;
}

/**
 * How a Comune is wired to a running simulated ANPR: its endpoints, its own keystore (each with its
 * own password file), its PDND client and its own ANPR workstation.
 */
export function comuneWiring(anpr: SandboxAnpr, codiceIstat: string, opts: ComuneWiringOptions): SandboxAnprWiring {
  const via = <T>(settings: T): T => (opts.simulatorUrl ? (JSON.parse(JSON.stringify(settings).split(anpr.url).join(opts.simulatorUrl)) as T) : settings);
  const keystore = anpr.pki.comune(codiceIstat);
  const ws = (code: string) => {
    const w = anpr.workstation(code);
    return { code, keystorePath: w.keystore.path!, keystorePasswordFile: w.passwordFile };
  };
  return {
    codiceIstat,
    operatorIds: opts.operatorIds,
    idApplicazione: SANDBOX_ID_APPLICAZIONE,
    soap: via(anpr.comuneSettings(codiceIstat, 'soap').soap!),
    pdnd: via(anpr.comuneSettings(codiceIstat, 'pdnd').pdnd!),
    keystorePath: keystore.path,
    keystorePasswordFile: keystore.passwordPath,
    pdndPrivateKeyFile: anpr.pdndPrivateKeyFile(codiceIstat),
    workstations: (opts.workstations ?? []).map(ws),
    postazione: ws(opts.postazione),
  };
}

/**
 * How the demo Comune is wired to a running simulated ANPR. `_dir` (the directory given to
 * startSandboxAnpr) is no longer needed: every path comes from `anpr`.
 */
export function demoComuneWiring(anpr: SandboxAnpr, _dir?: string, opts: { workstations?: string[]; simulatorUrl?: string } = {}): SandboxAnprWiring {
  return comuneWiring(anpr, DEMO_COMUNE_ISTAT, { operatorIds: [anpr.operatorId], postazione: COMUNE_POSTAZIONE, ...opts });
}

/** The sandbox's second Comune, Lecce: needs `SECOND_COMUNE_POSTAZIONE` among the workstations and Lecce among `pdndComuni`. */
export function secondComuneWiring(anpr: SandboxAnpr, opts: { simulatorUrl?: string } = {}): SandboxAnprWiring {
  return comuneWiring(anpr, SECOND_COMUNE_ISTAT, { operatorIds: [SECOND_COMUNE_OPERATOR_ID], postazione: SECOND_COMUNE_POSTAZIONE, ...opts });
}
