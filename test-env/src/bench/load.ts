/**
 * The two load generators of `npm run bench`, measured the same way: C concurrent callers, each
 * sending its next lookup as soon as the previous one is answered (closed loop), for a warm-up
 * then S measured seconds, in one run: the callers keep their connections from the warm-up into
 * the measurement, as a client's keep-alive pool does (opening 50 connections to a busy server is a
 * start-up cost, not the steady state). Only answers that arrive within the measured window count,
 * for throughput and for latency alike.
 */
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { AnprError, type AnprCallContext, type PersonQuery, type SoapAnprAdapter } from '#libs/anpr';

export interface LoadResult {
  seconds: number;
  /** Successful answers within the window. */
  ok: number;
  /** Failures within the window, by cause (HTTP status or error). */
  failures: Map<string, number>;
  /** Latencies of the successful answers, ms, sorted. */
  latencies: Float64Array;
  /** Answers that arrived after the deadline (not counted). */
  late: number;
}

export interface LoadSummary {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(r: LoadResult): LoadSummary {
  return {
    perSecond: r.ok / r.seconds,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    max: r.latencies.at(-1) ?? NaN,
    failed: [...r.failures.values()].reduce((a, b) => a + b, 0),
  };
}

const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

// ------------------------------------------------------------------ through the gateway (autocannon)

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
}

interface AutocannonInstance extends EventEmitter {
  stop(): void;
}

type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

// autocannon is CommonJS and ships no types: load it through require, typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** The measured window of a run: after `warmupSeconds`, for `seconds`. */
export interface LoadWindow {
  warmupSeconds: number;
  seconds: number;
  /** Called when the measured window opens (e.g. to take CPU usage snapshots). */
  onMeasureStart?: () => void;
  /** Called when the measured window closes (answers still in flight are not waited for). */
  onMeasureEnd?: () => void;
}

export interface GatewayLoad extends LoadWindow {
  url: string;
  token: string;
  /** JSON bodies of POST /v1/persons/search, used in turn. */
  bodies: string[];
  connections: number;
}

/** Opens the window after the warm-up; `counts(t)` says whether an answer at time t is measured. */
function window(o: LoadWindow) {
  const t0 = performance.now();
  const from = t0 + o.warmupSeconds * 1000;
  const deadline = from + o.seconds * 1000;
  const timer = setTimeout(() => o.onMeasureStart?.(), o.warmupSeconds * 1000);
  const endTimer = setTimeout(() => o.onMeasureEnd?.(), (o.warmupSeconds + o.seconds) * 1000);
  return {
    deadline,
    counts: (t: number) => t >= from && t <= deadline,
    isLate: (t: number) => t > deadline,
    done: () => {
      clearTimeout(timer);
      clearTimeout(endTimer);
    },
  };
}

export async function loadGateway(o: GatewayLoad): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let late = 0;
  const w = window(o);
  let instance: AutocannonInstance | undefined;
  const finished = new Promise<AutocannonResult>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${o.url}/v1/persons/search`,
        connections: o.connections,
        duration: o.warmupSeconds + o.seconds,
        timeout: 30,
        method: 'POST',
        headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json', accept: 'application/json' },
        requests: [
          {
            setupRequest: (req: AutocannonRequest) => {
              req.body = o.bodies[next++ % o.bodies.length];
              return req;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance!.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    const now = performance.now();
    if (w.isLate(now)) late++;
    if (!w.counts(now)) return;
    if (status >= 200 && status < 300) latencies.push(responseTime);
    else count(failures, `HTTP ${status}`);
  });
  instance!.on('reqError', (e: Error) => {
    if (w.counts(performance.now())) count(failures, e.message || String(e));
  });
  await finished;
  w.done();
  return { seconds: o.seconds, ok: latencies.length, failures, latencies: Float64Array.from(latencies).sort(), late };
}

// ------------------------------------------------------------------ direct (SoapAnprAdapter)

export interface DirectLoad extends LoadWindow {
  adapter: SoapAnprAdapter;
  ctx: AnprCallContext;
  queries: PersonQuery[];
  connections: number;
}

export async function loadDirect(o: DirectLoad): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let late = 0;
  const w = window(o);
  const caller = async () => {
    while (performance.now() < w.deadline) {
      const q = o.queries[next++ % o.queries.length]!;
      const start = performance.now();
      try {
        await o.adapter.findPersons(q, o.ctx);
        const end = performance.now();
        if (w.counts(end)) latencies.push(end - start);
        else if (w.isLate(end)) late++;
      } catch (e) {
        if (w.counts(performance.now())) count(failures, e instanceof AnprError ? `${e.kind}: ${e.message}` : String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, caller));
  w.done();
  return { seconds: o.seconds, ok: latencies.length, failures, latencies: Float64Array.from(latencies).sort(), late };
}

// ------------------------------------------------------------------ open loop (fixed offered load)

export interface OpenLoad extends LoadWindow {
  /** Lookups started per second, whatever the answers (open loop): below saturation, no queue builds up. */
  rate: number;
  /** Sends lookup number i; resolves when answered, throws (or returns a failure label) when it failed. */
  send: (i: number) => Promise<string | undefined>;
}

/**
 * Starts `rate` lookups per second on a fixed schedule (each at t0 + i / rate, not after the previous
 * answer), for the warm-up then the measured window. Counts what is answered within the window; the
 * CPU of each process over that window divided by these answers is the cost per lookup, with no
 * process saturated when the rate is below what the slowest one sustains.
 */
export async function loadOpen(o: OpenLoad): Promise<LoadResult & { offered: number; maxInFlight: number }> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let late = 0;
  let offered = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const w = window(o);
  const t0 = performance.now();
  const pending = new Set<Promise<void>>();
  const one = async (i: number) => {
    const start = performance.now();
    if (w.counts(start)) offered++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const failure = await o.send(i);
      const end = performance.now();
      if (w.isLate(end)) late++;
      else if (w.counts(end)) {
        if (failure) count(failures, failure);
        else latencies.push(end - start);
      }
    } catch (e) {
      if (w.counts(performance.now())) count(failures, e instanceof AnprError ? `${e.kind}: ${e.message}` : String(e));
    } finally {
      inFlight--;
    }
  };
  for (let i = 0; ; i++) {
    const due = t0 + (i * 1000) / o.rate;
    if (due > w.deadline) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const p = one(i);
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }
  await Promise.all(pending);
  w.done();
  return { seconds: o.seconds, ok: latencies.length, failures, latencies: Float64Array.from(latencies).sort(), late, offered, maxInFlight };
}
