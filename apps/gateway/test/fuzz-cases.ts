import { isCalendarDate } from '../src/common/validation.js';

/**
 * The fuzz suite's case generator, runner and stored-value scanner, apart from any gateway so that
 * a unit test can show each of them catching what it must (fuzz-cases.spec.ts).
 *
 * From an OpenAPI document, every operation gets cases in which ONE input is wrong and the rest is
 * a plausible request built from the document's examples: each path and query parameter, each
 * header parameter and each body field (nested objects too) set in turn to a wrong type, a NUL, a
 * lone surrogate, an unsafe or infinite number, an impossible date, an empty or oversized string,
 * null; plus an unknown field and an empty body.
 */

type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema>; parameters?: Record<string, any> } };

/** A number written as it is in the JSON text (JSON.stringify cannot write 2^53+1, 1e309 or -0). */
export class RawNumber {
  constructor(readonly text: string) {}
}

export interface FuzzBody {
  contentType: string;
  text: string;
}

export interface FuzzCase {
  operationId: string;
  method: string;
  /** Path with parameters filled in, percent-encoded as sent. */
  path: string;
  /** Raw query string, without `?`. */
  query: string;
  headers: Record<string, string>;
  body?: FuzzBody;
  /** What was made wrong, e.g. `body criterion.codiceFiscale = NUL`. */
  label: string;
  /** Send as every role (the unknown-field and empty-body cases), not one drawn for the case. */
  everyRole: boolean;
}

export interface FuzzContext {
  /** Values for path parameters, by `operationId.name` or by `name`. */
  pathValues: Record<string, string>;
  /** A valid body to start from, by operationId (otherwise the required fields, from the examples). */
  baseBodies?: Record<string, Record<string, unknown>>;
}

/** mulberry32: small, deterministic, good enough to sample cases reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function toJsonText(value: unknown): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const IMPOSSIBLE_DATE = '2026-13-45';

function resolver(doc: Doc) {
  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(s.$ref.split('/').slice(1).reduce((o: any, k: string) => o?.[k], doc));
    if (s.allOf?.length === 1) return { ...resolve(s.allOf[0]), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'allOf')) };
    return s;
  };
  return resolve;
}

/** Wrong values for a body field of this schema, each with a label. */
function badBodyValues(s: Schema): Array<[string, unknown]> {
  const long = 'x'.repeat(s.maxLength ? s.maxLength + 1 : 10_000);
  const common: Array<[string, unknown]> = [
    ['null', null],
    ['NUL', NUL],
    ['lone surrogate', LONE_SURROGATE],
  ];
  if (s.type === 'integer' || s.type === 'number') {
    return [...common, ['string', '12'], ['2^53+1', new RawNumber('9007199254740993')], ['1e309', new RawNumber('1e309')], ['-0', new RawNumber('-0')], ['-1', -1], ['1.5', 1.5]];
  }
  if (s.type === 'boolean') return [...common, ['string', 'true'], ['number', 1]];
  if (s.type === 'array') {
    return [...common, ['string', 'x'], ['[null]', [null]], ['[NUL]', [NUL]], ['[lone surrogate]', [LONE_SURROGATE]], ['[number]', [42]], ['[impossible date]', [IMPOSSIBLE_DATE]], ['1000 items', Array.from({ length: 1000 }, (_, i) => `x${i}`)]];
  }
  if (s.type === 'object' || s.properties) return [...common, ['string', 'x'], ['array', []], ['number', 7]];
  return [...common, ['number', 42], ['boolean', true], ['object', { a: 1 }], ['array', ['x']], ['impossible date', IMPOSSIBLE_DATE], ['0000-00-00', '0000-00-00'], ['empty', ''], ['oversized', long]];
}

const QUERY_BAD: Record<string, string[]> = {
  integer: ['abc', '9007199254740993', '1e309', '-0', '-1', '1.5', '', '%00'],
  string: ['a%00b', '%ED%A0%80', IMPOSSIBLE_DATE, '0000-00-00', '', 'x'.repeat(5000), 'a%09b', '%E0%A4%A'],
};
const PATH_BAD = ['%00', 'a%ED%A0%80', '%E0%A4%A', 'x'.repeat(3000), IMPOSSIBLE_DATE, '%20', '..', '-1', '9007199254740993'];
// Node's HTTP client refuses to send NUL or line breaks in a header, so these are what a client can send.
const HEADER_BAD = ['a\tb', 'x'.repeat(5000), '', '\u00ff\u00fe', IMPOSSIBLE_DATE];

/** A plausible value for a schema: its example, default or first enum value, or one by type. */
function plausible(s: Schema, resolve: (s: Schema) => Schema): unknown {
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if (s.properties) return requiredObject(s, resolve);
  switch (s.type) {
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [plausible(resolve(s.items), resolve)];
    default:
      return s.format === 'date' ? '2026-01-31' : 'x';
  }
}

function requiredObject(s: Schema, resolve: (s: Schema) => Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of s.required ?? []) out[name] = plausible(resolve(s.properties[name]), resolve);
  return out;
}

const setAt = (obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path;
  if (!rest.length) return { ...obj, [head]: value };
  const inner = (obj[head] && typeof obj[head] === 'object' ? obj[head] : {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(inner, rest, value) };
};

const objectAt = (obj: Record<string, unknown>, path: string[]): boolean => {
  const v = path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
  return !!v && typeof v === 'object' && !Array.isArray(v);
};

function encodeForm(body: Record<string, unknown>): string {
  return Object.entries(body)
    .flatMap(([k, v]) => ([] as unknown[]).concat(v).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x instanceof RawNumber ? x.text : typeof x === 'object' ? JSON.stringify(x) : String(x))}`))
    .join('&');
}

/** Every case of every operation of the document. */
export function generateCases(doc: Doc, ctx: FuzzContext): FuzzCase[] {
  const resolve = resolver(doc);
  const cases: FuzzCase[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!op?.operationId) continue;
      const params: any[] = (op.parameters ?? []).map((p: any) => resolve(p));
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const headerParams = params.filter((p) => p.in === 'header');
      const pathValue = (name: string) => ctx.pathValues[`${op.operationId}.${name}`] ?? ctx.pathValues[name] ?? 'x';
      const fillPath = (over: Record<string, string> = {}) => template.replace(/\{(\w+)\}/g, (_, n) => over[n] ?? encodeURIComponent(pathValue(n)));
      const baseQuery: Record<string, string> = {};
      for (const q of queryParams) if (q.required) baseQuery[q.name] = String(plausible(resolve(q.schema), resolve));
      const queryText = (q: Record<string, string>, raw = '') =>
        [...Object.entries(q).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), raw].filter(Boolean).join('&');

      const contents = Object.keys(op.requestBody?.content ?? {});
      const bodySchema = contents.length ? resolve(op.requestBody.content[contents[0]].schema) : undefined;
      const isJson = contents.includes('application/json');
      const isForm = !isJson && contents.includes('application/x-www-form-urlencoded');
      const baseBody = ctx.baseBodies?.[op.operationId] ?? (bodySchema?.properties ? requiredObject(bodySchema, resolve) : {});
      const jsonBody = (b: Record<string, unknown>): FuzzBody =>
        isForm ? { contentType: 'application/x-www-form-urlencoded', text: encodeForm(b) } : { contentType: 'application/json', text: toJsonText(b) };
      const base = (label: string, everyRole = false): FuzzCase => ({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: fillPath(),
        query: queryText(baseQuery),
        headers: {},
        body: isJson || isForm ? jsonBody(baseBody) : undefined,
        label,
        everyRole,
      });

      for (const p of pathParams) {
        for (const bad of PATH_BAD) cases.push({ ...base(`path ${p.name} = ${bad.slice(0, 20)}`), path: fillPath({ [p.name]: bad }) });
      }
      for (const p of queryParams) {
        const kind = resolve(p.schema).type === 'integer' ? 'integer' : 'string';
        for (const bad of QUERY_BAD[kind]) {
          const rest = { ...baseQuery };
          delete rest[p.name];
          cases.push({ ...base(`query ${p.name} = ${bad.slice(0, 20)}`), query: queryText(rest, `${encodeURIComponent(p.name)}=${bad}`) });
        }
        cases.push({ ...base(`query ${p.name} repeated`), query: queryText(baseQuery, `${p.name}=1&${p.name}=2`) });
      }
      for (const h of headerParams) {
        for (const bad of HEADER_BAD) cases.push({ ...base(`header ${h.name} = ${JSON.stringify(bad.slice(0, 20))}`), headers: { [h.name]: bad } });
      }
      cases.push({ ...base('unknown query parameter', true), query: queryText(baseQuery, 'fuzzUnknown=1') });

      if (isJson || isForm) {
        const fields = (s: Schema, prefix: string[], depth: number) => {
          for (const [name, raw] of Object.entries<Schema>(s.properties ?? {})) {
            const fs = resolve(raw);
            const path = [...prefix, name];
            // The enclosing objects stay plausible (an optional one gets its required fields), so that only this one is wrong.
            const enclosing = prefix.length && !objectAt(baseBody, prefix) ? setAt(baseBody, prefix, requiredObject(s, resolve)) : baseBody;
            for (const [label, value] of badBodyValues(fs)) {
              cases.push({ ...base(`body ${path.join('.')} = ${label}`), body: jsonBody(setAt(enclosing, path, value)) });
            }
            if (fs.properties && depth < 3) fields(fs, path, depth + 1);
          }
        };
        fields(bodySchema ?? {}, [], 0);
        cases.push({ ...base('unknown body field', true), body: jsonBody({ ...baseBody, fuzzUnknown: 1 }) });
        cases.push({ ...base('empty JSON object', true), body: { contentType: 'application/json', text: '{}' } });
        cases.push({ ...base('no body', true), body: undefined });
        cases.push({ ...base('JSON array body'), body: { contentType: 'application/json', text: '[{}]' } });
        cases.push({ ...base('form body'), body: { contentType: 'application/x-www-form-urlencoded', text: 'a=b' } });
        cases.push({ ...base('text/plain body'), body: { contentType: 'text/plain', text: '{}' } });
        cases.push({ ...base('malformed JSON'), body: { contentType: 'application/json', text: '{"a":' } });
        cases.push({ ...base('deeply nested JSON'), body: { contentType: 'application/json', text: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) } });
      } else if (contents.includes('text/csv')) {
        const header = 'username,name,email,role,ente';
        for (const [label, text] of [
          ['NUL', `${header}\nfuzz.csv,Nu${'\u0000'}l,f@test.invalid,STANDARD,x\n`],
          ['control', `${header}\nfuzz.csv,Bell${'\u0007'},f@test.invalid,STANDARD,x\n`],
          ['formula', `${header}\nfuzz.csv,=HYPERLINK("x"),f@test.invalid,STANDARD,x\n`],
          ['empty', ''],
          ['header only', header],
          ['ragged', `${header}\na,b\n"unterminated`],
        ] as const) {
          cases.push({ ...base(`csv ${label}`), body: { contentType: 'text/csv', text } });
        }
        cases.push({ ...base('JSON on a CSV operation'), body: { contentType: 'application/json', text: '{"a":1}' } });
      } else {
        cases.push({ ...base('body on an operation without one', true), body: { contentType: 'application/json', text: '{"fuzzUnknown":1}' } });
        cases.push({ ...base('form body on an operation without one'), body: { contentType: 'application/x-www-form-urlencoded', text: 'a=b' } });
      }
    }
  }
  return cases;
}

/** Keeps every every-role case and a seeded sample of the rest, at most `max` cases in all. */
export function sampleCases(cases: FuzzCase[], max: number, seed: number): FuzzCase[] {
  const fixed = cases.filter((c) => c.everyRole);
  const rest = cases.filter((c) => !c.everyRole);
  const room = Math.max(0, max - fixed.length);
  if (rest.length <= room) return cases;
  const random = seededRandom(seed);
  const shuffled = rest.map((c) => [random(), c] as const).sort((a, b) => a[0] - b[0]).slice(0, room).map(([, c]) => c);
  const keep = new Set([...fixed, ...shuffled]);
  return cases.filter((c) => keep.has(c));
}

export interface FuzzFailure {
  case: string;
  role: string;
  status: number;
  type?: string;
  detail?: string;
  requestId?: string;
}

export interface FuzzRun {
  sent: number;
  operations: Set<string>;
  /** Answers by status class, e.g. { "2xx": 310, "4xx": 2700 }. */
  byClass: Record<string, number>;
  /** Milliseconds spent per operation, to see where a slow run goes (not asserted). */
  millis: Record<string, number>;
  failures: FuzzFailure[];
}

/**
 * Sends each case as each role it is meant for (every role, or one drawn with the seed) and keeps
 * every 5xx. `before` runs when the operation changes (to restore state a case may have changed).
 */
export async function runCases(
  http: any,
  cases: FuzzCase[],
  auth: Record<string, Record<string, string>>,
  seed: number,
  before?: (operationId: string) => Promise<void>,
): Promise<FuzzRun> {
  const random = seededRandom(seed);
  const roles = Object.keys(auth);
  const run: FuzzRun = { sent: 0, operations: new Set(), byClass: {}, millis: {}, failures: [] };
  let last = '';
  for (const c of cases) {
    run.operations.add(c.operationId);
    if (c.operationId !== last) await before?.(c.operationId);
    last = c.operationId;
    for (const role of c.everyRole ? roles : [roles[Math.floor(random() * roles.length)]]) {
      let req = http[c.method.toLowerCase()](c.query ? `${c.path}?${c.query}` : c.path).set({ ...auth[role], ...c.headers });
      if (c.body) req = req.set('content-type', c.body.contentType).send(c.body.text);
      const started = performance.now();
      const res = await req;
      run.millis[c.operationId] = (run.millis[c.operationId] ?? 0) + performance.now() - started;
      run.sent++;
      const cls = `${String(res.status)[0]}xx`;
      run.byClass[cls] = (run.byClass[cls] ?? 0) + 1;
      if (res.status >= 500) {
        run.failures.push({ case: `${c.method} ${c.path.slice(0, 80)} ${c.operationId}: ${c.label}`, role, status: res.status, type: res.body?.type, detail: res.body?.detail, requestId: res.body?.requestId });
      }
    }
  }
  return run;
}

export interface StoredFault {
  table: string;
  column: string;
  fault: string;
}

/**
 * Values a database holds that no request should have been able to put there: NUL, U+FFFD (what a
 * lone surrogate or invalid UTF-8 becomes once stored) anywhere, impossible days in `dateColumns`.
 */
export function storedFaults(table: string, rows: Array<Record<string, unknown>>, dateColumns: ReadonlySet<string> = new Set()): StoredFault[] {
  const out: StoredFault[] = [];
  const check = (column: string, v: unknown, depth = 0) => {
    if (depth > 16) return;
    if (typeof v === 'string') {
      // A lone surrogate is stored as U+FFFD; JSON columns may hold the escapes themselves.
      // eslint-disable-next-line no-control-regex
      if (/\u0000|\\u0000/.test(v)) out.push({ table, column, fault: 'NUL' });
      else if (/\ufffd|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/i.test(v)) {
        out.push({ table, column, fault: 'lone surrogate (U+FFFD)' });
      }
      else if (dateColumns.has(column) && !isCalendarDate(v.slice(0, 10))) out.push({ table, column, fault: `impossible date ${v}` });
      else if ((v.startsWith('[') || v.startsWith('{')) && depth === 0) {
        try {
          check(column, JSON.parse(v), depth + 1);
        } catch {
          // not JSON: plain text, checked above
        }
      }
    } else if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) out.push({ table, column, fault: 'invalid date-time' });
    } else if (Array.isArray(v)) {
      for (const x of v) check(column, x, depth + 1);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const x of Object.values(v)) check(column, x, depth + 1);
    }
  };
  for (const row of rows) for (const [column, v] of Object.entries(row)) check(column, v);
  return out;
}
