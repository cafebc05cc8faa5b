/**
 * The two load generators of `npm run bench`, measured the same way: C concurrent callers for S
 * seconds, each sending its next lookup as soon as the previous one is answered (closed loop).
 * Only answers that arrive before the deadline count, for throughput and for latency alike.
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

export interface GatewayLoad {
  url: string;
  token: string;
  /** JSON bodies of POST /v1/persons/search, used in turn. */
  bodies: string[];
  connections: number;
  seconds: number;
}

export async function loadGateway(o: GatewayLoad): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let late = 0;
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;
  let instance: AutocannonInstance | undefined;
  const finished = new Promise<AutocannonResult>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${o.url}/v1/persons/search`,
        connections: o.connections,
        duration: o.seconds,
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
    if (performance.now() > deadline) {
      late++;
      return;
    }
    if (status >= 200 && status < 300) latencies.push(responseTime);
    else count(failures, `HTTP ${status}`);
  });
  instance!.on('reqError', (e: Error) => {
    if (performance.now() <= deadline) count(failures, e.message || String(e));
  });
  await finished;
  return { seconds: o.seconds, ok: latencies.length, failures, latencies: Float64Array.from(latencies).sort(), late };
}

// ------------------------------------------------------------------ direct (SoapAnprAdapter)

export interface DirectLoad {
  adapter: SoapAnprAdapter;
  ctx: AnprCallContext;
  queries: PersonQuery[];
  connections: number;
  seconds: number;
}

export async function loadDirect(o: DirectLoad): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let late = 0;
  const deadline = performance.now() + o.seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const q = o.queries[next++ % o.queries.length]!;
      const start = performance.now();
      try {
        await o.adapter.findPersons(q, o.ctx);
        const end = performance.now();
        if (end <= deadline) latencies.push(end - start);
        else late++;
      } catch (e) {
        if (performance.now() <= deadline) count(failures, e instanceof AnprError ? `${e.kind}: ${e.message}` : String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, caller));
  return { seconds: o.seconds, ok: latencies.length, failures, latencies: Float64Array.from(latencies).sort(), late };
}
