#!/usr/bin/env node
// Generates the Java layer of the GeRes client from openapi/geres.openapi.json.
//
//   node java-client/generator/generate.mjs           write src/main/java/it/geres/client/generated/
//   node java-client/generator/generate.mjs --check   exit 1 if the committed files differ
//
// No dependencies: plain Node (18 or later) and template literals. The output is deterministic
// (sorted, no timestamps), so --check can compare it byte for byte.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const javaClient = resolve(here, '..');
const repoRoot = resolve(javaClient, '..');
const specPath = join(repoRoot, 'openapi', 'geres.openapi.json');
const outRoot = join(javaClient, 'src', 'main', 'java', 'it', 'geres', 'client', 'generated');
const BASE_PACKAGE = 'it.geres.client.generated';
const MODEL_PACKAGE = `${BASE_PACKAGE}.model`;
const API_PACKAGE = `${BASE_PACKAGE}.api`;

const HEADER = `// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs`;

/** Header parameters the core sets from RequestOptions: not method parameters. */
const CORE_HEADERS = new Set(['x-geres-operator', 'x-geres-workstation', 'x-geres-device-token', 'x-request-id', 'idempotency-key']);

const JAVA_KEYWORDS = new Set(
  ('abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if ' +
    'implements import instanceof int interface long native new package private protected public return short static strictfp super switch ' +
    'synchronized this throw throws transient try void volatile while true false null var record yield sealed permits')
    .split(' '),
);
/** Nested type names that would shadow java.lang or the types generated code uses. */
const RESERVED_TYPE_NAMES = new Set(['Error', 'Object', 'String', 'Integer', 'Long', 'Double', 'Boolean', 'List', 'Map', 'Override', 'Record', 'Exception', 'Class', 'Enum', 'Builder', 'Objects', 'Void']);

const args = new Set(process.argv.slice(2));
const checkOnly = args.has('--check');

const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const schemas = spec.components?.schemas ?? {};
const problems = [];
const fail = (msg) => problems.push(msg);

// ---------------------------------------------------------------------------------------------
// Names

const words = (s) =>
  String(s)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
const pascal = (s) => words(s).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
function camel(s) {
  const p = pascal(s);
  const name = p ? p[0].toLowerCase() + p.slice(1) : '_';
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return JAVA_KEYWORDS.has(safe) ? `${safe}_` : safe;
}
function constantName(value) {
  const n = words(value)
    .map((w) => w.toUpperCase())
    .join('_');
  if (!n) return 'EMPTY';
  return /^[0-9]/.test(n) ? `V_${n}` : n;
}
const refName = (ref) => {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!m) throw new Error(`Unsupported $ref ${ref}`);
  if (!schemas[m[1]]) fail(`$ref to undefined schema ${m[1]}`);
  return pascal(m[1]);
};
const resolveParam = (p) => {
  if (!p.$ref) return p;
  const m = /^#\/components\/parameters\/(.+)$/.exec(p.$ref);
  const found = m && spec.components?.parameters?.[m[1]];
  if (!found) throw new Error(`Unsupported parameter $ref ${p.$ref}`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// Javadoc

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '&#64;').replace(/\*\//g, '*&#47;');
}
/** Markdown-ish text to Javadoc HTML: code spans, bold, paragraphs. */
function docText(s) {
  if (!s) return '';
  let t = escapeHtml(String(s).trim());
  t = t.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');
  return t.replace(/\n\s*\n/g, '\n<p>\n');
}
function javadoc(lines, indent = '') {
  const body = lines
    .filter((l) => l !== undefined && l !== null && l !== '')
    .join('\n<p>\n')
    .split('\n')
    .map((l) => `${indent} *${l ? ` ${l}` : ''}`);
  if (body.length === 0) return '';
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

// ---------------------------------------------------------------------------------------------
// Types

/** Inline enums are reused when a component enum has exactly the same values. */
const componentEnums = new Map();
for (const [name, s] of Object.entries(schemas)) {
  if (Array.isArray(s.enum) && typeString(s) === 'string') componentEnums.set(JSON.stringify([...s.enum].sort()), pascal(name));
}

function typeString(s) {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type;
}

/** Strips 3.1 nullability: `anyOf: [X, {type: null}]`, `allOf: [X]`. */
function unwrap(s) {
  if (!s) return s;
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const list = (s.anyOf ?? s.oneOf).filter((x) => !(x.type === 'null'));
    if (list.length === 1) return { ...unwrap(list[0]), description: s.description ?? list[0].description };
    return { description: s.description, 'x-any': true };
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1) return { ...unwrap(s.allOf[0]), description: s.description ?? s.allOf[0].description };
  if (Array.isArray(s.allOf)) return { description: s.description, 'x-any': true };
  return s;
}

const formatNote = (s) => (s.format && typeString(s) === 'string' ? s.format : undefined);

/**
 * The Java type of a schema. `owner` collects nested enums for inline enums; `hint` names them.
 * Returns { java, item? } where item is the element type of a List (for varargs helpers).
 */
function javaType(raw, owner, hint) {
  const s = unwrap(raw);
  if (!s || s['x-any']) return { java: 'com.fasterxml.jackson.databind.JsonNode' };
  if (s.$ref) return { java: refName(s.$ref) };
  const t = typeString(s);
  if (Array.isArray(s.enum) && t === 'string') {
    const key = JSON.stringify([...s.enum].sort());
    if (componentEnums.has(key)) return { java: componentEnums.get(key) };
    if (!owner) return { java: 'String' };
    let name = pascal(hint);
    if (RESERVED_TYPE_NAMES.has(name) || name === owner.name) name = `${name}Value`;
    if (!owner.enums.some((e) => e.name === name)) owner.enums.push({ name, schema: s });
    return { java: name };
  }
  switch (t) {
    case 'string':
      return { java: 'String' };
    case 'integer':
      return { java: s.format === 'int64' ? 'Long' : 'Integer' };
    case 'number':
      return { java: 'Double' };
    case 'boolean':
      return { java: 'Boolean' };
    case 'array': {
      const itemHint = hint.length > 3 && hint.endsWith('s') ? hint.slice(0, -1) : `${hint}Item`;
      const item = javaType(s.items ?? {}, owner, itemHint);
      return { java: `java.util.List<${item.java}>`, item: item.java };
    }
    case 'object': {
      if (s.properties && Object.keys(s.properties).length) {
        fail(`inline object with properties at ${owner?.name ?? '?'}.${hint}: give it a component schema`);
        return { java: 'java.util.Map<String, Object>' };
      }
      const ap = s.additionalProperties;
      if (ap && typeof ap === 'object') return { java: `java.util.Map<String, ${javaType(ap, owner, `${hint}Value`).java}>` };
      return { java: 'java.util.Map<String, Object>' };
    }
    default:
      return { java: 'com.fasterxml.jackson.databind.JsonNode' };
  }
}

// ---------------------------------------------------------------------------------------------
// Models

function enumBody(name, values, description, indent, isNested) {
  const used = new Set();
  const constants = values.map((v) => {
    let c = constantName(v);
    while (used.has(c)) c = `${c}_`;
    used.add(c);
    return `${indent}    @JsonProperty(${JSON.stringify(v)})\n${indent}    ${c}(${JSON.stringify(v)})`;
  });
  return `${javadoc([docText(description)], indent)}${indent}public ${isNested ? 'static ' : ''}enum ${name} {
${constants.join(',\n\n')};

${indent}    private final String value;

${indent}    ${name}(String value) {
${indent}        this.value = value;
${indent}    }

${indent}    /** The value on the wire. */
${indent}    public String value() {
${indent}        return value;
${indent}    }

${indent}    /** The value on the wire, so that query parameters carry it. */
${indent}    @Override
${indent}    public String toString() {
${indent}        return value;
${indent}    }

${indent}    /** The constant for a wire value; {@code null} for a value this client does not know. */
${indent}    public static ${name} fromValue(String value) {
${indent}        for (${name} candidate : values()) {
${indent}            if (candidate.value.equals(value)) {
${indent}                return candidate;
${indent}            }
${indent}        }
${indent}        return null;
${indent}    }
${indent}}
`;
}

function enumFile(name, s) {
  return `${HEADER}
package ${MODEL_PACKAGE};

import com.fasterxml.jackson.annotation.JsonProperty;

${enumBody(name, s.enum, s.description, '', false)}`;
}

function recordFile(schemaName, s) {
  const name = pascal(schemaName);
  const owner = { name, enums: [] };
  const required = new Set(s.required ?? []);
  const props = Object.entries(s.properties ?? {}).map(([wire, ps]) => {
    const u = unwrap(ps);
    const t = javaType(ps, owner, wire);
    const nullable = (Array.isArray(ps.type) && ps.type.includes('null')) || (ps.anyOf ?? []).some((x) => x.type === 'null');
    const notes = [];
    const fmt = formatNote(u);
    if (fmt) notes.push(`format ${fmt}`);
    if (required.has(wire)) notes.push('required');
    if (nullable) notes.push('may be null');
    if (u?.default !== undefined) notes.push(`default ${JSON.stringify(u.default)}`);
    const doc = [docText(ps.description ?? u?.description), notes.length ? `(${notes.join(', ')})` : ''].filter(Boolean).join(' ');
    return { wire, field: camel(wire), type: t.java, item: t.item, required: required.has(wire), doc };
  });

  const params = props.map((p) => `@param ${p.field} ${p.doc || p.wire}`);
  const components = props.map((p) => `        @JsonProperty(${JSON.stringify(p.wire)}) ${p.type} ${p.field}`).join(',\n');
  const nested = owner.enums.map((e) => `\n${enumBody(e.name, e.schema.enum, e.schema.description, '    ', true)}`).join('');
  const builderFields = props.map((p) => `        private ${p.type} ${p.field};`).join('\n');
  const setters = props
    .map((p) => {
      let m = `
        /** ${p.doc || p.wire} */
        public Builder ${p.field}(${p.type} ${p.field}) {
            this.${p.field} = ${p.field};
            return this;
        }
`;
      if (p.item && !p.item.includes('<')) {
        m += `
        /** ${p.doc || p.wire} */
        public Builder ${p.field}(${p.item}... ${p.field}) {
            this.${p.field} = java.util.List.of(${p.field});
            return this;
        }
`;
      }
      return m;
    })
    .join('');
  const checks = props
    .filter((p) => p.required)
    .map((p) => `            Objects.requireNonNull(${p.field}, "${p.wire} is required");\n`)
    .join('');
  const copies = props.map((p) => `        b.${p.field} = ${p.field};\n`).join('');
  const ctorArgs = props.map((p) => p.field).join(', ');

  return `${HEADER}
package ${MODEL_PACKAGE};

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

${javadoc([docText(s.description), params.length ? params.join('\n') : ''])}@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ${name}(
${components}) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
${copies}        return b;
    }
${nested}
    /** Builds {@link ${name}}. */
    public static final class Builder {
${builderFields}

        private Builder() {
        }
${setters}
        public ${name} build() {
${checks}            return new ${name}(${ctorArgs});
        }
    }
}
`;
}

// ---------------------------------------------------------------------------------------------
// Operations

function responseTypeOf(op) {
  const codes = Object.keys(op.responses ?? {})
    .filter((c) => /^2\d\d$/.test(c))
    .sort();
  if (codes.length === 0) return { java: 'Void', expr: 'ResponseType.none()' };
  const r = op.responses[codes[0]];
  const content = r.content ?? {};
  const json = Object.entries(content).find(([mt]) => /json/.test(mt));
  if (json) {
    const t = javaType(json[1].schema ?? {}, undefined, 'Response');
    if (t.java.includes('<')) return { java: t.java, expr: `ResponseType.json(new TypeReference<${t.java}>() {})`, typeRef: true };
    return { java: t.java, expr: `ResponseType.json(${t.java}.class)` };
  }
  if (Object.keys(content).length) return { java: 'String', expr: 'ResponseType.text()' };
  return { java: 'Void', expr: 'ResponseType.none()' };
}

function requestBodyOf(op, opName) {
  const rb = op.requestBody;
  if (!rb) return undefined;
  const entries = Object.entries(rb.content ?? {});
  const json = entries.find(([mt]) => /json/.test(mt));
  const [mediaType, media] = json ?? entries[0];
  const t = javaType(media.schema ?? {}, undefined, `${opName}Body`);
  return { mediaType, java: t.java, required: !!rb.required, doc: docText(rb.description) };
}

function operationCode(path, method, op, params) {
  const name = op.operationId;
  if (!name) {
    fail(`${method.toUpperCase()} ${path} has no operationId`);
    return { methods: '', nested: '' };
  }
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  for (const p of params) {
    if (p.in === 'header' && !CORE_HEADERS.has(p.name.toLowerCase())) fail(`${name}: header parameter ${p.name} is not supported by the generator`);
    if (p.in === 'cookie') fail(`${name}: cookie parameter ${p.name} is not supported by the generator`);
  }
  const body = requestBodyOf(op, name);
  const resp = responseTypeOf(op);
  const paramsClass = queryParams.length ? `${pascal(name)}Params` : undefined;

  const sig = [];
  const callArgs = [];
  const docParams = [];
  for (const p of pathParams) {
    const f = camel(p.name);
    sig.push(`String ${f}`);
    callArgs.push(f);
    docParams.push(`@param ${f} ${docText(p.description) || `path parameter <code>${escapeHtml(p.name)}</code>`}`);
  }
  if (paramsClass) {
    sig.push(`${paramsClass} params`);
    callArgs.push('params');
    docParams.push(`@param params the query parameters`);
  }
  if (body) {
    sig.push(`${body.java} body`);
    callArgs.push('body');
    docParams.push(`@param body ${body.doc || `the request body (${escapeHtml(body.mediaType)})`}`);
  }
  const sigWithOptions = [...sig, 'RequestOptions options'].join(', ');
  const argsWithOptions = [...callArgs, 'options'].join(', ');
  const argsNoOptions = [...callArgs, 'RequestOptions.none()'].join(', ');

  let build = `ApiRequest.of(${JSON.stringify(method.toUpperCase())}, ${JSON.stringify(path)})`;
  for (const p of pathParams) build += `\n                .path(${JSON.stringify(p.name)}, ${camel(p.name)})`;
  for (const p of queryParams) build += `\n                .query(${JSON.stringify(p.name)}, params${p.required ? '' : ' == null ? null : params'}.${camel(p.name)}())`;
  if (body) build += `\n                .body(body, ${JSON.stringify(body.mediaType)})`;
  // No security requirement (login, token, health): sent without the access token.
  const security = op.security ?? spec.security;
  if (!Array.isArray(security) || security.length === 0) build += `\n                .unauthenticated()`;
  const requiredChecks = [
    ...pathParams.map((p) => `        Objects.requireNonNull(${camel(p.name)}, "${p.name} is required");\n`),
    ...(paramsClass && queryParams.some((p) => p.required) ? [`        Objects.requireNonNull(params, "params is required");\n`] : []),
    ...(body && body.required ? [`        Objects.requireNonNull(body, "body is required");\n`] : []),
  ].join('');

  const summary = [docText(op.summary), docText(op.description), `<code>${method.toUpperCase()} ${escapeHtml(path)}</code>`];
  const returnsDoc = `@return ${resp.java === 'Void' ? '{@code null} (no content)' : 'the answer'}`;
  const throwsDoc = '@throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached';
  const deprecated = op.deprecated ? '    @Deprecated\n' : '';

  const methods = `
${javadoc([...summary, [...docParams, returnsDoc, throwsDoc].join('\n')], '    ')}${deprecated}    public ${resp.java} ${name}(${sig.join(', ')}) {
        return ${name}WithResponse(${argsNoOptions}).data();
    }

${javadoc([`As {@link #${name}}, with options for this call.`, [...docParams, '@param options per-call options (operator, idempotency key, timeout…)', returnsDoc, throwsDoc].join('\n')], '    ')}${deprecated}    public ${resp.java} ${name}(${sigWithOptions}) {
        return ${name}WithResponse(${argsWithOptions}).data();
    }

${javadoc([`As {@link #${name}}, with the response's status, headers, request id and attempts.`], '    ')}${deprecated}    public ApiResponse<${resp.java}> ${name}WithResponse(${sigWithOptions}) {
        return caller.execute(${name}Request(${callArgs.join(', ')}), options, ${resp.typeRef ? `${name.toUpperCase()}_TYPE` : resp.expr});
    }

${javadoc([`As {@link #${name}}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.`], '    ')}${deprecated}    public CompletableFuture<${resp.java}> ${name}Async(${sigWithOptions}) {
        return ${name}AsyncWithResponse(${argsWithOptions}).thenApply(ApiResponse::data);
    }

${javadoc([`As {@link #${name}WithResponse}, asynchronously.`], '    ')}${deprecated}    public CompletableFuture<ApiResponse<${resp.java}>> ${name}AsyncWithResponse(${sigWithOptions}) {
        return caller.executeAsync(${name}Request(${callArgs.join(', ')}), options, ${resp.typeRef ? `${name.toUpperCase()}_TYPE` : resp.expr});
    }

    private static ApiRequest ${name}Request(${sig.join(', ')}) {
${requiredChecks}        return ${build};
    }
`;

  let nested = '';
  if (resp.typeRef) nested += `\n    private static final ResponseType<${resp.java}> ${name.toUpperCase()}_TYPE = ${resp.expr};\n`;
  if (paramsClass) {
    const owner = { name: paramsClass, enums: [] };
    const qs = queryParams.map((p) => {
      const t = javaType(p.schema ?? {}, owner, p.name);
      const notes = [];
      const u = unwrap(p.schema ?? {});
      if (formatNote(u)) notes.push(`format ${formatNote(u)}`);
      if (u.default !== undefined) notes.push(`default ${JSON.stringify(u.default)}`);
      if (p.required) notes.push('required');
      return { wire: p.name, field: camel(p.name), type: t.java, required: !!p.required, doc: [docText(p.description) || escapeHtml(p.name), notes.length ? `(${notes.join(', ')})` : ''].filter(Boolean).join(' ') };
    });
    const req = qs.filter((q) => q.required);
    const ctor = req.length
      ? `
        /** The required query parameters. */
        public ${paramsClass}(${req.map((q) => `${q.type} ${q.field}`).join(', ')}) {
${req.map((q) => `            this.${q.field} = Objects.requireNonNull(${q.field}, "${q.wire} is required");\n`).join('')}        }
`
      : `
        /** No query parameter set yet: all are optional. */
        public ${paramsClass}() {
        }
`;
    nested += `
    /** Query parameters of {@link #${name}}. */
    public static final class ${paramsClass} {
${qs.map((q) => `        private ${q.type} ${q.field};`).join('\n')}
${ctor}${owner.enums.map((e) => `\n${enumBody(e.name, e.schema.enum, e.schema.description, '        ', true)}`).join('')}${qs
      .map(
        (q) => `
        /** ${q.doc} */
        public ${q.type} ${q.field}() {
            return ${q.field};
        }

        /** ${q.doc} */
        public ${paramsClass} ${q.field}(${q.type} ${q.field}) {
            this.${q.field} = ${q.required ? `Objects.requireNonNull(${q.field}, "${q.wire} is required")` : q.field};
            return this;
        }
`,
      )
      .join('')}    }
`;
  }
  return { methods, nested };
}

function serviceFile(className, tagDoc, ops) {
  const parts = ops.map(({ path, method, op, params }) => operationCode(path, method, op, params));
  // An inline enum among the query parameters becomes a nested enum whose constants carry @JsonProperty.
  const jsonProperty = parts.some((p) => JSON.stringify(p).includes('@JsonProperty(')) ? 'import com.fasterxml.jackson.annotation.JsonProperty;\n' : '';
  return `${HEADER}
package ${API_PACKAGE};

${jsonProperty}import com.fasterxml.jackson.core.type.TypeReference;
import it.geres.client.ApiResponse;
import it.geres.client.RequestOptions;
import it.geres.client.core.ApiCaller;
import it.geres.client.core.ApiRequest;
import it.geres.client.core.ResponseType;
import it.geres.client.generated.model.*;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

${javadoc([docText(tagDoc), 'Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).'])}@SuppressWarnings("unused")
public final class ${className} {
    private final ApiCaller caller;

    public ${className}(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }
${parts.map((p) => p.nested).join('')}${parts.map((p) => p.methods).join('')}}
`;
}

function apiFile(services) {
  const fields = services.map((s) => `    private final ${s.className} ${s.accessor};`).join('\n');
  const inits = services.map((s) => `        this.${s.accessor} = new ${s.className}(caller);`).join('\n');
  const getters = services
    .map(
      (s) => `
    /** ${docText(s.description) || `Operations tagged ${escapeHtml(s.tag)}.`} */
    public ${s.className} ${s.accessor}() {
        return ${s.accessor};
    }
`,
    )
    .join('');
  return `${HEADER}
package ${API_PACKAGE};

import it.geres.client.core.ApiCaller;

/**
 * Every operation of ${docText(spec.info?.title ?? 'the API')} ${escapeHtml(spec.info?.version ?? '')}, grouped by tag.
 * <p>
 * Obtain it from {@code GeResClient.api()}.
 */
public final class GeResApi {
    /** The version of the API document this layer was generated from. */
    public static final String API_VERSION = ${JSON.stringify(String(spec.info?.version ?? ''))};

${fields}

    public GeResApi(ApiCaller caller) {
${inits}
    }
${getters}}
`;
}

// ---------------------------------------------------------------------------------------------
// Assemble

const files = new Map();
for (const name of Object.keys(schemas).sort()) {
  const s = schemas[name];
  const file = `model/${pascal(name)}.java`;
  if (Array.isArray(s.enum) && typeString(s) === 'string') files.set(file, enumFile(pascal(name), s));
  else if (typeString(s) === 'object' || s.properties) files.set(file, recordFile(name, s));
  else fail(`schema ${name}: only objects and string enums become Java types`);
}

const byTag = new Map();
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
for (const path of Object.keys(spec.paths ?? {}).sort()) {
  const item = spec.paths[path];
  const shared = (item.parameters ?? []).map(resolveParam);
  for (const method of METHODS) {
    const op = item[method];
    if (!op) continue;
    const own = (op.parameters ?? []).map(resolveParam);
    const params = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
    const tag = op.tags?.[0] ?? 'Default';
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push({ path, method, op, params });
  }
}
const tagDocs = new Map((spec.tags ?? []).map((t) => [t.name, t.description]));
const services = [...byTag.keys()].sort().map((tag) => {
  const ops = byTag.get(tag).sort((a, b) => a.op.operationId.localeCompare(b.op.operationId));
  const className = `${pascal(tag)}Api`;
  files.set(`api/${className}.java`, serviceFile(className, tagDocs.get(tag), ops));
  return { tag, className, accessor: camel(tag), description: tagDocs.get(tag) };
});
files.set('api/GeResApi.java', apiFile(services));

if (problems.length) {
  for (const p of problems) console.error(`generate: ${p}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Write or check

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(relative(outRoot, p).split('\\').join('/'));
  }
  return out;
}
const existing = new Set(listFiles(outRoot));
const drift = [];
for (const [rel, content] of files) {
  const p = join(outRoot, rel);
  if (!existing.has(rel)) drift.push(`missing  ${rel}`);
  else if (readFileSync(p, 'utf8') !== content) drift.push(`changed  ${rel}`);
}
for (const rel of existing) if (!files.has(rel)) drift.push(`stale    ${rel}`);

if (checkOnly) {
  if (drift.length) {
    console.error(`The generated Java layer is out of date with openapi/geres.openapi.json (${drift.length} files):`);
    for (const d of drift) console.error(`  ${d}`);
    console.error('Run: node java-client/generator/generate.mjs');
    process.exit(1);
  }
  console.log(`Generated Java layer is up to date (${files.size} files).`);
} else {
  for (const rel of existing) if (!files.has(rel)) rmSync(join(outRoot, rel));
  for (const [rel, content] of files) {
    const p = join(outRoot, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  console.log(`Wrote ${files.size} files to ${relative(repoRoot, outRoot)} (${drift.length} changed).`);
}
