import { canonicalJson } from '#libs/domain';

/**
 * The SDK parity suite's table, plans and comparison (parity/README.md). Pure functions: the
 * harness in bin/parity.ts does the I/O.
 */

export type Outcome =
  | { outcome: 'ok'; status: number; persons: string[]; attempts: number; idempotentReplayed: boolean }
  | {
      outcome: 'error';
      error: string;
      status: number | null;
      type: string | null;
      rule: string | null;
      fields: Array<string | null>;
      retryAfter: boolean;
      attempts: number;
    };

export interface StepOptions {
  operator?: string;
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * Where a step's call goes: the sandbox (default), or `unreachable`, an address where nothing
 * listens, called with a fixed access token so that no token request comes first.
 */
export type StepTarget = 'unreachable';

export interface TableStep {
  arm?: Record<string, unknown>;
  target?: StepTarget;
  call: 'searchPersons' | 'getPerson';
  body?: Record<string, unknown>;
  identifier?: string;
  query?: Record<string, unknown>;
  options?: StepOptions;
  expect: Partial<Outcome> & { outcome: Outcome['outcome'] };
}

export interface Scenario {
  id: string;
  title: string;
  steps: TableStep[];
}

export interface Table {
  scenarios: Scenario[];
}

export interface PlanClient {
  clientId: string;
  clientSecret: string;
  operator: string;
  workstation: { code: string; deviceToken?: string };
}

export interface Plan {
  sdk: string;
  baseUrl: string;
  simulatorUrl: string;
  /** Where nothing listens: the steps with `target: 'unreachable'` call it. */
  unreachableUrl: string;
  client: PlanClient;
  scenarios: Array<{ id: string; title: string; steps: Array<Omit<TableStep, 'expect'>> }>;
}

export interface RunnerOutput {
  sdk: string;
  results: Array<{ id: string; steps: Outcome[] }>;
}

const CALLS = new Set(['searchPersons', 'getPerson']);
const OUTCOME_KEYS: Record<Outcome['outcome'], string[]> = {
  ok: ['outcome', 'status', 'persons', 'attempts', 'idempotentReplayed'],
  error: ['outcome', 'error', 'status', 'type', 'rule', 'fields', 'retryAfter', 'attempts'],
};

/** Checks the table's shape, so that a typo fails loudly rather than running a different suite. */
export function validateTable(table: unknown): Table {
  const t = table as Table;
  if (!t || !Array.isArray(t.scenarios) || t.scenarios.length === 0) throw new Error('the parity table has no scenarios');
  const ids = new Set<string>();
  for (const s of t.scenarios) {
    if (!s.id || ids.has(s.id)) throw new Error(`scenario id missing or repeated: ${s.id}`);
    ids.add(s.id);
    if (!s.title) throw new Error(`${s.id}: no title`);
    if (!Array.isArray(s.steps) || s.steps.length === 0) throw new Error(`${s.id}: no steps`);
    s.steps.forEach((step, i) => {
      const where = `${s.id} step ${i + 1}`;
      if (!CALLS.has(step.call)) throw new Error(`${where}: call must be searchPersons or getPerson`);
      if (step.target !== undefined && step.target !== 'unreachable') throw new Error(`${where}: target must be unreachable, or left out`);
      if (step.target && step.arm) throw new Error(`${where}: a step sent to the unreachable address cannot arm a fault`);
      if (step.call === 'searchPersons' && !step.body) throw new Error(`${where}: searchPersons needs a body`);
      if (step.call === 'getPerson' && (!step.identifier || !step.query)) throw new Error(`${where}: getPerson needs an identifier and a query`);
      if (!step.expect || !(step.expect.outcome in OUTCOME_KEYS)) throw new Error(`${where}: expect.outcome must be ok or error`);
      const unknown = Object.keys(step.expect).filter((k) => !OUTCOME_KEYS[step.expect.outcome].includes(k));
      if (unknown.length) throw new Error(`${where}: expect has keys that a ${step.expect.outcome} outcome does not: ${unknown.join(', ')}`);
    });
  }
  return t;
}

export interface PlanContext {
  sdk: string;
  runId: string;
  baseUrl: string;
  simulatorUrl: string;
  unreachableUrl: string;
  client: PlanClient;
  /** `@limited` → the username of that SDK's operator. */
  operators: Record<string, string>;
}

function resolveValue(value: string, ctx: PlanContext): string {
  if (!value.startsWith('@')) return value;
  const key = /^@key:([a-z0-9-]+)$/.exec(value);
  if (key) return `parity-${ctx.sdk}-${ctx.runId}-${key[1]}`;
  const operator = ctx.operators[value.slice(1)];
  if (!operator) throw new Error(`unknown placeholder ${value}`);
  return operator;
}

/** One SDK's plan: the table with the @… values filled in and without the expectations. */
export function buildPlan(table: Table, ctx: PlanContext): Plan {
  return {
    sdk: ctx.sdk,
    baseUrl: ctx.baseUrl,
    simulatorUrl: ctx.simulatorUrl,
    unreachableUrl: ctx.unreachableUrl,
    client: ctx.client,
    scenarios: table.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      steps: s.steps.map(({ expect: _expect, options, ...step }) => ({
        ...step,
        ...(options
          ? {
              options: Object.fromEntries(
                Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? resolveValue(v, ctx) : v]),
              ) as StepOptions,
            }
          : {}),
      })),
    })),
  };
}

export interface StepReport {
  scenario: string;
  step: number;
  /** Outcome per SDK; undefined when that SDK reported none. */
  outcomes: Record<string, Outcome | undefined>;
  problems: string[];
}

/** Checks an outcome's shape against the contract: exactly the keys of its kind. */
function shapeProblems(o: Outcome): string[] {
  const keys = OUTCOME_KEYS[o.outcome];
  if (!keys) return [`outcome must be ok or error, got ${JSON.stringify((o as { outcome: unknown }).outcome)}`];
  const got = Object.keys(o);
  const missing = keys.filter((k) => !got.includes(k));
  const extra = got.filter((k) => !keys.includes(k));
  return [...(missing.length ? [`missing ${missing.join(', ')}`] : []), ...(extra.length ? [`unexpected ${extra.join(', ')}`] : [])];
}

/**
 * Compares the SDKs' outcomes with the table and with each other. Every step of the table yields
 * one report; its `problems` are empty when every SDK matched `expect` and they all agree.
 */
export function compare(table: Table, outputs: RunnerOutput[]): StepReport[] {
  const reports: StepReport[] = [];
  for (const scenario of table.scenarios) {
    scenario.steps.forEach((step, i) => {
      const outcomes: Record<string, Outcome | undefined> = {};
      const problems: string[] = [];
      for (const out of outputs) {
        const o = out.results.find((r) => r.id === scenario.id)?.steps[i];
        outcomes[out.sdk] = o;
        if (!o) {
          problems.push(`${out.sdk}: no outcome`);
          continue;
        }
        for (const p of shapeProblems(o)) problems.push(`${out.sdk}: ${p}`);
        for (const [k, v] of Object.entries(step.expect)) {
          const got = (o as Record<string, unknown>)[k];
          if (canonicalJson(got) !== canonicalJson(v)) problems.push(`${out.sdk}: ${k} is ${canonicalJson(got)}, expected ${canonicalJson(v)}`);
        }
      }
      const distinct = new Set(outputs.map((out) => canonicalJson(outcomes[out.sdk])));
      if (outputs.length > 1 && distinct.size > 1) {
        problems.push(`the SDKs disagree: ${outputs.map((out) => `${out.sdk} ${canonicalJson(outcomes[out.sdk])}`).join(' | ')}`);
      }
      reports.push({ scenario: scenario.id, step: i + 1, outcomes, problems });
    });
  }
  return reports;
}

/** A one-line summary of an outcome for the console table. */
export function summarise(o: Outcome | undefined): string {
  if (!o) return '—';
  if (o.outcome === 'ok') return `ok ${o.status} ×${o.attempts}${o.idempotentReplayed ? ' replayed' : ''}`;
  return `${o.error} ${o.status ?? '–'} ×${o.attempts}${o.retryAfter ? ' retry-after' : ''}`;
}
