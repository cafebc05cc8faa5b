import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedRegistry } from './simulated-registry.js';
import { buildSandboxCatalogue, serialiseCatalogue } from './population/catalogue.js';
import { DEFAULT_SEED, DEFAULT_SIZE } from './population/generator.js';
import { normaliseSeed, Prng } from './population/prng.js';
import { createSyntheticRegistry, SyntheticRegistry } from './population/registry.js';
import { readRequestBody } from './http-body.js';

/** A channel implementation (SOAP or PDND) plugged into the simulator. */
export type ChannelHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Fault modes. The launcher itself answers latency, timeout, http500 and http429; malformed and
 * soapFault need channel knowledge, so it marks the request (its `simFault` property) and lets the
 * channel handler produce them.
 */
export type SimFaultMode = 'timeout' | 'http500' | 'http429' | 'malformed' | 'soapFault';
export const SIM_FAULT_MODES: readonly SimFaultMode[] = ['timeout', 'http500', 'http429', 'malformed', 'soapFault'];
export const SIM_FAULT_HEADER = 'x-sim-fault';

export interface SimulatorFaults {
  /** Added to every channel request. */
  latencyMs?: number;
  /** Injects `mode` into a random share of channel requests (deterministic for a seed). */
  rate?: { mode: SimFaultMode; probability: number };
  /** Retry-After of the http429 fault, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Longest a 'timeout' request is held before its socket is dropped. Default 120 s. */
  timeoutHoldMs?: number;
}

export interface SimulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number | string;
  size?: number;
  /** Use this registry instead of generating one (seed and size are then ignored). */
  registry?: SimulatedRegistry;
  faults?: SimulatorFaults;
  soapHandler?: ChannelHandler;
  pdndHandler?: ChannelHandler;
  /** Builds the channel handlers once the registry exists (they usually need it). */
  createHandlers?: (registry: SimulatedRegistry) => { soapHandler?: ChannelHandler; pdndHandler?: ChannelHandler } | Promise<{ soapHandler?: ChannelHandler; pdndHandler?: ChannelHandler }>;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:43210 (no trailing slash). */
  url: string;
  port: number;
  host: string;
  registry: SimulatedRegistry;
  close(): Promise<void>;
}

/** ANPR's SOAP service roots (REFERENCE.md §2.1). */
export const SOAP_PATH_PREFIXES = ['/ANPR3000ServiziConsultazione/', '/anpr-wsE000/'] as const;
/** GovWay e-services, the PDND authorisation server and its keys. */
export const PDND_PATH_PREFIXES = ['/govway/'] as const;
export const PDND_EXACT_PATHS = ['/token.oauth2', '/.well-known/jwks.json'] as const;

export type Channel = 'soap' | 'pdnd';

export function channelOf(pathname: string): Channel | undefined {
  if (SOAP_PATH_PREFIXES.some((p) => pathname.startsWith(p))) return 'soap';
  if (PDND_PATH_PREFIXES.some((p) => pathname.startsWith(p)) || (PDND_EXACT_PATHS as readonly string[]).includes(pathname)) return 'pdnd';
  return undefined;
}

export interface ParsedFault {
  latencyMs?: number;
  mode?: SimFaultMode;
}

/**
 * A fault armed over HTTP (`POST /faults`) for the next `remaining` channel requests, so that a
 * tester (or an SDK's test suite, which cannot set X-Sim-Fault on the gateway's own requests to
 * ANPR) can make the simulated ANPR fail on demand.
 */
export interface ArmedFault extends ParsedFault {
  /** Requests this fault still applies to. */
  remaining: number;
  /** Only requests of this channel; default any. */
  channel?: Channel;
}

const MAX_ARMED_COUNT = 1000;
const MAX_ARMED_LATENCY_MS = 600_000;

/** Validates a `POST /faults` body; returns the fault or the reason it is refused. */
export function parseArmFaultRequest(body: unknown): ArmedFault | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'the body must be a JSON object, e.g. {"mode":"http500","count":1}' };
  const b = body as Record<string, unknown>;
  const unknownKey = Object.keys(b).find((k) => !['mode', 'latencyMs', 'count', 'channel'].includes(k));
  if (unknownKey) return { error: `unknown field ${unknownKey}: use mode, latencyMs, count, channel` };
  if (b.mode !== undefined && !SIM_FAULT_MODES.includes(b.mode as SimFaultMode)) return { error: `mode must be one of ${SIM_FAULT_MODES.join(', ')}` };
  if (b.latencyMs !== undefined && !(Number.isInteger(b.latencyMs) && (b.latencyMs as number) >= 0 && (b.latencyMs as number) <= MAX_ARMED_LATENCY_MS)) {
    return { error: `latencyMs must be an integer from 0 to ${MAX_ARMED_LATENCY_MS}` };
  }
  if (b.mode === undefined && !b.latencyMs) return { error: 'give a mode, a latencyMs, or both' };
  const count = b.count ?? 1;
  if (!(Number.isInteger(count) && (count as number) >= 1 && (count as number) <= MAX_ARMED_COUNT)) return { error: `count must be an integer from 1 to ${MAX_ARMED_COUNT}` };
  if (b.channel !== undefined && b.channel !== 'soap' && b.channel !== 'pdnd') return { error: 'channel must be soap or pdnd' };
  return {
    remaining: count as number,
    ...(b.mode !== undefined ? { mode: b.mode as SimFaultMode } : {}),
    ...(b.latencyMs ? { latencyMs: b.latencyMs as number } : {}),
    ...(b.channel !== undefined ? { channel: b.channel as Channel } : {}),
  };
}

/** `X-Sim-Fault: latency=250`, `timeout`, `http500`, `http429`, `malformed`, `soapFault`; several may be combined with commas. */
export function parseSimFaultHeader(value: string | string[] | undefined): ParsedFault | undefined {
  const raw = Array.isArray(value) ? value.join(',') : value;
  if (!raw) return undefined;
  const out: ParsedFault = {};
  for (const part of raw.split(/[,;|\s]+/).filter(Boolean)) {
    const latency = /^latency=(\d{1,7})$/i.exec(part);
    if (latency) out.latencyMs = Number(latency[1]);
    else {
      const mode = SIM_FAULT_MODES.find((m) => m.toLowerCase() === part.toLowerCase());
      if (mode) out.mode = mode;
    }
  }
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function channelError(res: ServerResponse, channel: Channel | undefined, status: number, title: string, detail: string, headers: Record<string, string> = {}): void {
  if (channel === 'pdnd') {
    sendJson(res, status, { type: `https://govway.org/handling-errors/${status}/${title}.html`, title, status, detail }, headers, 'application/problem+json');
  } else {
    sendJson(res, status, `${detail}\n`, headers, 'text/plain');
  }
}

async function readJsonBody(req: IncomingMessage, limit = 16_384): Promise<unknown> {
  const text = (await readRequestBody(req, limit)).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

/**
 * Starts the simulated ANPR on a node:http server: SOAP paths go to `soapHandler`, PDND paths to
 * `pdndHandler` (503 "channel not configured" when absent), plus GET /health and GET /catalogue,
 * behind a fault-injection layer for the channel paths. Faults come from the configuration, from
 * the X-Sim-Fault header of a request, or are armed for the next requests with `POST /faults`
 * (`GET /faults` lists them, `DELETE /faults` disarms them all).
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const seed = normaliseSeed(options.seed ?? DEFAULT_SEED);
  const registry = options.registry ?? createSyntheticRegistry({ seed, size: options.size ?? DEFAULT_SIZE });
  const built = options.createHandlers ? await options.createHandlers(registry) : {};
  const soapHandler = options.soapHandler ?? built.soapHandler;
  const pdndHandler = options.pdndHandler ?? built.pdndHandler;
  const faults = options.faults ?? {};
  // Configured fault rates draw from a seeded stream so that a test run is repeatable.
  const faultRng = new Prng(seed ^ 0x5f3759df);
  const startedAt = Date.now();
  let armed: ArmedFault[] = [];
  /** The first armed fault for this channel, used up by one request. */
  const takeArmed = (channel: Channel): ParsedFault | undefined => {
    const i = armed.findIndex((f) => !f.channel || f.channel === channel);
    if (i < 0) return undefined;
    const f = armed[i];
    f.remaining--;
    if (f.remaining <= 0) armed.splice(i, 1);
    return { mode: f.mode, latencyMs: f.latencyMs };
  };
  let catalogueJson: string | undefined;

  // Requests parked by latency or timeout faults, released (or dropped) by close().
  const parked = new Set<{ release: () => void }>();
  let closing = false;

  const park = (res: ServerResponse, ms: number | undefined): Promise<boolean> =>
    new Promise((resolve) => {
      let done = false;
      const entry = {
        release: () => {
          if (done) return;
          done = true;
          parked.delete(entry);
          if (timer) clearTimeout(timer);
          res.off('close', onClose);
          resolve(!closing && !res.destroyed && !res.socket?.destroyed);
        },
      };
      const onClose = () => entry.release();
      const timer = ms === undefined ? undefined : setTimeout(entry.release, ms);
      parked.add(entry);
      // ServerResponse 'close' before an answer means the client hung up: stop waiting.
      res.on('close', onClose);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://simulator').pathname;
    } catch {
      pathname = req.url ?? '/';
    }

    if (req.method === 'GET' && pathname === '/health') {
      sendJson(res, 200, {
        status: 'ok',
        population: registry.size,
        seed: registry instanceof SyntheticRegistry ? registry.seed : undefined,
        channels: { soap: !!soapHandler, pdnd: !!pdndHandler },
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      });
      return;
    }
    if (req.method === 'GET' && pathname === '/catalogue') {
      if (!(registry instanceof SyntheticRegistry)) return sendJson(res, 404, { error: 'no sandbox catalogue for an injected registry' });
      catalogueJson ??= serialiseCatalogue(buildSandboxCatalogue(registry));
      sendJson(res, 200, catalogueJson);
      return;
    }

    if (pathname === '/faults') {
      if (req.method === 'GET') return sendJson(res, 200, { armed });
      if (req.method === 'DELETE') {
        armed = [];
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'POST') {
        let body: unknown;
        try {
          body = await readJsonBody(req);
        } catch (e) {
          return sendJson(res, 400, { error: `the body is not JSON: ${(e as Error).message}` });
        }
        const fault = parseArmFaultRequest(body);
        if ('error' in fault) return sendJson(res, 400, { error: fault.error });
        armed.push(fault);
        return sendJson(res, 201, { armed });
      }
      return sendJson(res, 405, { error: 'GET, POST or DELETE /faults' }, { allow: 'GET, POST, DELETE' });
    }

    const channel = channelOf(pathname);
    if (!channel) return sendJson(res, 404, { error: `nothing at ${pathname}` });

    // Fault injection: the per-request header wins, then a fault armed with POST /faults, then the configuration.
    const header = parseSimFaultHeader(req.headers[SIM_FAULT_HEADER]) ?? takeArmed(channel);
    let mode = header?.mode;
    if (!mode && faults.rate && faults.rate.probability > 0 && faultRng.next() < faults.rate.probability) mode = faults.rate.mode;
    const latencyMs = header?.latencyMs ?? faults.latencyMs;
    // Channel handlers may read X-Sim-Fault themselves: leave them only what they must act on, so latency is not applied twice.
    if (mode === 'malformed' || mode === 'soapFault') req.headers[SIM_FAULT_HEADER] = mode;
    else delete req.headers[SIM_FAULT_HEADER];

    if (latencyMs && latencyMs > 0) {
      const stillWanted = await park(res, latencyMs);
      if (!stillWanted) {
        if (!res.headersSent) res.destroy();
        return;
      }
    }
    switch (mode) {
      case 'timeout':
        // Never answer: hold the exchange until the client gives up, close() runs, or the hold limit passes.
        await park(res, faults.timeoutHoldMs ?? 120_000);
        res.destroy();
        return;
      case 'http500':
        return channelError(res, channel, 500, 'InternalServerError', 'Simulated fault: internal server error');
      case 'http429': {
        const retryAfter = String(faults.retryAfterSeconds ?? 1);
        return channelError(res, channel, 429, 'TooManyRequests', 'Simulated fault: too many requests', { 'retry-after': retryAfter });
      }
      case 'malformed':
      case 'soapFault':
        (req as unknown as { simFault?: SimFaultMode }).simFault = mode;
        break;
    }

    const target = channel === 'soap' ? soapHandler : pdndHandler;
    if (!target) return channelError(res, channel, 503, 'ChannelNotConfigured', `${channel.toUpperCase()} channel not configured on this simulator`);
    await target(req, res);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: 'simulator error', detail: (err as Error)?.message });
      else res.destroy();
    });
  });
  // Load tests open many keep-alive connections; Node's defaults are fine but headers must not time out held requests early.
  server.headersTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    registry,
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve, reject) => {
        closing = true;
        for (const p of [...parked]) p.release();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
