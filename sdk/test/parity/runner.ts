/**
 * The TypeScript SDK's runner of the parity suite (parity/README.md), driven by
 * test-env/src/bin/parity.ts: reads the plan named by GERES_PARITY_PLAN, runs every step through
 * the SDK as an integrating application would, and writes the outcomes to GERES_PARITY_OUT.
 *
 *   GERES_PARITY_PLAN=plan.json GERES_PARITY_OUT=out.json node --experimental-strip-types sdk/test/parity/runner.ts
 *
 * It imports the built package (`npm run build -w @geres/sdk`), as a consumer would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GeResClient, GeResError, RateLimitedError, ServerError, type GetPersonParams, type RequestOptions, type SearchPersonsParams } from '@geres/sdk';

interface PlanStep {
  arm?: Record<string, unknown>;
  target?: 'unreachable';
  call: 'searchPersons' | 'getPerson';
  body?: SearchPersonsParams;
  identifier?: string;
  query?: GetPersonParams;
  options?: { operator?: string; idempotencyKey?: string; timeoutMs?: number; maxRetries?: number };
}

interface Plan {
  sdk: string;
  baseUrl: string;
  simulatorUrl: string;
  unreachableUrl: string;
  client: { clientId: string; clientSecret: string; operator: string; workstation: { code: string; deviceToken?: string } };
  scenarios: Array<{ id: string; steps: PlanStep[] }>;
}

type Outcome =
  | { outcome: 'ok'; status: number; persons: string[]; attempts: number; idempotentReplayed: boolean }
  | { outcome: 'error'; error: string; status: number | null; type: string | null; rule: string | null; fields: Array<string | null>; retryAfter: boolean; attempts: number };

/** The contract's error name: the class name without a trailing Error/Exception and a leading GeRes (the base class: GeRes). */
export function errorName(e: Error): string {
  const name = e.constructor.name.replace(/(Error|Exception)$/, '');
  return name.length > 'GeRes'.length ? name.replace(/^GeRes/, '') : name;
}

/** The Retry-After as the SDK exposes it: on rate-limit (429) and server (5xx) errors, as in the other SDKs. */
function retryAfterSeconds(e: GeResError): number | undefined {
  return e instanceof RateLimitedError || e instanceof ServerError ? e.retryAfterSeconds : undefined;
}

function errorOutcome(e: unknown): Outcome {
  if (!(e instanceof GeResError)) throw e;
  const problem = (e.problem ?? {}) as { rule?: unknown; errors?: Array<{ field?: unknown }> };
  return {
    outcome: 'error',
    error: errorName(e),
    status: e.status ?? null,
    type: e.type ?? null,
    rule: typeof problem.rule === 'string' ? problem.rule : null,
    fields: Array.isArray(problem.errors) ? problem.errors.map((x) => (typeof x.field === 'string' ? x.field : null)) : [],
    retryAfter: (retryAfterSeconds(e) ?? 0) > 0,
    attempts: e.attempts ?? 1,
  };
}

async function simulator(plan: Plan, method: 'POST' | 'DELETE', body?: unknown): Promise<void> {
  const r = await fetch(`${plan.simulatorUrl}/faults`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  await r.arrayBuffer();
  const wanted = method === 'POST' ? 201 : 204;
  if (r.status !== wanted) throw new Error(`${method} ${plan.simulatorUrl}/faults answered ${r.status}, expected ${wanted}`);
}

async function main(): Promise<void> {
  const planFile = process.env.GERES_PARITY_PLAN;
  const outFile = process.env.GERES_PARITY_OUT;
  if (!planFile || !outFile) {
    console.error('GERES_PARITY_PLAN and GERES_PARITY_OUT must name the plan and the outcomes file (see parity/README.md)');
    process.exit(64);
  }
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  const geres = new GeResClient({
    baseUrl: plan.baseUrl,
    auth: { clientId: plan.client.clientId, clientSecret: plan.client.clientSecret },
    operator: plan.client.operator,
    workstation: plan.client.workstation,
    userAgentSuffix: 'geres-parity',
  });
  // Where nothing listens, with a fixed token so that no token request comes first.
  const unreachable = new GeResClient({
    baseUrl: plan.unreachableUrl,
    auth: { accessToken: 'parity-unreachable' },
    operator: plan.client.operator,
    workstation: plan.client.workstation,
    userAgentSuffix: 'geres-parity',
  });

  const results = [];
  for (const scenario of plan.scenarios) {
    const steps: Outcome[] = [];
    for (const step of scenario.steps) {
      if (step.arm) await simulator(plan, 'POST', step.arm);
      const options: RequestOptions = {};
      if (step.options?.operator !== undefined) options.operator = step.options.operator;
      if (step.options?.idempotencyKey !== undefined) options.idempotencyKey = step.options.idempotencyKey;
      if (step.options?.timeoutMs !== undefined) options.timeoutMs = step.options.timeoutMs;
      if (step.options?.maxRetries !== undefined) options.maxRetries = step.options.maxRetries;
      const client = step.target === 'unreachable' ? unreachable : geres;
      try {
        const result =
          step.call === 'searchPersons'
            ? await client.persons.search(step.body!, options)
            : await client.persons.get(step.identifier!, step.query!, options);
        const meta = result.lastResponse!;
        steps.push({
          outcome: 'ok',
          status: meta.status,
          persons: result.persons.map((p) => p.idANPR),
          attempts: meta.attempts,
          idempotentReplayed: meta.idempotentReplayed,
        });
      } catch (e) {
        steps.push(errorOutcome(e));
      } finally {
        if (step.arm) await simulator(plan, 'DELETE');
      }
    }
    results.push({ id: scenario.id, steps });
    console.log(`${scenario.id}: ${steps.map((s) => (s.outcome === 'ok' ? 'ok' : s.error)).join(', ')}`);
  }
  writeFileSync(outFile, JSON.stringify({ sdk: plan.sdk, results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
