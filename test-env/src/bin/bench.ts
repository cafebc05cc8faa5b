/**
 * `npm run bench`: the lookup path under load, through the gateway and straight to ANPR, in one run.
 *
 * Three processes on loopback, so that no two share an event loop:
 *   - the simulated ANPR (test-env/src/bench/simulator-process.ts: startSandboxAnpr, SOAP 3002 with
 *     WS-Security checked against the test CA);
 *   - the gateway (test-env/src/bench/gateway-process.ts: createGatewayApp in sandbox mode on a
 *     temporary SQLite file, the sandbox seed, the demo Comune wired to the simulator; rate limits
 *     and the benchmark user's daily quota raised so that they do not cut the run short);
 *   - this process, the load generator.
 * Then, BENCH_CONNECTIONS concurrent callers (default 50) for BENCH_SECONDS (default 15), each
 * after BENCH_WARMUP_SECONDS (default 8) of warm-up in the same run: the callers keep their
 * connections from the warm-up, as a keep-alive pool does, on both paths (the direct client's
 * agent always kept its connections to the simulator; the gateway's callers used to open 50 new
 * ones at the start of the measurement, and a saturated server takes seconds to serve all their
 * first requests, which is start-up, not the steady state compared here):
 *   1. through the gateway: POST /v1/persons/search by codice fiscale with the bearer token of the
 *      sandbox's TOP user of Bari (national scope), with autocannon;
 *   2. direct: the same lookups sent to the simulator by SoapAnprAdapter, the minimal signed SOAP
 *      client an integrator would write without GeRes, with the settings the gateway uses.
 * The lookups rotate over BENCH_IDENTITIES (default 500) living residents of the demo Comune 072006.
 * It prints requests per second, p50 and p99 for both, the ratios against the targets (≥ 0.8 of the
 * direct throughput, p99 ≤ 1.25 × the direct p99, ≥ 500 lookups/s), and the CPU each process used.
 * If a target is missed (BENCH_PROFILE=auto, the default; `always` or `never` otherwise), it loads
 * the gateway again for BENCH_PROFILE_SECONDS (default 5) with a CPU profile of the gateway and of
 * the simulator, and prints their top self-time functions, files and packages. BENCH_PROFILE_DIR
 * keeps the .cpuprofile files (open them in Chrome DevTools); otherwise they go with the temporary
 * directory. BENCH_GATEWAY_LOG_LEVEL (default info, as in production) sets the gateway's log level;
 * its log goes to a file in the temporary directory. BENCH_SQLITE_WAL=1 is an experiment: the
 * gateway's SQLite file in WAL mode with synchronous=NORMAL instead of the shipped defaults.
 * BENCH_DATABASE_URL=mysql://user:pass@host:3306/name runs the gateway as deployed, on MariaDB (a
 * fresh database `name_bench_xxxx` is created on that server and dropped afterwards), with its
 * counters in Redis when BENCH_REDIS_URL is set too.
 *
 * Before that, an open loop (BENCH_RATE lookups/s, default 40; 0 skips it) on each path for
 * BENCH_OPEN_SECONDS (default 20) after BENCH_OPEN_WARMUP_SECONDS (default 5): lookups start on a fixed
 * schedule whatever the answers, so below saturation no process queues work, and the CPU time each
 * process used in the window divided by the answered lookups is its cost per lookup (less disturbed
 * by other programs than throughput). Pick a rate every process sustains: the ELU printed beside each
 * figure should stay well below 1. BENCH_CLOSED=0 skips the closed-loop runs.
 *
 * Bounded in time (a watchdog ends the run), loopback only, exits by itself; the temporary directory
 * and the child processes are removed on every path out, errors and Ctrl-C included.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { InMemoryOperationIdSource, SECTIONS, SoapAnprAdapter, type AnprCallContext, type PersonQuery, type Section } from '#libs/anpr';
import { DEMO_COMUNE_ISTAT } from '../population/places.js';
import { sandboxPlaceResolver } from '../sandbox-anpr.js';
import { ChildHandle, type ProcessUsage } from '../bench/ipc.js';
import { loadDirect, loadGateway, loadOpen, summarise, type LoadResult, type LoadSummary } from '../bench/load.js';
import { summariseProfile, type ProfileSummary } from '../bench/profile.js';
import type { SimulatorInfo, SimulatorStartArgs } from '../bench/simulator-process.js';
import type { GatewayInfo, GatewayStartArgs } from '../bench/gateway-process.js';
import { intEnv } from '../bench/env.js';

const TARGET_THROUGHPUT_RATIO = 0.8;
const TARGET_P99_RATIO = 1.25;
const TARGET_LOOKUPS_PER_SECOND = 500;
/** Gateway CPU per lookup at the open-loop load, ms (issue 14; the moonshot is 1.5). */
const TARGET_GATEWAY_CPU_MS = 3;
/** The simulated ANPR must sustain ≥ 400 signed requests/s on one core: ≤ 2.5 ms of CPU each. */
const TARGET_SIMULATOR_CPU_MS = 1000 / 400;

const ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

function choiceEnv<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got ${raw}`);
  return raw as T;
}

/** Today in Italy (the gateway's default asOf). */
function italianToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const pad = (s: string, n: number) => s.padStart(n);

interface UsageWindow {
  cpuPercent: number;
  /** CPU time used in the window, ms. */
  cpuMs: number;
  elu: number;
}

function usageDelta(a: ProcessUsage, b: ProcessUsage): UsageWindow {
  const wall = b.at - a.at;
  const active = b.eluActive - a.eluActive;
  const idle = b.eluIdle - a.eluIdle;
  return { cpuPercent: (100 * (b.cpuMicros - a.cpuMicros)) / 1000 / wall, cpuMs: (b.cpuMicros - a.cpuMicros) / 1000, elu: active / Math.max(1e-9, active + idle) };
}

function selfUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  return { cpuMicros: cpu.user + cpu.system, eluActive: elu.active, eluIdle: elu.idle, at: performance.now() };
}

// ------------------------------------------------------------------ lifecycle

const children: ChildHandle[] = [];
let tempDir: string | undefined;

function removeTempDir() {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

// Last resort on every way out (watchdog, signals, uncaught errors): synchronous only.
process.on('exit', () => {
  for (const c of children) c.kill();
  removeTempDir();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`);
    process.exit(130);
  });
}

/** Busy and total CPU time of the whole machine, ms (all CPUs). */
function machineCpu(): { busy: number; total: number; at: number } {
  let busy = 0;
  let total = 0;
  for (const c of cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total, at: performance.now() };
}

interface Measured<T> {
  result: T;
  /** One per process asked for, in order. */
  usage: UsageWindow[];
  /** CPU used by the rest of the machine during the run, % of one core (other programs: tests, builds...). */
  othersPercent: number;
}

/**
 * Runs a load and measures CPU from the moment `run` says its measured window opened to the moment it
 * says the window closed (or, if it does not, to its end).
 */
async function measured<T>(procs: Array<ChildHandle | 'self'>, run: (onMeasureStart: () => void, onMeasureEnd: () => void) => Promise<T>): Promise<Measured<T>> {
  const snap = () => Promise.all(procs.map((p) => (p === 'self' ? selfUsage() : p.usage())));
  let start: { m0: ReturnType<typeof machineCpu>; before: ReturnType<typeof snap> } | undefined;
  let end: { m1: ReturnType<typeof machineCpu>; after: ReturnType<typeof snap> } | undefined;
  const result = await run(
    () => {
      start = { m0: machineCpu(), before: snap() };
    },
    () => {
      if (start) end = { m1: machineCpu(), after: snap() };
    },
  );
  if (!start) throw new Error('the load never opened its measured window');
  const { m0 } = start;
  const beforeUsage = await start.before;
  const after = end ? await end.after : await snap();
  const m1 = end?.m1 ?? machineCpu();
  const usage = beforeUsage.map((b, i) => usageDelta(b, after[i]!));
  const machinePercent = (100 * (m1.busy - m0.busy)) / (m1.at - m0.at);
  const ours = usage.reduce((a, u) => a + u.cpuPercent, 0);
  return { result, usage, othersPercent: Math.max(0, machinePercent - ours) };
}

function printProfile(title: string, s: ProfileSummary) {
  const pct = (ms: number) => `${fmt((100 * ms) / Math.max(1, s.busyMs), 1)}%`;
  const lines = [
    '',
    `${title}: ${fmt(s.wallMs / 1000, 1)} s profiled (${fmt(s.profilerMs, 0)} ms of profiler start-up left out), busy ${fmt(s.busyMs / 1000, 2)} s (${fmt((100 * s.busyMs) / Math.max(1, s.wallMs), 0)}%), idle ${fmt(s.idleMs / 1000, 2)} s, GC ${fmt(s.gcMs / 1000, 2)} s`,
    `  top ${s.functions.length} functions by self time (share of busy time):`,
    ...s.functions.map((f) => `    ${pad(fmt(f.ms, 0), 7)} ms ${pad(pct(f.ms), 6)}  ${f.label}`),
    `  by file:`,
    ...s.files.slice(0, 10).map((f) => `    ${pad(fmt(f.ms, 0), 7)} ms ${pad(pct(f.ms), 6)}  ${f.label}`),
    `  by package / area:`,
    ...s.packages.map((f) => `    ${pad(fmt(f.ms, 0), 7)} ms ${pad(pct(f.ms), 6)}  ${f.label}`),
  ];
  console.log(lines.join('\n'));
}

// ------------------------------------------------------------------ main

async function main(): Promise<number> {
  const connections = intEnv('BENCH_CONNECTIONS', 50, 1, 2000);
  const seconds = intEnv('BENCH_SECONDS', 15, 1, 600);
  const warmup = intEnv('BENCH_WARMUP_SECONDS', 8, 0, 60);
  const identities = intEnv('BENCH_IDENTITIES', 500, 1, 100_000);
  const profileMode = choiceEnv('BENCH_PROFILE', 'auto', ['auto', 'always', 'never'] as const);
  const profileSeconds = intEnv('BENCH_PROFILE_SECONDS', 5, 1, 120);
  const logLevel = choiceEnv('BENCH_GATEWAY_LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const);
  const sections = (process.env.BENCH_SECTIONS || 'generalita,residenza').split(',').map((s) => s.trim()) as Section[];
  const unknown = sections.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`BENCH_SECTIONS: unknown section(s) ${unknown.join(', ')}`);
  const sqliteWal = ['1', 'true', 'yes'].includes((process.env.BENCH_SQLITE_WAL ?? '').toLowerCase());
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const redisUrl = process.env.BENCH_REDIS_URL || undefined;
  const openRate = intEnv('BENCH_RATE', 40, 0, 10_000);
  const openSeconds = intEnv('BENCH_OPEN_SECONDS', 20, 1, 600);
  const openWarmup = intEnv('BENCH_OPEN_WARMUP_SECONDS', 5, 0, 60);
  const closedLoop = !['0', 'false', 'no'].includes((process.env.BENCH_CLOSED ?? '').toLowerCase());
  const keepProfiles = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;

  // A hard bound on the whole run: set-up (population, PKI, schema, seed), the phases, profiling, shutdown.
  const boundSeconds = 2 * (warmup + seconds) + 2 * (openWarmup + openSeconds) + profileSeconds + 300;
  setTimeout(() => {
    console.error(`bench: time limit (${boundSeconds} s) exceeded, giving up`);
    process.exit(2);
  }, boundSeconds * 1000).unref();

  tempDir = mkdtempSync(join(tmpdir(), 'geres-bench-'));
  const asOf = italianToday();
  const motivoRichiesta = 'Benchmark';
  console.log(`bench: ${availableParallelism()} CPUs, Node ${process.version}, load average ${loadavg().map((l) => fmt(l, 2)).join(' ')}; temporary files in ${tempDir}`);

  // 1. The simulated ANPR.
  const sim = ChildHandle.start('simulated ANPR', here('../bench/simulator-process.js'), join(tempDir, 'simulator.log'));
  children.push(sim);
  const simInfo = await sim.call<SimulatorInfo>('start', { dir: join(tempDir, 'anpr'), identities, asOf } satisfies SimulatorStartArgs, 180_000);
  if (!simInfo.residents.length) throw new Error(`the simulator has no living resident of ${DEMO_COMUNE_ISTAT}`);
  console.log(`bench: simulated ANPR at ${simInfo.url} (${simInfo.population} people, ready in ${fmt(simInfo.startupMs / 1000)} s); ${simInfo.residents.length} residents of ${DEMO_COMUNE_ISTAT} in rotation`);

  // 2. The gateway.
  const gw = ChildHandle.start('gateway', here('../bench/gateway-process.js'), join(tempDir, 'gateway.log'));
  children.push(gw);
  const gwDir = join(tempDir, 'gateway');
  mkdirSync(gwDir);
  const gwInfo = await gw.call<GatewayInfo>('start', { dir: gwDir, simulator: simInfo, logLevel, dailyQuota: 1_000_000_000, sqliteWal, databaseUrl, redisUrl } satisfies GatewayStartArgs, 180_000);
  const storage = databaseUrl
    ? `MariaDB at ${new URL(databaseUrl).host} (a fresh database, dropped afterwards)${redisUrl ? ', Redis counters' : ', in-memory counters'}`
    : `sandbox mode, SQLite file${sqliteWal ? ' in WAL mode, synchronous=NORMAL (BENCH_SQLITE_WAL)' : ''}`;
  console.log(`bench: gateway at ${gwInfo.url} (${storage}, LOG_LEVEL=${logLevel}, ready in ${fmt(gwInfo.startupMs / 1000)} s)`);

  const login = await fetch(`${gwInfo.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: gwInfo.username, password: gwInfo.password }) });
  if (login.status !== 200) throw new Error(`login as ${gwInfo.username} failed: HTTP ${login.status} ${await login.text()}`);
  const token = ((await login.json()) as { accessToken: string }).accessToken;

  const bodies = simInfo.residents.map((cf) => JSON.stringify({ comune: DEMO_COMUNE_ISTAT, criterion: { type: 'codiceFiscale', codiceFiscale: cf }, sections, motivoRichiesta }));

  // The direct client: SoapAnprAdapter with what the gateway sends for this user (Comune keystore,
  // the Comune's own workstation, the mediator's operator id, rsa-sha1 as the adapter's default).
  const adapter = new SoapAnprAdapter({ operationIds: new InMemoryOperationIdSource(), places: sandboxPlaceResolver(), defaultTimeoutMs: 10_000 });
  const soap = simInfo.soap.soap!;
  const ctx: AnprCallContext = {
    comune: { ...simInfo.soap, soap: { baseUrl: soap.baseUrl, service: soap.service, keystore: soap.keystore, idApplicazione: simInfo.idApplicazione, idSede: DEMO_COMUNE_ISTAT }, timeoutMs: 10_000 },
    operatorId: simInfo.operatorId,
    workstation: simInfo.postazione,
    clientIp: '127.0.0.1',
  };
  const queries: PersonQuery[] = simInfo.residents.map((cf) => ({ criterion: { kind: 'codiceFiscale', codiceFiscale: cf }, sections: [...sections], asOf, motivoRichiesta }));

  // Sanity: both paths find the first identities (and open their keystores before the clock runs).
  for (let i = 0; i < Math.min(3, bodies.length); i++) {
    const res = await fetch(`${gwInfo.url}/v1/persons/search`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: bodies[i] });
    const body = (await res.json()) as { persons?: Array<{ generalita?: { codiceFiscale?: string } }> };
    if (res.status !== 200 || body.persons?.[0]?.generalita?.codiceFiscale !== simInfo.residents[i]) {
      throw new Error(`gateway lookup of ${simInfo.residents[i]} failed: HTTP ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    }
    const direct = await adapter.findPersons(queries[i]!, ctx);
    if (direct.persons.length !== 1) throw new Error(`direct lookup of ${simInfo.residents[i]} found ${direct.persons.length} persons`);
  }

  const lines: string[] = [];
  const checks: Array<{ what: string; value: string; target: string; met: boolean }> = [];

  // Open loop first: the cost of a lookup on each path at a fixed load below saturation.
  if (openRate > 0) {
    console.log(`bench: open loop, ${openRate} lookups/s offered per path, ${openWarmup} s warm-up + ${openSeconds} s measured`);
    const sendGateway = async (i: number) => {
      const res = await fetch(`${gwInfo.url}/v1/persons/search`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' }, body: bodies[i % bodies.length] });
      await res.arrayBuffer();
      return res.status === 200 ? undefined : `HTTP ${res.status}`;
    };
    const sendDirect = async (i: number) => {
      await adapter.findPersons(queries[i % queries.length]!, ctx);
      return undefined;
    };
    const open = (send: (i: number) => Promise<string | undefined>) =>
      measured([sim, gw, 'self'], (onMeasureStart, onMeasureEnd) => loadOpen({ rate: openRate, send, warmupSeconds: openWarmup, seconds: openSeconds, onMeasureStart, onMeasureEnd }));
    const og = await open(sendGateway);
    const od = await open(sendDirect);
    const perLookup = (m: typeof og, i: number) => m.usage[i]!.cpuMs / Math.max(1, m.result.ok);
    const cell = (m: typeof og, i: number) => `${fmt(perLookup(m, i), 2)} ms (ELU ${fmt(m.usage[i]!.elu, 2)})`;
    const openRow = (name: string, m: typeof og, gatewayCell: string) => {
      const sm = summarise(m.result);
      return `  ${name.padEnd(26)}${pad(fmt(sm.perSecond), 8)}${pad(fmt(sm.p50), 9)}${pad(fmt(sm.p99), 9)}${pad(`${sm.failed}`, 7)}${pad(`${m.result.maxInFlight}`, 8)}   ${cell(m, 0).padEnd(22)}${gatewayCell.padEnd(22)}${cell(m, 2)}`;
    };
    const gwMs = perLookup(og, 1);
    const simMs = Math.max(perLookup(og, 0), perLookup(od, 0));
    lines.push(
      '',
      `Open loop: ${openRate} lookups/s offered on each path for ${openSeconds} s (after ${openWarmup} s of warm-up); CPU time of each process in the window per answered lookup`,
      `  ${''.padEnd(26)}${pad('ans/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('failed', 7)}${pad('in-fl.', 8)}   ${'simulated ANPR'.padEnd(22)}${'gateway'.padEnd(22)}client (bench)`,
      openRow('through the gateway', og, cell(og, 1)),
      openRow('direct (SoapAnprAdapter)', od, '-'),
      `  other programs: ${fmt(og.othersPercent, 0)}% / ${fmt(od.othersPercent, 0)}% of a core during the two runs`,
    );
    for (const [name, r] of [['gateway (open loop)', og.result], ['direct (open loop)', od.result]] as const) {
      for (const [what, n] of r.failures) lines.push(`  ${name} failure x${n}: ${what}`);
    }
    checks.push(
      { what: 'gateway CPU per lookup   ', value: `${fmt(gwMs, 2)} ms`, target: `≤ ${fmt(TARGET_GATEWAY_CPU_MS, 2)} ms`, met: gwMs <= TARGET_GATEWAY_CPU_MS },
      { what: 'gateway CPU / direct CPU ', value: fmt(gwMs / Math.max(1e-9, perLookup(od, 2)), 2), target: 'info', met: true },
      { what: 'simulator CPU per request', value: `${fmt(simMs, 2)} ms`, target: `≤ ${fmt(TARGET_SIMULATOR_CPU_MS, 2)} ms (≥ 400/s on one core)`, met: simMs <= TARGET_SIMULATOR_CPU_MS },
      { what: 'failed lookups (open)    ', value: `${summarise(og.result).failed}`, target: '0', met: summarise(og.result).failed === 0 },
    );
  }

  const gatewayLoad = (s: number, onMeasureStart?: () => void) => loadGateway({ url: gwInfo.url, token, bodies, connections, warmupSeconds: warmup, seconds: s, onMeasureStart });
  const directLoad = (s: number, onMeasureStart?: () => void) => loadDirect({ adapter, ctx, queries, connections, warmupSeconds: warmup, seconds: s, onMeasureStart });
  if (closedLoop) {
    console.log(`bench: ${connections} concurrent callers, ${warmup} s warm-up + ${seconds} s measured per path; sections ${sections.join(',')}`);

    // Warm-up and measurement in one run per path: the callers' connections survive into the measurement.
    const viaGateway = await measured([sim, gw, 'self'], (start) => gatewayLoad(seconds, start));
    const direct = await measured([sim, gw, 'self'], (start) => directLoad(seconds, start));

    const g = summarise(viaGateway.result);
    const d = summarise(direct.result);
    const throughputRatio = g.perSecond / d.perSecond;
    const p99Ratio = g.p99 / d.p99;
    checks.push(
      { what: 'gateway/direct throughput', value: fmt(throughputRatio, 2), target: `≥ ${fmt(TARGET_THROUGHPUT_RATIO, 2)}`, met: throughputRatio >= TARGET_THROUGHPUT_RATIO },
      { what: 'gateway p99 / direct p99 ', value: fmt(p99Ratio, 2), target: `≤ ${fmt(TARGET_P99_RATIO, 2)}`, met: p99Ratio <= TARGET_P99_RATIO },
      { what: 'lookups/s via the gateway', value: fmt(g.perSecond, 1), target: `≥ ${TARGET_LOOKUPS_PER_SECOND}`, met: g.perSecond >= TARGET_LOOKUPS_PER_SECOND },
      { what: 'failed lookups (closed)  ', value: `${g.failed}`, target: '0', met: g.failed === 0 },
    );
    const row = (name: string, s: LoadSummary, r: LoadResult) =>
      `  ${name.padEnd(30)}${pad(fmt(s.perSecond), 9)}${pad(fmt(s.p50, 1), 10)}${pad(fmt(s.p99, 1), 10)}${pad(fmt(s.max, 1), 10)}${pad(`${r.ok}`, 9)}${pad(`${s.failed}`, 8)}`;
    const use = (u: UsageWindow) => `${pad(fmt(u.cpuPercent, 0), 4)}% CPU, ELU ${fmt(u.elu, 2)}`;
    lines.push(
      '',
      `POST /v1/persons/search by codice fiscale vs SoapAnprAdapter → simulated ANPR, ${connections} concurrent callers, ${seconds} s each, loopback, ${availableParallelism()} CPUs`,
      `  ${''.padEnd(30)}${pad('req/s', 9)}${pad('p50 ms', 10)}${pad('p99 ms', 10)}${pad('max ms', 10)}${pad('ok', 9)}${pad('failed', 8)}`,
      row('through the gateway', g, viaGateway.result),
      row('direct (SoapAnprAdapter)', d, direct.result),
      '',
      `  CPU per process during each run (% of one core; ELU = event-loop utilisation, 1.00 = saturated):`,
      `  ${''.padEnd(18)}${'through the gateway'.padEnd(26)}direct`,
      `  ${'simulated ANPR'.padEnd(18)}${use(viaGateway.usage[0]!).padEnd(26)}${use(direct.usage[0]!)}`,
      `  ${'gateway'.padEnd(18)}${use(viaGateway.usage[1]!).padEnd(26)}${use(direct.usage[1]!)}`,
      `  ${'bench (client)'.padEnd(18)}${use(viaGateway.usage[2]!).padEnd(26)}${use(direct.usage[2]!)}`,
      `  ${'other programs'.padEnd(18)}${`${pad(fmt(viaGateway.othersPercent, 0), 4)}% CPU`.padEnd(26)}${pad(fmt(direct.othersPercent, 0), 4)}% CPU`,
    );
    const busiest = Math.max(viaGateway.othersPercent, direct.othersPercent);
    if (busiest > 25) lines.push(`  warning: other programs used up to ${fmt(busiest, 0)}% of a core during the runs; the figures are lower than on an idle machine`);
    for (const [name, r] of [['gateway', viaGateway.result], ['direct', direct.result]] as const) {
      for (const [what, n] of r.failures) lines.push(`  ${name} failure x${n}: ${what}`);
    }
  }
  lines.push('', 'Targets (issue 14):', ...checks.map((c) => `  ${c.what}  ${pad(c.value, 9)}   target ${c.target.padEnd(8)}  ${c.target === 'info' ? '' : c.met ? 'met' : 'MISSED'}`));
  console.log(lines.join('\n'));

  const missed = checks.some((c) => !c.met);
  if (profileMode === 'always' || (missed && profileMode === 'auto')) {
    const dir = keepProfiles ?? join(tempDir, 'profiles');
    mkdirSync(dir, { recursive: true });
    console.log(`\nbench: ${missed ? 'a target is missed: ' : ''}profiling the gateway and the simulated ANPR during ${profileSeconds} s of load through the gateway`);
    await Promise.all([gw.call('profile-start'), sim.call('profile-start')]);
    const profiled = summarise(await gatewayLoad(profileSeconds));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const [gwProfile, simProfile] = await Promise.all([
      gw.call<string>('profile-stop', { path: join(dir, `gateway-${stamp}.cpuprofile`) }),
      sim.call<string>('profile-stop', { path: join(dir, `simulator-${stamp}.cpuprofile`) }),
    ]);
    console.log(`  (while profiled: ${fmt(profiled.perSecond)} req/s, p50 ${fmt(profiled.p50)} ms, p99 ${fmt(profiled.p99)} ms)`);
    printProfile('Gateway CPU profile', summariseProfile(gwProfile, ROOT));
    printProfile('Simulated ANPR CPU profile', summariseProfile(simProfile, ROOT));
    if (keepProfiles) console.log(`\n  profiles kept in ${keepProfiles} (open them in Chrome DevTools → Performance)`);
  }
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error('bench failed:', e instanceof Error ? (e.stack ?? e.message) : e);
  for (const c of children) if (!c.alive || process.env.BENCH_VERBOSE) console.error(`--- ${c.name} log (${c.logPath}):\n${c.tail()}`);
} finally {
  await Promise.all(children.map((c) => c.stop().catch(() => c.kill())));
  removeTempDir();
}
process.exit(code);
