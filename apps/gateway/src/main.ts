import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { createGatewayApp } from './app.factory.js';
import { flushLogs, logger } from './common/logger.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  const app = await createGatewayApp(config);
  await app.listen(config.port, config.host);
  logger.info({ url: config.publicUrl, sandbox: config.sandbox }, 'GeRes gateway listening');
}

process.on('exit', flushLogs);

main().catch((e) => {
  logger.fatal({ err: e }, 'gateway failed to start');
  flushLogs();
  process.exit(1);
});
