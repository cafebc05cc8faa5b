import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildSandboxCatalogue, serialiseCatalogue } from './population/catalogue.js';
import { createSyntheticRegistry } from './population/registry.js';
import { createFakeRegistry } from './fake-registry.testutil.js';
import { channelOf, parseSimFaultHeader, type RunningSimulator, startSimulator } from './simulator.js';

interface Seen {
  channel: string;
  path: string;
  simFault?: string;
  faultHeader?: string;
  body: string;
}

function recorder(channel: string, seen: Seen[]) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({
      channel,
      path: req.url ?? '',
      simFault: (req as unknown as { simFault?: string }).simFault,
      faultHeader: req.headers['x-sim-fault'] as string | undefined,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${channel} ok`);
  };
}

describe('parseSimFaultHeader / channelOf', () => {
  it('parses modes and latency, ignoring unknown tokens', () => {
    expect(parseSimFaultHeader(undefined)).toBeUndefined();
    expect(parseSimFaultHeader('latency=250')).toEqual({ latencyMs: 250 });
    expect(parseSimFaultHeader('timeout')).toEqual({ mode: 'timeout' });
    expect(parseSimFaultHeader('latency=10, soapfault')).toEqual({ latencyMs: 10, mode: 'soapFault' });
    expect(parseSimFaultHeader(['http429'])).toEqual({ mode: 'http429' });
    expect(parseSimFaultHeader('bogus')).toEqual({});
  });

  it('recognises the channel of a path', () => {
    expect(channelOf('/ANPR3000ServiziConsultazione/AnprService3000')).toBe('soap');
    expect(channelOf('/anpr-wsE000/AnprServiceE002')).toBe('soap');
    expect(channelOf('/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1/anpr-service-e002')).toBe('pdnd');
    expect(channelOf('/token.oauth2')).toBe('pdnd');
    expect(channelOf('/.well-known/jwks.json')).toBe('pdnd');
    expect(channelOf('/health')).toBeUndefined();
    expect(channelOf('/ANPR3000ServiziConsultazioneX')).toBeUndefined();
  });
});

describe('startSimulator', () => {
  const seen: Seen[] = [];
  let sim: RunningSimulator;
  const registry = createSyntheticRegistry({ size: 300 });

  beforeAll(async () => {
    sim = await startSimulator({
      registry,
      soapHandler: recorder('soap', seen),
      pdndHandler: recorder('pdnd', seen),
      faults: { retryAfterSeconds: 7, timeoutHoldMs: 10_000 },
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('listens on 127.0.0.1 on a free port', () => {
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
    expect(sim.port).toBeGreaterThan(0);
    expect(sim.registry).toBe(registry);
  });

  it('answers /health', async () => {
    const r = await fetch(`${sim.url}/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', population: registry.size, seed: registry.seed, channels: { soap: true, pdnd: true } });
  });

  it('serves the sandbox catalogue of its population', async () => {
    const r = await fetch(`${sim.url}/catalogue`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(await r.text()).toBe(serialiseCatalogue(buildSandboxCatalogue(registry)));
  });

  it('routes SOAP and PDND paths to their handlers, with the body intact', async () => {
    seen.length = 0;
    const paths: [string, string][] = [
      ['/ANPR3000ServiziConsultazione/AnprService3000', 'soap'],
      ['/anpr-wsE000/AnprServiceE002?wsdl', 'soap'],
      ['/govway/rest/in/MinInternoPortaANPR-PDND/C030-servizioAccertamentoIdUnicoNazionale/v1/anpr-service-e002', 'pdnd'],
      ['/token.oauth2', 'pdnd'],
      ['/.well-known/jwks.json', 'pdnd'],
    ];
    for (const [path, channel] of paths) {
      const r = await fetch(`${sim.url}${path}`, { method: path.includes('jwks') ? 'GET' : 'POST', body: path.includes('jwks') ? undefined : `body of ${path}` });
      expect(r.status).toBe(200);
      expect(await r.text()).toBe(`${channel} ok`);
    }
    expect(seen.map((s) => [s.path, s.channel])).toEqual(paths);
    expect(seen[0].body).toBe('body of /ANPR3000ServiziConsultazione/AnprService3000');
  });

  it('answers 404 elsewhere', async () => {
    const r = await fetch(`${sim.url}/nothing-here`);
    expect(r.status).toBe(404);
  });

  it('injects http500 and http429 (with Retry-After) without reaching the handler', async () => {
    seen.length = 0;
    const r500 = await fetch(`${sim.url}/anpr-wsE000/AnprServiceE002`, { method: 'POST', body: '<x/>', headers: { 'X-Sim-Fault': 'http500' } });
    expect(r500.status).toBe(500);
    await r500.text();
    const r429 = await fetch(`${sim.url}/govway/rest/in/MinInternoPortaANPR-PDND/C001-servizioNotifica/v1/anpr-service-e002`, { method: 'POST', body: '{}', headers: { 'X-Sim-Fault': 'http429' } });
    expect(r429.status).toBe(429);
    expect(r429.headers.get('retry-after')).toBe('7');
    expect(r429.headers.get('content-type')).toContain('application/problem+json');
    expect(await r429.json()).toMatchObject({ status: 429, title: 'TooManyRequests' });
    expect(seen).toEqual([]);
  });

  it('adds latency, then lets the handler answer without seeing the latency request again', async () => {
    seen.length = 0;
    const t = Date.now();
    const r = await fetch(`${sim.url}/ANPR3000ServiziConsultazione/AnprService3000`, { method: 'POST', body: 'x', headers: { 'X-Sim-Fault': 'latency=150' } });
    expect(r.status).toBe(200);
    await r.text();
    expect(Date.now() - t).toBeGreaterThanOrEqual(145);
    expect(seen).toHaveLength(1);
    expect(seen[0].faultHeader).toBeUndefined();
    expect(seen[0].simFault).toBeUndefined();
  });

  it('flags malformed and soapFault on the request for the channel handler', async () => {
    seen.length = 0;
    for (const mode of ['malformed', 'soapFault']) {
      const r = await fetch(`${sim.url}/ANPR3000ServiziConsultazione/AnprService3000`, { method: 'POST', body: 'x', headers: { 'X-Sim-Fault': mode } });
      expect(r.status).toBe(200);
      await r.text();
    }
    expect(seen.map((s) => [s.simFault, s.faultHeader])).toEqual([
      ['malformed', 'malformed'],
      ['soapFault', 'soapFault'],
    ]);
  });

  it('holds a timeout request until the client gives up', async () => {
    seen.length = 0;
    const t = Date.now();
    await expect(
      fetch(`${sim.url}/anpr-wsE000/AnprServiceE002`, { method: 'POST', body: 'x', headers: { 'X-Sim-Fault': 'timeout' }, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
    expect(seen).toEqual([]);
    const health = await fetch(`${sim.url}/health`);
    expect(health.status).toBe(200);
  });
});

describe('faults armed over HTTP (POST /faults)', () => {
  const seen: Seen[] = [];
  let sim: RunningSimulator;
  const soap = () => fetch(`${sim.url}/ANPR3000ServiziConsultazione/AnprService3000`, { method: 'POST', body: 'x' });
  const arm = (body: unknown) => fetch(`${sim.url}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    sim = await startSimulator({ registry: createSyntheticRegistry({ size: 50 }), soapHandler: recorder('soap', seen), pdndHandler: recorder('pdnd', seen) });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('applies an armed fault to exactly the next `count` channel requests, then answers normally', async () => {
    seen.length = 0;
    const armed = await arm({ mode: 'http500', count: 2 });
    expect(armed.status).toBe(201);
    expect(await armed.json()).toEqual({ armed: [{ mode: 'http500', remaining: 2 }] });
    // /health is not a channel request and uses nothing up.
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const r = await soap();
      await r.text();
      statuses.push(r.status);
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(seen).toHaveLength(1);
    expect(await (await fetch(`${sim.url}/faults`)).json()).toEqual({ armed: [] });
  });

  it('queues faults in order, honours the channel filter, and the X-Sim-Fault header still wins', async () => {
    seen.length = 0;
    await arm({ mode: 'http429', channel: 'pdnd' });
    await arm({ latencyMs: 120 });
    const byHeader = await fetch(`${sim.url}/ANPR3000ServiziConsultazione/AnprService3000`, { method: 'POST', body: 'x', headers: { 'X-Sim-Fault': 'http500' } });
    expect(byHeader.status).toBe(500);
    await byHeader.text();
    const t = Date.now();
    const slow = await soap();
    expect(slow.status).toBe(200);
    await slow.text();
    expect(Date.now() - t).toBeGreaterThanOrEqual(115);
    expect(await (await fetch(`${sim.url}/faults`)).json()).toEqual({ armed: [{ mode: 'http429', remaining: 1, channel: 'pdnd' }] });
    const pdnd = await fetch(`${sim.url}/token.oauth2`, { method: 'POST', body: 'x' });
    expect(pdnd.status).toBe(429);
    await pdnd.text();
  });

  it('disarms everything with DELETE /faults', async () => {
    await arm({ mode: 'timeout', count: 5 });
    const del = await fetch(`${sim.url}/faults`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    const r = await soap();
    expect(r.status).toBe(200);
    await r.text();
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['an array', '[]', /JSON object/],
    ['an unknown mode', { mode: 'explode' }, /mode must be one of timeout, http500/],
    ['neither mode nor latency', { count: 2 }, /give a mode, a latencyMs, or both/],
    ['a count of 0', { mode: 'http500', count: 0 }, /count must be an integer from 1/],
    ['a negative latency', { latencyMs: -1 }, /latencyMs must be an integer/],
    ['an unknown channel', { mode: 'http500', channel: 'ftp' }, /channel must be soap or pdnd/],
    ['an unknown field', { mode: 'http500', times: 2 }, /unknown field times/],
  ])('refuses %s with 400 and arms nothing', async (_what, body, message) => {
    const r = await arm(body);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toMatch(message);
    expect(await (await fetch(`${sim.url}/faults`)).json()).toEqual({ armed: [] });
  });

  it('answers 405 for other methods', async () => {
    const r = await fetch(`${sim.url}/faults`, { method: 'PUT' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST, DELETE');
  });
});

describe('startSimulator lifecycle and configuration', () => {
  it('answers 503 for channels that are not configured', async () => {
    const sim = await startSimulator({ size: 50 });
    try {
      const soap = await fetch(`${sim.url}/ANPR3000ServiziConsultazione/AnprService3000`, { method: 'POST', body: 'x' });
      expect(soap.status).toBe(503);
      expect(await soap.text()).toMatch(/channel not configured/i);
      const pdnd = await fetch(`${sim.url}/token.oauth2`, { method: 'POST', body: 'x' });
      expect(pdnd.status).toBe(503);
      expect(await pdnd.json()).toMatchObject({ status: 503, title: 'ChannelNotConfigured' });
      expect(await (await fetch(`${sim.url}/health`)).json()).toMatchObject({ channels: { soap: false, pdnd: false } });
    } finally {
      await sim.close();
    }
  });

  it('applies configured latency and fault rates, and builds handlers from the registry', async () => {
    const seen: Seen[] = [];
    let given: unknown;
    const sim = await startSimulator({
      size: 50,
      seed: 3,
      faults: { latencyMs: 60, rate: { mode: 'http500', probability: 1 } },
      createHandlers: (registry) => {
        given = registry;
        return { pdndHandler: recorder('pdnd', seen) };
      },
    });
    try {
      expect(given).toBe(sim.registry);
      const t = Date.now();
      const r = await fetch(`${sim.url}/token.oauth2`, { method: 'POST', body: 'x' });
      expect(r.status).toBe(500);
      await r.text();
      expect(Date.now() - t).toBeGreaterThanOrEqual(55);
      // The header overrides the configured mode.
      const ok = await fetch(`${sim.url}/token.oauth2`, { method: 'POST', body: 'x', headers: { 'X-Sim-Fault': 'latency=0,malformed' } });
      expect(ok.status).toBe(200);
      await ok.text();
      expect(seen.map((s) => s.simFault)).toEqual(['malformed']);
    } finally {
      await sim.close();
    }
  });

  it('turns a handler crash into a 500', async () => {
    const sim = await startSimulator({
      size: 50,
      soapHandler: () => {
        throw new Error('boom');
      },
    });
    try {
      const r = await fetch(`${sim.url}/anpr-wsE000/AnprServiceE002`, { method: 'POST', body: 'x' });
      expect(r.status).toBe(500);
      expect(await r.json()).toMatchObject({ detail: 'boom' });
    } finally {
      await sim.close();
    }
  });

  it('releases held timeout requests on close()', async () => {
    const sim = await startSimulator({ size: 50, pdndHandler: () => undefined });
    const pending = fetch(`${sim.url}/token.oauth2`, { method: 'POST', body: 'x', headers: { 'X-Sim-Fault': 'timeout' } }).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 100));
    const t = Date.now();
    await sim.close();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(await pending).toBe('dropped');
    await expect(fetch(`${sim.url}/health`)).rejects.toThrow();
  });

  it('has no catalogue for an injected registry that is not the synthetic one', async () => {
    const sim = await startSimulator({ registry: createFakeRegistry([]) });
    try {
      expect((await fetch(`${sim.url}/catalogue`)).status).toBe(404);
      expect(await (await fetch(`${sim.url}/health`)).json()).toMatchObject({ population: 0 });
    } finally {
      await sim.close();
    }
  });
});
