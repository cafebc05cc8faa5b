import { loadConsoleConfig, ConsoleConfigError } from './config.js';
import { startConsoleWith } from './console.factory.js';

try {
  const config = loadConsoleConfig();
  const running = await startConsoleWith(config);
  console.log(`GeRes console on ${running.url} (gateway ${config.gatewayUrl})`);
} catch (e) {
  if (e instanceof ConsoleConfigError) {
    console.error(`Configuration error: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
