import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildPlan, compare, validateTable, type Outcome, type RunnerOutput, type Table } from './parity.js';

const openapi = JSON.parse(readFileSync(new URL('../../../openapi/geres.openapi.json', import.meta.url), 'utf8'));
/** The criterion types the published contract offers. */
const CRITERION_TYPES: string[] = openapi.components.schemas.CriterionDto.properties.type.enum;
const table = validateTable(JSON.parse(readFileSync(new URL('../../../parity/scenarios.json', import.meta.url), 'utf8')));

const ok = (persons: string[], extra: Partial<Outcome> = {}): Outcome => ({ outcome: 'ok', status: 200, persons, attempts: 1, idempotentReplayed: false, ...extra }) as Outcome;
const err = (error: string, status: number | null, extra: Partial<Outcome> = {}): Outcome =>
  ({ outcome: 'error', error, status, type: null, rule: null, fields: [], retryAfter: false, attempts: 1, ...extra }) as Outcome;

const small: Table = {
  scenarios: [
    {
      id: 'a',
      title: 'A',
      steps: [
        { call: 'searchPersons', body: { x: 1 }, options: { operator: '@limited', idempotencyKey: '@key:one', maxRetries: 0 }, expect: { outcome: 'ok', persons: ['P1'] } },
        { call: 'getPerson', identifier: 'P1', query: { comune: '072006' }, expect: { outcome: 'error', error: 'Timeout', status: null } },
      ],
    },
  ],
};
const ctx = {
  sdk: 'java',
  runId: 'r1',
  baseUrl: 'http://gw',
  simulatorUrl: 'http://sim',
  unreachableUrl: 'http://127.0.0.1:9',
  client: { clientId: 'c', clientSecret: 's', operator: 'op-full', workstation: { code: 'W' } },
  operators: { full: 'op-full', limited: 'op-limited' },
};

describe('the parity table (parity/scenarios.json)', () => {
  it('covers what the SDK contract promises: every criterion type, both GETs, and every refusal and failure mode', () => {
    const ids = table.scenarios.map((s) => s.id);
    const searched = new Set(table.scenarios.flatMap((s) => s.steps.map((st) => (st.body?.criterion as { type?: string } | undefined)?.type)).filter(Boolean));
    for (const type of CRITERION_TYPES) expect(searched).toContain(type);
    expect(ids).toEqual(
      expect.arrayContaining([
        'get-by-codice-fiscale',
        'get-by-idanpr',
        'subject-not-found',
        'more-than-one-subject',
        'forbidden-by-profile',
        'quota-exceeded',
        'transient-503-then-success',
        'idempotent-replay',
        'timeout',
        'connection-refused-retried',
        'idempotency-in-progress-retried',
      ]),
    );
    const expects = table.scenarios.flatMap((s) => s.steps.map((st) => st.expect));
    expect(expects).toContainEqual(expect.objectContaining({ error: 'QuotaExceeded', retryAfter: true }));
    expect(expects).toContainEqual(expect.objectContaining({ outcome: 'ok', attempts: 2 }));
    expect(expects).toContainEqual(expect.objectContaining({ outcome: 'ok', idempotentReplayed: true }));
  });

  it('shows the retry rule of the three READMEs: what is retried, and what is not', () => {
    const steps = table.scenarios.flatMap((s) => s.steps);
    // Retried: a connection refused (a GET and a lookup), 409 idempotency-in-progress, 503.
    expect(steps).toContainEqual(expect.objectContaining({ target: 'unreachable', call: 'getPerson', expect: expect.objectContaining({ error: 'Connection', attempts: 2 }) }));
    expect(steps).toContainEqual(expect.objectContaining({ target: 'unreachable', call: 'searchPersons', expect: expect.objectContaining({ error: 'Connection', attempts: 2 }) }));
    expect(steps.map((s) => s.expect)).toContainEqual(expect.objectContaining({ type: 'urn:geres:problem:idempotency-in-progress', attempts: 2 }));
    expect(steps.map((s) => s.expect)).toContainEqual(expect.objectContaining({ type: 'urn:geres:problem:anpr-unavailable', attempts: 2 }));
    // Not retried: 429 quota-exceeded, a timeout.
    expect(steps.map((s) => s.expect)).toContainEqual(expect.objectContaining({ type: 'urn:geres:problem:quota-exceeded', attempts: 1 }));
    expect(steps.map((s) => s.expect)).toContainEqual(expect.objectContaining({ error: 'Timeout', attempts: 1 }));
  });

  it('refuses a malformed table, naming the step', () => {
    expect(() => validateTable({ scenarios: [] })).toThrow('no scenarios');
    expect(() => validateTable({ scenarios: [{ id: 'x', title: 'X', steps: [{ call: 'deletePerson', expect: { outcome: 'ok' } }] }] })).toThrow('x step 1: call must be');
    expect(() => validateTable({ scenarios: [{ id: 'x', title: 'X', steps: [{ call: 'searchPersons', body: {}, expect: { outcome: 'ok', error: 'Nope' } }] }] })).toThrow(
      'expect has keys that a ok outcome does not: error',
    );
    expect(() => validateTable({ scenarios: [...small.scenarios, ...small.scenarios] })).toThrow('repeated: a');
    expect(() => validateTable({ scenarios: [{ id: 'x', title: 'X', steps: [{ call: 'getPerson', identifier: 'P', query: {}, target: 'elsewhere', expect: { outcome: 'ok' } }] }] })).toThrow(
      'x step 1: target must be unreachable',
    );
  });
});

describe('buildPlan', () => {
  it('fills in the placeholders per SDK and leaves the expectations out', () => {
    const plan = buildPlan(small, ctx);
    expect(plan).toMatchObject({ sdk: 'java', baseUrl: 'http://gw', simulatorUrl: 'http://sim', unreachableUrl: 'http://127.0.0.1:9', client: ctx.client });
    expect(plan.scenarios[0].steps[0]).toEqual({ call: 'searchPersons', body: { x: 1 }, options: { operator: 'op-limited', idempotencyKey: 'parity-java-r1-one', maxRetries: 0 } });
    expect(plan.scenarios[0].steps[1]).toEqual({ call: 'getPerson', identifier: 'P1', query: { comune: '072006' } });
    expect(JSON.stringify(plan)).not.toContain('expect');
  });

  it('refuses an unknown placeholder', () => {
    const bad: Table = { scenarios: [{ ...small.scenarios[0], steps: [{ ...small.scenarios[0].steps[0], options: { operator: '@nobody' } }] }] };
    expect(() => buildPlan(bad, ctx)).toThrow('unknown placeholder @nobody');
  });
});

describe('compare', () => {
  const out = (sdk: string, steps: Outcome[]): RunnerOutput => ({ sdk, results: [{ id: 'a', steps }] });

  it('passes identical outcomes that match the table', () => {
    const same = [ok(['P1']), err('Timeout', null)];
    const reports = compare(small, [out('ts', same), out('dotnet', same), out('java', same)]);
    expect(reports.map((r) => r.problems)).toEqual([[], []]);
  });

  it('reports a mismatch with the table, naming the SDK and the key', () => {
    const reports = compare(small, [out('ts', [ok(['P2']), err('Timeout', null)])]);
    expect(reports[0].problems).toEqual(['ts: persons is ["P2"], expected ["P1"]']);
  });

  it('reports SDKs that disagree on a key the table does not fix', () => {
    const reports = compare(small, [out('ts', [ok(['P1'], { attempts: 1 }), err('Timeout', null)]), out('java', [ok(['P1'], { attempts: 2 }), err('Timeout', null)])]);
    expect(reports[0].problems).toHaveLength(1);
    expect(reports[0].problems[0]).toMatch(/^the SDKs disagree: ts .*"attempts":1.* \| java .*"attempts":2/);
    expect(reports[1].problems).toEqual([]);
  });

  it('reports missing outcomes and outcomes of the wrong shape', () => {
    const shapeless = { outcome: 'error', error: 'Timeout', status: null, attempts: 1, extra: true } as unknown as Outcome;
    const reports = compare(small, [out('dotnet', [ok(['P1'])]), out('ts', [ok(['P1']), shapeless])]);
    expect(reports[1].problems).toEqual(expect.arrayContaining(['dotnet: no outcome', 'ts: missing type, rule, fields, retryAfter', 'ts: unexpected extra']));
  });
});
