import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '../config/config.js';
import { flushLogs, logger, PinoNestLogger } from '../common/logger.js';
import { ComuneOnboardingError, ComuneOnboardingService, onboardingInputErrors, type ComuneOnboardingInput } from '../onboarding/comune-onboarding.service.js';
import { OnboardingModule } from '../onboarding/onboarding.module.js';

const USAGE = `Usage: npm run comune:add -- --istat 075035 --nome Lecce --provincia LE --codice-catastale E506 \\
         --top-username top.lecce --top-name "Nome Cognome" --top-email anagrafe@comune.lecce.it \\
         [--top-anpr-operator-id ID] [--daily-quota 1000]
Creates the Comune (no ANPR settings yet) and its first TOP user, whose one-time password is printed
once; the TOP must change it at first login. Uses DATABASE_URL, or the sandbox's SQLite database.`;

/** Refusals (bad arguments, existing Comune or username) exit with 2; anything unexpected with 1. */
const REFUSED = 2;

function fail(lines: string[], code = REFUSED): never {
  for (const l of lines) console.error(l);
  process.exit(code);
}

/**
 * `npm run comune:add`: the provider's command to bring a Comune onto a running installation.
 * It only parses arguments; ComuneOnboardingService does the work, inside the gateway's own
 * application context so that the audit event goes through the gateway's AuditService.
 */
async function main() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        istat: { type: 'string' },
        nome: { type: 'string' },
        provincia: { type: 'string' },
        'codice-catastale': { type: 'string' },
        'top-username': { type: 'string' },
        'top-name': { type: 'string' },
        'top-email': { type: 'string' },
        'top-anpr-operator-id': { type: 'string' },
        'daily-quota': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail([(e as Error).message, USAGE]);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const str = (k: string) => values[k] as string | undefined;
  const quota = str('daily-quota');
  const input: ComuneOnboardingInput = {
    codiceIstat: str('istat')!,
    nome: str('nome')!,
    provincia: str('provincia')!,
    codiceCatastale: str('codice-catastale')!,
    top: { username: str('top-username')!, name: str('top-name')!, email: str('top-email')!, anprOperatorId: str('top-anpr-operator-id') },
    dailyQuota: quota === undefined ? undefined : /^\d{1,7}$/.test(quota) ? Number(quota) : NaN,
  };
  // Checked before connecting, so that a typo costs nothing.
  const errors = onboardingInputErrors(input);
  if (errors.length) fail([...errors.map((e) => `--${e.field} ${e.message}`), '', USAGE]);

  let config;
  try {
    // Without DATABASE_URL this is the sandbox's SQLite database; with it, the gateway's own environment applies.
    config = loadConfig({ INSTANCE_NAME: `comune-add-${process.pid}`, LOG_LEVEL: 'warn', ...process.env, ...(process.env.DATABASE_URL ? {} : { GERES_SANDBOX: 'true' }) });
  } catch (e) {
    if (e instanceof ConfigError) fail([e.message], 78);
    throw e;
  }
  logger.level = config.logLevel;
  if (!config.databaseUrl && !existsSync(config.sqlitePath)) {
    fail([`No database: DATABASE_URL is not set and the sandbox database ${config.sqlitePath} does not exist (start the sandbox once with npm start, or set DATABASE_URL).`]);
  }
  const ctx = await NestFactory.createApplicationContext(OnboardingModule.register(config), { logger: new PinoNestLogger(), abortOnError: false });
  try {
    const actor = { name: `os:${userInfo().username}`, where: hostname() };
    const r = await ctx.get(ComuneOnboardingService).onboard(input, actor);
    process.stdout.write(
      [
        `Comune ${r.comune.nome} (${r.comune.codiceIstat}) created; its ANPR settings are empty until its TOP sets them (PATCH /v1/comuni/${r.comune.codiceIstat}/settings).`,
        `TOP user:           ${r.top.username}`,
        `One-time password:  ${r.oneTimePassword}`,
        'It is shown only now: hand it to the TOP user over a safe channel; it must be changed at first login.',
        '',
      ].join('\n'),
    );
  } catch (e) {
    if (e instanceof ComuneOnboardingError) {
      process.exitCode = REFUSED;
      for (const x of e.errors) console.error(`Refused: --${x.field}: ${x.message}`);
      console.error('Nothing was created.');
    } else throw e;
  } finally {
    await ctx.close();
  }
}

process.on('exit', flushLogs);

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
