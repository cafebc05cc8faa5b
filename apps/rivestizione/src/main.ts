import { type RivestizioneApp, createRivestizioneApp, type RivestizioneAppOptions } from './app.factory.js';
import { ConfigError, loadConfig, type RivestizioneConfig } from './config.js';

export interface StartRivestizioneOptions extends RivestizioneAppOptions {
  /** Environment to read the configuration from (default process.env); `config` wins over it. */
  env?: Record<string, string | undefined>;
  config?: RivestizioneConfig;
}

export interface StartedRivestizione extends RivestizioneApp {
  /** Where the API listens (undefined for a worker-only process). */
  url?: string;
}

/**
 * Starts the service: the API (unless RIVESTIZIONE_API=false) and the processing (unless
 * RIVESTIZIONE_WORKER=false): BullMQ workers with REDIS_URL, in-process otherwise. The sandbox
 * launcher calls this with the gateway's URL and the service's client secret.
 */
export async function startRivestizione(options: StartRivestizioneOptions = {}): Promise<StartedRivestizione> {
  const config = options.config ?? loadConfig(options.env ?? process.env);
  // SQLite (sandbox): tables from the entities; MariaDB: the committed migrations.
  const started = await createRivestizioneApp(config, { ...options, createSchema: options.createSchema ?? !config.databaseUrl });
  let url: string | undefined;
  if (started.http) {
    await started.http.listen(config.port, config.host);
    const address = started.http.getHttpServer().address() as { port: number };
    url = `http://${config.host}:${address.port}`;
  }
  return { ...started, url };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  startRivestizione()
    .then((s) => {
      process.stdout.write(s.url ? `rivestizione listening on ${s.url}\n` : 'rivestizione worker started\n');
      const stop = () => void s.close().finally(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((e: unknown) => {
      process.stderr.write(e instanceof ConfigError ? `rivestizione: configuration error: ${e.message}\n` : `rivestizione: cannot start: ${(e as Error).message}\n`);
      process.exit(1);
    });
}
