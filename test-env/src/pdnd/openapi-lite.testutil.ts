/**
 * Test-only: just enough YAML to read the ANPR OpenAPI files in ../shared/anpr/pdnd (block maps,
 * block lists, quoted scalars, `|`/`|-` block scalars, `[]`), and a validator of a JSON value against
 * one of their component schemas (type, required, properties, items, enum, $ref). Properties the
 * schema does not declare are reported, so a field sent to the wrong e-service is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Yaml = string | Yaml[] | { [k: string]: Yaml };

interface Line {
  indent: number;
  text: string;
}

function scalar(raw: string): Yaml {
  const s = raw.trim();
  if (s === '[]') return [];
  if (s === '{}') return {};
  if ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith('"') && s.endsWith('"'))) return s.slice(1, -1);
  return s;
}

/** Splits `key: value` at the first colon outside quotes that is followed by a space or the end. */
function splitKey(text: string): [string, string] | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ':' && (i + 1 === text.length || text[i + 1] === ' ')) {
      return [String(scalar(text.slice(0, i))), text.slice(i + 1).trim()];
    }
  }
  return undefined;
}

export function parseYaml(source: string): Yaml {
  const lines: Line[] = source
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  let i = 0;

  const block = (indent: number): Yaml => (lines[i]!.text.startsWith('- ') || lines[i]!.text === '-' ? list(indent) : map(indent));

  function blockScalar(parentIndent: number): string {
    const parts: string[] = [];
    while (i < lines.length && lines[i]!.indent > parentIndent) parts.push(lines[i++]!.text);
    return parts.join('\n');
  }

  function value(rest: string, keyIndent: number): Yaml {
    if (rest === '|' || rest === '|-' || rest === '>' || rest === '>-') return blockScalar(keyIndent);
    if (rest !== '') return scalar(rest);
    if (i >= lines.length) return '';
    const next = lines[i]!;
    if (next.indent > keyIndent) return block(next.indent);
    // A list may sit at the same indentation as its key.
    if (next.indent === keyIndent && next.text.startsWith('- ')) return list(keyIndent);
    return '';
  }

  function map(indent: number): Yaml {
    const out: Record<string, Yaml> = {};
    while (i < lines.length && lines[i]!.indent === indent && !lines[i]!.text.startsWith('- ')) {
      const kv = splitKey(lines[i]!.text);
      if (!kv) throw new Error(`Unsupported YAML line: ${lines[i]!.text}`);
      i++;
      out[kv[0]] = value(kv[1], indent);
    }
    return out;
  }

  function list(indent: number): Yaml {
    const out: Yaml[] = [];
    while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('-')) {
      const content = lines[i]!.text.replace(/^-\s*/, '');
      if (content === '') {
        i++;
        out.push(i < lines.length && lines[i]!.indent > indent ? block(lines[i]!.indent) : '');
      } else if (splitKey(content) && !content.startsWith("'") && !content.startsWith('"')) {
        // `- key: value` opens a map whose keys line up with `key`.
        const inner = indent + (lines[i]!.text.length - content.length);
        lines[i] = { indent: inner, text: content };
        out.push(map(inner));
      } else {
        i++;
        out.push(scalar(content));
      }
    }
    return out;
  }

  return block(lines[0]!.indent);
}

type Schema = Record<string, Yaml>;

export interface OpenApiDoc {
  schemas: Record<string, Schema>;
}

export function loadOpenApi(path: string): OpenApiDoc {
  const doc = parseYaml(readFileSync(path, 'utf8')) as Record<string, Yaml>;
  const components = doc.components as Record<string, Yaml>;
  return { schemas: components.schemas as Record<string, Schema> };
}

export function validate(doc: OpenApiDoc, schemaName: string, value: unknown): string[] {
  const errors: string[] = [];
  const walk = (schema: Schema, v: unknown, path: string): void => {
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const target = doc.schemas[ref.replace('#/components/schemas/', '')];
      if (!target) return void errors.push(`${path}: unresolved ${ref}`);
      return walk(target, v, path);
    }
    const type = schema.type;
    if (Array.isArray(schema.enum) && !(schema.enum as Yaml[]).includes(v as string)) errors.push(`${path}: not in enum`);
    if (type === 'string') {
      if (typeof v !== 'string') errors.push(`${path}: expected string`);
    } else if (type === 'array') {
      if (!Array.isArray(v)) return void errors.push(`${path}: expected array`);
      v.forEach((item, idx) => walk(schema.items as Schema, item, `${path}[${idx}]`));
    } else if (type === 'object' || schema.properties) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return void errors.push(`${path}: expected object`);
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const req of (schema.required ?? []) as string[]) {
        if ((v as Record<string, unknown>)[req] === undefined) errors.push(`${path}.${req}: required`);
      }
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (!props[k]) errors.push(`${path}.${k}: not declared by the schema`);
        else walk(props[k], child, `${path}.${k}`);
      }
    }
  };
  const root = doc.schemas[schemaName];
  if (!root) return [`no schema ${schemaName}`];
  walk(root, value, schemaName);
  return errors;
}

/** The official OpenAPI files of `dir` (../shared/anpr/pdnd, see shared-data.testutil.ts), by e-service code. */
export function loadSharedPdndSpecs(dir: string): Map<string, OpenApiDoc> {
  const out = new Map<string, OpenApiDoc>();
  for (const f of readdirSync(dir)) {
    const m = f.match(/^(C\d{3})-.*\.yaml$/);
    if (m) out.set(m[1]!, loadOpenApi(join(dir, f)));
  }
  return out;
}
