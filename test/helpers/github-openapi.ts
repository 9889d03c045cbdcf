/**
 * GitHub's own REST description, @octokit/openapi (api.github.com.json), as the
 * judge of the GitHub stand-in: every request the tool sends is matched to a
 * documented operation and checked (query parameters, JSON body), and every
 * answer the stand-in gives is checked too (documented status, response schema).
 * The stand-in also builds its bodies from the documented response schemas, so
 * they carry every required field the real API sends.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

type Schema = Record<string, unknown>;
type Operation = { parameters?: Schema[]; requestBody?: Schema; responses: Record<string, Schema> };

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let loaded: { spec: { paths: Record<string, Record<string, Operation>>; components: Schema }; ajv: InstanceType<typeof Ajv>; templates: Array<{ template: string; regex: RegExp; literal: number }> } | undefined;

function load() {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema(spec, 'github');
  const templates = Object.keys(spec.paths).map((template) => {
    const parts = template.split('/');
    const pattern = parts.map((part, i) => (/^\{.+\}$/.test(part) ? (i === parts.length - 1 ? '(.+)' : '([^/]+)') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
    return { template, regex: new RegExp(`^${pattern}$`), literal: template.replace(/\{[^}]+\}/g, '').length };
  });
  loaded = { spec, ajv, templates };
  return loaded;
}

const pointer = (parts: string[]) => `github#/${parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

function resolve(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  while (current && typeof current.$ref === 'string') {
    const path = (current.$ref as string).replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], load().spec) as Schema;
  }
  return current;
}

export interface MatchedOperation {
  template: string;
  method: string;
  operation: Operation;
}

/** The documented operation for a request to the API (pathname without the /api/v3 prefix). */
export function findOperation(method: string, pathname: string): MatchedOperation | undefined {
  const { spec, templates } = load();
  const lower = method.toLowerCase();
  const candidates = templates.filter((t) => t.regex.test(pathname) && spec.paths[t.template][lower]).sort((a, b) => b.literal - a.literal);
  const best = candidates[0];
  return best ? { template: best.template, method: lower, operation: spec.paths[best.template][lower] } : undefined;
}

function validate(parts: string[], value: unknown): string[] {
  const check = load().ajv.getSchema(pointer(parts));
  if (!check) return [`no schema at ${parts.join(' ')}`];
  if (check(value)) return [];
  return (check.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

/** What is wrong with a request, by GitHub's description. */
export function requestProblems(method: string, pathname: string, query: URLSearchParams, body: unknown): string[] {
  const found = findOperation(method, pathname);
  if (!found) return [`${method} ${pathname}: no such operation in GitHub's REST description`];
  const where = `${method} ${found.template}`;
  const problems: string[] = [];
  const params = (found.operation.parameters ?? []).map((p) => resolve(p)!) as Array<{ name: string; in: string; schema?: Schema }>;
  for (const [name, value] of query) {
    const param = params.find((p) => p.in === 'query' && p.name === name);
    if (!param) { problems.push(`${where}: undocumented query parameter "${name}"`); continue; }
    const schema = resolve(param.schema);
    const typed = schema?.type === 'integer' || schema?.type === 'number' ? Number(value) : schema?.type === 'boolean' ? value === 'true' : value;
    const check = load().ajv.compile({ ...(schema ?? {}), $id: undefined } as Schema);
    if (!check(typed)) problems.push(`${where}: query "${name}"=${value}: ${check.errors?.[0]?.message}`);
  }
  if (found.operation.requestBody) {
    problems.push(...validate(['paths', found.template, found.method, 'requestBody', 'content', 'application/json', 'schema'], body).map((p) => `${where} request body ${p}`));
  }
  return problems;
}

/** What is wrong with a response, by GitHub's description. 401 and rate-limit answers are documented for every call. */
export function responseProblems(method: string, pathname: string, status: number, body: unknown): string[] {
  const found = findOperation(method, pathname);
  if (!found) return [];
  const where = `${method} ${found.template} -> ${status}`;
  if ([401, 429].includes(status) || (status === 403 && body && /rate limit/i.test(String((body as { message?: string }).message)))) return [];
  const response = resolve(found.operation.responses[String(status)]);
  if (!response) return [`${where}: status not documented (documented: ${Object.keys(found.operation.responses).join(', ')})`];
  const content = (response.content as Record<string, { schema?: Schema }> | undefined)?.['application/json'];
  if (!content?.schema) return [];
  const ref = found.operation.responses[String(status)].$ref as string | undefined;
  const parts = ref
    ? [...ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/')), 'content', 'application/json', 'schema']
    : ['paths', found.template, found.method, 'responses', String(status), 'content', 'application/json', 'schema'];
  return validate(parts, body).map((p) => `${where} ${p}`);
}

/** A body with every required field of the documented response, then `actual` on top. */
export function documentedBody(method: string, pathname: string, status: number, actual: unknown): unknown {
  const found = findOperation(method, pathname);
  const response = found && resolve(found.operation.responses[String(status)]);
  const schema = (response?.content as Record<string, { schema?: Schema }> | undefined)?.['application/json']?.schema;
  if (!schema) return actual;
  return shaped(schema, actual, 0);
}

/** `actual` with every required field its schema documents filled in, arrays item by item. */
function shaped(raw: Schema | undefined, actual: unknown, depth: number): unknown {
  const schema = resolve(raw);
  if (!schema || depth > 12 || actual === null || typeof actual !== 'object') return actual;
  const choice = (Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined) as Schema[] | undefined;
  if (choice) return shaped(choice[0], actual, depth + 1);
  if (Array.isArray(actual)) return schema.type === 'array' ? actual.map((item) => shaped(schema.items as Schema, item, depth + 1)) : actual;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(actual)) out[key] = shaped(propertySchema(schema, key), value, depth + 1);
  return overlay(example(schema, depth), out);
}

function propertySchema(schema: Schema, key: string): Schema | undefined {
  const own = (schema.properties as Record<string, Schema> | undefined)?.[key];
  if (own) return own;
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) {
    const found = propertySchema(resolve(part)!, key);
    if (found) return found;
  }
  return undefined;
}

function example(raw: Schema | undefined, depth: number): unknown {
  const schema = resolve(raw);
  if (!schema || depth > 12) return null;
  if (Array.isArray(schema.allOf)) return (schema.allOf as Schema[]).reduce<unknown>((acc, part) => overlay(acc, example(part, depth + 1)), {});
  if (Array.isArray(schema.oneOf)) return example((schema.oneOf as Schema[])[0], depth + 1);
  if (Array.isArray(schema.anyOf)) return example((schema.anyOf as Schema[])[0], depth + 1);
  if (schema.nullable === true) return null;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(((schema.required as string[] | undefined) ?? []).map((key) => [key, example(properties[key], depth + 1)]));
    }
    case 'array': return [];
    case 'integer': case 'number': return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean': return false;
    case 'string':
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'uri') return 'https://api.github.example/x';
      if (schema.format === 'email') return 'x@example.com';
      return '';
    default: return null;
  }
}

function overlay(base: unknown, top: unknown): unknown {
  if (top === undefined) return base;
  if (Array.isArray(top)) return top;
  if (typeof top === 'object' && top !== null && typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(top)) out[key] = overlay(out[key], value);
    return out;
  }
  return top;
}
