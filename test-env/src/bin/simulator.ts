/**
 * Starts the simulated ANPR from environment variables and prints its URL:
 *   SIM_PORT (default 8090), SIM_HOST (default 127.0.0.1), SIM_SEED, SIM_SIZE,
 *   SIM_LATENCY_MS, SIM_FAULT_MODE + SIM_FAULT_RATE (e.g. http500 and 0.05).
 * The SOAP and PDND channels answer 503 until a wiring script passes their handlers to startSimulator.
 */
import { DEFAULT_SEED, DEFAULT_SIZE } from '../population/generator.js';
import { SIM_FAULT_MODES, type SimFaultMode, type SimulatorFaults, startSimulator } from '../simulator.js';

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
  faults.rate = { mode, probability: Number(process.env.SIM_FAULT_RATE ?? '1') };
}

const sim = await startSimulator({
  port: intEnv('SIM_PORT', 8090),
  host: process.env.SIM_HOST || '127.0.0.1',
  seed: process.env.SIM_SEED || DEFAULT_SEED,
  size: intEnv('SIM_SIZE', DEFAULT_SIZE),
  faults,
});
console.log(`simulated ANPR listening on ${sim.url} (${sim.registry.size} people; catalogue at ${sim.url}/catalogue)`);

const stop = () => {
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
