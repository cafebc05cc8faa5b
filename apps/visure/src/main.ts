import 'reflect-metadata';
import { startVisure } from './app.js';
import { loadVisureConfig, VisureConfigError } from './config.js';

/** `node dist/apps/visure/src/main.js`: the visure service with the settings of the environment (see config.ts). */
async function main() {
  let config;
  try {
    config = loadVisureConfig();
  } catch (e) {
    if (e instanceof VisureConfigError) {
      console.error(`visure: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const running = await startVisure(config);
  console.log(`visure service on ${running.url}`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
