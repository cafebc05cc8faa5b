/**
 * The SDK parity suite (parity/README.md): runs parity/scenarios.json through the TypeScript, .NET
 * and Java SDKs against a sandbox and checks that every step matches the table and that the three
 * SDKs report identical outcomes.
 *
 *   node dist/test-env/src/bin/parity.js [--sdk ts,dotnet,java] [--keep DIR]
 *
 * Uses the sandbox at GERES_SANDBOX_URL (credentials from GERES_CREDENTIALS, default
 * .sandbox/credentials.json), or starts a throw-away one. Exits 0 only when everything agrees.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOOKUP_SECTIONS } from '#libs/domain';
import { buildPlan, compare, summarise, validateTable, type PlanClient, type RunnerOutput } from '../parity/parity.js';

const ROOT = resolve(import.meta.dirname, '../../../..');

interface Runner {
  label: string;
  command: string;
  args: string[];
}

const RUNNERS: Record<string, Runner> = {
  ts: { label: 'TypeScript', command: process.execPath, args: ['--experimental-strip-types', '--no-warnings', 'sdk/test/parity/runner.ts'] },
  dotnet: {
    label: '.NET',
    command: 'dotnet',
    args: ['test', 'dotnet-client/GeRes.Client.Tests/GeRes.Client.Tests.csproj', '-c', 'Release', '--filter', 'FullyQualifiedName~ParityTests', '--logger', 'console;verbosity=normal'],
  },
  java: { label: 'Java', command: 'bash', args: ['java-client/test.sh', '-Dtest=ParityTest'] },
};

interface SandboxCredentials {
  gatewayUrl: string;
  simulatorUrl: string;
  comune: { codiceIstat: string };
  users: Array<{ role: string; username: string; password: string }>;
  workstation: { code: string; deviceToken?: string };
}

function parseArgs(argv: string[]): { sdks: string[]; keep?: string } {
  let sdks = Object.keys(RUNNERS);
  let keep: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sdk') sdks = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (argv[i] === '--keep') keep = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}: use --sdk ts,dotnet,java and --keep DIR`);
  }
  const unknown = sdks.filter((s) => !RUNNERS[s]);
  if (unknown.length || sdks.length === 0) throw new Error(`--sdk takes a list of ${Object.keys(RUNNERS).join(', ')}`);
  return { sdks, keep };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolvePort(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess | undefined, log: string | undefined, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    if (child && child.exitCode !== null) throw new Error(`the sandbox exited (${child.exitCode}) before it was ready${log ? `: see ${log}` : ''}`);
    try {
      const r = await fetch(`${url}/health/ready`);
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} was not ready after ${seconds} s${log ? `: see ${log}` : ''}`);
}

/** The sandbox to run against: the one named by GERES_SANDBOX_URL, or a throw-away `npm start`. */
async function sandbox(workDir: string): Promise<{ creds: SandboxCredentials; baseUrl: string; stop: () => Promise<void> }> {
  const external = process.env.GERES_SANDBOX_URL;
  if (external) {
    const file = process.env.GERES_CREDENTIALS ?? join(ROOT, '.sandbox/credentials.json');
    const baseUrl = external.replace(/\/+$/, '');
    await waitReady(baseUrl, undefined, undefined, 10);
    return { creds: JSON.parse(readFileSync(file, 'utf8')), baseUrl, stop: async () => {} };
  }
  const dir = join(workDir, 'sandbox');
  mkdirSync(dir, { recursive: true });
  const [port, simPort] = [await freePort(), await freePort()];
  const log = join(workDir, 'sandbox.log');
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ['dist/test-env/src/bin/sandbox.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ANPR_SIM_PORT: String(simPort), GERES_SANDBOX_DIR: dir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    await waitReady(baseUrl, child, log);
  } catch (e) {
    await stop();
    process.stderr.write(readFileSync(log, 'utf8'));
    throw e;
  }
  console.log(`parity: started a sandbox at ${baseUrl} (log ${log})`);
  return { creds: JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8')), baseUrl, stop };
}

/** A small admin-API client, as the Consorzio's ADMIN. */
async function adminSession(baseUrl: string, creds: SandboxCredentials) {
  const admin = creds.users.find((u) => u.role === 'ADMIN');
  if (!admin) throw new Error('the sandbox credentials name no ADMIN user');
  const call = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} as ${admin.username}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const { accessToken } = await call<{ accessToken: string }>('POST', '/v1/auth/login', { username: admin.username, password: admin.password });
  const me = await call<{ user: { enteId: string } }>('GET', '/v1/me', undefined, accessToken);
  return { call: <T>(method: string, path: string, body?: unknown) => call<T>(method, path, body, accessToken), enteId: me.user.enteId };
}

/**
 * For one SDK: a fresh application and three operators it acts for (full, limited, quota), so
 * that the SDKs share no quota or idempotency state.
 */
async function fixture(baseUrl: string, creds: SandboxCredentials, sdk: string, runId: string): Promise<{ client: PlanClient; operators: Record<string, string> }> {
  const admin = await adminSession(baseUrl, creds);
  const comune = creds.comune.codiceIstat;
  const profiles: Record<string, { sections: readonly string[]; dailyQuota: number }> = {
    full: { sections: LOOKUP_SECTIONS, dailyQuota: 1000 },
    limited: { sections: ['generalita'], dailyQuota: 1000 },
    quota: { sections: LOOKUP_SECTIONS, dailyQuota: 1 },
  };
  const operators: Record<string, string> = {};
  const ids: string[] = [];
  for (const [role, profile] of Object.entries(profiles)) {
    const username = `parity-${sdk}-${runId}-${role}`;
    const user = await admin.call<{ id: string }>('POST', '/v1/users', {
      username,
      name: `Parity ${sdk} ${role}`,
      email: `${username}@sandbox.geres.invalid`,
      role: 'STANDARD',
      password: `Parity-${runId}-Pw-9!`,
      enteId: admin.enteId,
    });
    await admin.call('PUT', `/v1/users/${user.id}/profile`, {
      sections: profile.sections,
      visuraTypes: [],
      rivestizioneFields: [],
      scope: 'agreed',
      allowedComuni: [comune],
      dailyQuota: profile.dailyQuota,
    });
    operators[role] = username;
    ids.push(user.id);
  }
  const app = await admin.call<{ clientId: string; clientSecret: string }>('POST', '/v1/applications', { name: `Parity ${sdk} ${runId}`, operatorIds: ids });
  return {
    client: { clientId: app.clientId, clientSecret: app.clientSecret, operator: operators.full, workstation: creds.workstation },
    operators,
  };
}

function run(runner: Runner, env: Record<string, string>, log: string): Promise<number> {
  return new Promise((resolveRun, reject) => {
    const out = createWriteStream(log);
    const child = spawn(runner.command, runner.args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    child.once('error', reject);
    child.once('close', (code) => out.end(() => resolveRun(code ?? 1)));
  });
}

async function main(): Promise<number> {
  const { sdks, keep } = parseArgs(process.argv.slice(2));
  const table = validateTable(JSON.parse(readFileSync(join(ROOT, 'parity/scenarios.json'), 'utf8')));
  const workDir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'geres-parity-'));
  mkdirSync(workDir, { recursive: true });
  const sbx = await sandbox(workDir);
  const outputs: RunnerOutput[] = [];
  const failures: string[] = [];
  try {
    const runId = Date.now().toString(36);
    // A port that was free a moment ago and that nobody listens on: connection refused.
    const unreachableUrl = `http://127.0.0.1:${await freePort()}`;
    for (const sdk of sdks) {
      const runner = RUNNERS[sdk];
      const { client, operators } = await fixture(sbx.baseUrl, sbx.creds, sdk, runId);
      const plan = buildPlan(table, { sdk, runId, baseUrl: sbx.baseUrl, simulatorUrl: sbx.creds.simulatorUrl, unreachableUrl, client, operators });
      const planFile = join(workDir, `plan-${sdk}.json`);
      const outFile = join(workDir, `outcomes-${sdk}.json`);
      const log = join(workDir, `runner-${sdk}.log`);
      rmSync(outFile, { force: true });
      writeFileSync(planFile, JSON.stringify(plan, null, 2));
      // A fault left armed by a runner that crashed must not leak into the next one.
      await fetch(`${sbx.creds.simulatorUrl}/faults`, { method: 'DELETE' });
      const started = Date.now();
      const code = await run(runner, { GERES_PARITY_PLAN: planFile, GERES_PARITY_OUT: outFile }, log);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code !== 0 || !existsSync(outFile)) {
        failures.push(`${runner.label} runner failed (exit ${code}${existsSync(outFile) ? '' : ', no outcomes'}): see ${log}`);
        process.stderr.write(`--- ${log}\n${readFileSync(log, 'utf8').slice(-6000)}\n`);
        continue;
      }
      console.log(`parity: ${runner.label} ran ${plan.scenarios.length} scenarios in ${seconds} s`);
      outputs.push(JSON.parse(readFileSync(outFile, 'utf8')) as RunnerOutput);
    }
  } finally {
    await sbx.stop();
  }

  const reports = compare(table, outputs);
  const width = Math.max(...reports.map((r) => `${r.scenario} #${r.step}`.length));
  const column = Math.max(12, ...reports.flatMap((r) => outputs.map((o) => summarise(r.outcomes[o.sdk]).length))) + 2;
  console.log(`\n  ${'scenario'.padEnd(width)} ${outputs.map((o) => (RUNNERS[o.sdk]?.label ?? o.sdk).padEnd(column)).join('')}`);
  for (const r of reports) {
    const mark = r.problems.length ? '✗' : '✓';
    console.log(`${mark} ${`${r.scenario} #${r.step}`.padEnd(width)} ${outputs.map((o) => summarise(r.outcomes[o.sdk]).padEnd(column)).join('')}`);
    for (const p of r.problems) console.log(`    ${p}`);
  }
  const bad = reports.filter((r) => r.problems.length).length;
  console.log(
    `\nparity: ${table.scenarios.length} scenarios, ${reports.length} steps × ${outputs.length} SDKs (${outputs.map((o) => o.sdk).join(', ')}): ` +
      `${reports.length - bad} identical and as expected, ${bad} different${failures.length ? `; ${failures.length} runner(s) failed` : ''}`,
  );
  for (const f of failures) console.log(`parity: ${f}`);
  if (!keep && bad === 0 && failures.length === 0) rmSync(workDir, { recursive: true, force: true });
  else console.log(`parity: plans, outcomes and logs kept in ${workDir}`);
  return bad === 0 && failures.length === 0 && outputs.length === sdks.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
