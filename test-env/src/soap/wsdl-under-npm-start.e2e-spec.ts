/**
 * `npm start` runs the sandbox from dist/ (node dist/test-env/src/bin/sandbox.js): its simulated ANPR
 * must find ANPR's WSDL/XSD files in ../shared from there too, not in <repo>/shared. Runs the built
 * sandbox as `npm start` does, on free ports and a throw-away GERES_SANDBOX_DIR.
 */
import { afterAll, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../shared-data.js';
import { itWithShared } from '../shared-data.testutil.js';

const root = repositoryRoot();
const SANDBOX = join(root, 'dist', 'test-env', 'src', 'bin', 'sandbox.js');
const built = existsSync(SANDBOX);
if (!built && process.env.CI === 'true') throw new Error(`${SANDBOX} is missing, and CI=true: run npm run build before npm test`);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

let child: ChildProcess | undefined;
afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child!.once('exit', r));
  child.kill('SIGTERM');
  await exited;
});

/** Starts the built sandbox and resolves with the simulator's URL once it says it is running. */
async function startBuiltSandbox(): Promise<string> {
  const [port, simPort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, [SANDBOX], {
    cwd: root,
    env: { ...process.env, GERES_SANDBOX_DIR: mkdtempSync(join(tmpdir(), 'geres-wsdl-')), PORT: String(port), ANPR_SIM_PORT: String(simPort), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('GeRes sandbox is running')) resolve(`http://127.0.0.1:${simPort}`);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child!.once('exit', (code) => reject(new Error(`the sandbox exited with ${code} before it was running:\n${output}`)));
  });
}

(built ? itWithShared('anpr', 'wsdl') : it.skip)(
  `the sandbox started from dist/ serves ANPR's WSDL and XSDs${built ? '' : ` [skipped: ${SANDBOX} not built, run npm run build]`}`,
  async () => {
    const sim = await startBuiltSandbox();
    const wsdl = await fetch(`${sim}/ANPR3000ServiziConsultazione/AnprService3000?wsdl`);
    expect(wsdl.status).toBe(200);
    expect(await wsdl.text()).toContain('interrogazioneCittadino_famiglia_convivenza');
    const xsd = await fetch(`${sim}/ANPR3000ServiziConsultazione/3000consultazione.xsd`);
    expect(xsd.status).toBe(200);
    const e002 = await fetch(`${sim}/anpr-wsE000/AnprServiceE002?wsdl`);
    expect(e002.status).toBe(200);
    expect(await e002.text()).toContain('consultazione_soggetti');
  },
  180_000,
);
