/**
 * Benchmark of the SOAP connector against the simulated ANPR on loopback (`npm run bench:anpr`).
 *
 * The simulator (startSandboxAnpr, 127.0.0.1, any free port) runs on a worker thread, so the main
 * thread measures the connector: WS-Security signing, XML building and parsing, HTTP. It prints
 *   - signed requests per second and p50/p99 latency for BENCH_CONCURRENCY concurrent lookups
 *     (default 20) during BENCH_SECONDS (default 10), after a warm-up;
 *   - private-key operations per call, cold (first call) and warm (average);
 *   - the raw throughput of buildSignedEnvelope on one core, without HTTP (BENCH_SIGN_SECONDS,
 *     default 3), and of the bare RSA signature for comparison.
 * Bounded in time; exits by itself. BENCH_DIR keeps the PKI between runs (default: a temporary
 * directory, removed at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  AnprError,
  buildRequestBody,
  buildSignedAssertion,
  buildSignedEnvelope,
  createIdPostazioneFirmato,
  httpSoapTransport,
  InMemoryOperationIdSource,
  loadPkcs12,
  observePrivateKeyOperations,
  SECTIONS,
  SoapAnprAdapter,
  type AnprCallContext,
  type ComuneAnprSettings,
  type PersonQuery,
  type SignatureAlgorithms,
} from '#libs/anpr';
import { buildSandboxCatalogue } from '../population/catalogue.js';
import { DEMO_COMUNE_ISTAT } from '../population/places.js';
import { sandboxPlaceResolver, startSandboxAnpr, SANDBOX_WORKSTATION_ID, type SandboxWorkstation } from '../sandbox-anpr.js';
import { intEnv } from '../bench/env.js';

interface SimulatorReady {
  type: 'ready';
  url: string;
  settings: ComuneAnprSettings;
  workstation: SandboxWorkstation;
  operatorId: string;
  queries: PersonQuery[];
  population: number;
  startupMs: number;
}

// ------------------------------------------------------------------ simulator side (worker thread)

async function serveSimulator(dir: string): Promise<void> {
  const t0 = performance.now();
  const sandbox = await startSandboxAnpr({ dir, host: '127.0.0.1', port: 0, comuni: [DEMO_COMUNE_ISTAT] });
  // Lookups the connector can make on 3002 that find someone: every "found" identity of the catalogue.
  const queries: PersonQuery[] = buildSandboxCatalogue(sandbox.registry)
    .entries.filter((e) => e.expect.outcome === 'found')
    .map((e) => ({
      criterion: e.query.criterion,
      sections: [...SECTIONS],
      motivoRichiesta: 'Benchmark',
      ...(e.query.asOf ? { asOf: e.query.asOf } : {}),
      ...(e.query.comuneResidenza ? { comuneResidenza: e.query.comuneResidenza } : {}),
    }));
  const ready: SimulatorReady = {
    type: 'ready',
    url: sandbox.url,
    settings: sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap'),
    workstation: sandbox.workstation(SANDBOX_WORKSTATION_ID),
    operatorId: sandbox.operatorId,
    queries,
    population: sandbox.registry.size,
    startupMs: performance.now() - t0,
  };
  parentPort!.on('message', (m: { type?: string }) => {
    if (m?.type !== 'close') return;
    sandbox.close().finally(() => {
      parentPort!.postMessage({ type: 'closed' });
      parentPort!.close();
    });
  });
  parentPort!.postMessage(ready);
}

// ------------------------------------------------------------------ connector side (main thread)

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** CPU time of this thread (Node ≥ 23.9), else of the whole process; microseconds. */
const threadCpu = (): { micros: number; thread: boolean } => {
  const p = process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage };
  const u = p.threadCpuUsage ? p.threadCpuUsage() : process.cpuUsage();
  return { micros: u.user + u.system, thread: !!p.threadCpuUsage };
};

/** Calls `fn` repeatedly for `ms` milliseconds on this thread; returns calls per second. */
function rate(ms: number, fn: () => void): { perSecond: number; calls: number } {
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn();
    calls++;
    // Reading the clock every call costs little next to an RSA signature.
    now = performance.now();
  }
  return { perSecond: (calls * 1000) / (now - start), calls };
}

async function main(): Promise<void> {
  const seconds = intEnv('BENCH_SECONDS', 10, 1, 600);
  const concurrency = intEnv('BENCH_CONCURRENCY', 20, 1, 1000);
  const signSeconds = intEnv('BENCH_SIGN_SECONDS', 3, 1, 60);
  const keepDir = process.env.BENCH_DIR;
  const dir = keepDir || mkdtempSync(join(tmpdir(), 'geres-bench-anpr-'));
  // Hard bound on the whole run, whatever happens: set-up, run, signing, shutdown.
  const watchdog = setTimeout(
    () => {
      console.error('bench-anpr: time limit exceeded, giving up');
      process.exit(2);
    },
    (seconds + signSeconds + 180) * 1000,
  );
  watchdog.unref();

  console.log(`bench-anpr: starting the simulated ANPR on a worker thread (PKI in ${dir})`);
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'simulator', dir } });
  const ready = await new Promise<SimulatorReady>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') resolve(m as SimulatorReady);
    });
  });
  const stopWorker = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5_000);
      worker.on('message', (m: { type?: string }) => {
        if (m?.type === 'closed') {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.postMessage({ type: 'close' });
    });

  try {
    const ids = new InMemoryOperationIdSource();
    const adapter = new SoapAnprAdapter({ operationIds: ids, places: sandboxPlaceResolver(), defaultTimeoutMs: 30_000 });
    const ctx: AnprCallContext = { comune: ready.settings, operatorId: ready.operatorId, workstation: ready.workstation, clientIp: '127.0.0.1' };
    const { queries } = ready;
    console.log(
      `simulator at ${ready.url} (${ready.population} people, ready in ${fmt(ready.startupMs / 1000)} s); ` +
        `${queries.length} catalogue lookups on 3002, all sections, ${ready.settings.soap!.signatureAlgorithm}/${ready.settings.soap!.digestAlgorithm}`,
    );

    let ops = 0;
    const stopObserving = observePrivateKeyOperations(() => ops++);

    // Cold: the first call opens the keystores, makes the PKCS#7 and the assertion.
    let t = performance.now();
    await adapter.findPersons(queries[0]!, ctx);
    const coldMs = performance.now() - t;
    const coldOps = ops;

    // Warm-up: a second of calls at the target concurrency (JIT, sockets, caches).
    const errors = new Map<string, number>();
    const runFor = async (ms: number, latencies: number[] | undefined) => {
      const deadline = performance.now() + ms;
      let next = 0;
      const workerLoop = async () => {
        while (performance.now() < deadline) {
          const q = queries[next++ % queries.length]!;
          const s = performance.now();
          try {
            await adapter.findPersons(q, ctx);
            latencies?.push(performance.now() - s);
          } catch (e) {
            const key = e instanceof AnprError ? `${e.kind}: ${e.message}` : String(e);
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, workerLoop));
    };
    await runFor(1_000, undefined);
    errors.clear();

    ops = 0;
    const latencies: number[] = [];
    const cpu0 = threadCpu();
    t = performance.now();
    await runFor(seconds * 1_000, latencies);
    const elapsed = performance.now() - t;
    const cpu = threadCpu();
    const cpuMicros = cpu.micros - cpu0.micros;
    const warmOps = ops;
    stopObserving();

    // The connector alone on one core: the same lookups answered from memory (no HTTP, no simulator).
    const answers: string[] = [];
    const recorder = new SoapAnprAdapter({
      operationIds: ids,
      places: sandboxPlaceResolver(),
      transport: async (req) => {
        const res = await httpSoapTransport(req);
        answers.push(res.body);
        return res;
      },
    });
    for (const q of queries) await recorder.findPersons(q, ctx);
    let canned = 0;
    const offline = new SoapAnprAdapter({ operationIds: ids, places: sandboxPlaceResolver(), transport: async () => ({ status: 200, body: answers[canned]! }) });
    await offline.findPersons(queries[0]!, ctx);
    let offlineCalls = 0;
    const offlineStart = performance.now();
    while (performance.now() - offlineStart < signSeconds * 1_000) {
      canned = offlineCalls % queries.length;
      await offline.findPersons(queries[canned]!, ctx);
      offlineCalls++;
    }
    const offlinePerSecond = (offlineCalls * 1000) / (performance.now() - offlineStart);

    const sorted = Float64Array.from(latencies).sort();
    const calls = latencies.length;
    const failures = [...errors.values()].reduce((a, b) => a + b, 0);

    // Raw signing on one core: the per-call work of a warm call, without HTTP or the simulator.
    const soap = ready.settings.soap!;
    const algs: SignatureAlgorithms = { signature: soap.signatureAlgorithm ?? 'rsa-sha1', digest: soap.digestAlgorithm ?? 'sha1' };
    const [comuneKs, wsKs] = await Promise.all([loadPkcs12(soap.keystore), loadPkcs12(ready.workstation.keystore)]);
    const assertion = buildSignedAssertion(
      {
        operatorId: ready.operatorId,
        idSede: DEMO_COMUNE_ISTAT,
        idPostazione: ready.workstation.id,
        idPostazioneFirmato: createIdPostazioneFirmato(ready.workstation.id, wsKs),
        idApplicazione: soap.idApplicazione ?? 'GeRes',
        clientIp: '127.0.0.1',
        issueInstant: new Date(),
        lifetimeSeconds: 300,
      },
      comuneKs,
      algs,
    ).xml;
    const body = buildRequestBody('3002', queries[1] ?? queries[0]!, {
      idOperazione: '1',
      codMittente: DEMO_COMUNE_ISTAT,
      environment: ready.settings.environment,
      dataOraRichiesta: new Date(),
    });
    const envelopes = rate(signSeconds * 1_000, () => {
      buildSignedEnvelope({ bodyXml: body, signedAssertionXml: assertion, comune: comuneKs, algs, now: new Date(), timestampTtlSeconds: 300 });
    });
    const hash = algs.signature === 'rsa-sha1' ? 'sha1' : 'sha256';
    const rsa = rate(1_000, () => comuneKs.signer.sign('x'.repeat(256), hash));

    const lines = [
      '',
      `SOAP 3002 through SoapAnprAdapter, ${concurrency} concurrent, ${fmt(elapsed / 1000)} s on loopback (simulator on its own thread; ${availableParallelism()} CPUs):`,
      `  signed requests/s      ${fmt((calls * 1000) / elapsed)}  (${calls} answered${failures ? `, ${failures} failed` : ''})`,
      `  latency                p50 ${fmt(percentile(sorted, 50), 2)} ms, p99 ${fmt(percentile(sorted, 99), 2)} ms, max ${fmt(sorted.at(-1) ?? NaN, 2)} ms`,
      `  private-key ops/call   cold ${coldOps} (first call, ${fmt(coldMs)} ms), warm ${fmt(warmOps / Math.max(1, calls + failures), 3)} (${warmOps} for ${calls + failures} calls)`,
      `  connector CPU          ${fmt(cpuMicros / 1000 / Math.max(1, calls), 2)} ms per call (${cpu.thread ? `main thread, busy ${fmt((100 * cpuMicros) / 1000 / elapsed, 0)}% of the run` : 'whole process, simulator included'})`,
      `On one core, no HTTP:`,
      `  findPersons/s          ${fmt(offlinePerSecond)}  (whole connector: build, sign, parse; answers replayed from memory)`,
      `  buildSignedEnvelope/s  ${fmt(envelopes.perSecond)}  (${algs.signature}, Timestamp + Body, cached assertion)`,
      `  bare RSA-2048 sign/s   ${fmt(rsa.perSecond)}`,
    ];
    for (const [what, n] of errors) lines.push(`  error x${n}: ${what}`);
    console.log(lines.join('\n'));
  } finally {
    await stopWorker();
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'simulator') {
  await serveSimulator((workerData as { dir: string }).dir);
} else if (isMainThread) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('bench-anpr failed:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
