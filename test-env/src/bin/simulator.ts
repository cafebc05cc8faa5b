/**
 * Starts the simulated ANPR with both channels (SOAP 3002/E002 and PDND) and prints where it is:
 *   SIM_PORT (default 8090), SIM_HOST (default 127.0.0.1), SIM_SEED, SIM_SIZE,
 *   SIM_DIR (default .sandbox/anpr: test PKI and PDND identity, kept across restarts),
 *   SIM_LATENCY_MS, SIM_FAULT_MODE + SIM_FAULT_RATE (e.g. http500 and 0.05).
 */
import { resolve } from 'node:path';
import { DEFAULT_SEED, DEFAULT_SIZE } from '../population/generator.js';
import { DEMO_COMUNE_ISTAT } from '../population/places.js';
import { startSandboxAnpr, SANDBOX_WORKSTATION_ID } from '../sandbox-anpr.js';
import { SIM_FAULT_MODES, type SimFaultMode, type SimulatorFaults } from '../simulator.js';

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return n;
}

const faults: SimulatorFaults = {};
if (process.env.SIM_LATENCY_MS) faults.latencyMs = intEnv('SIM_LATENCY_MS', 0);
if (process.env.SIM_FAULT_MODE) {
  const mode = process.env.SIM_FAULT_MODE as SimFaultMode;
  if (!SIM_FAULT_MODES.includes(mode)) throw new Error(`SIM_FAULT_MODE must be one of ${SIM_FAULT_MODES.join(', ')}`);
  const probability = Number(process.env.SIM_FAULT_RATE ?? '1');
  if (!(probability >= 0 && probability <= 1)) throw new Error('SIM_FAULT_RATE must be between 0 and 1');
  faults.rate = { mode, probability };
}

const dir = resolve(process.env.SIM_DIR || '.sandbox/anpr');
const sandbox = await startSandboxAnpr({
  dir,
  port: intEnv('SIM_PORT', 8090),
  host: process.env.SIM_HOST || '127.0.0.1',
  seed: process.env.SIM_SEED || DEFAULT_SEED,
  size: intEnv('SIM_SIZE', DEFAULT_SIZE),
  faults,
  log: (line) => console.log(line),
});
const demo = sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap');
console.log(
  [
    `simulated ANPR listening on ${sandbox.url} (${sandbox.registry.size} people)`,
    `  SOAP 3002:  ${sandbox.url}/ANPR3000ServiziConsultazione/AnprService3000 (?wsdl)`,
    `  SOAP E002:  ${sandbox.url}/anpr-wsE000/AnprServiceE002 (?wsdl)`,
    `  PDND:       token ${sandbox.pdndClient.settings.tokenUrl}, e-services under ${sandbox.pdndClient.settings.baseUrl}`,
    `  catalogue:  ${sandbox.url}/catalogue, health ${sandbox.url}/health`,
    `  PKI:        ${sandbox.pki.dir} (CA ${sandbox.pki.caCertPath}; Comuni ${sandbox.comuni.join(', ')}; workstations ${sandbox.workstations.join(', ')})`,
    `  keystores:  Comune ${DEMO_COMUNE_ISTAT} ${demo.soap!.keystore.path}, workstation ${SANDBOX_WORKSTATION_ID} ${sandbox.workstation(SANDBOX_WORKSTATION_ID).keystore.path}; each keystore's password in <name>.password beside it`,
    `  PDND client ${sandbox.pdndClient.settings.clientId} (kid ${sandbox.pdndClient.settings.kid}), private key in ${resolve(dir, 'pdnd', 'client-key.pem')}`,
    `  operator:   ${sandbox.operatorId}`,
  ].join('\n'),
);

const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
