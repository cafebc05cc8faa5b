/**
 * Looks a person up in the sandbox as an integrated application would.
 *
 *   npm start                            # in the repository root, in another terminal
 *   npm run build -w @geres/sdk
 *   npx node sdk/examples/lookup.ts [codiceFiscale]      (or: npm run example -w @geres/sdk)
 *
 * Reads .sandbox/credentials.json (written by `npm start`) from the directory npm or node was
 * started in, or the file named by GERES_CREDENTIALS; GERES_URL overrides the gateway's address.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GeResClient, GeResError } from '@geres/sdk';

// INIT_CWD: where `npm run` was typed (npm itself runs workspace scripts in sdk/).
const credentials = JSON.parse(readFileSync(process.env.GERES_CREDENTIALS ?? resolve(process.env.INIT_CWD ?? '.', '.sandbox/credentials.json'), 'utf8'));

const geres = new GeResClient({
  baseUrl: process.env.GERES_URL ?? credentials.gatewayUrl,
  auth: { clientId: credentials.application.clientId, clientSecret: credentials.application.clientSecret },
  operator: credentials.application.operator,
  workstation: { code: credentials.workstation.code, deviceToken: credentials.workstation.deviceToken },
  userAgentSuffix: 'geres-example/1',
});

// NERI CLAUDIO, resident of the demo Comune (test-env/SANDBOX-CATALOGUE.md, `demo-resident`).
const codiceFiscale = process.argv[2] ?? 'NRECLD70B17A662M';

try {
  const result = await geres.persons.search({
    criterion: { type: 'codiceFiscale', codiceFiscale },
    sections: ['generalita', 'residenza'],
    comune: '072006',
    motivoRichiesta: 'SDK quick start',
  });
  console.log(JSON.stringify(result, null, 2));
  console.log(`request id ${result.lastResponse?.requestId}`);
} catch (e) {
  if (!(e instanceof GeResError)) throw e;
  console.error(`${e.name}: ${e.message}`);
  if (e.problem) console.error(JSON.stringify(e.problem, null, 2));
  process.exitCode = 1;
}
