export {
  createPdndSimulatorHandler,
  isPdndSimulatorPath,
  SIMULATED_ESERVICES,
  PDND_SIM_CLIENT_ASSERTION_AUDIENCE,
  PDND_SIM_DEFAULT_ISSUER,
  PDND_SIM_GOVWAY_PREFIX,
  PDND_SIM_JWKS_PATH,
  PDND_SIM_TOKEN_PATH,
  type PdndSimFault,
  type PdndSimulatorClient,
  type PdndSimulatorHandler,
  type PdndSimulatorOptions,
  type PdndSimulatorStats,
} from './handler.js';
export { makeTestPdndClient, type TestPdndClient } from './test-client.js';
