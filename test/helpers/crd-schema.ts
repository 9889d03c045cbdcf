/**
 * Checks a manifest the way the Kubernetes API server would, against the CRD's
 * own openAPIV3Schema (test/fixtures/crds/, each naming its source repository
 * and commit): types, enums, required fields and formats through ajv, plus
 * structural pruning. The API server silently drops a field the schema does not
 * declare (unless `x-kubernetes-preserve-unknown-fields`), so a field we write
 * under a wrong name would vanish without an error; here it is a problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ValidateFunction } from 'ajv';

type Schema = Record<string, any>;
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/crds');
const FILES: Record<string, string> = {
  'serving.kserve.io/v1beta1 InferenceService': 'kserve-inferenceservice-v1beta1.json',
  'mlops.seldon.io/v1alpha1 Model': 'seldon-model-v1alpha1.json',
  'mlops.seldon.io/v1alpha1 Experiment': 'seldon-experiment-v1alpha1.json',
};

// ajv is CommonJS; under Node's ESM its class is the default export's default (as in github-openapi.ts).
const Ajv = AjvModule as unknown as typeof AjvModule.default;
// Kubernetes' own keywords and formats mean nothing to ajv; it must not reject them.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false });
const compiled = new Map<string, { schema: Schema; validate: ValidateFunction }>();

function load(key: string): { schema: Schema; validate: ValidateFunction } {
  let entry = compiled.get(key);
  if (!entry) {
    const file = FILES[key];
    if (!file) throw new Error(`no CRD schema for ${key}`);
    const { $comment: _source, ...schema } = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as Schema;
    entry = { schema, validate: ajv.compile(schema) };
    compiled.set(key, entry);
  }
  return entry;
}

function pruned(schema: Schema, value: unknown, at: string, out: string[]): void {
  if (value === null || typeof value !== 'object' || schema['x-kubernetes-preserve-unknown-fields']) return;
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => pruned(schema.items, item, `${at}[${i}]`, out));
    return;
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    for (const [k, v] of Object.entries(value)) pruned(schema.additionalProperties, v, `${at}.${k}`, out);
    return;
  }
  if (!schema.properties) return;
  for (const [k, v] of Object.entries(value)) {
    const child = schema.properties[k];
    if (!child) out.push(`${at}.${k}: not in the CRD${schema['x-trimmed'] ? ' (or in the part the fixture left out)' : ''}; the API server would drop it`);
    else pruned(child, v, `${at}.${k}`, out);
  }
}

/** Every way `doc` breaks its CRD; empty when the API server would accept it unchanged. */
export function crdProblems(doc: { apiVersion?: string; kind?: string; [field: string]: unknown }): string[] {
  const { schema, validate } = load(`${doc.apiVersion} ${doc.kind}`);
  const problems = validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  pruned(schema, doc, '', problems);
  return problems;
}
