#!/usr/bin/env node
// Reads openapi/geres.openapi.json (OpenAPI 3.1) and writes an adapted copy for NSwag to stdout or to
// the file named by the second argument. The committed document is never changed.
//
// Adaptations (the same ideas as sdk/scripts/generate.mjs, for NSwag instead of
// openapi-typescript-codegen):
//   - `type: [T, 'null']` becomes `type: T, nullable: true`;
//   - `anyOf`/`oneOf: [X, {type: 'null'}]` becomes `allOf: [X], nullable: true`;
//   - `const: v` becomes `enum: [v]`, `examples: [...]` is dropped (3.0 has `example` only);
//   - response `headers` are dropped (the core exposes the response headers itself);
//   - the header parameters that the hand-written core manages (X-GeRes-Operator,
//     X-GeRes-Workstation, X-GeRes-Device-Token, X-Request-Id, Idempotency-Key) are removed from the
//     operations, so that the generated methods do not ask for them: GeResClient sets them on every
//     request from its options and from GeResCallOptions;
//   - `openapi` is declared as 3.0.3.
// With --strict, a `$ref` to something the document does not define is an error.
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const [input, output] = args.filter((a) => !a.startsWith('--'));
if (!input) {
  console.error('usage: prepare-openapi.mjs [--strict] <openapi.json> [out.json]');
  process.exit(2);
}

const MANAGED_HEADERS = new Set(['x-geres-operator', 'x-geres-workstation', 'x-geres-device-token', 'x-request-id', 'idempotency-key']);
const doc = JSON.parse(readFileSync(input, 'utf8'));

function resolve(ref) {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => (node === undefined ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
}

const missing = new Set();
function adapt(node) {
  if (Array.isArray(node)) return node.map(adapt);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = adapt(v);
  if (typeof out.$ref === 'string' && resolve(out.$ref) === undefined) missing.add(out.$ref);
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    if (types.length !== out.type.length) out.nullable = true;
    out.type = types.length === 1 ? types[0] : types;
    if (Array.isArray(out.type) && out.type.length === 0) delete out.type;
  }
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(out[key])) {
      const rest = out[key].filter((s) => !(s && s.type === 'null' && Object.keys(s).length === 1));
      if (rest.length !== out[key].length) {
        out.nullable = true;
        if (rest.length === 1) {
          delete out[key];
          out.allOf = rest;
        } else out[key] = rest;
      }
    }
  }
  if ('const' in out) {
    out.enum = [out.const];
    delete out.const;
  }
  if (Array.isArray(out.examples) && !('example' in out) && out.examples.every((e) => typeof e !== 'object' || e === null)) {
    out.example = out.examples[0];
    delete out.examples;
  }
  return out;
}

const adapted = adapt(doc);
adapted.openapi = '3.0.3';
for (const pathItem of Object.values(adapted.paths ?? {})) {
  for (const op of Object.values(pathItem)) {
    if (!op || typeof op !== 'object' || !op.responses) continue;
    if (Array.isArray(op.parameters)) {
      op.parameters = op.parameters.filter((p) => {
        const real = p.$ref ? resolve(p.$ref) : p;
        return !(real && real.in === 'header' && MANAGED_HEADERS.has(String(real.name).toLowerCase()));
      });
    }
    for (const response of Object.values(op.responses)) if (response && typeof response === 'object') delete response.headers;
  }
}
// Schema-level `examples` arrays of objects are valid 3.1 but unknown to 3.0 readers: drop them.
(function dropExamples(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(dropExamples);
  if (Array.isArray(node.examples)) delete node.examples;
  Object.values(node).forEach(dropExamples);
})(adapted.components?.schemas);

if (missing.size) {
  const list = [...missing].join(', ');
  if (strict) {
    console.error(`prepare-openapi: undefined references: ${list}`);
    process.exit(1);
  }
  console.error(`prepare-openapi: warning: undefined references: ${list}`);
}

const text = JSON.stringify(adapted, null, 2) + '\n';
if (output) writeFileSync(output, text);
else process.stdout.write(text);
